// Injured counts told across sentences or without a printed number (GVDB injured round 2): every
// rule of the pass on sentences written for this test.
import { describe, expect, it } from "vitest";
import { bothTreated } from "../../src/extract/counts/both.js";
import { reportsDeath } from "../../src/extract/counts/death-words.js";
import { countsInSentences } from "../../src/extract/counts/index.js";
import { extractCounts } from "../../src/extract/counts/link.js";
import { singularVictims } from "../../src/extract/counts/singular.js";
import { splitSentences } from "./helpers.js";

const victims = (s: string) => singularVictims(s, 0, "d").map((h) => [h.count.kind, h.count.value]);
/** The document's injured count as the incident summary reads it: the largest lower bound. */
const injured = (text: string) => {
  const cs = countsInSentences("d", splitSentences(text), [], text).filter((c) => c.count.kind === "injured");
  return cs.length ? Math.max(...cs.map((c) => c.count.min)) : 0;
};

describe("death words that report no death", () => {
  it("charges, tactics, hypotheticals, negations and talk are not deaths", () => {
    expect(reportsDeath("He faces a count of assault with a deadly weapon.")).toBe(false);
    expect(reportsDeath("The chief said officers had no choice but to use deadly force.")).toBe(false);
    expect(reportsDeath("She was charged with attempted homicide.")).toBe(false);
    expect(reportsDeath("The round came close to possibly killing the driver.")).toBe(false);
    expect(reportsDeath("Luckily he didn't suffer a fatal wound.")).toBe(false);
    expect(reportsDeath("Somebody will end up killing you on that road.")).toBe(false);
  });
  it("reported deaths still count", () => {
    expect(reportsDeath("A deadly shooting on Elm Street left the town shaken.")).toBe(true);
    expect(reportsDeath("The driver died at the scene.")).toBe(true);
  });
  it("a wounded victim is kept when the only death word is a charge", () => {
    const text =
      "A teenager was shot in the leg on Tuesday night. Police want Dale Ortiz, 30, on a charge of assault with a deadly weapon.";
    expect(injured(text)).toBe(1);
  });
});

describe("both, another, a second victim", () => {
  it("'both … taken to the hospital' is two injured", () => {
    expect(bothTreated("Both were taken to the hospital with minor wounds.", 0, "d")[0]?.count.value).toBe(2);
    expect(bothTreated("Both men are listed in stable condition.", 0, "d")[0]?.count.value).toBe(2);
    expect(bothTreated("Both were taken to a hospital, where one of them died.", 0, "d")).toEqual([]);
    expect(bothTreated("Both suspects fled on foot.", 0, "d")).toEqual([]);
    expect(injured("A man was shot on Pine Road. Both women were rushed to City Hospital in serious condition.")).toBe(
      2,
    );
  });
  it("'another' alone is a further victim", () => {
    expect(victims("One man was killed and another was wounded in the fight.")).toEqual([
      ["killed", 1],
      ["injured", 1],
    ]);
    expect(injured("One man was killed, another was injured, and the rest ran.")).toBe(1);
    expect(injured("The shooting left one woman dead and another with life-threatening injuries.")).toBe(1);
  });
  it("'a second victim was found … with a gunshot wound' adds a victim", () => {
    const text =
      "Police said one man was shot in the hip. A second victim was found three blocks away with a gunshot wound to the hand.";
    expect(injured(text)).toBe(2);
  });
  it("injury phrases: treated, taken to hospital, suffered N wounds, age apposition", () => {
    expect(victims("The 19-year-old was treated for his injuries.")).toEqual([["injured", 1]]);
    expect(victims("A woman was taken to a local hospital.")).toEqual([["injured", 1]]);
    expect(victims("Deputy Rhea Stone suffered two gunshot wounds.")).toEqual([["injured", 1]]);
    expect(victims("A third teen sustained minor injuries.")).toEqual([["injured", 1]]);
    expect(victims("The victim, Omar Pell, age 31, remains hospitalized.")).toEqual([["injured", 1]]);
    expect(victims("A hiker found the body of a man with a gunshot wound.")).toEqual([]);
  });
});

describe("wounded victims beside a death", () => {
  it("a different surname, or a different age, is another victim", () => {
    const names =
      "Officer Carl Dunn was killed on Friday. Officer Lea Brandt suffered three gunshot wounds and is recovering.";
    expect(injured(names)).toBe(1);
    const ages =
      "A 58-year-old man was shot and killed outside a shop. A 20-year-old, who had been shot once, was treated for his injuries.";
    expect(injured(ages)).toBe(1);
  });
  it("the same person, or a pronoun death right after, is not", () => {
    expect(
      injured("Rob Haley was shot on Main Street. He died at a hospital. Haley was killed a block from home."),
    ).toBe(0);
    expect(injured("Nia Park was shot at noon. Nia Park was killed by the blast.")).toBe(0);
    expect(
      injured("Tom Akers, 30, was found shot. He died at a hospital. His friend Jo Lind was killed last year."),
    ).toBe(0);
  });
});

describe("web copy", () => {
  it("soft hyphens inside words do not hide a victim", () => {
    expect(victims("A man shot his next-door neigh\u00ADbor in the arm.")).toEqual([["injured", 1]]);
  });
});

describe("printed numbers", () => {
  it("a house number is not a count", () => {
    expect(
      extractCounts("Two teens were shot at 4410 Larkspur St. on Friday.", 0, "d").map((h) => h.count.min),
    ).toEqual([2]);
  });
  it("'three shot, one dead': the dead are among those shot", () => {
    expect(injured("Three shot, one dead outside a club downtown.")).toBe(2);
    expect(injured("Three wounded, one dead outside a club downtown.")).toBe(3);
  });
  it("a printed number outranks adding up singular victims", () => {
    const text =
      "Two men are hospitalized after a shooting. A 30-year-old man was shot in the arm and a 24-year-old man was grazed. The 30-year-old is critical and the 24-year-old is stable.";
    expect(injured(text)).toBe(2);
  });
});
