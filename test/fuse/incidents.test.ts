import { describe, expect, it } from "vitest";
import { FusionEngine, type Override } from "../../src/fuse/index.js";
import { distractor, outletA, outletB, outletC, outletD } from "./kerman-fixture.js";

function kermanEngine(overrides: Override[] = []) {
  const docs = [outletA(), outletB(), outletC(), outletD(), distractor()];
  const engine = new FusionEngine({ overrides });
  for (const d of docs) engine.add(d.input());
  return { engine, docs };
}

const kermanOf = (engine: FusionEngine) => engine.incidents().find((i) => i.title.includes("Kerman"));

describe("incident fusion", () => {
  it("clusters three outlets' reports into one incident and keeps a distractor apart", () => {
    const { engine, docs } = kermanEngine();
    const incidents = engine.incidents();
    expect(incidents).toHaveLength(2);
    const kerman = kermanOf(engine);
    expect(kerman).toBeDefined();
    const [a, b, c, d, e] = docs.map((x) => x.doc.id);
    expect(kerman?.documents).toEqual(expect.arrayContaining([a, b, c, d]));
    expect(kerman?.documents).not.toContain(e);
    expect(kerman?.date?.iso).toBe("2024-01-03");
    const quetta = incidents.find((i) => i !== kerman);
    expect(quetta?.documents).toEqual([e]);
  });

  it("explains each link in words", () => {
    const { engine } = kermanEngine();
    const kerman = kermanOf(engine);
    const lines = engine.explain(kerman?.id ?? "");
    expect(lines.some((l) => /founded/.test(l))).toBe(true);
    expect(lines.some((l) => /joined .*same date 2024-01-03.*same place Kerman/.test(l))).toBe(true);
    const quetta = engine.incidents().find((i) => i !== kerman);
    expect(quetta?.explanation.join(" ")).toMatch(/founded/);
  });

  it("keeps every source value and the perpetrator bases", () => {
    const { engine } = kermanEngine();
    const kerman = kermanOf(engine);
    const killed = kerman?.attributes.killed?.map((v) => (v.value as { value: number }).value).sort();
    expect(killed).toEqual([103, 84]);
    expect(kerman?.attributes.killed?.every((v) => v.span && v.publishedAt)).toBe(true);
    const bases = kerman?.perpetrators.map((p) => p.basis).sort();
    expect(bases).toEqual(["attributed", "claimed"]);
    const names = new Map(engine.entities().map((e) => [e.id, e.name]));
    expect(kerman?.perpetrators.map((p) => names.get(p.entity)).sort()).toEqual(["Islamic State", "Israel"]);
  });

  it("labels a revision by one channel and a same-day dispute between outlets", () => {
    const { engine } = kermanEngine();
    const kerman = kermanOf(engine);
    const cons = engine.contradictions().filter((c) => c.incident === kerman?.id);
    const arrests = cons.find((c) => c.attribute === "arrested");
    expect(arrests?.kind).toBe("revision");
    expect(arrests?.values.map((v) => (v.value as { value: number }).value)).toEqual([11, 35]);
    expect(arrests?.explanation).toMatch(/11 \(2024-01-05\) → 35 \(2024-01-11\)/);
    const killed = cons.find((c) => c.attribute === "killed");
    expect(killed?.kind).toBe("dispute");
    expect(killed?.severity).toBe("high");
    expect(killed?.explanation).toMatch(/2024-01-03/);
    const perp = cons.find((c) => c.attribute === "perpetrator");
    expect(perp?.kind).toBe("dispute");
  });

  it("calls two values from one channel on one day a dispute, not a revision", () => {
    const a = outletA();
    const b = outletB();
    const ministryA = a.entity("organization", "Ministry of Health");
    const ministryB = b.entity("organization", "Ministry of Health");
    a.facts.events[0]!.reportedBy = ministryA;
    b.facts.events[0]!.reportedBy = ministryB;
    const engine = new FusionEngine();
    engine.add(a.input());
    engine.add(b.input());
    const killed = engine.contradictions().filter((c) => c.attribute === "killed");
    expect(killed.map((c) => c.kind)).toEqual(["dispute"]);
  });

  it("treats an attack dated on its report's day, without figures, as a reference to an earlier attack", () => {
    const { engine, docs } = kermanEngine();
    // outlet D's "bombings" carries the statement's day (11 Jan) in this variant
    const d = outletD();
    d.facts.events[0]!.date = { iso: "2024-01-11", precision: "day", start: "2024-01-11", end: "2024-01-11" };
    const fresh = new FusionEngine();
    for (const x of docs.slice(0, 3)) fresh.add(x.input());
    fresh.add(d.input());
    const kerman = kermanOf(fresh);
    expect(kerman?.documents).toContain(d.doc.id);
    expect(kerman?.date?.iso).toBe("2024-01-03");
    expect(engine.incidents()).toHaveLength(2);
  });

  it("does not flag 'at least 80' against 84", () => {
    const b = outletB();
    const a2 = outletA();
    a2.facts.events[0]!.counts = [a2.count("killed", 80, "at_least", "103")];
    const engine = new FusionEngine();
    engine.add(a2.input());
    engine.add(b.input());
    expect(engine.contradictions().filter((c) => c.attribute === "killed")).toHaveLength(0);
  });

  it("is incremental: a later document reports which incidents it touched", () => {
    const engine = new FusionEngine();
    const first = engine.add(outletA().input());
    expect(first.created).toHaveLength(1);
    const second = engine.add(outletB().input());
    expect(second.created).toHaveLength(0);
    expect(second.touched).toEqual(first.created);
    expect(engine.add(outletB().input()).links).toHaveLength(0); // the same document twice is ignored
  });
});

