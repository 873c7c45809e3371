// Dates written in other languages: "28 janvier 2024", "28 de enero", "28. Januar", "28 января 2024 года",
// "۴ آبان ۱۴۰۱" (Solar Hijri, converted with the platform's Persian calendar), numeric day-first dates, and
// weekdays / yesterday / today placed by the reference (publication) date. Yearless dates take the latest year
// that does not put them after the reference.
import { dateRange } from "../../model/dates.js";
import type { DateValue } from "../../model/records.js";
import type { Lexicon } from "./lexicon.js";
import { asciiDigits } from "./normalise.js";
import { type Token, tokenize } from "./tokens.js";

export interface FoundDate {
  value: DateValue;
  /** Token index range [from, to). */
  from: number;
  to: number;
  /** Written as a calendar date (not a weekday or "yesterday"). */
  explicit: boolean;
}

const pad = (n: number): string => String(n).padStart(2, "0");
const iso = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;
const dayValue = (s: string): DateValue => ({ iso: s, precision: "day", start: s, end: s });

function valid(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const addDays = (isoDay: string, n: number): string => {
  const t = new Date(`${isoDay}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
};

const persian = new Intl.DateTimeFormat("en-u-ca-persian-nu-latn", {
  timeZone: "UTC",
  year: "numeric",
  month: "numeric",
  day: "numeric",
});

function persianParts(t: Date): [number, number, number] {
  const p = persian.formatToParts(t);
  const get = (k: string): number => Number(p.find((x) => x.type === k)?.value);
  return [get("year"), get("month"), get("day")];
}

/** Gregorian day of a Solar Hijri date: searched from Nowruz of the year (20–21 March of year + 621). */
export function fromSolarHijri(y: number, m: number, d: number): string | undefined {
  const t = new Date(Date.UTC(y + 621, 2, 15));
  for (let i = 0; i < 380; i++) {
    const [py, pm, pd] = persianParts(t);
    if (py === y && pm === m && pd === d) return t.toISOString().slice(0, 10);
    if (py > y) return undefined;
    t.setUTCDate(t.getUTCDate() + 1);
  }
  return undefined;
}

const num = (t: Token | undefined): number | undefined => {
  const k = t?.keys[0];
  // ordinal endings: French, Spanish, Turkish, Russian; Bengali "২৬শে", "১লা"; Tamil "16ஆம்" (its pulli folded away)
  const m = k ? /^(\d{1,4})(?:er|eme|º|°|ci|inci|nci|ncı|uncu|ünci|-?е|-?го|শে|লা|রা|ঠা|ই|ে|ஆம|ம)?$/.exec(k) : null;
  return m ? Number(m[1]) : undefined;
};

/** Drops the "de" of "28 de enero de 2024", the "," of English-style order and Russian "года". */
const FILLER = new Set(["de", "del", "года", "г", "سال", "م", "هـ", "ه", "yılı"]);

function placeYear(m: number, d: number, reference: string | undefined): number | undefined {
  if (!reference) return undefined;
  const ry = Number(reference.slice(0, 4));
  for (const y of [ry, ry - 1]) if (valid(y, m, d) && iso(y, m, d) <= addDays(reference, 1)) return y;
  return undefined;
}

/** Calendar dates, numeric dates and relative days in the tokens. */
export function findDates(tokens: Token[], lex: Lexicon, text: string, reference?: string): FoundDate[] {
  const out: FoundDate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const md = lex.monthFirst ? monthDay(tokens, i, lex, reference) : undefined;
    if (md) {
      out.push(md);
      i = md.to - 1;
      continue;
    }
    const day = num(tokens[i]);
    // day month [year], or a day range in one month: "16-17 जनवरी", "3–5 mars"
    if (day !== undefined && day >= 1 && day <= 31) {
      const last = rangeEnd(tokens, i, text, day);
      let j = last === undefined ? i + 1 : i + 2;
      if (tokens[j] && FILLER.has(tokens[j]!.keys[0]!)) j++;
      const solar = lex.solarMonths.at(tokens, j);
      const month = solar ?? lex.months.at(tokens, j);
      if (month && tokens[j]!.sentence === tokens[i]!.sentence) {
        let k = month.to;
        if (tokens[k] && FILLER.has(tokens[k]!.keys[0]!)) k++;
        const y = num(tokens[k]);
        const hasYear = y !== undefined && y >= 1300 && y <= 2100 && tokens[k]!.sentence === tokens[i]!.sentence;
        let dayIso: string | undefined;
        if (solar) {
          const sy =
            hasYear && y! < 1500 ? y! : reference ? persianParts(new Date(`${reference}T00:00:00Z`))[0] : undefined;
          dayIso = sy ? fromSolarHijri(sy, month.value, day) : undefined;
          if (dayIso && !hasYear && reference && dayIso > addDays(reference, 1))
            dayIso = fromSolarHijri(sy! - 1, month.value, day);
        } else {
          const year = hasYear && y! >= 1900 ? y : placeYear(month.value, day, reference);
          if (year && valid(year, month.value, day)) dayIso = iso(year, month.value, day);
        }
        if (dayIso) {
          let to = hasYear ? k + 1 : month.to;
          if (tokens[to] && FILLER.has(tokens[to]!.keys[0]!) && hasYear) to++;
          // a range is its days, unless a night word follows: a night is dated by the day it begins
          const night = last !== undefined && [to, to + 1].some((x) => lex.nights.at(tokens, x));
          const value =
            last === undefined || night ? dayValue(dayIso) : dateRange(dayIso, addDays(dayIso, last - day), "range");
          out.push({ value, from: i, to, explicit: true });
          i = to - 1;
          continue;
        }
      }
    }
    const rel = lex.relative.at(tokens, i);
    // "اليوم الأربعاء", "heute Mittwoch": the weekday names the day more exactly than "today"
    if (rel && rel.value === 0 && lex.weekdays.at(tokens, rel.to)) continue;
    if (rel && reference) {
      out.push({ value: dayValue(addDays(reference, -rel.value)), from: i, to: rel.to, explicit: false });
      i = rel.to - 1;
      continue;
    }
    const wd = lex.weekdays.at(tokens, i);
    // "mardi 17 septembre", "چهارشنبه (۴ آبان)": a weekday with a calendar date is that date
    if (wd && datedAfter(tokens, wd.to, lex)) continue;
    if (wd && reference) {
      const refDow = ((new Date(`${reference}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
      const back = (refDow - wd.value + 7) % 7;
      out.push({ value: dayValue(addDays(reference, -back)), from: i, to: wd.to, explicit: false });
      i = wd.to - 1;
    }
  }
  // numeric day-first dates: 28.01.2024, 28/01/2024; year-first ones: 2024/01/28, and Solar Hijri ۱۴۰۲/۰۷/۱۲
  const digits = asciiDigits(text);
  for (const t of tokens) {
    const ym = /^(\d{4})[./-](\d{1,2})[./-](\d{1,2})(?!\d)/.exec(digits.slice(t.start, t.start + 10));
    if (ym && /^\d{4}$/.test(t.keys[0]!)) {
      const [y, mo, d] = [Number(ym[1]), Number(ym[2]), Number(ym[3])];
      const day =
        y >= 1300 && y < 1500 && lex.solarMonths.size
          ? fromSolarHijri(y, mo, d)
          : y >= 1900 && y <= 2100 && valid(y, mo, d)
            ? iso(y, mo, d)
            : undefined;
      if (day) push(out, tokens, t, t.start + ym[0].length, day);
      continue;
    }
    if (!/^\d{1,2}$/.test(t.keys[0]!)) continue;
    const m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?!\d)/.exec(digits.slice(t.start, t.start + 10));
    if (!m) continue;
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!valid(y, mo, d) || y < 1900) continue;
    push(out, tokens, t, t.start + m[0].length, iso(y, mo, d));
  }
  return out.sort((a, b) => a.from - b.from);
}

