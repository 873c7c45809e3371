// Publication dates as metadata writes them: ISO dates/datetimes, RFC 822 (RSS pubDate), PDF
// "D:YYYYMMDDHHmmSS". The calendar day as written is kept (not shifted to UTC), because the
// publisher's local date is what a reader of the article sees and what extraction resolves
// relative dates ("yesterday") against.
import { dateValue, parseIsoDate } from "../model/dates.js";
import type { DateValue } from "../model/records.js";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function checked(y: number, m: number, d: number): DateValue | undefined {
  const iso = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return parseIsoDate(iso);
}

export function parsePublished(input: string | undefined | null): DateValue | undefined {
  if (!input) return undefined;
  const s = input.trim();
  if (!s) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s]|$)/.exec(s);
  if (iso) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (/^\d{4}(?:-\d{2})?$/.test(s)) return parseIsoDate(s);
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(s);
  if (pdf) {
    const y = Number(pdf[1]);
    if (!pdf[2]) return dateValue(y);
    if (!pdf[3]) return parseIsoDate(`${pdf[1]}-${pdf[2]}`);
    return checked(y, Number(pdf[2]), Number(pdf[3]));
  }
  const rfc = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})/.exec(s);
  if (rfc) {
    const m = MONTHS.indexOf(rfc[2]!.toLowerCase());
    if (m >= 0) return checked(Number(rfc[3]), m + 1, Number(rfc[1]));
  }
  const us = /([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})/.exec(s);
  if (us) {
    const m = MONTHS.indexOf(us[1]!.toLowerCase());
    if (m >= 0) return checked(Number(us[3]), m + 1, Number(us[2]));
  }
  return parseIsoDate(s);
}
