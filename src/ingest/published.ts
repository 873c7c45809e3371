// Publication dates as metadata writes them: ISO dates/datetimes, RFC 822 (RSS pubDate), PDF
// "D:YYYYMMDDHHmmSS". The calendar day as written is kept (not shifted to UTC), because the
// publisher's local date is what a reader of the article sees and what extraction resolves
// relative dates ("yesterday") against.
import { datesInText, reportStamps } from "../extract/i18n/dates.js";
import { lexiconFor } from "../extract/i18n/lexicon.js";
import { dateRange, dateValue, parseIsoDate } from "../model/dates.js";
import type { DateValue } from "../model/records.js";
import { primaryLanguage } from "./language.js";

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

// ---------------------------------------------------------------------------------------------
// When metadata gives no date, the page itself often does: news URLs carry the publication day in
// their path, wire copy opens with a dateline ("CITY, Jan 4 (Agency) –"), and many pages print a
// "Published …" line. These are stated dates. Failing all of them, the text bounds its own writing
// date (it is written after the latest day it reports), which is an estimate and kept apart.

const MONTH_WORD =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

function monthOf(word: string): number | undefined {
  const i = MONTHS.indexOf(word.toLowerCase().slice(0, 3));
  return i >= 0 ? i + 1 : undefined;
}

/** Years a news page can plausibly carry in its address (older archives exist; the future does not). */
const plausibleYear = (y: number): boolean => y >= 1980 && y <= 2099;

/**
 * The publication date a URL's path states: a day for `/2024/01/31/`, `/2024/jan/31/`,
 * `-20240131-`, `/2024-01-31/`; a month for `/2024/01/` alone; a year when one year alone stands in it. Host names and query strings are not
 * read (ids there are not dates).
 */
export function dateFromUrl(url: string | undefined): DateValue | undefined {
  if (!url) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return undefined;
  }
  const ymd =
    /\/((?:19|20)\d\d)\/([01]?\d)\/([0-3]?\d)(?=\/|$|[-_.])/.exec(path) ??
    /(?:^|[/_-])((?:19|20)\d\d)-([01]\d)-([0-3]\d)(?=[/_.-]|$)/.exec(path) ??
    /(?:^|[/_-])((?:19|20)\d\d)([01]\d)([0-3]\d)(?=[/_.-]|$)/.exec(path);
  if (ymd && plausibleYear(Number(ymd[1]))) {
    const v = checked(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
    if (v) return v;
  }
  const named = new RegExp(`/((?:19|20)\\d\\d)/${MONTH_WORD}/([0-3]?\\d)(?=/|$)`, "i").exec(path);
  if (named && plausibleYear(Number(named[1]))) {
    const m = monthOf(named[2]!);
    if (m) return checked(Number(named[1]), m, Number(named[3]));
  }
  const ym = /\/((?:19|20)\d\d)\/([01]?\d)(?=\/)/.exec(path);
  if (ym && plausibleYear(Number(ym[1]))) {
    const m = Number(ym[2]);
    if (m >= 1 && m <= 12) return parseIsoDate(`${ym[1]}-${String(m).padStart(2, "0")}`);
  }
  // a year standing alone in the path ("/2021/article/…", "…-8-26-2021/"): one distinct year only
  const years = new Set([...path.matchAll(/(?:^|[/_-])((?:19|20)\d\d)(?=[/_.-]|$)/g)].map((m) => m[1]!));
  if (years.size === 1) {
    const y = Number([...years][0]);
    if (plausibleYear(y)) return dateValue(y);
  }
  return undefined;
}

const TEXT_DATE = `(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_WORD},?\\s+((?:19|20)\\d\\d)|${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)|((?:19|20)\\d\\d)-(\\d\\d)-(\\d\\d))`;

function textDate(m: RegExpExecArray, at: number): DateValue | undefined {
  if (m[at]) return checked(Number(m[at + 2]), monthOf(m[at + 1]!) ?? 0, Number(m[at]));
  if (m[at + 3]) return checked(Number(m[at + 5]), monthOf(m[at + 3]!) ?? 0, Number(m[at + 4]));
  if (m[at + 6]) return checked(Number(m[at + 6]), Number(m[at + 7]), Number(m[at + 8]));
  return undefined;
}

