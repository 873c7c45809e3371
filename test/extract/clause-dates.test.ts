// A year told in another clause of the sentence — a relative clause, a since-phrase — or a sentence opening on a
// demonstrative back-reference ("This attack …") does not date the attack. Sentences written for this test.
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { parseIsoDate } from "../../src/model/dates.js";
import { makeDocument } from "../../src/model/document.js";

function attackDates(text: string): (string | undefined)[] {
  const doc = makeDocument({ origin: "t", text, format: "text" });
  return extractFacts(doc)
    .events.filter((e) => e.type === "attack")
    .map((e) => e.date?.iso);
}

describe("dates of other clauses", () => {
  it("a year in a relative clause after the trigger dates that clause", () => {
    expect(attackDates("The bombing embarrassed the junta, which took power in a coup in 2019.")).toEqual([undefined]);
    expect(attackDates("Gunmen attacked the convoy of a governor, who was elected in 2018.")).toEqual([undefined]);
  });

  it("a year after 'since' is a point of comparison", () => {
    expect(attackDates("Gunmen stormed the barracks, the worst assault on the army since 2016.")).toEqual([undefined]);
  });

  it("a demonstrative opening the sentence refers back; a year of another noun does not date it", () => {
    expect(attackDates("This attack shows the weakness of a regime in place since a coup in 2020.")).toEqual([
      undefined,
    ]);
  });

  it("a date the event's own clause gives still dates it", () => {
    expect(attackDates("Gunmen stormed the barracks in the capital in March 2016, which shocked the army.")).toEqual([
      "2016-03",
    ]);
  });
});

describe("indefinite weekdays", () => {
  it("'on a Wednesday evening' is some Wednesday, not the last one before the report", () => {
    const doc = (text: string) =>
      makeDocument({ origin: "t", text, format: "text", publishedAt: parseIsoDate("2031-03-14")! });
    const dates = (text: string) =>
      extractFacts(doc(text))
        .events.filter((e) => e.type === "attack")
        .map((e) => e.date?.iso);
    expect(dates("Gunmen struck a market on a Wednesday evening.")).toEqual([undefined]);
    expect(dates("Gunmen attacked a bus on Wednesday.")).toEqual(["2031-03-12"]);
  });
});
