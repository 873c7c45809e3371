import { describe, expect, it } from "vitest";
import { AchModel, emptyAch, isDiagnostic, scoreAch } from "../../src/ach/index.js";

// A small matrix written for this test: who bombed a memorial procession?
function matrix(): AchModel {
  return {
    incident: "inc-1",
    hypotheses: [
      { id: "h1", text: "A transnational jihadist group carried out the attack" },
      { id: "h2", text: "A foreign state service carried out the attack" },
    ],
    evidence: [
      {
        id: "e1",
        text: "The group's news agency published a claim naming both bombers",
        source: "Wire A",
        credibility: "high",
        relevance: "high",
      },
      {
        id: "e2",
        text: "Officials blamed a foreign state within hours",
        source: "State TV",
        credibility: "low",
        relevance: "medium",
      },
      {
        id: "e3",
        text: "The bombers were identified as foreign nationals",
        source: "Wire B",
        credibility: "medium",
        relevance: "high",
      },
    ],
    ratings: {
      e1: { h1: "CC", h2: "II" },
      e2: { h1: "I", h2: "C" },
      e3: { h1: "C", h2: "N" },
    },
    disabledSources: [],
  };
}

describe("scoreAch", () => {
  it("sums inconsistency points weighted by credibility × relevance", () => {
    const s = scoreAch(matrix());
    expect(s.map((x) => x.hypothesis)).toEqual(["h1", "h2"]);
    // h1: one I on a low×medium row → 1 × 0.5 × 0.75
    expect(s[0]).toMatchObject({ inconsistency: 1, weighted: 0.375, rank: 1 });
    // h2: one II on a high×high row → 2 × 1 × 1
    expect(s[1]).toMatchObject({ inconsistency: 2, weighted: 2, rank: 2 });
  });

  it("treats missing cells as neutral", () => {
    const m = matrix();
    m.ratings = {};
    expect(scoreAch(m).every((x) => x.weighted === 0 && x.rank === 1)).toBe(true);
  });

  it("re-ranks when a source is switched off (sensitivity)", () => {
    const m = matrix();
    m.ratings.e3 = { h1: "II", h2: "C" };
    // With Wire B: h1 = 0.375 + 2 × 0.75 = 1.875, h2 = 2 → h1 leads narrowly.
    expect(scoreAch(m).find((x) => x.rank === 1)?.hypothesis).toBe("h1");
    m.disabledSources = ["Wire A"];
    // Without the claim row, h2 carries no inconsistency at all.
    const s = scoreAch(m);
    expect(s.find((x) => x.hypothesis === "h2")).toMatchObject({ weighted: 0, rank: 1 });
    expect(s.find((x) => x.hypothesis === "h1")?.rank).toBe(2);
  });

  it("keeps rows without a source whatever is disabled", () => {
    const m = matrix();
    m.evidence.push({ id: "e4", text: "Unsourced note", credibility: "high", relevance: "high" });
    m.ratings.e4 = { h1: "I", h2: "I" };
    m.disabledSources = ["Wire A", "State TV", "Wire B"];
    expect(scoreAch(m).map((x) => x.weighted)).toEqual([1, 1]);
  });

  it("flags evidence that scores every hypothesis alike as non-diagnostic", () => {
    const m = matrix();
    expect(isDiagnostic(m, "e1")).toBe(true);
    m.ratings.e3 = { h1: "C", h2: "CC" };
    expect(isDiagnostic(m, "e3")).toBe(false);
  });

  it("validates a saved record and fills defaults", () => {
    const parsed = AchModel.parse({ incident: "x", hypotheses: [], evidence: [], ratings: {} });
    expect(parsed.disabledSources).toEqual([]);
    expect(() => AchModel.parse({ ...emptyAch("x"), ratings: { e1: { h1: "maybe" } } })).toThrow();
  });
});
