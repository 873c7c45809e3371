// The relevance judgement on reports written for this test: a bombing that happened is actual; a threat, a plan,
// an anniversary mention and a clash between two armies are not. The rule classes are checked with the learned
// score switched off (rules only), and the shipped model must not turn the plain bombing into "other".
import { afterEach, describe, expect, it } from "vitest";
import { incidentRelevance } from "../../src/export/csv/coding.js";
import { setRelevanceModel } from "../../src/extract/events/relevance.js";
import { extractFacts } from "../../src/extract/index.js";
import { dateValue } from "../../src/model/dates.js";
import { makeDocument } from "../../src/model/document.js";

function judged(text: string): { type: string; relevance: unknown; cue: unknown }[] {
  const f = extractFacts(makeDocument({ origin: "t", text, format: "text", publishedAt: dateValue(2023, 4, 12) }));
  return f.events.map((e) => ({ type: e.type, relevance: e.attributes.relevance, cue: e.attributes.relevanceCue }));
}

const ofType = (xs: ReturnType<typeof judged>, types: string[]) => xs.filter((x) => types.includes(x.type));
const VIOLENT = ["attack", "death", "injury", "armed_clash"];

afterEach(() => setRelevanceModel(undefined));

describe("relevance rules", () => {
  it("a bombing that happened is actual", () => {
    setRelevanceModel(null);
    const xs = ofType(
      judged("A car bomb exploded outside the town hall of Arlenford on Tuesday morning, killing four clerks."),
      ["attack"],
    );
    expect(xs.length).toBeGreaterThan(0);
    expect(xs.every((x) => x.relevance === "actual")).toBe(true);
  });

  it("a threat to bomb is a threat", () => {
    setRelevanceModel(null);
    const xs = ofType(
      judged("The rebel front threatened on Tuesday to bomb every bridge into the capital unless its leader is freed."),
      ["attack"],
    );
    expect(xs.length).toBeGreaterThan(0);
    expect(xs.map((x) => x.relevance)).not.toContain("actual");
    expect(xs.map((x) => x.relevance)).toContain("threat");
  });

  it("a plan to attack is a plan", () => {
    setRelevanceModel(null);
    const xs = ofType(
      judged("Police said the cell had planned to attack the power station with homemade explosives next month."),
      ["attack"],
    );
    expect(xs.length).toBeGreaterThan(0);
    expect(xs.map((x) => x.relevance)).toContain("plan");
    expect(xs.map((x) => x.relevance)).not.toContain("actual");
  });

  it("an anniversary mention is history", () => {
    setRelevanceModel(null);
    const xs = ofType(
      judged("Hundreds gathered on Tuesday to mark the anniversary of the bombing of the central market."),
      ["attack"],
    );
    expect(xs.length).toBeGreaterThan(0);
    expect(xs.every((x) => x.relevance === "historical")).toBe(true);
  });

  it("two armies clashing is a military clash, the deaths of it too", () => {
    setRelevanceModel(null);
    const xs = ofType(
      judged(
        "Troops of the two neighbouring armies clashed along the disputed border on Tuesday, and six soldiers were killed.",
      ),
      VIOLENT,
    );
    expect(xs.length).toBeGreaterThan(0);
    expect(xs.every((x) => x.relevance === "military clash")).toBe(true);
  });
});

describe("relevance with the shipped model", () => {
  it("keeps the bombing that happened actual, with a score", () => {
    const text = "A car bomb exploded outside the town hall of Arlenford on Tuesday morning, killing four clerks.";
    const f = extractFacts(makeDocument({ origin: "t", text, format: "text", publishedAt: dateValue(2023, 4, 12) }));
    const attack = f.events.find((e) => e.type === "attack");
    expect(attack?.attributes.relevance).toBe("actual");
    expect(typeof attack?.attributes.relevanceScore).toBe("number");
  });
});

describe("incident relevance", () => {
  const inc = (values: string[]) =>
    ({
      id: "i",
      type: "attack",
      title: "",
      perpetrators: [],
      attributes: { relevance: values.map((value) => ({ value, doc: "d" })) },
      events: [],
      documents: ["d"],
      explanation: [],
    }) as Parameters<typeof incidentRelevance>[0];
  it("is actual when one member event is, else what most members were told as", () => {
    expect(incidentRelevance(inc(["historical", "actual"]))).toBe("actual");
    expect(incidentRelevance(inc(["military clash", "military clash", "other"]))).toBe("military clash");
    expect(incidentRelevance(inc([]))).toBeUndefined();
  });
});
