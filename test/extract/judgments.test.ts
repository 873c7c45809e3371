import { describe, expect, it } from "vitest";
import { extractJudgments } from "../../src/extract/judgments/index.js";
import { contextFor } from "./helpers.js";

const judge = (text: string) => extractJudgments(contextFor(text)).map((j) => [j.term.text, j.band]);

describe("estimative judgments", () => {
  it("maps terms to ICD-203 bands with their probability ranges", () => {
    expect(judge("The ceasefire will almost certainly collapse.")).toEqual([["almost certainly", "almost certain"]]);
    expect(judge("Talks are very unlikely to resume before spring.")).toEqual([["very unlikely", "very unlikely"]]);
    expect(judge("The group is probably regrouping in the hills.")).toEqual([["probably", "likely"]]);
    expect(judge("There is a roughly even chance of new strikes.")).toEqual([
      ["roughly even chance", "roughly even chance"],
    ]);
    expect(judge("A coup is highly improbable.")).toEqual([["highly improbable", "very unlikely"]]);
    const [j] = extractJudgments(contextFor("Unrest is likely to spread."));
    expect(j!.probability).toEqual([0.55, 0.8]);
    expect(j!.sentence.text).toBe("Unrest is likely to spread.");
  });

  it("maps analytic phrases and modals (modals with low confidence)", () => {
    expect(judge("Infiltration is the most plausible explanation.")).toEqual([["most plausible", "likely"]]);
    expect(judge("There is an extremely high possibility of reprisals.")).toEqual([
      ["extremely high possibility", "very likely"],
    ]);
    const [m] = extractJudgments(contextFor("The militia could retaliate."));
    expect(m!.band).toBe("roughly even chance");
    expect(m!.confidence).toBeLessThan(0.5);
  });

  it("negation flips the band", () => {
    expect(judge("The truce is not likely to hold.")).toEqual([["likely", "unlikely"]]);
  });

  it("one judgment per term; the month May is not a modal", () => {
    expect(judge("Rebels will likely advance and may seize the dam in May 2025.")).toEqual([
      ["likely", "likely"],
      ["may", "roughly even chance"],
    ]);
  });

  it("judgments inside someone else's quote keep a lower confidence", () => {
    const ctx = contextFor("The envoy said “a deal is likely within weeks”. A deal is likely within weeks.");
    const quote = ctx.quotes[0]!;
    const [quoted, own] = extractJudgments(ctx, { attributedQuotes: [quote] });
    expect(quoted!.rule).toBe("judgment:likely:quoted");
    expect(quoted!.confidence).toBeLessThan(own!.confidence);
  });
});

describe("judgment context", () => {
  it("pull quotes and reported sentences lower the confidence", () => {
    const ctx = contextFor("Officials said talks will likely resume.");
    const [j] = extractJudgments(ctx);
    expect(j!.rule).toBe("judgment:likely:reported");
    const pull = contextFor("Body text.\n“Prices are likely to rise”\nMore text.");
    const [p] = extractJudgments(pull, { pullQuotes: [pull.quotes[0]!] });
    expect(p!.rule).toBe("judgment:likely:pull-quote");
    expect(p!.confidence).toBeCloseTo(0.45);
  });
});
