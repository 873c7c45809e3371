// Dates that belong to another word of the sentence than the attack: toll updates, statements,
// scheduled things; and triggers named as what another act is about.
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { dateValue } from "../../src/model/dates.js";
import { makeDocument } from "../../src/model/document.js";

const FRIDAY = dateValue(2022, 4, 8);
function attackDates(text: string): (string | undefined)[] {
  const doc = makeDocument({ origin: "t", text, format: "text", publishedAt: FRIDAY });
  return extractFacts(doc)
    .events.filter((e) => e.type === "attack")
    .map((e) => e.date?.iso);
}

describe("dates of other words", () => {
  it("a toll update does not date the attack", () => {
    expect(attackDates("The toll from the market bombing rose to 41 on Thursday.")).toEqual([undefined]);
    expect(attackDates("The market bombing on Monday killed 30; the toll climbed to 41 people on Thursday.")).toEqual([
      "2022-04-04",
    ]);
  });

  it("a statement's date does not date the attack it reports", () => {
    expect(attackDates("On Thursday, the governor announced that gunmen had attacked a convoy.")).toEqual([undefined]);
    expect(attackDates("Gunmen attacked a convoy near the border, said Regional Police on Thursday.")).toEqual([
      undefined,
    ]);
  });

  it("a date naming a scheduled thing does not date the attack", () => {
    expect(attackDates("The bombing came ahead of the April 20 elections.")).toEqual([undefined]);
    expect(attackDates("Rebels attacked the town before the April 20 deadline.")).toEqual([undefined]);
  });

  it("an attack named as what a trial or an execution is about keeps only its own date", () => {
    const text = "A court on Thursday sentenced three men over an attack on a shrine in the north in March 2020.";
    expect(attackDates(text)).toEqual(["2020-03"]);
    expect(attackDates("Police on Thursday arrested a man in connection with the bombing.")).toEqual([undefined]);
  });

  it("keeps the date of an attack told plainly", () => {
    expect(attackDates("Gunmen attacked a convoy on Thursday, killing five soldiers, officials said.")).toEqual([
      "2022-04-07",
    ]);
  });
});
