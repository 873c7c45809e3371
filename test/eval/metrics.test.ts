import { describe, expect, it } from "vitest";
import { bestCredit, maxMatching } from "../../eval/common/matching.js";
import { accRow, emptyTally, macroAccRow, prfRow, prfScores, tally } from "../../eval/common/metrics.js";
import { headWord, normalizeFiller } from "../../eval/common/strings.js";

describe("metrics", () => {
  it("computes P/R/F1 in percent from credit counts", () => {
    const s = prfScores({ credit: 3, predicted: 4, gold: 6 });
    expect(s.p).toBeCloseTo(75);
    expect(s.r).toBeCloseTo(50);
    expect(s.f1).toBeCloseTo(60);
    expect(prfScores({ credit: 0, predicted: 0, gold: 0 }).f1).toBe(100);
    expect(prfScores({ credit: 0, predicted: 2, gold: 0 }).p).toBe(0);
    expect(prfRow("x", { credit: 1.5, predicted: 2, gold: 3 })).toMatchObject({ p: 75, r: 50, n: 3 });
  });

  it("tallies accuracy and macro-averages fields", () => {
    const t = emptyTally();
    tally(t, true);
    tally(t, false);
    tally(t, true);
    tally(t, true);
    expect(accRow("a", t)).toEqual({ name: "a", acc: 75, n: 4 });
    expect(
      macroAccRow("m", [
        { name: "a", acc: 50 },
        { name: "b", acc: 100 },
      ]).acc,
    ).toBe(75);
  });
});

describe("matching", () => {
  it("finds a maximum matching regardless of prediction order", () => {
    // p0 could take g0 or g1, p1 only g0: greedy-in-order would give 1, the maximum is 2.
    const ok = (p: number, g: number) => (p === 0 ? g <= 1 : g === 0);
    expect(maxMatching(2, 2, ok)).toBe(2);
    expect(maxMatching(3, 1, () => true)).toBe(1);
  });

  it("gives full pairs first, then half credit for partial pairs", () => {
    const credit = (p: number, g: number) =>
      [
        [1, 0.5],
        [0, 0.5],
      ][p]![g]!;
    expect(bestCredit(2, 2, credit)).toBe(1.5);
  });
});

describe("string normalisation", () => {
  it("ignores case, punctuation and leading articles", () => {
    expect(normalizeFiller('The "Red Dawn" Brigade')).toBe("red dawn brigade");
    expect(normalizeFiller("an  old   bridge")).toBe("old bridge");
  });

  it("takes the last word before a post-modifier as head", () => {
    expect(headWord("members of the river front")).toBe("members");
    expect(headWord("a parked car bomb")).toBe("bomb");
    expect(headWord("the mayor's")).toBe("mayor");
  });
});
