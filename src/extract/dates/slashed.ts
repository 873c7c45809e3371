// Numeric dates ("04/12/1984", "4.12.84") are ambiguous between day-first and month-first. The
// order is decided once per document: a slashed date with a part above 12 settles it (the day is
// the part that cannot be a month); otherwise the source's locale does — a document whose language
// tag carries the US region ("en-US") reads month-first, every other document day-first.
import { dateValue } from "../../model/dates.js";
import type { DateValue } from "../../model/records.js";
import { lastDayOfMonth } from "./calendar.js";

export type DayOrder = "dmy" | "mdy";

const NUMERIC = /(?<![\w/.])(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})(?![\w/])/g;
const WHOLE = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})$/;

/** Region subtags whose convention is month-first (the United States and its territories). */
const MONTH_FIRST_REGIONS = new Set(["us", "as", "gu", "mp", "pr", "um", "vi", "fm", "mh", "pw"]);

function localeOrder(language: string | undefined): DayOrder {
  const region = (language ?? "")
    .toLowerCase()
    .split(/[-_]/)
    .slice(1)
    .find((p) => /^[a-z]{2}$/.test(p));
  return region && MONTH_FIRST_REGIONS.has(region) ? "mdy" : "dmy";
}

/**
 * The day/month order for the numeric dates of one document: the first numeric date that can only
 * be read one way decides; otherwise the language tag's region.
 */
export function slashOrder(text: string, language?: string): DayOrder {
  NUMERIC.lastIndex = 0;
  for (let m = NUMERIC.exec(text); m; m = NUMERIC.exec(text)) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && b >= 1 && b <= 12) return "dmy";
    if (b > 12 && a >= 1 && a <= 12) return "mdy";
  }
  return localeOrder(language);
}

function fullYear(y: string): number {
  if (y.length === 4) return Number(y);
  const n = Number(y);
  return n < 50 ? 2000 + n : 1900 + n;
}

function valid(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDayOfMonth(year, month);
}

/**
 * A whole numeric date read in `order`; a date impossible in that order but valid in the other
 * ("25/12/2020" in a month-first document) is read the only way it can be.
 */
export function parseSlashed(text: string, order: DayOrder): DateValue | undefined {
  const m = WHOLE.exec(text.trim());
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[3]);
  const year = fullYear(m[4]!);
  const [month, day] = order === "mdy" ? [a, b] : [b, a];
  if (valid(year, month, day)) return dateValue(year, month, day);
  if (valid(year, day, month)) return dateValue(year, day, month);
  return undefined;
}
