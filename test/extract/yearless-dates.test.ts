// Day-month dates without a year, weekdays and relative phrases, read against the document's
// reference: a stated publication day anchors everything; an estimated writing window only places
// yearless days in a year; with no reference at all they stay unresolved.
import { describe, expect, it } from "vitest";
import { dayMonth } from "../../src/extract/dates/day-month.js";
import { normaliseDate } from "../../src/extract/dates/normalise.js";
import { extractFacts } from "../../src/extract/index.js";
import { dateRange, dateValue } from "../../src/model/dates.js";
import { makeDocument } from "../../src/model/document.js";

const FRIDAY = dateValue(2024, 2, 2);
const iso = (s: string, ref?: ReturnType<typeof dateValue>) => normaliseDate(s, ref).value?.iso;

describe("yearless day-month dates", () => {
  it("reads a month name and a small number as a day, never as a two-digit year", () => {
    expect(dayMonth("January 30")).toEqual({ month: 1, day: 30 });
    expect(dayMonth("Dec. 19th")).toEqual({ month: 12, day: 19 });
    expect(dayMonth("the 4th of July")).toEqual({ month: 7, day: 4 });
    expect(dayMonth("Sunday, 28 January")).toEqual({ month: 1, day: 28, weekday: 0 });
    expect(dayMonth("April 31")).toBeUndefined();
    expect(dayMonth("January 2024")).toBeUndefined();
    expect(iso("January 30")).toBeUndefined();
    expect(iso("December 19")).toBeUndefined();
  });

  it("takes the year from the reference: the latest such day not after it plus a week", () => {
    expect(iso("January 30", FRIDAY)).toBe("2024-01-30");
    expect(iso("December 19", FRIDAY)).toBe("2023-12-19");
    expect(iso("Feb 6", FRIDAY)).toBe("2024-02-06");
    expect(iso("March 3", FRIDAY)).toBe("2023-03-03");
  });

  it("lets a printed weekday choose between this year and the last", () => {
    // 14 January fell on a Sunday in 2024 and on a Saturday in 2023
    expect(iso("Sunday, January 14", FRIDAY)).toBe("2024-01-14");
    const window = dateRange("2024-01-20", "2024-03-01");
    expect(iso("Saturday 14 January", window)).toBe("2023-01-14");
  });
});

describe("relative dates need a known day", () => {
  const window = dateRange("2024-01-28", "2024-03-28");
  const month = dateValue(2024, 1);

  it("resolves weekdays and 'yesterday' against a stated publication day", () => {
    expect(iso("on Thursday", FRIDAY)).toBe("2024-02-01");
    expect(iso("yesterday", FRIDAY)).toBe("2024-02-01");
  });

  it("leaves them unresolved against a window or a month", () => {
    for (const ref of [window, month, undefined]) {
      expect(iso("on Thursday", ref)).toBeUndefined();
      expect(iso("yesterday", ref)).toBeUndefined();
      expect(iso("last week", ref)).toBeUndefined();
    }
    expect(iso("12 January", month)).toBe("2024-01-12");
  });

  it("an undated article dates its yearless days by its content, and none of its weekdays", () => {
    const text = [
      "Gunmen opened fire on worshippers at a mosque on Sunday, killing three people.",
      "The governor said in a statement dated 21 March 2022 that two suspects were held.",
      "Police said the gunmen had entered the city on March 18.",
    ].join("\n");
    const facts = extractFacts(makeDocument({ origin: "t", text, format: "text" }, new Date("2031-07-01T00:00:00Z")));
    const dates = facts.mentions.filter((m) => m.kind === "date");
    expect(dates.find((m) => m.text === "Sunday")?.value).toBeUndefined();
    expect(dates.find((m) => m.text === "March 18")?.value).toMatchObject({ iso: "2022-03-18" });
    const attack = facts.events.find((e) => e.type === "attack");
    expect(attack).toBeDefined();
    expect(attack!.date).toBeUndefined();
    for (const e of facts.events) expect(e.date?.start ?? "").not.toMatch(/^2031/);
  });

  it("the same article with a stated day dates its weekday", () => {
    const text = "Gunmen opened fire on worshippers at a mosque on Sunday, killing three people.";
    const doc = makeDocument({ origin: "t", text, format: "text", publishedAt: dateValue(2022, 3, 22) });
    const attack = extractFacts(doc).events.find((e) => e.type === "attack");
    expect(attack?.date?.iso).toBe("2022-03-20");
  });
});
