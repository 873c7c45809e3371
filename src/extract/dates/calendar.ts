// Small UTC calendar helpers for the date rules: month names, day arithmetic, and the year
// inference used when a report prints "3 January" without a year.
import { dateRange, dateValue, dayOf } from "../../model/dates.js";
import type { DateValue } from "../../model/records.js";

export const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const ABBR: Record<string, number> = { sept: 9 };
MONTHS.forEach((m, i) => {
  ABBR[m] = i + 1;
  ABBR[m.slice(0, 3)] = i + 1;
});

/** Month regex source matching full names and common abbreviations ("Jan", "Jan.", "Sept"). */
export const MONTH_RE =
  "(?:jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?|july?|aug(?:ust|\\.)?|sep(?:t(?:ember|\\.)?|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)";

export function monthNumber(name: string): number | undefined {
  return ABBR[name.toLowerCase().replace(/\.$/, "")];
}

export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

export function toDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function addDays(day: string, n: number): string {
  const d = toDate(day);
  d.setUTCDate(d.getUTCDate() + n);
  return dayOf(d);
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The year for a day and month printed without one: the most recent such date not later than
 * the reference plus 7 days (reports are written shortly after the events they describe).
 */
export function inferYear(ref: DateValue, month: number, day = 1): number {
  const limit = addDays(ref.end, 7);
  const refYear = Number(ref.end.slice(0, 4));
  const candidate = dateValue(refYear, month, Math.min(day, lastDayOfMonth(refYear, month))).start;
  return candidate <= limit ? refYear : refYear - 1;
}

/** A day range inside one month: "early/mid/late" thirds and explicit day ranges. */
export function daysOfMonth(year: number, month: number, from: number, to: number): DateValue {
  const last = lastDayOfMonth(year, month);
  return dateRange(
    dateValue(year, month, Math.min(from, last)).start,
    dateValue(year, month, Math.min(to, last)).start,
  );
}
