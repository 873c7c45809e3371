// Stable incident ids: an incident keeps its id when an earlier report changes its founding event, when two
// incidents merge (the other id becomes an alias), when a merge is undone, and across rebuilds.
import { describe, expect, it } from "vitest";
import {
  assignIdentity,
  emptyIdentity,
  FusionEngine,
  type IncidentIdentity,
  type Override,
} from "../../src/fuse/index.js";
import { type DocBuilder, distractor, outletA, outletB, outletC, outletD } from "./kerman-fixture.js";

function engineOf(docs: DocBuilder[], identity?: IncidentIdentity, overrides: Override[] = []): FusionEngine {
  const engine = new FusionEngine(identity ? { identity, overrides } : { overrides });
  for (const d of docs) engine.add(d.input());
  return engine;
}

const kerman = (e: FusionEngine) => e.incidents().find((i) => i.title.includes("Kerman"));
const quetta = (e: FusionEngine) => e.incidents().find((i) => i.title.includes("Quetta"));

describe("assignIdentity", () => {
  it("inherits by shared events, names new clusters after themselves and retires a merged-away id", () => {
    const first = assignIdentity(
      emptyIdentity(),
      new Map([
        ["c1", ["e1", "e2"]],
        ["c2", ["e3"]],
      ]),
    );
    expect([...first.idOf.values()]).toEqual(["c1", "c2"]);
    // the clusters are renamed under the hood (another founder) and then one absorbs the other
    const second = assignIdentity(first.identity, new Map([["x9", ["e3", "e1", "e2", "e4"]]]));
    expect(second.idOf.get("x9")).toBe("c1");
    expect(second.identity.aliases).toEqual([{ alias: "c2", incident: "c1" }]);
    // split again: the retired id comes back for the cluster made of its own events
    const third = assignIdentity(
      second.identity,
      new Map([
        ["y1", ["e1", "e2", "e4"]],
        ["y2", ["e3"]],
      ]),
    );
    expect(third.idOf.get("y1")).toBe("c1");
    expect(third.idOf.get("y2")).toBe("c2");
    expect(third.identity.aliases).toEqual([]);
  });

  it("never reuses a retired id for a new cluster", () => {
    const a = assignIdentity(emptyIdentity(), new Map([["c1", ["e1"]]]));
    const b = assignIdentity(a.identity, new Map([["c2", ["e1"]]]));
    expect(b.idOf.get("c2")).toBe("c1");
    const c = assignIdentity(
      b.identity,
      new Map([
        ["c1", ["e1"]],
        ["c1b", ["e7"]],
      ]),
    );
    expect(c.idOf.get("c1")).toBe("c1");
    expect(c.idOf.get("c1b")).toBe("c1b");
    const d = assignIdentity(
      c.identity,
      new Map([
        ["c1b", ["e1", "e7"]],
        ["c1", ["e8"]],
      ]),
    );
    // e1 and e7 started in c1 and c1b: the bigger origin wins (tie → smaller id), the new c1 cluster gets a fresh id
    expect(d.idOf.get("c1b")).toBe("c1");
    expect(d.idOf.get("c1")).not.toBe("c1");
    expect(d.idOf.get("c1")).not.toBe("c1b");
  });
});

describe("stable incident ids in the engine", () => {
  it("an earlier-dated report changes the founding event but not the id", () => {
    const later = [outletB(), outletC(), outletD(), distractor()];
    const before = engineOf(later);
    const id = kerman(before)?.id;
    expect(id).toBeDefined();
    const all = [outletA(), ...later];
    // without the stored ids the founder's hash would rename the incident: the test would catch a regression
    expect(kerman(engineOf(all))?.id).not.toBe(id);
    const after = engineOf(all, before.identity());
    expect(kerman(after)?.id).toBe(id);
    expect(kerman(after)?.documents).toHaveLength(4);
    expect(quetta(after)?.id).toBe(quetta(before)?.id);
  });

  it("a merge keeps the first id, the other resolves to it, and undo brings both back", () => {
    const docs = [outletA(), outletB(), outletC(), outletD(), distractor()];
    const base = engineOf(docs);
    const k = kerman(base)?.id ?? "";
    const q = quetta(base)?.id ?? "";
    const merge: Override = {
      id: "ov-m",
      kind: "merge-incidents",
      incidents: [q, k],
      createdAt: "2024-02-01T00:00:00Z",
      anchors: { [q]: quetta(base)?.events ?? [], [k]: kerman(base)?.events ?? [] },
    };
    const merged = engineOf(docs, base.identity(), [merge]);
    expect(merged.incidents().map((i) => i.id)).toEqual([q]);
    expect(merged.resolveId(k)).toBe(q);
    expect(merged.incident(k)?.id).toBe(q);
    expect(merged.identity().aliases).toEqual([{ alias: k, incident: q }]);
    // a rebuild with the stored ids keeps the same answer
    const rebuilt = engineOf(docs, merged.identity(), [merge]);
    expect(rebuilt.incidents().map((i) => i.id)).toEqual([q]);
    expect(rebuilt.resolveId(k)).toBe(q);
    // undo: both incidents again, each under its own old id
    const undone = engineOf(docs, rebuilt.identity());
    expect(kerman(undone)?.id).toBe(k);
    expect(quetta(undone)?.id).toBe(q);
  });

  it("a split-off part gets a new id and the rest keeps the incident's", () => {
    const docs = [outletA(), outletB(), outletC(), outletD(), distractor()];
    const base = engineOf(docs);
    const k = kerman(base);
    const event = docs[3]!.facts.events[1]!.id;
    const split: Override = {
      id: "ov-s",
      kind: "split-incident",
      incident: k?.id ?? "",
      events: [event],
      createdAt: "2024-02-01T00:00:00Z",
    };
    const after = engineOf(docs, base.identity(), [split]);
    expect(kerman(after)?.id).toBe(k?.id);
    const piece = after.incidents().find((i) => i.events.includes(event));
    expect(piece?.id).not.toBe(k?.id);
    // then a move into the split-off piece finds it by its id on replay
    const moved = docs[1]!.facts.events[0]!.id;
    const move: Override = {
      id: "ov-mv",
      kind: "move-event",
      event: moved,
      to: piece?.id ?? "",
      createdAt: "2024-02-02T00:00:00Z",
      anchors: { [piece?.id ?? ""]: piece?.events ?? [] },
    };
    const again = engineOf(docs, after.identity(), [split, move]);
    expect(again.incidents().find((i) => i.events.includes(moved))?.id).toBe(piece?.id);
    expect(kerman(again)?.id).toBe(k?.id);
  });
});