/** "ஜனவரி 16", "ஜனவரி 16ஆம் தேதி", "ஜனவரி 16, 2024": month first, as Tamil news writes dates. */
function monthDay(tokens: Token[], i: number, lex: Lexicon, reference: string | undefined): FoundDate | undefined {
  const month = lex.months.at(tokens, i);
  const day = month ? num(tokens[month.to]) : undefined;
  if (!month || day === undefined || day < 1 || day > 31) return undefined;
  if (tokens[month.to]!.sentence !== tokens[i]!.sentence) return undefined;
  const y = num(tokens[month.to + 1]);
  const hasYear = y !== undefined && y >= 1900 && y <= 2100 && tokens[month.to + 1]!.sentence === tokens[i]!.sentence;
  const year = hasYear ? y : placeYear(month.value, day, reference);
  if (!year || !valid(year, month.value, day)) return undefined;
  return { value: dayValue(iso(year, month.value, day)), from: i, to: month.to + (hasYear ? 2 : 1), explicit: true };
}

/** The last day of a range "16-17" (a hyphen or dash between two day numbers, the second larger) at token i. */
function rangeEnd(tokens: Token[], i: number, text: string, first: number): number | undefined {
  const second = num(tokens[i + 1]);
  if (second === undefined || second <= first || second > 31) return undefined;
  return /^\s*[-–]\s*$/.test(text.slice(tokens[i]!.end, tokens[i + 1]!.start)) ? second : undefined;
}

