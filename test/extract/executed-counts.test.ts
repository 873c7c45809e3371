// People put to death over an attack are not its toll, however the headline words it. Sentences written for this
// test.
import { describe, expect, it } from "vitest";
import { countsInSentences } from "../../src/extract/counts/index.js";
import { splitSentences } from "./helpers.js";

const classed = (text: string) =>
  countsInSentences("d", splitSentences(text), [], text).map((c) => [c.count.kind, c.count.value, c.count.subset]);

describe("executed counts", () => {
  it("'two men executed over …' counts the executed", () => {
    expect(classed("Two men executed in Ardania over deadly attack on market.")).toContainEqual([
      "killed",
      2,
      "executed",
    ]);
  });

  it("the toll beside them stays the toll", () => {
    expect(classed("Thirteen people were killed in the attack on the market.")).toContainEqual([
      "killed",
      13,
      undefined,
    ]);
  });
});
