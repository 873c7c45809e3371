// Finds number phrases in a sentence together with their hedges ("at least 95", "between 80 and
// 100", "hundreds of") and turns each into an interval, because reports disagree mostly by hedging.
//
// Interval choices (documented once here):
//   exact "84"                → [84, 84]
//   at_least "at least 95", "95 or more", "no fewer than 95"   → [95, null]
//   more_than "more than 200", "over 200"                     → [201, null]
//   about "about/around/some/roughly/approximately/an estimated 100" → ±10 % rounded: [90, 110]
//   about "nearly/almost/close to/just under 100"            → [90, 100] (at most the printed number)
//   at_most "up to 30", "as many as 30"                      → [0, 30]
//   less_than "fewer than/less than/under 30"                → [0, 29]
//   range "between 80 and 100", "80-100", "80 to 100", "two or three" → [80, 100]
//   vague "dozens of" [24, 99], "scores of" [40, 99], "hundreds of" [200, 999],
//         "thousands of" [2000, 9999], "tens of thousands" [20000, 99999], "tens of" [20, 99]
import type { Qualifier } from "../../model/records.js";
import { NUMBER_WORDS, parseNumberWords } from "./number-words.js";

export interface Quantity {
  value: number; // the printed number; the lower bound of a range or a vague amount
  min: number;
  max: number | null;
  qualifier: Qualifier;
}

export interface QuantityMatch extends Quantity {
  start: number; // offsets into the text given to findQuantities
  end: number;
  text: string;
  /** Where the bare number sits inside the match (without its qualifier). */
  numberStart: number;
  numberEnd: number;
}

const W = `(?:${NUMBER_WORDS.join("|")})`;
const WORDNUM = `(?:(?:an?\\s+)?${W}(?:(?:[\\s-]+|\\s+and\\s+)${W})*)`;
const DIGIT = `(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:\\s*(?:k|m|mn|bn)\\b|\\s+(?:hundred|thousand|million|billion)\\b)?`;
const NUM = `(?:${DIGIT}|${WORDNUM})(?:-strong)?`;
const QUAL =
  "at\\s+least|no\\s+fewer\\s+than|no\\s+less\\s+than|more\\s+than|over|above|in\\s+excess\\s+of|upwards\\s+of|nearly|almost|close\\s+to|just\\s+under|about|around|some|roughly|approximately|an\\s+estimated|estimated|up\\s+to|as\\s+many\\s+as|fewer\\s+than|less\\s+than|under|between";
const VAGUE =
  "(?:tens\\s+of\\s+thousands|hundreds\\s+of\\s+thousands|hundreds|thousands|dozens|scores|tens)(?=\\s+of\\b)";

const FINDER = new RegExp(
  `(?<![\\w-])(?:(?<qual>${QUAL})\\s+)?(?<num>${NUM})(?:\\s*(?:-|–|to|or|and)\\s*(?<num2>${NUM}))?(?<more>\\s+or\\s+more)?(?![\\w])|(?<![\\w-])(?<vague>${VAGUE})`,
  "gi",
);

const VAGUE_RANGES: Record<string, [number, number | null]> = {
  "tens of thousands": [20_000, 99_999],
  "hundreds of thousands": [200_000, 999_999],
  hundreds: [200, 999],
  thousands: [2_000, 9_999],
  dozens: [24, 99],
  scores: [40, 99],
  tens: [20, 99],
};

function qualified(qual: string | undefined, n: number, orMore: boolean): Quantity {
  const q = (qual ?? "").toLowerCase().replace(/\s+/g, " ");
  if (orMore || q === "at least" || q === "no fewer than" || q === "no less than")
    return { value: n, min: n, max: null, qualifier: "at_least" };
  if (q === "more than" || q === "over" || q === "above" || q === "in excess of" || q === "upwards of")
    return { value: n, min: Math.floor(n) + 1, max: null, qualifier: "more_than" };
  if (q === "nearly" || q === "almost" || q === "close to" || q === "just under")
    return { value: n, min: Math.round(n * 0.9), max: n, qualifier: "about" };
  if (
    q === "about" ||
    q === "around" ||
    q === "some" ||
    q === "roughly" ||
    q === "approximately" ||
    q.endsWith("estimated")
  )
    return { value: n, min: Math.round(n * 0.9), max: Math.round(n * 1.1), qualifier: "about" };
  if (q === "up to" || q === "as many as") return { value: n, min: 0, max: n, qualifier: "at_most" };
  if (q === "fewer than" || q === "less than" || q === "under")
    return { value: n, min: 0, max: Math.max(0, Math.ceil(n) - 1), qualifier: "less_than" };
  return { value: n, min: n, max: n, qualifier: "exact" };
}

/** All number phrases in `text`, left to right, with offsets relative to `text`. */
export function findQuantities(text: string): QuantityMatch[] {
  const out: QuantityMatch[] = [];
  FINDER.lastIndex = 0;
  for (let m = FINDER.exec(text); m; m = FINDER.exec(text)) {
    const g = m.groups ?? {};
    const start = m.index;
    const end = start + m[0].length;
    if (g.vague) {
      const key = g.vague.toLowerCase().replace(/\s+/g, " ");
      const [min, max] = VAGUE_RANGES[key] ?? [0, null];
      out.push({
        value: min,
        min,
        max,
        qualifier: "vague",
        start,
        end,
        text: m[0],
        numberStart: start,
        numberEnd: end,
      });
      continue;
    }
    const numText = g.num!;
    const n = parseNumberWords(numText);
    if (n === undefined) continue;
    // A lone "a"/"an" never reaches here: the word alternation requires a number word after it.
    const numberStart = start + m[0].indexOf(numText);
    const qual = g.qual?.toLowerCase().replace(/\s+/g, " ");
    const second = g.num2 !== undefined ? parseNumberWords(g.num2) : undefined;
    const sep = m[0].slice(numberStart - start + numText.length, m[0].length - (g.num2?.length ?? 0)).trim();
    const isRange =
      second !== undefined &&
      second > n &&
      (sep !== "and" || qual === "between") &&
      // "at least 2-3" is rare; a qualifier other than "between" keeps the first number only
      (qual === undefined || qual === "between");
    if (isRange) {
      out.push({
        value: n,
        min: n,
        max: second,
        qualifier: "range",
        start,
        end,
        text: m[0],
        numberStart,
        numberEnd: end,
      });
      continue;
    }
    // Not a range: cut the match back to the first number (plus "or more").
    const firstEnd = numberStart + numText.length;
    if (qual === "between") {
      // "between" without a second number is not a hedge we understand: keep the bare number
      out.push({
        ...qualified(undefined, n, false),
        start: numberStart,
        end: firstEnd,
        text: numText,
        numberStart,
        numberEnd: firstEnd,
      });
      FINDER.lastIndex = firstEnd;
      continue;
    }
    const orMore = g.more !== undefined && second === undefined;
    const stop = orMore ? end : firstEnd;
    out.push({
      ...qualified(qual, n, orMore),
      start,
      end: stop,
      text: text.slice(start, stop),
      numberStart,
      numberEnd: firstEnd,
    });
    FINDER.lastIndex = stop;
  }
  return out;
}

/** The interval of a single phrase such as "at least 95" or "between 80 and 100". */
export function parseQuantity(text: string): Quantity | undefined {
  const all = findQuantities(text.trim());
  const first = all[0];
  if (!first) return undefined;
  const { value, min, max, qualifier } = first;
  return { value, min, max, qualifier };
}