/** "Published 8 July 2023", "Updated: Jan. 31, 2024 10:15 GMT", "Posted on 2024-01-31". */
const LABELLED = new RegExp(
  `(?:^|\\n)[^\\n]{0,40}?\\b(?:first\\s+)?(?:published|updated|posted|last\\s+updated|date)\\b\\s*(?:on|at)?\\s*[:\\-–—]?\\s*${TEXT_DATE}`,
  "i",
);
/** A line that is nothing but a full date, perhaps with a clock time: a page's date stamp. */
const DATE_LINE = new RegExp(
  `(?:^|\\n)[ \\t]*${TEXT_DATE}(?:[ \\t]*[,|·-]?[ \\t]*\\d{1,2}[:.]\\d{2}[^\\n]{0,20})?[ \\t]*(?=\\n|$)`,
  "i",
);
/** How far into a text its own date stamp may sit: the headline, a byline and the first lines. */
const HEAD_CHARS = 600;

/**
 * A wire dateline at the start of a line: a place, perhaps a bracketed country, a day and month (the
 * year optional), then the agency in parentheses or a dash, colon or full stop — "KABUL, Aug 27 (Reuters) -",
 * "Quetta [Pakistan], August 1 (Agency):", "Lagos, March 4:", "Kano, Nigeria, June 9 (Agency) Gunmen …".
 */
const WIRE = new RegExp(
  `(?:^|\\n)[ \\t]*(\\p{Lu}[\\p{L} .'’-]{1,40}(?:\\s*\\[[^\\]\\n]{1,40}\\])?(?:,\\s*\\p{Lu}[\\p{L} .'’-]{1,30})?,\\s*(?:(\\d{1,2})\\s+${MONTH_WORD}|${MONTH_WORD}\\s+(\\d{1,2}))(?:,?\\s+((?:19|20)\\d\\d))?\\s*(?:\\([^)\\n]{2,40}\\)\\.?\\s*(?:[-–—:]|(?=\\p{Lu}))|[-–—:.](?=\\s)))`,
  "iu",
);

/** The wire dateline of a text's head; the place must be capitalised (the regex is case-blind for months). */
function wireMatch(text: string): RegExpExecArray | undefined {
  const w = WIRE.exec(text.slice(0, HEAD_CHARS));
  return w && /^\p{Lu}/u.test(w[1]!) ? w : undefined;
}

/**
 * Where a text states its own date — a wire dateline header, a "Published …" line, a date-stamp line
 * (start, end): a date there dates the report, not the news it tells.
 */
