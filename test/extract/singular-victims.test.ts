// Victims reported without a number: a singular victim phrase is a count of one.
import { describe, expect, it } from "vitest";
import { countsInSentences } from "../../src/extract/counts/index.js";
import { extractCounts } from "../../src/extract/counts/link.js";
import { singularVictims } from "../../src/extract/counts/singular.js";
import { splitSentences } from "./helpers.js";

const victims = (s: string) => singularVictims(s, 0, "d").map((h) => [h.count.kind, h.count.value]);
const docCounts = (text: string) =>
  countsInSentences("d", splitSentences(text)).map((c) => [c.count.kind, c.count.value, c.rule]);

describe("singular victims", () => {
  it("a passive wounding or killing of one person", () => {
    expect(victims("A 20-year-old woman was wounded near the park.")).toEqual([["injured", 1]]);
    expect(victims("Police said a man was shot and killed outside a bar.")).toEqual([["killed", 1]]);
    expect(victims("A delivery driver was fatally shot on Sunday.")).toEqual([["killed", 1]]);
    expect(victims("The clerk was shot dead during the robbery.")).toEqual([["killed", 1]]);
    expect(victims("Marta Quill was shot in the arm.")).toEqual([["injured", 1]]);
  });

  it("headline style, without an auxiliary, and a later death in the same clause", () => {
    expect(victims("Boy shot near school")).toEqual([["injured", 1]]);
    expect(victims("Girl shot at block party dies")).toEqual([["killed", 1]]);
    expect(victims("Cyclist, 31, critically wounded in crossfire")).toEqual([["injured", 1]]);
  });

  it("coordinated victims count each", () => {
    expect(victims("A 30-year-old man and his nephew were shot late Friday.")).toEqual([["injured", 2]]);
    expect(victims("Ana Ruiz, 41, was killed along with Tomas Vidal in the attack.")).toEqual([["killed", 2]]);
  });

  it("victims as objects, and injuries by condition", () => {
    expect(victims("A gunman shot a cashier at the store.")).toEqual([["injured", 1]]);
    expect(victims("The officer fatally shot a teenage boy and his uncle.")).toEqual([["killed", 2]]);
    expect(victims("A fight outside the club left a young woman in serious condition.")).toContainEqual(["injured", 1]);
  });

  it("not a victim: shooters, active subjects, negations, suspects", () => {
    expect(victims("A man shot his neighbour's dog.")).toEqual([]);
    expect(victims("The woman was not hurt.")).toEqual([]);
    expect(victims("The suspect was shot by deputies.")).toEqual([]);
    expect(victims("Two men were seen running from the scene.")).toEqual([]);
  });
});

describe("document-level counts", () => {
  it("a wounded victim who later died is counted once, as killed", () => {
    const c = docCounts("A man was shot on Elm Street. He died at the hospital an hour later.");
    expect(c).toEqual([["killed", 1, "count:singular-victim"]]);
  });

  it("a different, explicitly other victim keeps the injury", () => {
    const c = docCounts("A man was shot and killed on Elm Street. Another man was wounded in the leg.");
    expect(c).toEqual([
      ["killed", 1, "count:singular-victim"],
      ["injured", 1, "count:singular-victim"],
    ]);
  });

  it("different wounded victims add up, given the document text", () => {
    const text = "The woman was shot in the neck and the man was shot in the back. Both were taken to hospital.";
    const c = countsInSentences("d", splitSentences(text), [], text);
    expect(c.map((x) => [x.count.kind, x.count.value, x.rule])).toContainEqual([
      "injured",
      2,
      "count:singular-victims:distinct",
    ]);
    const one = "A man was shot on Main Street. The man was taken to hospital, where the victim is recovering.";
    expect(
      countsInSentences("d", splitSentences(one), [], one).filter((x) => x.rule === "count:singular-victims:distinct"),
    ).toEqual([]);
  });

  it("a printed number of the same kind wins over the singular reading", () => {
    expect(docCounts("Three people were wounded, and a woman was wounded too.")).toEqual([
      ["injured", 3, "count:injured:head-verb"],
    ]);
  });

  it("'no one' is not a count of one, and clock times are not counts", () => {
    expect(extractCounts("No one was injured in the blast.", 0, "d")).toEqual([]);
    expect(extractCounts("He was pronounced dead at 4:17 p.m. on Friday.", 0, "d")).toEqual([]);
  });

  it("the verb after a people head outranks a verb before the number", () => {
    const kinds = (t: string) => extractCounts(t, 0, "d").map((h) => [h.count.kind, h.count.value]);
    expect(kinds("The raid left 14 people dead and 21 others wounded.")).toEqual([
      ["killed", 14],
      ["injured", 21],
    ]);
    expect(kinds("Nine were killed and 17 more were wounded.")).toEqual([
      ["killed", 9],
      ["injured", 17],
    ]);
  });

  it("bystanders and other plural people heads take a number", () => {
    expect(extractCounts("Four bystanders were injured.", 0, "d").map((h) => [h.count.kind, h.count.value])).toEqual([
      ["injured", 4],
    ]);
  });
});
