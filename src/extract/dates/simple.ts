// A fast reader for the plainest complete dates ("3 January 2024", "January 3, 2024",
// "January 2024"). chrono runs dozens of parsers and refiners on every string and was ~10 % of
// extraction time; for these forms its answer is fully determined (every component certain, no
// range), so normalise.ts asks this reader first and gets the same value chrono would give.
// test/extract/date-fast-path.test.ts checks the equivalence against chrono itself.

import { MONTHS } from "./calendar.js";

const MONTH = `(${MONTHS.join("|")})`;
const DAY = "(0?[1-9]|[12]\\d|3[01])";
const YEAR = "(1\\d{3}|20\\d{2})";

const DAY_FIRST = new RegExp(`^${DAY} ${MONTH},? ${YEAR}$`, "i");
const MONTH_FIRST = new RegExp(`^${MONTH} ${DAY},? ${YEAR}$`, "i");
const MONTH_YEAR = new RegExp(`^${MONTH},? ${YEAR}$`, "i");

export interface SimpleDate {
  year: number;
  month: number;
  day?: number;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The date when `text` is exactly one plain, valid calendar date; undefined otherwise. */
export function simpleDate(text: string): SimpleDate | undefined {
  let day: string | undefined;
  let month: string | undefined;
  let year: string | undefined;
  const dayFirst = DAY_FIRST.exec(text);
  const monthFirst = dayFirst ? null : MONTH_FIRST.exec(text);
  const monthYear = dayFirst || monthFirst ? null : MONTH_YEAR.exec(text);
  if (dayFirst) [, day, month, year] = dayFirst;
  else if (monthFirst) [, month, day, year] = monthFirst;
  else if (monthYear) [, month, year] = monthYear;
  else return undefined;
  const y = Number(year);
  const mo = MONTHS.indexOf(month!.toLowerCase()) + 1;
  if (day === undefined) return { year: y, month: mo };
  const d = Number(day);
  // an impossible day ("31 February") is left to chrono, which has its own rules for it
  if (d > daysIn(y, mo)) return undefined;
  return { year: y, month: mo, day: d };
}