export function reportDateSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const w = wireMatch(text);
  if (w) out.push({ start: w.index + w[0].length - w[1]!.length, end: w.index + w[0].length });
  const head = text.slice(0, HEAD_CHARS);
  for (const re of [LABELLED, DATE_LINE]) {
    const m = re.exec(head);
    if (m) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export interface StatedDate {
  value: DateValue;
  from: "dateline";
}

/**
 * The publication day a text states at its top: a labelled date, a date-stamp line, or a wire
 * dateline. A dateline without a year ("Aug 27 (Reuters)") takes the year from `yearOf`, the
 * caller's best knowledge of when the text was written (URL year, content estimate), else is left.
 */
export function datelineDate(
  text: string,
  yearOf?: (month: number, day: number) => number | undefined,
  language?: string,
): StatedDate | undefined {
  // a report in another language states its date in its own words ("Publié le 17 septembre 2024")
  const lex = foreignLexicon(language);
  const stamp = lex ? reportStamps(text, lex)[0] : undefined;
  if (stamp) return { value: stamp.value, from: "dateline" };
  const head = text.slice(0, HEAD_CHARS);
  for (const re of [LABELLED, DATE_LINE]) {
    const m = re.exec(head);
    const v = m ? textDate(m, 1) : undefined;
    if (v) return { value: v, from: "dateline" };
  }
  const w = wireMatch(head);
  if (w) {
    const day = Number(w[2] ?? w[5]);
    const month = monthOf((w[3] ?? w[4])!);
    if (!month) return undefined;
    const year = w[6] ? Number(w[6]) : yearOf?.(month, day);
    const v = year === undefined ? undefined : checked(year, month, day);
    if (v) return { value: v, from: "dateline" };
  }
  return undefined;
}

/** A writing date inferred from a text, not stated by it: never shown as the document's date. */
export interface DateEstimate {
  value: DateValue; // a window of days
  confidence: number;
  basis: "content" | "url-month" | "url-month+content" | "url-year" | "url-year+content";
}

// "3 January 2024", "January 3, 2024", "December 2023", "2024-01-03"
const FULL_DATE = new RegExp(
  `\\b(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?)?${MONTH_WORD}\\s+(?:(\\d{1,2})(?:st|nd|rd|th)?,?\\s+)?((?:19|20)\\d\\d)\\b|\\b((?:19|20)\\d\\d)-(\\d\\d)-(\\d\\d)\\b`,
  "gi",
);
/** Reports are written after the latest day they tell of, and most within two months of it. */
const SLACK_DAYS = 60;

const isoDay = (y: number, m: number, d: number): string =>
  `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function addDays(day: string, n: number): string {
  const t = new Date(`${day}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

/** The lexicon of a language other than English that has one (dates written in its words are read). */
function foreignLexicon(language: string | undefined) {
  const l = primaryLanguage(language);
  return l && l !== "en" ? lexiconFor(l) : undefined;
}

/**
 * The latest fully dated day a text mentions (a month and year alone count as the month's last day); in a text
 * of a language with a lexicon, dates written in that language count too.
 */
export function latestDatedDay(text: string, language?: string): string | undefined {
  const lex = foreignLexicon(language);
  let latest: string | undefined = lex
    ? datesInText(text, lex)
        .map((d) => d.value.end)
        .sort()
        .at(-1)
    : undefined;
  for (const m of text.matchAll(FULL_DATE)) {
    let iso: string | undefined;
    if (m[5]) iso = checked(Number(m[5]), Number(m[6]), Number(m[7]))?.start;
    else {
      const month = monthOf(m[2]!);
      const year = Number(m[4]);
      if (!month) continue;
      const dayText = m[1] ?? m[3];
      const day = dayText ? Number(dayText) : lastDay(year, month);
      if (day >= 1 && day <= lastDay(year, month)) iso = isoDay(year, month, day);
    }
    if (iso && (!latest || iso > latest)) latest = iso;
  }
  return latest;
}

/**
 * When a text was probably written, for a document that states no day of publication: after the
 * latest day it mentions (within SLACK_DAYS), inside the month its URL gives when it gives one.
 * Confidence says how far to trust it; it only ever places yearless dates in a year.
 */
export function estimatePublished(text: string, urlDate?: DateValue, language?: string): DateEstimate | undefined {
  const latest = latestDatedDay(text, language);
  const content = latest ? dateRange(latest, addDays(latest, SLACK_DAYS)) : undefined;
  const coarse = urlDate && (urlDate.precision === "month" || urlDate.precision === "year") ? urlDate : undefined;
  const unit = coarse?.precision === "month" ? "url-month" : "url-year";
  if (coarse && content) {
    // ISO days compare as strings: the later start, the earlier end
    const start = [content.start, coarse.start].sort()[1]!;
    const end = [content.end, coarse.end].sort()[0]!;
    if (start <= end) return { value: dateRange(start, end), confidence: 0.8, basis: `${unit}+content` };
  }
  if (coarse)
    return { value: dateRange(coarse.start, coarse.end), confidence: unit === "url-month" ? 0.7 : 0.5, basis: unit };
  if (content) return { value: content, confidence: 0.5, basis: "content" };
  return undefined;
}

/** The year of a yearless day told in a text written within `window`: the latest not after its end + 7 days. */
export function yearWithin(window: DateValue, month: number, day: number): number {
  const year = Number(window.end.slice(0, 4));
  const candidate = isoDay(year, month, Math.min(day, lastDay(year, month)));
  return candidate <= addDays(window.end, 7) ? year : year - 1;
}

export interface Datable {
  text: string;
  url?: string;
  publishedAt?: DateValue;
  publishedFrom?: "metadata" | "url" | "dateline";
  publishedEstimate?: { value: DateValue; confidence: number; basis: string };
  /** The text's language: dates written in a language with a lexicon are read too. */
  language?: string;
}

/**
 * Completes a read document's publication date from the page itself: metadata (already read) first,
 * then the URL's day, then a dateline at the top of the text; a document still without a day gets an
 * estimate, kept apart from the stated date.
 */
export function completePublication<T extends Datable>(d: T): T {
  if (d.publishedAt) d.publishedFrom ??= "metadata";
  const fromUrl = dateFromUrl(d.url);
  if (!d.publishedAt && fromUrl?.precision === "day") {
    d.publishedAt = fromUrl;
    d.publishedFrom = "url";
  }
  if (d.publishedAt?.precision === "day") return d;
  const coarse = d.publishedAt ?? fromUrl;
  const estimate = estimatePublished(d.text, coarse, d.language);
  // a dateline's missing year is taken from the URL only: a content estimate can be years off
  // (a report recalling history mentions old dates), and a stated date must not rest on it
  const yearSource = estimate && estimate.basis !== "content" ? estimate : undefined;
  const stated = datelineDate(
    d.text,
    yearSource ? (m, day) => yearWithin(yearSource.value, m, day) : undefined,
    d.language,
  );
  if (
    stated &&
    (!d.publishedAt || (stated.value.start >= d.publishedAt.start && stated.value.end <= d.publishedAt.end))
  ) {
    d.publishedAt = stated.value;
    d.publishedFrom = "dateline";
    return d;
  }
  if (estimate) d.publishedEstimate = estimate;
  return d;
}
