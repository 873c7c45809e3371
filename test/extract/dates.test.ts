import { describe, expect, it } from "vitest";
import { findDateSpans } from "../../src/extract/dates/find.js";
import { extractDates } from "../../src/extract/dates/index.js";
import { normaliseDate } from "../../src/extract/dates/normalise.js";
import { dateValue } from "../../src/model/dates.js";
import { splitSentences } from "./helpers.js";

// Saturday 20 January 2024
const REF = dateValue(2024, 1, 20);
const iso = (s: string, ref: typeof REF | undefined = REF) => normaliseDate(s, ref).value?.iso;
const isoNoRef = (s: string) => normaliseDate(s).value?.iso;
const rule = (s: string, ref = REF) => normaliseDate(s, ref).rule;

describe("normaliseDate", () => {
  it("absolute dates through chrono (en-GB day order)", () => {
    expect(iso("Wednesday, 10 May 2023")).toBe("2023-05-10");
    expect(iso("04/02/2022")).toBe("2022-02-04");
    expect(iso("August 2019")).toBe("2019-08");
    expect(normaliseDate("August 2019", REF).value?.precision).toBe("month");
  });

  it("infers the year of a day-month date: the latest one not after publication + 7 days", () => {
    expect(iso("on 12 January")).toBe("2024-01-12");
    expect(iso("25 January")).toBe("2024-01-25"); // within a week after publication
    expect(iso("30 December")).toBe("2023-12-30");
    expect(rule("30 December")).toBe("date:day-month+year-inferred");
  });

  it("without a reference only absolute dates resolve", () => {
    expect(isoNoRef("on 12 January")).toBeUndefined();
    expect(isoNoRef("yesterday")).toBeUndefined();
    expect(isoNoRef("on Friday")).toBeUndefined();
    expect(isoNoRef("March 2021")).toBe("2021-03");
    expect(isoNoRef("in 1988")).toBe("1988");
  });

  it("bare years and decades", () => {
    expect(iso("since 1979")).toBe("1979");
    expect(rule("since 1979")).toBe("date:bare-year");
    expect(iso("the 1980s")).toBe("1980/1989");
    expect(normaliseDate("the 1980s", REF).value).toMatchObject({
      precision: "decade",
      start: "1980-01-01",
      end: "1989-12-31",
    });
  });

  it("early / mid / late month as ranges", () => {
    expect(iso("early March 2022")).toBe("2022-03-01/2022-03-10");
    expect(iso("mid-November 2021")).toBe("2021-11-11/2021-11-20");
    expect(iso("late February 2020")).toBe("2020-02-21/2020-02-29");
    expect(iso("the end of June 2018")).toBe("2018-06-21/2018-06-30");
    expect(normaliseDate("mid-November 2021", REF).value?.precision).toBe("range");
  });

  it("day and month ranges", () => {
    expect(iso("the night of 6-7 October 2023")).toBe("2023-10-06/2023-10-07");
    expect(iso("between 2 and 9 January")).toBe("2024-01-02/2024-01-09");
    expect(iso("from June to August 2022")).toBe("2022-06-01/2022-08-31");
  });

  it("weekdays point to the past", () => {
    expect(iso("on Tuesday")).toBe("2024-01-16");
    expect(iso("on Saturday")).toBe("2024-01-20"); // same day as publication
    expect(iso("last Saturday")).toBe("2024-01-13");
    expect(rule("on Tuesday")).toBe("date:weekday-past");
  });

  it("relative expressions", () => {
    expect(iso("yesterday")).toBe("2024-01-19");
    expect(iso("three days ago")).toBe("2024-01-17");
    expect(iso("last week")).toBe("2024-01-08/2024-01-14");
    expect(iso("last month")).toBe("2023-12");
    expect(iso("last year")).toBe("2023");
  });

  it("event-anchored expressions stay unresolved", () => {
    for (const s of [
      "three days before the election",
      "two weeks after the funeral",
      "a month later",
      "the following day",
    ]) {
      const r = normaliseDate(s, REF);
      expect(r.value).toBeUndefined();
      expect(r.rule).toBe("date:anchored");
    }
  });

  it("'from now on' is not a date", () => {
    expect(iso("from now on")).toBeUndefined();
  });
});

describe("findDateSpans / extractDates", () => {
  it("finds the forms the rules handle, without prepositions", () => {
    const text =
      "In 2016 the cell formed; on 4 March it struck, and in mid-April 2016 it struck again, three days ahead of the vote.";
    expect(findDateSpans(text).map((d) => d.text)).toEqual([
      "2016",
      "4 March",
      "mid-April 2016",
      "three days ahead of the vote",
    ]);
  });

  it("emits date mentions with values, rules and sentence indexes", () => {
    const text = "The shrine was hit on 9 January.\nA second blast came two days later.";
    const hits = extractDates("abcdef0123456789", text, splitSentences(text), REF);
    expect(hits.map((h) => [h.mention.text, h.value?.iso, h.mention.rule, h.sentence])).toEqual([
      ["9 January", "2024-01-09", "date:day-month+year-inferred", 0],
      ["two days later", undefined, "date:anchored", 1],
    ]);
    expect(hits[0]!.mention.id).toBe("abcdef012345:dt0");
    expect(hits[0]!.mention.kind).toBe("date");
  });
});
