// A statement that nobody (else) was hurt is a count of 0, read into the toll the export codes. Sentences written
// for this test.
import { describe, expect, it } from "vitest";
import { countsInSentences } from "../../src/extract/counts/index.js";
import { zeroCounts } from "../../src/extract/counts/zero.js";
import { extractFacts } from "../../src/extract/index.js";
import { FusionEngine } from "../../src/fuse/index.js";
import { makeDocument } from "../../src/model/document.js";
import { splitSentences } from "./helpers.js";

const kinds = (s: string) => zeroCounts(s, 0, "d").map((h) => [h.count.kind, h.count.value, h.beyond]);
const all = (text: string) =>
  countsInSentences("d", splitSentences(text), [], text).map((c) => [c.count.kind, c.count.value]);

describe("zero counts", () => {
  it.each([
    ["The mayor said nobody was hurt in the fire at the depot.", [["injured", 0, false]]],
    ["No one was killed when the grenade hit the empty stall.", [["killed", 0, false]]],
    ["The governor said there had been no other injuries.", [["injured", 0, true]]],
    [
      "Police reported no casualties after the blast at the dam.",
      [
        ["killed", 0, false],
        ["injured", 0, false],
      ],
    ],
    ["There were no reports of injuries, the ministry said.", [["injured", 0, false]]],
  ])("%s", (sentence, expected) => {
    expect(kinds(sentence)).toEqual(expected);
  });

  it("'no one else was killed' gives no figure for the dead, and numbers or other negations none at all", () => {
    expect(kinds("A guard died and no one else was killed.")).toEqual([]);
    expect(kinds("No fewer than 12 people were wounded.")).toEqual([]);
    expect(kinds("He did not say whether anyone else was wounded.")).toEqual([]);
  });

  it("a zero gives way to any figure of its kind in the same report", () => {
    expect(all("A gunman shot dead a priest. The governor said there were no other injuries.")).toContainEqual([
      "injured",
      0,
    ]);
    expect(all("A guard was wounded in the raid. Nobody else was hurt.")).not.toContainEqual(["injured", 0]);
    expect(
      all("One shell wounded a farmer. The other landed in a field where no casualties were reported."),
    ).not.toContainEqual(["injured", 0]);
    expect(
      all("A car bomb hit the gate, killing the driver and 3 guards; there were no other casualties."),
    ).not.toContainEqual(["killed", 0]);
  });

  it("reaches the fused incident as its injured figure", () => {
    const text =
      "Two gunmen shot dead one worshipper at a chapel in Lowmere on Sunday. The governor said there had been no other injuries.";
    const doc = makeDocument({ origin: "t", format: "text", text, outlet: "Wire One" });
    const engine = new FusionEngine();
    engine.add({ doc, facts: extractFacts(doc) });
    const injured = engine.incidents().flatMap((i) => i.attributes.injured ?? []);
    expect(injured.map((v) => (v.value as { min: number }).min)).toContain(0);
  });
});
