// A day and a month printed without a year ("January 30", "30 January", "Sunday, the 28th of
// January"). chrono reads a month name followed by a two-digit number as a month and a year
// ("January 30" → January 2030), which news prose never means; these forms are read here as a day of
// a month, and the year is left to the caller (inferred from a reference date, or unknown).
import { MONTH_RE, monthNumber } from "./calendar.js";

const WD = "(?:(mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?";
const DAY = "(0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?";
const MONTH = `(${MONTH_RE})`;

const MONTH_FIRST = new RegExp(`^${WD}${MONTH}\\s+${DAY}$`, "i");
const DAY_FIRST = new RegExp(`^${WD}(?:the\\s+)?${DAY}\\s+(?:of\\s+)?${MONTH}$`, "i");

export interface DayMonth {
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday, when the weekday is printed with the date. */
  weekday?: number;
}

const WEEKDAY_STEMS = ["sun", "mon", "tues", "wednes", "thurs", "fri", "satur"];

/** The day and month when `text` is exactly one yearless day-month date; undefined otherwise. */
export function dayMonth(text: string): DayMonth | undefined {
  const t = text.trim().replace(/\s+/g, " ");
  const mf = MONTH_FIRST.exec(t);
  const df = mf ? null : DAY_FIRST.exec(t);
  const [wdText, monthText, dayText] = mf ? [mf[1], mf[2], mf[3]] : df ? [df[1], df[3], df[2]] : [];
  if (!monthText || !dayText) return undefined;
  const month = monthNumber(monthText);
  const day = Number(dayText);
  if (!month) return undefined;
  // 31 April can be no day at all; 29 February is checked once the year is known
  const longest = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  if (day > longest) return undefined;
  const out: DayMonth = { month, day };
  if (wdText) out.weekday = WEEKDAY_STEMS.indexOf(wdText.toLowerCase());
  return out;
}
