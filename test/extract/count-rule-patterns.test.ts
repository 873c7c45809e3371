// The count rules first tuned on single local-news reports, each shown here as a general pattern of
// news wording on sentences written for this test (none taken from a dataset).
import { describe, expect, it } from "vitest";
import { bothTreated } from "../../src/extract/counts/both.js";
import { reportsDeath } from "../../src/extract/counts/death-words.js";
import { countsInSentences } from "../../src/extract/counts/index.js";
import { extractCounts } from "../../src/extract/counts/link.js";
import { singularVictims } from "../../src/extract/counts/singular.js";
import { splitSentences } from "./helpers.js";

const victims = (s: string) => singularVictims(s, 0, "d").map((h) => [h.count.kind, h.count.value]);
const linked = (s: string) => extractCounts(s, 0, "d").map((h) => [h.count.kind, h.count.value]);
const most = (text: string, kind: "killed" | "injured") => {
  const cs = countsInSentences("d", splitSentences(text), [], text).filter((c) => c.count.kind === kind);
  return cs.length ? Math.max(...cs.map((c) => c.count.min)) : 0;
};

describe("victims without a number", () => {
  it("a second victim after 'along with'", () => {
    expect(victims("A cashier was killed along with Nora Vale, 41, during the robbery.")).toEqual([["killed", 2]]);
    expect(victims("A guard was wounded along with a passer-by.")).toEqual([["injured", 2]]);
  });

  it("a name, an age and a description before the verb", () => {
    expect(victims("Tomas Reyne, 52, a bus driver, was stabbed near the depot.")).toEqual([["injured", 1]]);
  });

  it("a headline joining the wounding and the killing verb", () => {
    expect(victims("Delivery driver shot, killed on ring road")).toEqual([["killed", 1]]);
  });

  it("wounds counted in a 'suffered' phrase are not people", () => {
    expect(victims("A ranger suffered four stab wounds.")).toEqual([["injured", 1]]);
  });

  it("'found … with a wound' stands for a wounded victim", () => {
    expect(victims("A third man was found in an alley with a gunshot wound.")).toEqual([["injured", 1]]);
  });

  it("a named victim and a pronoun death right after are one person", () => {
    expect(most("Kessler was shot on the porch. He died later in hospital.", "injured")).toBe(0);
  });

  it("a wounded victim of another surname or age beside a death is another person", () => {
    expect(most("Ada Finch was killed in the crash. Rui Lopes was wounded.", "injured")).toBe(1);
    expect(
      most("A 70-year-old man was shot and killed. A 24-year-old was treated for a wound to the arm.", "injured"),
    ).toBe(1);
  });

  it("'both' with a treatment phrase is two injured, unless one died", () => {
    expect(bothTreated("Both were flown to a trauma center.", 0, "d")[0]?.count.value).toBe(2);
    expect(bothTreated("Both were flown to a trauma center, where one died.", 0, "d")).toEqual([]);
  });
});

describe("numbers that are no casualty figure", () => {
  it("house numbers, clock times, family sizes", () => {
    expect(linked("Two people were shot at 2210 Willow Lane overnight.")).toEqual([["injured", 2]]);
    expect(linked("He was shot at 6:40 a.m. near the market.")).toEqual([]);
    expect(linked("The victim, a father of four, was wounded.")).toEqual([]);
  });

  it("a shot total and the dead among them leave the wounded", () => {
    const c = countsInSentences("d", splitSentences("Five shot, two dead after a party."), [], "");
    expect(c.map((x) => [x.count.kind, x.count.value]).sort()).toEqual([
      ["injured", 3],
      ["killed", 2],
    ]);
  });

  it("figures of an earlier year and running tallies are background", () => {
    expect(most("It was the worst attack since 2011, when 40 people died.", "killed")).toBe(0);
    expect(most("Six officers have been killed so far this year.", "killed")).toBe(0);
  });
});

describe("death words that report no death", () => {
  it("charges, tactics, attempts and talk", () => {
    expect(reportsDeath("He was charged with assault with a deadly weapon.")).toBe(false);
    expect(reportsDeath("Police are trained to avoid deadly force.")).toBe(false);
    expect(reportsDeath("The blow nearly killed the referee.")).toBe(false);
    expect(reportsDeath("The driver died of his wounds.")).toBe(true);
  });
});
