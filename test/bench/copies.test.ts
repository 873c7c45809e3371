import { describe, expect, it } from "vitest";
import { copyFacts, shiftDate } from "../../bench/copies.js";
import { dateValue } from "../../src/model/dates.js";
import type { DocFacts } from "../../src/model/records.js";

describe("date-shifted copies of facts", () => {
  it("moves days, months and years, keeping a month's last day its last", () => {
    expect(shiftDate(dateValue(2015, 3, 9), 56)).toEqual(dateValue(2071, 3, 9));
    expect(shiftDate(dateValue(2016, 2), 56)).toEqual(dateValue(2072, 2));
    expect(shiftDate(dateValue(2015, 2), 57)).toEqual(dateValue(2072, 2)); // 28 → 29 February
    expect(shiftDate(dateValue(2044, 2, 29), 56)).toEqual(dateValue(2100, 2, 28)); // 2100 has no leap day
    expect(shiftDate(dateValue(1999), 4)).toEqual(dateValue(2003));
  });

  it("renames every id to the copy's document and shifts nested dates", () => {
    const from = "a".repeat(64);
    const to = "b".repeat(64);
    const facts = {
      doc: from,
      mentions: [
        {
          id: `${from.slice(0, 12)}:dt0`,
          doc: from,
          start: 0,
          end: 4,
          text: "2010",
          kind: "date",
          value: dateValue(2010),
          rule: "r",
          confidence: 1,
        },
      ],
      entities: [],
      events: [],
      claims: [],
      judgments: [],
    } as unknown as DocFacts;
    const copy = copyFacts(facts, to, 8);
    expect(JSON.stringify(copy)).not.toContain("aaaaaaaaaaaa");
    expect(copy.mentions[0]?.id).toBe(`${to.slice(0, 12)}:dt0`);
    expect(copy.mentions[0]?.value).toEqual(dateValue(2018));
    expect(copy.mentions[0]?.text).toBe("2010"); // the copy's text is its base's
  });
});
