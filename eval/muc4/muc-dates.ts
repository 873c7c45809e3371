// MUC date notation: "16 NOV 89", ranges "25 AUG 89 - 26 AUG 89", default fills "- 26 AUG 89"
// (on or before the dateline), and parenthesised alternatives. Two-digit years are 19xx.
import { dateValue } from "../../src/model/dates.js";
import type { DateValue } from "../../src/model/records.js";

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

export function parseMucDate(s: string): DateValue | undefined {
  const m = /^(\d{1,2})?\s*([A-Z]{3})\s+(\d{2})$/.exec(s.trim().toUpperCase());
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!) + 1;
  if (month === 0) return undefined;
  const year = 1900 + Number(m[3]);
  return m[1] ? dateValue(year, month, Number(m[1])) : dateValue(year, month);
}

/** A key date alternative: a simple date, a closed range, or a default "- D" (upper anchor only). */
export interface KeyDate {
  start?: string;
  end: string;
  /** "- D": the key only knows the incident happened on or before D. */
  isDefault: boolean;
}

export function parseKeyDate(alt: string): KeyDate | undefined {
  const s = alt.replace(/^\(|\)$/g, "").trim();
  const def = /^-\s+(.+)$/.exec(s);
  if (def) {
    const d = parseMucDate(def[1]!);
    return d ? { end: d.end, isDefault: true } : undefined;
  }
  const parts = s.split(/\s+-\s+/);
  if (parts.length === 2) {
    const a = parseMucDate(parts[0]!);
    const b = parseMucDate(parts[1]!);
    return a && b ? { start: a.start, end: b.end, isDefault: false } : undefined;
  }
  const d = parseMucDate(s);
  return d ? { start: d.start, end: d.end, isDefault: false } : undefined;
}
