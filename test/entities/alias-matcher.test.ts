// The alias matcher keeps the word scan of the last text it saw (the armed-group and organisation
// matchers read the same document one after the other); these checks make sure that cache never
// leaks one text's words into another and that case and possessive rules still hold.
import { describe, expect, it } from "vitest";
import { buildAliasMatcher } from "../../src/extract/entities/alias-matcher.js";

const groups = buildAliasMatcher([
  { id: "isk", alias: "Islamic State Khorasan Province" },
  { id: "isk", alias: "IS-K" },
  { id: "is", alias: "IS" },
  { id: "kh", alias: "Kata'ib Hezbollah" },
]);
const media = buildAliasMatcher([{ id: "wire", alias: "Lodestar Wire" }]);

const spans = (ms: { id: string; text: string }[]) => ms.map((m) => `${m.id}=${m.text}`);

describe("buildAliasMatcher", () => {
  it("finds the longest alias, case-sensitively for short ones", () => {
    const text = "The Islamic State  Khorasan Province said IS-K did it; this is not IS.";
    expect(spans(groups.find(text))).toEqual(["isk=Islamic State  Khorasan Province", "isk=IS-K", "is=IS"]);
  });

  it("leaves a possessive outside the match and folds inner apostrophes", () => {
    expect(spans(groups.find("IS’s fighters met Kataib Hezbollah's envoy."))).toEqual(["is=IS", "kh=Kataib Hezbollah"]);
  });

  it("gives each text its own matches when two matchers and two texts alternate", () => {
    const a = "Lodestar Wire quoted IS-K.";
    const b = "Nothing here, said the Lodestar wire desk about IS.";
    for (let round = 0; round < 2; round++) {
      expect(spans(groups.find(a))).toEqual(["isk=IS-K"]);
      expect(spans(media.find(a))).toEqual(["wire=Lodestar Wire"]);
      expect(spans(media.find(b))).toEqual(["wire=Lodestar wire"]);
      expect(spans(groups.find(b))).toEqual(["is=IS"]);
    }
    // same-length texts that differ only in content must not share a scan
    expect(spans(groups.find("IS-K left."))).toEqual(["isk=IS-K"]);
    expect(spans(groups.find("IS,K left."))).toEqual(["is=IS"]);
  });
});