describe("analyst overrides", () => {
  it("merge survives replay and undo restores the automatic result", () => {
    const { engine } = kermanEngine();
    const [x, y] = engine.incidents().map((i) => i.id);
    const o: Override = {
      id: "ov1",
      kind: "merge-incidents",
      incidents: [x ?? "", y ?? ""],
      createdAt: "2024-02-01T00:00:00Z",
      note: "test",
    };
    engine.applyOverride(o);
    expect(engine.incidents()).toHaveLength(1);
    expect(engine.explain(x ?? "").join(" ")).toMatch(/analyst override ov1/);
    // replay from scratch with the stored override
    const replay = kermanEngine([o]).engine;
    expect(replay.incidents()).toHaveLength(1);
    expect(replay.incidents()[0]?.id).toBe(x);
    replay.undo("ov1");
    expect(replay.incidents()).toHaveLength(2);
  });

  it("split and move put events where the analyst says", () => {
    const { engine, docs } = kermanEngine();
    const kerman = kermanOf(engine);
    const arrestEvent = docs[3]!.facts.events[1]!.id;
    engine.applyOverride({
      id: "ov-split",
      kind: "split-incident",
      incident: kerman?.id ?? "",
      events: [arrestEvent],
      createdAt: "2024-02-01T00:00:00Z",
    });
    expect(engine.incidents()).toHaveLength(3);
    const split = engine.incidents().find((i) => i.events.includes(arrestEvent));
    expect(split?.events).toEqual([arrestEvent]);
    engine.applyOverride({
      id: "ov-move",
      kind: "move-event",
      event: arrestEvent,
      to: kerman?.id ?? "",
      createdAt: "2024-02-02T00:00:00Z",
    });
    expect(engine.incidents()).toHaveLength(2);
    engine.undo("ov-move");
    engine.undo("ov-split");
    expect(kermanOf(engine)?.events).toContain(arrestEvent);
  });

  it("titles a split-off part apart from the incident it left, with the analyst's note", () => {
    const { engine } = kermanEngine();
    const kerman = kermanOf(engine);
    const [first, second] = kerman?.events ?? [];
    if (!kerman || !first || !second) throw new Error("fixture: a Kerman incident of two events or more expected");
    engine.applyOverride({
      id: "ov-split-title",
      kind: "split-incident",
      incident: kerman.id,
      events: [first],
      note: "the second blast",
      createdAt: "2024-02-01T00:00:00Z",
    });
    const part = engine.incidents().find((i) => i.events.includes(first));
    const rest = engine.incidents().find((i) => i.events.includes(second));
    expect(part?.title).toMatch(/\(split off: the second blast\)$/);
    expect(rest?.title).not.toMatch(/split off/);
    expect(part?.title).not.toBe(rest?.title);
    engine.undo("ov-split-title");
    expect(engine.incidents().find((i) => i.events.includes(first))?.title).not.toMatch(/split off/);
  });

  it("an entity unmerge made before the reports were replayed splits the entity as it did when made", () => {
    const { engine: built } = kermanEngine();
    const sol = built.entities().find((e) => e.name.includes("Soleimani"));
    if (!sol) throw new Error("fixture: a Soleimani entity expected");
    const unmerge: Override = {
      id: "un-replay",
      kind: "unmerge-entity",
      entity: sol.id,
      members: ["General Qasem Soleimani"],
      createdAt: "2024-02-01T00:00:00Z",
    };
    built.applyOverride(unmerge);
    const persons = (e: FusionEngine) =>
      e
        .entities()
        .filter((x) => x.type === "person")
        .map((x) => [x.id, [...x.aliases].sort()]);
    // a rebuild: a new engine under the stored override, fed the same reports from nothing
    const { engine: replayed } = kermanEngine([unmerge]);
    expect(persons(replayed)).toHaveLength(2);
    expect(persons(replayed)).toEqual(persons(built));
  });

  it("entity unmerge and merge are reversible", () => {
    const { engine } = kermanEngine();
    const sol = engine.entities().find((e) => e.name.includes("Soleimani"));
    expect(sol?.aliases).toEqual(expect.arrayContaining(["Qassem Soleimani", "General Qasem Soleimani"]));
    engine.applyOverride({
      id: "un1",
      kind: "unmerge-entity",
      entity: sol?.id ?? "",
      members: ["General Qasem Soleimani"],
      createdAt: "2024-02-01T00:00:00Z",
    });
    const split = engine.entities().filter((e) => e.type === "person");
    expect(split).toHaveLength(2);
    engine.undo("un1");
    expect(engine.entities().filter((e) => e.type === "person")).toHaveLength(1);
    const [a, b] = engine.entities().filter((e) => e.type === "state" || e.type === "armed_group");
    engine.applyOverride({
      id: "m1",
      kind: "merge-entities",
      entities: [a?.id ?? "", b?.id ?? ""],
      createdAt: "2024-02-01T00:00:00Z",
    });
    expect(engine.entities().find((e) => e.id === a?.id)?.aliases.length).toBeGreaterThan(1);
    expect(engine.entityEvidence(a?.id ?? "").some((x) => x.reason === "analyst merge")).toBe(true);
    engine.undo("m1");
    expect(engine.entities().find((e) => e.id === b?.id)).toBeDefined();
  });
});
