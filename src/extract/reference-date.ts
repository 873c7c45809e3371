// A reference date for documents that carry no publication date (pasted text, many PDFs, the seed
// articles). Reports are written after what they report, so the latest fully dated mention — a
// month and a year at least ("December 2023", "3 January 2024") — bounds the writing date from
// below; we allow 60 days after it. The estimate only places yearless dates ("On 11 January") in
// a year; phrases relative to the writing day ("yesterday", "on Monday") stay unresolved, since
// the estimate is too loose for them.
import { dateRange } from "../model/dates.js";
import type { DateValue } from "../model/records.js";
import type { DateHit } from "./context.js";
import { addDays, lastDayOfMonth, monthNumber } from "./dates/calendar.js";

const MONTH =
  "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
// "December 2023", "3 January 2024", "January 3, 2024", "Jan. 2024"
const FULL_DATE = new RegExp(
  `\\b(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?${MONTH}\\s+(?:(\\d{1,2})(?:st|nd|rd|th)?,?\\s+)?((?:19|20)\\d{2})\\b`,
  "g",
);
const SLACK_DAYS = 60;

const pad = (n: number): string => String(n).padStart(2, "0");

/** The estimated writing window [latest dated mention, +60 days], or undefined when nothing is fully dated. */
export function estimateReference(text: string): DateValue | undefined {
  let latest: string | undefined;
  for (const m of text.matchAll(FULL_DATE)) {
    const month = monthNumber(m[2]!);
    if (!month) continue;
    const year = Number(m[4]);
    const dayText = m[1] ?? m[3];
    const day = dayText ? Number(dayText) : lastDayOfMonth(year, month);
    if (day < 1 || day > lastDayOfMonth(year, month)) continue;
    const iso = `${year}-${pad(month)}-${pad(day)}`;
    if (!latest || iso > latest) latest = iso;
  }
  if (!latest) return undefined;
  return dateRange(latest, addDays(latest, SLACK_DAYS));
}

const RELATIVE_RULE = /^date:(relative|weekday-past)/;

/**
 * Keeps what the estimate may decide (years for yearless dates) and withdraws values that were
 * computed relative to the writing day, marking every estimate-based rule so reviewers can see it.
 */
export function applyEstimatedReference(hits: DateHit[]): DateHit[] {
  for (const h of hits) {
    const m = h.mention;
    if (RELATIVE_RULE.test(m.rule)) {
      delete m.value;
      m.rule = `${m.rule}:no-reference`;
      m.confidence = Math.min(m.confidence, 0.3);
    } else if (/inferred/.test(m.rule)) {
      m.rule = `${m.rule}:estimated-reference`;
    }
  }
  return hits;
}
