// The plain-date reader (src/extract/dates/simple.ts) stands in for chrono on the commonest date
// forms, so it must agree with chrono exactly; these checks run chrono itself as the reference.
import * as chrono from "chrono-node";
import { describe, expect, it } from "vitest";
import { normaliseDate } from "../../src/extract/dates/index.js";
import { simpleDate } from "../../src/extract/dates/simple.js";
import { parseIsoDate } from "../../src/model/dates.js";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function viaChrono(text: string) {
  const r = chrono.en.GB.parse(text, { instant: new Date(Date.UTC(2024, 0, 20, 12)), timezone: 0 })[0];
  if (!r || r.end) return undefined;
  const s = r.start;
  return {
    year: s.isCertain("year") ? s.get("year") : undefined,
    month: s.isCertain("month") ? s.get("month") : undefined,
    day: s.isCertain("day") ? (s.get("day") ?? undefined) : undefined,
  };
}

describe("simpleDate", () => {
  it("agrees with chrono on every day of leap and common years, both word orders", () => {
    let checked = 0;
    for (const year of [1999, 2024]) {
      for (let m = 0; m < 12; m++) {
        for (let d = 1; d <= 31; d++) {
          for (const text of [`${d} ${MONTHS[m]} ${year}`, `${MONTHS[m]} ${d}, ${year}`]) {
            const quick = simpleDate(text);
            if (!quick) continue;
            checked++;
            const ref = viaChrono(text);
            expect({ text, ...quick }).toEqual({ text, year: ref?.year, month: ref?.month, day: ref?.day });
          }
        }
      }
    }
    // 2 × (365 + 366) valid dates
    expect(checked).toBe(2 * (365 + 366));
  });

  it("reads month-year and lower-case month names the way chrono does", () => {
    for (const text of ["March 2023", "september 2019", "May, 2020"]) {
      const quick = simpleDate(text);
      const ref = viaChrono(text);
      expect(quick).toBeDefined();
      expect({ year: quick?.year, month: quick?.month, day: quick?.day }).toEqual(ref);
    }
  });

  it("leaves everything else to chrono", () => {
    for (const text of [
      "31 February 2023",
      "3rd January 2024",
      "on 3 January 2024",
      "Jan 3, 2024",
      "3 January",
      "3/1/2024",
    ]) {
      expect(simpleDate(text)).toBeUndefined();
    }
  });

  it("gives normaliseDate the chrono rule and confidence", () => {
    const ref = parseIsoDate("2024-01-20");
    expect(normaliseDate("3 January 2024", ref)).toEqual({
      value: { iso: "2024-01-03", precision: "day", start: "2024-01-03", end: "2024-01-03" },
      rule: "date:chrono",
      confidence: 0.9,
    });
  });
});
