import { describe, expect, it } from "vitest";
import { extractCounts } from "../../src/extract/counts/link.js";

const counts = (s: string) => extractCounts(s, 0, "d").map((h) => [h.count.kind, h.count.min, h.count.max]);

describe("count linking", () => {
  it("killed: number before a death verb", () => {
    expect(counts("Sixty-two worshippers perished in the fire.")).toEqual([["killed", 62, 62]]);
    expect(counts("At least 40 people were killed near the market.")).toEqual([["killed", 40, null]]);
    expect(counts("Seven soldiers died on Tuesday.")).toEqual([["killed", 7, 7]]);
    expect(counts("Nine pilgrims lost their lives.")).toEqual([["killed", 9, 9]]);
  });

  it("killed: verb or noun before the number", () => {
    expect(counts("The gunmen killed 23 villagers.")).toEqual([["killed", 23, 23]]);
    expect(counts("A blast ripped through the hall, killing at least 31 people.")).toEqual([["killed", 31, null]]);
    expect(counts("The raid led to the deaths of 14 people.")).toEqual([["killed", 14, 14]]);
    expect(counts("The toll rose to 57 by evening.")).toEqual([["killed", 57, 57]]);
    expect(counts("The death toll has risen to 112.")).toEqual([["killed", 112, 112]]);
    expect(counts("Officials counted 18 dead.")).toEqual([["killed", 18, 18]]);
  });

  it("injured", () => {
    expect(counts("The bombing killed 12 and wounded 40 others.")).toEqual([
      ["killed", 12, 12],
      ["injured", 40, 40],
    ]);
    expect(counts("More than 70 were injured.")).toEqual([["injured", 71, null]]);
    expect(counts("Dozens of people were hurt.")).toEqual([["injured", 24, 99]]);
  });

  it("arrested", () => {
    expect(counts("Police arrested 16 suspects after the raid.")).toEqual([["arrested", 16, 16]]);
    expect(counts("Some 20 people were detained overnight.")).toEqual([["arrested", 18, 22]]);
    expect(counts("The army reported 9 arrests in the province.")).toEqual([["arrested", 9, 9]]);
  });

  it("missiles, thwarted attacks, hostages, attackers", () => {
    expect(counts("The navy fired six cruise missiles at the port.")).toEqual([["missiles", 6, 6]]);
    expect(counts("They launched a dozen rockets overnight.")).toEqual([["missiles", 12, 12]]);
    expect(counts("Agents thwarted 11 planned attacks last year.")).toEqual([["attacks_thwarted", 11, 11]]);
    expect(counts("The militants seized 27 hostages.")).toEqual([["hostages", 27, 27]]);
    expect(counts("Four gunmen stormed the hotel.")).toEqual([["attackers", 4, 4]]);
  });

  it("ignores years, ages, member counts, money and durations", () => {
    expect(counts("In 2019 the 25-year-old joined a 40-member delegation.")).toEqual([]);
    expect(counts("The group paid $30 million for weapons.")).toEqual([]);
    expect(counts("The siege lasted 14 hours.")).toEqual([]);
    expect(counts("Two explosions shook the city.")).toEqual([]);
  });

  it("keeps the span of the hedged number", () => {
    const [hit] = extractCounts("Reports said nearly 100 people died.", 100, "doc1");
    expect(hit!.count.span).toEqual({ doc: "doc1", start: 113, end: 123, text: "nearly 100" });
    expect(hit!.count.qualifier).toBe("about");
    expect(hit!.rule).toBe("count:killed:head-verb");
  });
});
