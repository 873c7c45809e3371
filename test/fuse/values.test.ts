import { describe, expect, it } from "vitest";
import {
  countInterval,
  countsConflict,
  credibility,
  FusionEngine,
  NearDuplicateIndex,
  valuesConflict,
} from "../../src/fuse/index.js";
import { outletA, outletB, src } from "./kerman-fixture.js";

const c = (min: number, max: number | null, qualifier: "exact" | "at_least" | "about" = "exact") => ({
  value: min,
  min,
  max,
  qualifier,
});

describe("counts as intervals", () => {
  it("compares qualifiers", () => {
    expect(countsConflict(c(95, null, "at_least"), c(84, 84))).toBe(true);
    expect(countsConflict(c(80, null, "at_least"), c(84, 84))).toBe(false);
    expect(countsConflict(c(100, 100, "about"), c(95, 95))).toBe(false);
    expect(countsConflict(c(11, 11), c(35, 35))).toBe(true);
    expect(countInterval(c(95, null, "at_least")).max).toBe(Number.POSITIVE_INFINITY);
  });

  it("compares dates as intervals of their precision", () => {
    const day = { iso: "2024-01-03", precision: "day", start: "2024-01-03", end: "2024-01-03" };
    const month = { iso: "2024-01", precision: "month", start: "2024-01-01", end: "2024-01-31" };
    const other = { iso: "2024-01-05", precision: "day", start: "2024-01-05", end: "2024-01-05" };
    expect(valuesConflict("date", day, month)).toBe(false);
    expect(valuesConflict("date", day, other)).toBe(true);
  });
});

describe("near-duplicate detection", () => {
  const story =
    "Two blasts tore through a crowd marking the anniversary of a general's death in the southern city on Wednesday, " +
    "and state television said more than one hundred people died while rescue teams carried the wounded to hospitals " +
    "across the province as officials promised a swift investigation into who planted the devices near the cemetery road.";
  it("finds a lightly edited wire copy and ignores a different story", () => {
    const idx = new NearDuplicateIndex();
    expect(idx.add("a", story)).toEqual([]);
    const copy = story.replace("Wednesday", "Wednesday afternoon").replace("officials", "the authorities");
    const hits = idx.add("b", copy);
    expect(hits.map((h) => h.doc)).toEqual(["a"]);
    expect(hits[0]?.similarity).toBeGreaterThan(0.6);
    const other =
      "Police in the port city arrested four men suspected of smuggling fuel across the border after a long chase " +
      "that ended near the fish market, according to a statement from the provincial governor's office on Monday.";
    expect(idx.add("c", other)).toEqual([]);
  });

  it("copies of one story corroborate a fact once", () => {
    const engine = new FusionEngine();
    const a = outletA(src("Tehran Wire", "B"));
    engine.add(a.input());
    // a second outlet runs the same wire story verbatim
    const copy = outletA(src("Regional Herald", "B"));
    copy.doc.id = `${copy.doc.id.slice(0, 60)}copy`;
    copy.facts.doc = copy.doc.id;
    for (const ev of copy.facts.events) {
      ev.id = `${ev.id}-copy`;
      ev.doc = copy.doc.id;
    }
    const delta = engine.add(copy.input());
    expect(delta.duplicateOf).toEqual([a.doc.id]);
    const inc = engine.incidents()[0]!;
    const corr = engine.corroboration(inc.id, "killed");
    expect(corr.independentSources).toBe(1);
    expect(corr.copies).toBe(1);
    expect(corr.credibility).toBe(3);
    expect(inc.explanation.join(" ")).toMatch(/near-duplicate/);
  });
});

describe("credibility table", () => {
  it("follows the documented rules", () => {
    expect(credibility({ supporting: [], contradicting: 0 })).toBe(6);
    expect(credibility({ supporting: ["F"], contradicting: 0 })).toBe(3);
    expect(credibility({ supporting: ["C", "F"], contradicting: 0 })).toBe(3);
    expect(credibility({ supporting: ["C", "D", "F"], contradicting: 0 })).toBe(2);
    expect(credibility({ supporting: ["A", "B"], contradicting: 0 })).toBe(1);
    expect(credibility({ supporting: ["C"], contradicting: 1 })).toBe(4);
    expect(credibility({ supporting: ["C"], contradicting: 2 })).toBe(5);
  });

  it("grades what a document says as reliability + credibility", () => {
    const engine = new FusionEngine();
    const a = outletA(src("Tehran Wire", "C"));
    const b = outletB(src("Gulf Daily", "B"));
    engine.add(a.input());
    engine.add(b.input());
    const inc = engine.incidents()[0]!;
    // 103 vs 84 on the same day from two independent outlets: each is contradicted once
    expect(engine.grade(a.doc.id, { incident: inc.id, attribute: "killed" })).toBe("C4");
    expect(engine.grade(b.doc.id, { incident: inc.id, attribute: "killed" })).toBe("B4");
    // the date is reported by both and contradicted by none
    expect(engine.grade(b.doc.id, { incident: inc.id, attribute: "date" })).toBe("B3");
    expect(engine.corroboration(inc.id, "date").independentSources).toBe(2);
  });
});
