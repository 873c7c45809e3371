import { describe, expect, it } from "vitest";
import { parseNumberWords } from "../../src/extract/counts/number-words.js";
import { findQuantities, parseQuantity } from "../../src/extract/counts/quantity.js";

describe("parseNumberWords", () => {
  it.each([
    ["Eighty-four", 84],
    ["nine", 9],
    ["one hundred and three", 103],
    ["two hundred fifty", 250],
    ["a dozen", 12],
    ["two dozen", 24],
    ["1.2m", 1_200_000],
    ["3.5 million", 3_500_000],
    ["6,000-strong", 6000],
    ["1,200", 1200],
    ["2bn", 2_000_000_000],
    ["a thousand", 1000],
    ["twenty one", 21],
  ])("%s → %d", (text, value) => {
    expect(parseNumberWords(text)).toBe(value);
  });

  it("rejects words that are not numbers", () => {
    expect(parseNumberWords("fourth")).toBeUndefined();
    expect(parseNumberWords("several")).toBeUndefined();
  });
});

describe("parseQuantity qualifiers", () => {
  it.each([
    ["at least 95", 95, null, "at_least"],
    ["no fewer than 40", 40, null, "at_least"],
    ["60 or more", 60, null, "at_least"],
    ["more than 200", 201, null, "more_than"],
    ["over 50", 51, null, "more_than"],
    ["nearly 100", 90, 100, "about"],
    ["almost 50", 45, 50, "about"],
    ["about 100", 90, 110, "about"],
    ["around 40", 36, 44, "about"],
    ["roughly 20", 18, 22, "about"],
    ["some 300", 270, 330, "about"],
    ["up to 30", 0, 30, "at_most"],
    ["fewer than 10", 0, 9, "less_than"],
    ["between 80 and 100", 80, 100, "range"],
    ["80-100", 80, 100, "range"],
    ["two or three", 2, 3, "range"],
    ["hundreds", 200, 999, "vague"],
    ["dozens", 24, 99, "vague"],
    ["tens of thousands", 20_000, 99_999, "vague"],
    ["17", 17, 17, "exact"],
  ])("%s → [%s, %s] %s", (text, min, max, qualifier) => {
    const q = parseQuantity(`${text} of people`)!;
    expect(q).toBeDefined();
    expect([q.min, q.max, q.qualifier]).toEqual([min, max, qualifier]);
  });

  it("vague amounts need a following 'of'", () => {
    expect(findQuantities("the hundreds were gone")).toEqual([]);
  });

  it("finds several numbers in one sentence with offsets", () => {
    const text = "Police held 14 men and freed two hostages.";
    const qs = findQuantities(text);
    expect(qs.map((q) => q.value)).toEqual([14, 2]);
    expect(text.slice(qs[1]!.start, qs[1]!.end)).toBe("two");
  });

  it("does not read ordinals or '3rd' as numbers", () => {
    expect(findQuantities("the third blast on the 3rd floor")).toEqual([]);
  });
});
