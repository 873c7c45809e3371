// Contradiction hygiene on hand-made reports: one record per attribute and kind, revision timelines across
// outlets, restated past figures, per-event attachment of tolls, one-day date differences, incident titles.
import { describe, expect, it } from "vitest";
import { FusionEngine, findContradictions } from "../../src/fuse/index.js";
import type { AttributeValue, Incident } from "../../src/model/records.js";
import { DocBuilder, KERMAN_GEO, outletA, src } from "./kerman-fixture.js";

const ERBIL_GEO = { lat: 36.19, lon: 44.01, country: "IQ", admin1: "Erbil", precision: "city" as const };

/** A short Kerman report from `outlet` on `published` giving `killed` dead. */
function tollReport(outlet: string, published: string, killed: number, sentence: string): DocBuilder {
  const b = new DocBuilder(sentence, outlet, published, src(outlet, "C"));
  const kerman = b.entity("place", "Kerman", { geo: KERMAN_GEO });
  const sol = b.entity("person", "Qassem Soleimani");
  b.event("bombing", "bombing", {
    date: "2024-01-03",
    place: kerman,
    counts: [b.count("killed", killed)],
    participants: [{ role: "target", entity: sol, text: "Qassem Soleimani" }],
  });
  return b;
}

const num = (v: { value: unknown }): number => (v.value as { value: number }).value;

function engineOf(...docs: DocBuilder[]): FusionEngine {
  const engine = new FusionEngine();
  for (const d of docs) engine.add(d.input());
  return engine;
}

function kermanOf(engine: FusionEngine): Incident {
  const inc = engine.incidents().find((i) => i.title.includes("Kerman"));
  if (!inc) throw new Error("no Kerman incident");
  return inc;
}

