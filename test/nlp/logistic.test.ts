import { describe, expect, it } from "vitest";
import { type LogisticExample, logisticScore, trainLogistic } from "../../src/nlp/logistic.js";

const OPTS = { iterations: 200, l2: 1e-3, minCount: 2, rate: 0.5 };

// "verb" marks the positives, "noun" the negatives; "shared" sits on both sides; "once" is seen a single time
const examples: LogisticExample[] = [
  { features: ["verb", "shared"], label: true },
  { features: ["verb"], label: true },
  { features: ["verb", "shared", "once"], label: true },
  { features: ["noun", "shared"], label: false },
  { features: ["noun"], label: false },
];

describe("trainLogistic", () => {
  it("learns which features mark the positive class", () => {
    const m = trainLogistic(examples, OPTS);
    expect(logisticScore(m, ["verb"])).toBeGreaterThan(0.8);
    expect(logisticScore(m, ["noun"])).toBeLessThan(0.2);
    expect(m.weights.verb).toBeGreaterThan(0);
    expect(m.weights.noun).toBeLessThan(0);
  });

  it("drops features seen in fewer examples than minCount; unknown features weigh nothing", () => {
    const m = trainLogistic(examples, OPTS);
    expect(m.weights.once).toBeUndefined();
    expect(logisticScore(m, ["never-seen"])).toBeCloseTo(logisticScore(m, []), 10);
  });

  it("gives identical weights on every run (a reproducible model file)", () => {
    expect(JSON.stringify(trainLogistic(examples, OPTS))).toBe(JSON.stringify(trainLogistic(examples, OPTS)));
  });
});
