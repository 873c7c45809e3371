// Normalises one DATE span (never a whole text) to a DateValue against the document's
// publication date. chrono-node does the ordinary forms; the rules here cover what the bake-off
// showed chrono gets wrong: bare years, decades, early/mid/late, day and month ranges, past-biased
// weekdays, relative phrases without a reference, and event-anchored phrases (kept unresolved).
import * as chrono from "chrono-node";
import { dateRange, dateValue } from "../../model/dates.js";
import type { DateValue } from "../../model/records.js";
import {
  addDays,
  daysOfMonth,
  inferYear,
  lastDayOfMonth,
  MONTH_RE,
  monthNumber,
  toDate,
  WEEKDAYS,
} from "./calendar.js";
import { dayMonth } from "./day-month.js";
import { simpleDate } from "./simple.js";
import { type DayOrder, parseSlashed } from "./slashed.js";

export interface DateResult {
  value?: DateValue; // absent when the expression cannot be resolved (anchored, or relative without a reference)
  rule: string;
  confidence: number;
}

const NUMW = "(?:\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|few)";
const UNIT = "(?:days?|weeks?|months?|years?|decades?|hours?|nights?)";
const ANCHORED = new RegExp(
  `\\b(?:${NUMW}\\s+${UNIT}\\s+(?:after|before|ahead\\s+of|following|prior\\s+to|later|earlier|on\\s+from)|(?:the\\s+)?(?:next|following|previous|same)\\s+(?:day|week|month|morning|evening|night)|(?:the\\s+)?day\\s+(?:before|after)|(?:on|after|before|ahead\\s+of)\\s+the\\s+(?:\\w+\\s+)?(?:anniversary|memorial|funeral|ceremony|attack|elections?))`,
  "i",
);
const HAS_ABSOLUTE = new RegExp(`\\b(?:${MONTH_RE}|\\d{4})\\b|\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}\\b`, "i");
const DECADE = /\b(?:the\s+)?(early|mid|late)?[-\s]*((?:1[5-9]|20)\d)0['’]?s\b/i;
const PART_OF_MONTH = new RegExp(
  `\\b(early|mid|late|the\\s+(?:end|beginning|start|middle)\\s+of)[-\\s]+(${MONTH_RE})(?:,?\\s+(\\d{4}))?\\b`,
  "i",
);
const PART_OF_YEAR = /\b(early|mid|late|the\s+(?:end|beginning|start|middle)\s+of)[-\s]+(\d{4})\b/i;
const DAY_RANGE = new RegExp(
  `\\b(?:between\\s+|from\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:-|–|to|and|until)\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_RE})(?:,?\\s+(\\d{4}))?`,
  "i",
);
const DAY_RANGE_US = new RegExp(
  `\\b(${MONTH_RE})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:-|–|to|and|until)\\s*(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?`,
  "i",
);
const MONTH_RANGE = new RegExp(
  `\\b(?:between|from)\\s+(${MONTH_RE})(?:\\s+(\\d{4}))?\\s+(?:to|and|until|through)\\s+(${MONTH_RE})(?:\\s+(\\d{4}))?`,
  "i",
);
const WEEKDAY = /\b(?:(last|this\s+past|past)\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/i;
const INDEFINITE_WEEKDAY =
  /^(?:on\s+)?(?:a|an|every|each|any)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const RELATIVE = /\b(?:yesterday|today|tonight|tomorrow|ago|last|this|next|earlier|recent(?:ly)?|currently|now)\b/i;
const BARE_YEAR = /\b(1[0-9]{3}|20[0-9]{2})\b/;
const WORD_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

function yearOrInfer(yearText: string | undefined, month: number, day: number, ref?: DateValue): number | undefined {
  if (yearText) return Number(yearText);
  return ref ? inferYear(ref, month, day) : undefined;
}

const res = (value: DateValue | undefined, rule: string, confidence: number): DateResult =>
  value ? { value, rule, confidence } : { rule, confidence };

function partOfMonth(m: RegExpExecArray, ref?: DateValue): DateResult | undefined {
  const part = m[1]!.toLowerCase().replace(/\s+/g, " ");
  const month = monthNumber(m[2]!);
  if (!month) return undefined;
  const year = yearOrInfer(m[3], month, 1, ref);
  if (year === undefined) return res(undefined, "date:part-of-month:no-reference", 0.3);
  const last = lastDayOfMonth(year, month);
  const [from, to] =
    part === "early" || part.includes("beginning") || part.includes("start")
      ? [1, 10]
      : part === "mid" || part.includes("middle")
        ? [11, 20]
        : [21, last];
  return res(daysOfMonth(year, month, from, to), "date:part-of-month", m[3] ? 0.85 : 0.75);
}

function relative(text: string, ref: DateValue): DateResult | undefined {
  const t = text.toLowerCase();
  const day = ref.end;
  if (/\byesterday\b/.test(t)) return res(dateRange(addDays(day, -1), addDays(day, -1)), "date:relative", 0.85);
  if (/\b(?:today|tonight|this morning|this evening)\b/.test(t)) return res(dateRange(day, day), "date:relative", 0.8);
  if (/\blast\s+night\b/.test(t)) return res(dateRange(addDays(day, -1), addDays(day, -1)), "date:relative", 0.8);
  const ago = new RegExp(`\\b(\\d+|${Object.keys(WORD_NUMBERS).join("|")})\\s+(day|week|month|year)s?\\s+ago\\b`).exec(
    t,
  );
  if (ago) {
    const n = /^\d+$/.test(ago[1]!) ? Number(ago[1]) : WORD_NUMBERS[ago[1]!]!;
    const unit = ago[2]!;
    if (unit === "day") return res(dateRange(addDays(day, -n), addDays(day, -n)), "date:relative-ago", 0.8);
    if (unit === "week")
      return res(dateRange(addDays(day, -7 * n - 3), addDays(day, -7 * n + 3)), "date:relative-ago", 0.6);
    const d = toDate(day);
    if (unit === "month") {
      d.setUTCDate(1);
      d.setUTCMonth(d.getUTCMonth() - n);
      return res(dateValue(d.getUTCFullYear(), d.getUTCMonth() + 1), "date:relative-ago", 0.6);
    }
    return res(dateValue(d.getUTCFullYear() - n), "date:relative-ago", 0.6);
  }
  const d = toDate(day);
  if (/\blast\s+week\b/.test(t)) {
    // the previous calendar week, Monday to Sunday
    const dow = (d.getUTCDay() + 6) % 7; // 0 = Monday
    const monday = addDays(day, -dow - 7);
    return res(dateRange(monday, addDays(monday, 6)), "date:relative-week", 0.7);
  }
  if (/\bthis\s+week\b/.test(t)) {
    const dow = (d.getUTCDay() + 6) % 7;
    return res(dateRange(addDays(day, -dow), day), "date:relative-week", 0.7);
  }
  if (/\blast\s+month\b/.test(t)) {
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() - 1);
    return res(dateValue(d.getUTCFullYear(), d.getUTCMonth() + 1), "date:relative-month", 0.75);
  }
  if (/\b(?:earlier\s+)?this\s+month\b/.test(t))
    return res(dateRange(`${day.slice(0, 7)}-01`, day), "date:relative-month", 0.7);
  if (/\blast\s+year\b/.test(t)) return res(dateValue(d.getUTCFullYear() - 1), "date:relative-year", 0.75);
  if (/\b(?:earlier\s+)?this\s+year\b/.test(t))
    return res(dateRange(`${day.slice(0, 4)}-01-01`, day), "date:relative-year", 0.7);
  return undefined;
}

function weekday(m: RegExpExecArray, ref: DateValue): DateResult {
  const target = WEEKDAYS.indexOf(m[2]!.toLowerCase());
  const refDay = toDate(ref.end).getUTCDay();
  let back = (refDay - target + 7) % 7;
  if (back === 0 && m[1]) back = 7; // "last Monday" said on a Monday means a week ago
  const day = addDays(ref.end, -back);
  return res(dateRange(day, day), "date:weekday-past", 0.7);
}

/**
 * A yearless day and month: the year comes from the reference (inferYear). A weekday printed with it
 * ("Sunday, 28 January") picks, of the inferred year and the one before, the year it fits.
 */
function yearlessDay(t: string, ref: DateValue | undefined): DateResult | undefined {
  const dm = dayMonth(t);
  if (!dm) return undefined;
  if (!ref) return res(undefined, "date:no-reference", 0.3);
  const inferred = inferYear(ref, dm.month, dm.day);
  const fits = (y: number) =>
    dm.day <= lastDayOfMonth(y, dm.month) &&
    (dm.weekday === undefined || toDate(dateValue(y, dm.month, dm.day).start).getUTCDay() === dm.weekday);
  const year = [inferred, inferred - 1].find(fits);
  if (year === undefined) {
    if (dm.day > lastDayOfMonth(inferred, dm.month)) return res(undefined, "date:unresolved", 0.2);
    return res(dateValue(inferred, dm.month, dm.day), "date:day-month+year-inferred:weekday-mismatch", 0.5);
  }
  return res(dateValue(year, dm.month, dm.day), "date:day-month+year-inferred", 0.75);
}

function viaChrono(text: string, ref?: DateValue): DateResult | undefined {
  // plain complete dates: the value chrono would give, without running chrono (simple.ts)
  const quick = simpleDate(text);
  if (quick) return res(dateValue(quick.year, quick.month, quick.day), "date:chrono", 0.9);
  const instant = ref ? new Date(`${ref.end}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12));
  const results = chrono.en.GB.parse(text, { instant, timezone: 0 });
  const r = results[0];
  if (!r) return undefined;
  const known = (c: chrono.ParsedComponents, k: chrono.Component) => c.isCertain(k);
  const s = r.start;
  const month = known(s, "month") ? s.get("month")! : undefined;
  const dayN = known(s, "day") ? s.get("day")! : undefined;
  let year = known(s, "year") ? s.get("year")! : undefined;
  const relativeWords = RELATIVE.test(text);
  if (relativeWords && (!ref || ref.start !== ref.end)) return res(undefined, "date:relative:no-reference", 0.3);
  if (year === undefined && month !== undefined) year = yearOrInfer(undefined, month, dayN ?? 1, ref);
  // "12 March" with no publication date: a date, but its year is unknown — kept without a value
  if (year === undefined && month !== undefined) return res(undefined, "date:no-reference", 0.3);
  if (year === undefined || month === undefined) return undefined;
  const rule = known(s, "year") ? "date:chrono" : "date:chrono+year-inferred";
  const conf = known(s, "year") ? 0.9 : 0.75;
  const start = dayN !== undefined ? dateValue(year, month, dayN) : dateValue(year, month);
  if (r.end) {
    const e = r.end;
    const eMonth = e.get("month") ?? month;
    const eYear = e.isCertain("year") ? e.get("year")! : year;
    const end = e.isCertain("day") ? dateValue(eYear, eMonth, e.get("day")!) : dateValue(eYear, eMonth);
    return res(dateRange(start.start, end.end), `${rule}:range`, conf - 0.05);
  }
  return res(start, rule, conf);
}

// normaliseDate is a pure function of (text, ref) and chrono dominates its cost; the same
// expressions recur within a document and across the reports of one incident, so results are
// memoised. Callers get a copy, so nothing they do to a result can leak into the cache.
const MEMO_MAX = 4096;
const memo = new Map<string, DateResult>();

function copyResult(r: DateResult): DateResult {
  return r.value ? { ...r, value: { ...r.value } } : { ...r };
}

/**
 * Normalise one date expression. `ref` is the document's publication date; without it only
 * absolute dates resolve (never "today"). `order` reads numeric dates ("04/12/1984") day-first or
 * month-first; slashOrder() decides it per document.
 */
export function normaliseDate(text: string, ref?: DateValue, order: DayOrder = "dmy"): DateResult {
  const key = ref ? `${order}|${ref.iso}|${ref.precision}|${ref.start}|${ref.end}|${text}` : `${order}||${text}`;
  let r = memo.get(key);
  if (!r) {
    r = normaliseUncached(text, ref, order);
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(key, r);
  }
  return copyResult(r);
}

function normaliseUncached(text: string, ref: DateValue | undefined, order: DayOrder): DateResult {
  const t = text.trim();
  const numeric = parseSlashed(t, order);
  if (numeric) {
    const [a, b] = t.split(/[/.]/).map(Number);
    // a part above 12 leaves one reading; otherwise the document's order decided it
    const unambiguous = (a ?? 0) > 12 || (b ?? 0) > 12 || a === b;
    return res(numeric, `date:numeric-${order}`, unambiguous ? 0.9 : 0.8);
  }
  // chrono reads "now" as the reference instant; in news prose "from now on" is not a date
  if (/^(?:from\s+|right\s+|until\s+|by\s+)?now(?:\s+on)?$/i.test(t)) return res(undefined, "date:unresolved", 0.2);
  if (ANCHORED.test(t) && !HAS_ABSOLUTE.test(t)) return res(undefined, "date:anchored", 0.6);

  const dec = DECADE.exec(t);
  if (dec) {
    const y0 = Number(`${dec[2]}0`);
    const part = dec[1]?.toLowerCase();
    const [a, b] = part === "early" ? [0, 3] : part === "mid" ? [4, 6] : part === "late" ? [7, 9] : [0, 9];
    const v: DateValue = {
      iso: `${y0 + a}/${y0 + b}`,
      precision: "decade",
      start: `${y0 + a}-01-01`,
      end: `${y0 + b}-12-31`,
    };
    return res(v, "date:decade", 0.85);
  }

  const pom = PART_OF_MONTH.exec(t);
  if (pom) {
    const r = partOfMonth(pom, ref);
    if (r) return r;
  }
  const poy = PART_OF_YEAR.exec(t);
  if (poy) {
    const part = poy[1]!.toLowerCase();
    const y = Number(poy[2]);
    const [a, b] =
      part === "early" || part.includes("beginning") || part.includes("start")
        ? [1, 4]
        : part === "mid" || part.includes("middle")
          ? [5, 8]
          : [9, 12];
    return res(dateRange(dateValue(y, a).start, dateValue(y, b).end), "date:part-of-year", 0.8);
  }

  const dr = DAY_RANGE.exec(t) ?? null;
  const dru = dr ? null : DAY_RANGE_US.exec(t);
  if (dr || dru) {
    const [d1, d2, mName, yText] = dr ? [dr[1], dr[2], dr[3], dr[4]] : [dru![2], dru![3], dru![1], dru![4]];
    const month = monthNumber(mName!);
    const from = Number(d1);
    const to = Number(d2);
    if (month && from >= 1 && to > from && to <= 31) {
      const year = yearOrInfer(yText, month, from, ref);
      if (year === undefined) return res(undefined, "date:day-range:no-reference", 0.3);
      return res(daysOfMonth(year, month, from, to), "date:day-range", yText ? 0.85 : 0.75);
    }
  }
  const mr = MONTH_RANGE.exec(t);
  if (mr) {
    const m1 = monthNumber(mr[1]!);
    const m2 = monthNumber(mr[3]!);
    const y2text = mr[4] ?? mr[2];
    if (m1 && m2) {
      const y2 = yearOrInfer(y2text, m2, 1, ref);
      if (y2 === undefined) return res(undefined, "date:month-range:no-reference", 0.3);
      const y1 = mr[2] ? Number(mr[2]) : m1 <= m2 ? y2 : y2 - 1;
      return res(dateRange(dateValue(y1, m1).start, dateValue(y2, m2).end), "date:month-range", 0.8);
    }
  }

  // "on a Wednesday evening", "every Friday": some weekday, not one day to resolve
  if (!HAS_ABSOLUTE.test(t) && INDEFINITE_WEEKDAY.test(t)) return res(undefined, "date:weekday-indefinite", 0.3);
  if (!HAS_ABSOLUTE.test(t)) {
    // "yesterday", "on Sunday" count from the day of writing: only a known day can anchor them
    if (ref && ref.start === ref.end) {
      const rel = relative(t, ref);
      if (rel) return rel;
      const wd = WEEKDAY.exec(t);
      if (wd) return weekday(wd, ref);
    } else if (RELATIVE.test(t) || WEEKDAY.test(t)) {
      return res(undefined, "date:relative:no-reference", 0.3);
    }
  }

  const ym = yearlessDay(t, ref);
  if (ym) return ym;

  const c = viaChrono(t, ref);
  if (c) return c;

  const y = BARE_YEAR.exec(t);
  if (y && !new RegExp(`\\b${MONTH_RE}\\b`, "i").test(t)) return res(dateValue(Number(y[1])), "date:bare-year", 0.85);
  return res(undefined, "date:unresolved", 0.2);
}
