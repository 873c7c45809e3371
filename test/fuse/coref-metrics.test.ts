import { describe, expect, it } from "vitest";
import { b3, ceafe, maxAssignment, muc, score } from "../../eval/metrics/coref.js";

describe("coreference metrics on worked examples", () => {
  it("MUC: Vilain et al. — one gold chain of four split in two", () => {
    const r = muc(
      [["A", "B", "C", "D"]],
      [
        ["A", "B"],
        ["C", "D"],
      ],
    );
    expect(r.r).toBeCloseTo(2 / 3, 6);
    expect(r.p).toBeCloseTo(1, 6);
    expect(r.f1).toBeCloseTo(0.8, 6);
  });

  const key = [
    ["a", "b", "c"],
    ["d", "e"],
  ];
  const resp = [
    ["a", "b"],
    ["c", "d", "e"],
  ];

  it("MUC, B³ and CEAF-e on a five-mention example computed by hand", () => {
    const m = muc(key, resp);
    expect(m.p).toBeCloseTo(2 / 3, 6);
    expect(m.r).toBeCloseTo(2 / 3, 6);
    const b = b3(key, resp);
    expect(b.p).toBeCloseTo(11 / 15, 6);
    expect(b.r).toBeCloseTo(11 / 15, 6);
    const c = ceafe(key, resp);
    expect(c.p).toBeCloseTo(0.8, 6);
    expect(c.r).toBeCloseTo(0.8, 6);
    expect(score(key, resp).conll).toBeCloseTo((2 / 3 + 11 / 15 + 0.8) / 3, 6);
  });

  it("perfect response scores 1; all singletons give MUC 0 but B³ precision 1", () => {
    expect(score(key, key).conll).toBeCloseTo(1, 6);
    const single = score(key, []);
    expect(single.muc.f1).toBe(0);
    expect(single.b3.p).toBe(1);
    expect(single.b3.r).toBeCloseTo((1 / 3 + 1 / 3 + 1 / 3 + 1 / 2 + 1 / 2) / 5, 6);
  });

  it("Hungarian assignment finds the best matching", () => {
    expect(
      maxAssignment([
        [0.9, 0.8, 0],
        [0.8, 0.1, 0],
      ]),
    ).toBeCloseTo(1.6, 6);
    expect(maxAssignment([[1], [2], [3]])).toBe(3);
  });
});