describe("revisions", () => {
  it("lists each distinct toll once, in time order, with every document that gave it", () => {
    const a = outletA(); // 103 on 3 Jan
    const b = tollReport("Gulf Daily", "2024-01-04", 95, "The bombing near the grave of Qassem Soleimani killed 95.");
    const c = tollReport(
      "Caspian Post",
      "2024-01-04",
      95,
      "Officials said the bombing at the Qassem Soleimani grave left 95 dead.",
    );
    const d = tollReport(
      "Gulf Daily",
      "2024-01-06",
      84,
      "The toll from the bombing for Qassem Soleimani mourners fell to 84.",
    );
    const e = tollReport(
      "Levant Note",
      "2024-01-10",
      84,
      "By Wednesday the Qassem Soleimani memorial bombing toll was 84.",
    );
    const engine = engineOf(a, b, c, d, e);
    const kerman = kermanOf(engine);
    expect(kerman.attributes.killed).toHaveLength(5); // every source value is kept
    const killed = engine.contradictions().filter((x) => x.incident === kerman.id && x.attribute === "killed");
    expect(killed.map((x) => x.kind)).toEqual(["revision"]);
    const rev = killed[0];
    expect(rev?.values.map(num)).toEqual([103, 95, 84]);
    expect(rev?.values.map((v) => v.publishedAt)).toEqual(["2024-01-03", "2024-01-04", "2024-01-06"]);
    expect(rev?.values[1]?.docs?.sort()).toEqual([b.doc.id, c.doc.id].sort());
    expect(rev?.values[2]?.docs?.sort()).toEqual([d.doc.id, e.doc.id].sort());
    expect(rev?.explanation).toMatch(/103 .*→ 95 .*→ 84/);
  });

  it("calls a figure given again after a newer one a dispute, not a step back", () => {
    const a = outletA(); // 103 on 3 Jan
    const b = tollReport("Gulf Daily", "2024-01-04", 95, "The bombing near the grave of Qassem Soleimani killed 95.");
    const c = tollReport(
      "Caspian Post",
      "2024-01-05",
      103,
      "The Qassem Soleimani bombing killed 103, the weekly said.",
    );
    const engine = engineOf(a, b, c);
    const killed = engine.contradictions().filter((x) => x.attribute === "killed");
    expect(killed.map((x) => x.kind).sort()).toEqual(["dispute", "revision"]);
    expect(killed.find((x) => x.kind === "revision")?.values.map(num)).toEqual([103, 95]);
    const dispute = killed.find((x) => x.kind === "dispute");
    expect(dispute?.explanation).toMatch(/103 given again on 2024-01-05 \(Caspian Post\) after 95 on 2024-01-04/);
    expect(dispute?.severity).toBe("low"); // a 7.8 % gap is medium, one level lower across days
  });

  it("counts a climb from an open figure to a larger one as a step", () => {
    const a = outletA();
    a.facts.events[0]!.counts = [a.count("killed", 60, "more_than", "103")];
    const b = tollReport("Gulf Daily", "2024-01-05", 61, "The Qassem Soleimani bombing killed 61 people.");
    const c = tollReport("Caspian Post", "2024-01-06", 137, "The Qassem Soleimani bombing has now killed 137.");
    const killed = engineOf(a, b, c)
      .contradictions()
      .filter((x) => x.attribute === "killed");
    expect(killed.map((x) => x.kind)).toEqual(["revision"]);
    expect(killed[0]?.values.map(num)).toEqual([60, 61, 137]);
    // "more than 60" then 61 is compatible (low); 61 then 137 is a 55 % jump (high, one level lower for a revision)
    expect(killed[0]?.severity).toBe("medium");
  });

  it("keeps at most one record per incident, attribute and kind", () => {
    const a = outletA();
    const b = tollReport(
      "Gulf Daily",
      "2024-01-03",
      84,
      "Provincial officials said the bombing for Qassem Soleimani killed 84.",
    );
    const c = tollReport(
      "Caspian Post",
      "2024-01-04",
      95,
      "The bombing at the Qassem Soleimani grave killed 95, officials said.",
    );
    const d = tollReport(
      "Levant Note",
      "2024-01-04",
      120,
      "A hospital source said the Qassem Soleimani bombing killed 120.",
    );
    const engine = engineOf(a, b, c, d);
    const keys = engine.contradictions().map((x) => `${x.incident}|${x.attribute}|${x.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
    const dispute = engine.contradictions().find((x) => x.attribute === "killed" && x.kind === "dispute");
    // 103 vs 84 on 3 Jan and 95 vs 120 on 4 Jan: one dispute naming both days
    expect(dispute?.explanation).toMatch(/2024-01-03, 2024-01-04/);
    expect(dispute?.values.map(num).sort((x, y) => x - y)).toEqual([84, 95, 103, 120]);
  });
});

describe("restated past figures", () => {
  /** A report of 6 January giving the ministry's new toll and recalling the first one. */
  function laterReport(): DocBuilder {
    const b = new DocBuilder(
      "The health ministry lowered the number of dead from the Kerman bombing to 84 on Friday. Officials had given 103 dead on Wednesday.",
      "Gulf Daily",
      "2024-01-06",
      src("Gulf Daily", "B"),
    );
    const kerman = b.entity("place", "Kerman", { geo: KERMAN_GEO });
    const ministry = b.entity("organization", "health ministry");
    b.event("bombing", "bombing", {
      date: "2024-01-03",
      place: kerman,
      counts: [b.count("killed", 84)],
      reportedBy: ministry,
    });
    b.event("death", "dead on Wednesday", {
      date: "2024-01-03",
      counts: [b.count("killed", 103, "exact", "103 dead")],
    });
    return b;
  }

  it("does not let a recalled earlier figure dispute the document's current one", () => {
    const a = outletA();
    const later = laterReport();
    const engine = engineOf(a, later);
    const kerman = kermanOf(engine);
    const recalled = kerman.attributes.killed?.find((v) => v.doc === later.doc.id && num(v) === 103);
    expect(recalled?.asOf).toBe("2024-01-03");
    expect(kerman.attributes.killed?.find((v) => v.doc === later.doc.id && num(v) === 84)?.asOf).toBeUndefined();
    const killed = engine.contradictions().filter((x) => x.attribute === "killed");
    expect(killed.map((x) => x.kind)).toEqual(["revision"]);
    // the recalled 103 supports the first figure
    expect(killed[0]?.values[0]?.docs).toEqual(expect.arrayContaining([a.doc.id, later.doc.id]));
    expect(killed[0]?.values.map(num)).toEqual([103, 84]);
  });

  it("puts a figure only ever recalled at its as-of day in the timeline", () => {
    const b = new DocBuilder(
      "Officials revised the Kerman bombing toll to 95 on Thursday, down from the 103 dead first counted on Wednesday.",
      "Gulf Daily",
      "2024-01-04",
      src("Gulf Daily", "B"),
    );
    const kerman = b.entity("place", "Kerman", { geo: KERMAN_GEO });
    b.event("bombing", "bombing", { date: "2024-01-03", place: kerman, counts: [b.count("killed", 95)] });
    b.event("death", "dead first counted", { date: "2024-01-03", counts: [b.count("killed", 103)] });
    const rev = engineOf(b)
      .contradictions()
      .filter((x) => x.attribute === "killed");
    expect(rev.map((x) => x.kind)).toEqual(["revision"]);
    expect(rev[0]?.values.map(num)).toEqual([103, 95]);
    expect(rev[0]?.values.map((v) => v.publishedAt)).toEqual(["2024-01-03", "2024-01-04"]);
    expect(rev[0]?.explanation).toMatch(/103 \(2024-01-03, recalled later\) → 95 \(2024-01-04\)/);
  });

  it("reads a same-day figure its sentence calls the first one as recalled", () => {
    const text =
      "Gunmen attacked a concert hall in Krasnogorsk on Friday. The security service first said 40 people had died. Investigators later raised the number of dead to over sixty.";
    const b = new DocBuilder(text, "Volga Wire", "2024-03-22", src("Volga Wire", "C"));
    const hall = b.entity("place", "Krasnogorsk", {
      geo: { lat: 55.82, lon: 37.33, country: "RU", admin1: "Moscow Oblast", precision: "city" },
    });
    const fsb = b.entity("organization", "security service");
    const ic = b.entity("organization", "Investigators");
    b.event("armed_assault", "attacked", { date: "2024-03-22", place: hall });
    const first = b.event("death", "had died", { counts: [b.count("killed", 40)], reportedBy: fsb });
    const later = b.event("death", "number of dead", {
      counts: [b.count("killed", 60, "more_than", "over sixty")],
      reportedBy: ic,
    });
    for (const [id, sentence] of [
      [first, "The security service first said 40 people had died."],
      [later, "Investigators later raised the number of dead to over sixty."],
    ] as const) {
      const ev = b.facts.events.find((e) => e.id === id);
      if (ev) ev.sentence = b.span(sentence);
    }
    const engine = engineOf(b);
    const killed = engine.contradictions().filter((x) => x.attribute === "killed");
    expect(killed.map((x) => x.kind)).toEqual(["revision"]);
    expect(killed[0]?.values.map(num)).toEqual([40, 60]);
    expect(engine.incidents()[0]?.attributes.killed?.find((v) => num(v) === 40)?.asOf).toBe("2024-03-22");
  });

  it("still reports two current figures of one day from different speakers as a dispute", () => {
    const b = new DocBuilder(
      "The ministry said 84 died in the Kerman bombing; hospital staff put the toll at 120.",
      "Gulf Daily",
      "2024-01-04",
      src("Gulf Daily", "B"),
    );
    const kerman = b.entity("place", "Kerman", { geo: KERMAN_GEO });
    const ministry = b.entity("organization", "the ministry");
    const staff = b.entity("organization", "hospital staff");
    b.event("bombing", "bombing", { date: "2024-01-03", place: kerman });
    b.event("death", "died", { counts: [b.count("killed", 84)], reportedBy: ministry });
    b.event("death", "toll", { counts: [b.count("killed", 120)], reportedBy: staff });
    const engine = engineOf(b);
    expect(kermanOf(engine).attributes.killed?.every((v) => !v.asOf)).toBe(true);
    const killed = engine.contradictions().filter((x) => x.attribute === "killed");
    expect(killed.map((x) => x.kind)).toEqual(["dispute"]);
  });
});

describe("tolls attach per event", () => {
  it("gives an undated death toll to the attack told just before it, not the document's main incident", () => {
    const b = new DocBuilder(
      "The strikes came two weeks after the bombing in Kerman that killed 94 people. A second salvo of missiles struck Erbil in northern Iraq on Monday night. Kurdish officials said the strike killed four civilians in their homes.",
      "Tigris Review",
      "2024-01-16",
      src("Tigris Review", "C"),
    );
    const kerman = b.entity("place", "Kerman", { geo: KERMAN_GEO });
    const erbil = b.entity("place", "Erbil", { geo: ERBIL_GEO });
    b.event("bombing", "bombing", { date: "2024-01-03", place: kerman, counts: [b.count("killed", 94)] });
    b.event("missile_strike", "missiles struck", { place: erbil });
    b.event("death", "killed four", { counts: [b.count("killed", 4, "exact", "four")] });
    const engine = engineOf(outletA(), b);
    const kerman2 = kermanOf(engine);
    expect(kerman2.attributes.killed?.map(num).sort()).toEqual([103, 94]);
    const erbilInc = engine.incidents().find((i) => i.title.includes("Erbil"));
    expect(erbilInc?.attributes.killed?.map(num)).toEqual([4]);
    expect(erbilInc?.explanation.join(" ")).toMatch(/follows its attack event/);
  });
});

describe("dates", () => {
  it("collapses one-day differences into one low-severity dispute and titles the modal day", () => {
    const a = outletA(); // 3 Jan
    const b = new DocBuilder(
      "Islamic State said on Thursday it carried out the Kerman bombing at the Qassem Soleimani memorial.",
      "Gulf Daily",
      "2024-01-08", // a weekly recap: its "Thursday" is not the report's own day
      src("Gulf Daily", "B"),
    );
    const k1 = b.entity("place", "Kerman", { geo: KERMAN_GEO });
    const s1 = b.entity("person", "Qassem Soleimani");
    const target = [{ role: "target", entity: s1, text: "Qassem Soleimani" }];
    b.event("bombing", "bombing", { date: "2024-01-04", place: k1, participants: target });
    const c = tollReport("Caspian Post", "2024-01-06", 84, "The bombing for Qassem Soleimani mourners killed 84.");
    const d = tollReport("Levant Note", "2024-01-07", 84, "The Qassem Soleimani bombing left 84 dead, officials said.");
    const engine = engineOf(a, b, c, d);
    const kerman = kermanOf(engine);
    const dates = engine.contradictions().filter((x) => x.incident === kerman.id && x.attribute === "date");
    expect(dates).toHaveLength(1);
    expect(dates[0]?.kind).toBe("dispute");
    expect(dates[0]?.severity).toBe("low");
    expect(dates[0]?.values.map((v) => (v.value as { iso: string }).iso)).toEqual(["2024-01-03", "2024-01-04"]);
    expect(dates[0]?.values[0]?.docs).toHaveLength(3);
    expect(kerman.date?.iso).toBe("2024-01-03");
    expect(kerman.title).toBe("bombing in Kerman on 2024-01-03");
  });

  it("rates dates two or more days apart high", () => {
    const day = (iso: string) => ({ iso, precision: "day", start: iso, end: iso });
    const v = (doc: string, iso: string): AttributeValue => ({ doc, value: day(iso), publishedAt: "2024-01-08" });
    const inc: Incident = {
      id: "inc-x",
      type: "bombing",
      title: "t",
      perpetrators: [],
      attributes: { date: [v("d1", "2024-01-03"), v("d2", "2024-01-03"), v("d3", "2024-01-06")] },
      events: [],
      documents: ["d1", "d2", "d3"],
      explanation: [],
    };
    const out = findContradictions(inc, { outletOf: (d) => d, nameOf: (x) => x });
    expect(out).toHaveLength(1);
    expect(out[0]?.severity).toBe("high");
    expect(out[0]?.values[0]?.docs).toEqual(["d1", "d2"]);
  });
});

describe("incident titles", () => {
  it("prefers a well-supported specific place over a more frequent country", () => {
    const docs = [outletA(), tollReport("Gulf Daily", "2024-01-04", 103, "The Qassem Soleimani bombing killed 103.")];
    for (const [i, outlet] of ["Caspian Post", "Levant Note", "Nile Courier"].entries()) {
      const b = new DocBuilder(
        `A bombing in Iran at the memorial of Qassem Soleimani killed 103 people (${outlet} report ${i}).`,
        outlet,
        "2024-01-04",
        src(outlet, "C"),
      );
      const iran = b.entity("state", "Iran", { country: "IR" });
      const sol = b.entity("person", "Qassem Soleimani");
      b.event("bombing", "bombing", {
        date: "2024-01-03",
        place: iran,
        counts: [b.count("killed", 103)],
        participants: [{ role: "target", entity: sol, text: "Qassem Soleimani" }],
      });
      docs.push(b);
    }
    const engine = engineOf(...docs);
    expect(engine.incidents()).toHaveLength(1);
    expect(engine.incidents()[0]?.title).toBe("bombing in Kerman on 2024-01-03");
  });
});

describe("perpetrators", () => {
  it("does not set a branch against its parent group, but does set a state against both", () => {
    const b = new DocBuilder(
      "Islamic State claimed the Kerman bombing. Officials later said its Khorasan branch ISKP planned it. State media blamed Israel.",
      "Gulf Daily",
      "2024-01-05",
      src("Gulf Daily", "B"),
    );
    const kerman = b.entity("place", "Kerman", { geo: KERMAN_GEO });
    const is = b.entity("armed_group", "Islamic State", { rule: "gazetteer:armed-groups:is" });
    const isk = b.entity("armed_group", "Islamic State Khorasan Province", {
      aliases: ["ISKP"],
      rule: "gazetteer:armed-groups:is-k",
    });
    const officials = b.entity("organization", "Officials");
    const media = b.entity("organization", "State media");
    const israel = b.entity("state", "Israel", { country: "IL" });
    const attack = b.event("bombing", "bombing", { date: "2024-01-03", place: kerman });
    b.claim("responsibility", "claimed", "the Kerman bombing", { speaker: is, about: [attack] });
    b.claim("attribution", "said", "its Khorasan branch ISKP planned it", {
      speaker: officials,
      target: isk,
      about: [attack],
    });
    const noState = engineOf(b);
    expect(noState.contradictions().filter((x) => x.attribute === "perpetrator")).toHaveLength(0);
    b.claim("accusation", "blamed", "Israel", { speaker: media, target: israel, about: [attack] });
    const withState = engineOf(b);
    const perp = withState.contradictions().filter((x) => x.attribute === "perpetrator");
    expect(perp.map((x) => x.kind)).toEqual(["dispute"]);
    expect(perp[0]?.values).toHaveLength(3);
    // "Israeli" (a nationality of the same country) is the same accused actor, not a fourth value
    const israeli = b.entity("nationality", "Israeli", { country: "IL" });
    b.claim("accusation", "State media", "Israeli", { speaker: media, target: israeli, about: [attack] });
    const both = engineOf(b)
      .contradictions()
      .filter((x) => x.attribute === "perpetrator");
    expect(both[0]?.values).toHaveLength(3);
    expect(both[0]?.explanation).toMatch(/Israel \(attributed\)/);
    expect(both[0]?.explanation).not.toMatch(/Israeli/);
  });
});
