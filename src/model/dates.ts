// Building DateValue intervals from partial dates; shared by readers, extraction and fusion.
import type { DatePrecision, DateValue } from "./records.js";

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A DateValue for a year, a month of a year, or a day. Months are 1-based. */
export function dateValue(year: number, month?: number, day?: number): DateValue {
  if (month === undefined) {
    return { iso: pad(year, 4), precision: "year", start: `${pad(year, 4)}-01-01`, end: `${pad(year, 4)}-12-31` };
  }
  const ym = `${pad(year, 4)}-${pad(month)}`;
  if (day === undefined) {
    return { iso: ym, precision: "month", start: `${ym}-01`, end: `${ym}-${pad(lastDay(year, month))}` };
  }
  const d = `${ym}-${pad(day)}`;
  return { iso: d, precision: "day", start: d, end: d };
}

/** A range between two day-precision bounds (inclusive). */
export function dateRange(start: string, end: string, precision: DatePrecision = "range"): DateValue {
  return { iso: start === end ? start : `${start}/${end}`, precision: start === end ? "day" : precision, start, end };
}

export function dayOf(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Parse an ISO-ish timestamp or date into a DateValue of matching precision; undefined if unusable. */
export function parseIsoDate(input: string): DateValue | undefined {
  const s = input.trim();
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    const mo = m[2] ? Number(m[2]) : undefined;
    const d = m[3] ? Number(m[3]) : undefined;
    if (mo !== undefined && (mo < 1 || mo > 12)) return undefined;
    if (mo !== undefined && d !== undefined && (d < 1 || d > lastDay(y, mo))) return undefined;
    return dateValue(y, mo, d);
  }
  const t = Date.parse(s);
  if (Number.isNaN(t)) return undefined;
  const dt = new Date(t);
  return dateValue(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/** True when two date intervals share at least one day. */
export function overlaps(a: DateValue, b: DateValue): boolean {
  return a.start <= b.end && b.start <= a.end;
}