/** A numeric date from token t to character `end`, unless a date already covers t. */
function push(out: FoundDate[], tokens: Token[], t: Token, end: number, day: string): void {
  const from = tokens.indexOf(t);
  let to = from;
  while (to < tokens.length && tokens[to]!.end <= end) to++;
  if (out.some((o) => o.from <= from && from < o.to)) return;
  out.push({ value: dayValue(day), from, to, explicit: true });
}

/** Words that may stand between a weekday and its date: "mardi (17 …)", "Sonntag, dem 8. Mai", "هفته گذشته". */
const BETWEEN = new Set(["le", "dem", "den", "de", "del", "the", "هفته", "گذشته", "کو", "günü", "matin", "soir"]);

/** Whether a calendar date (a day number and a month name) starts within two words of token i, in its sentence. */
function datedAfter(tokens: Token[], i: number, lex: Lexicon): boolean {
  for (let j = i; j < i + 3 && j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.sentence !== tokens[i - 1]?.sentence) return false;
    const d = num(t);
    if (d !== undefined && d >= 1 && d <= 31) {
      const k = tokens[j + 1] && FILLER.has(tokens[j + 1]!.keys[0]!) ? j + 2 : j + 1;
      return !!(lex.months.at(tokens, k) ?? lex.solarMonths.at(tokens, k));
    }
    if (!BETWEEN.has(t.keys[0]!)) return false;
  }
  return false;
}

export interface DateInText {
  value: DateValue;
  start: number;
  end: number;
  explicit: boolean;
}

/**
 * The dates of a text in one language, with character offsets (for callers outside extraction: publication
 * dates, measurement). Without a reference only fully written dates (with their year) are found.
 */
export function datesInText(text: string, lex: Lexicon, reference?: string): DateInText[] {
  const tokens = tokenize(text, 0, text.length, lex.arabic);
  return findDates(tokens, lex, text, reference).map((d) => ({
    value: d.value,
    start: tokens[d.from]!.start,
    end: tokens[d.to - 1]!.end,
    explicit: d.explicit,
  }));
}

/** How far into a text its own date stamp may sit: the headline, a byline and the first lines. */
const HEAD_CHARS = 600;

/**
 * The report's own date stamps in the head of a text: a fully written date on a line that holds nothing else
 * but a weekday, a clock time and punctuation ("lundi\n7 novembre 2022", "01 اکتوبر ، 2023"), or after a
 * published label on its line ("Publié le : mardi 17 septembre 2024", "تاریخ انتشار: ۴ آبان ۱۴۰۱"). These date the
 * report, not the news it tells.
 */
export function reportStamps(text: string, lex: Lexicon): DateInText[] {
  const out: DateInText[] = [];
  const head = text.slice(0, HEAD_CHARS);
  let at = 0;
  for (const line of head.split("\n")) {
    const start = at;
    at += line.length + 1;
    const tokens = tokenize(text, start, start + line.length, lex.arabic);
    const dates = findDates(tokens, lex, text).filter((d) => d.explicit);
    const d = dates[0];
    if (!d) continue;
    const labelled = lex.publishedLabels.all(tokens).some((m) => m.to <= d.from);
    const rest = tokens.filter(
      (t, i) => (i < d.from || i >= d.to) && !/^\d+$/.test(t.keys[0]!) && !lex.weekdays.at(tokens, i),
    );
    if (labelled || !rest.length)
      out.push({ value: d.value, start: tokens[d.from]!.start, end: tokens[d.to - 1]!.end, explicit: true });
  }
  return out;
}
