// Links each number in a sentence to what it counts (killed, injured, arrested, missiles …) by
// looking at the few words around it, using the cue lexicon in data/lexicons/counts.json. A number
// with no cue is dropped: years, ages, sizes and money must not become casualty figures.
import type { CountKind, CountValue } from "../../model/records.js";
import { loadData } from "../data.js";
import { findQuantities, type QuantityMatch } from "./quantity.js";
import { isPunct, phraseAt, phraseEndingAt, type Word, words } from "./words.js";

interface KindCues {
  verbs: string[];
  nouns: string[];
  before: string[];
  needsNoun?: string[];
}
interface CountLexicon {
  kinds: Record<string, KindCues>;
  heads: string[];
  fillers: string[];
  tollWords: string[];
  excludeAfter: string[];
  excludeBefore: string[];
}

interface Compiled {
  kinds: { kind: CountKind; verbs: Set<string>; nouns: Set<string>; before: Set<string>; needsNoun?: Set<string> }[];
  heads: Set<string>;
  fillers: Set<string>;
  toll: Set<string>;
  /** One regex for every "after" exclusion: attached suffixes ("-year-old", "%") and following words. */
  excludeAfter: RegExp;
  excludeBefore: Set<string>;
}

const escapeRe = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

let compiled: Compiled | undefined;
function lexicon(): Compiled {
  if (compiled) return compiled;
  const raw = loadData<CountLexicon>("lexicons/counts.json");
  compiled = {
    kinds: Object.entries(raw.kinds).map(([kind, c]) => ({
      kind: kind as CountKind,
      verbs: new Set(c.verbs),
      nouns: new Set(c.nouns),
      before: new Set(c.before),
      ...(c.needsNoun ? { needsNoun: new Set(c.needsNoun) } : {}),
    })),
    heads: new Set(raw.heads),
    fillers: new Set(raw.fillers),
    toll: new Set(raw.tollWords),
    excludeAfter: new RegExp(
      `^(?:${raw.excludeAfter.map((e) => (e.startsWith("-") || e === "%" ? escapeRe(e) : `\\s+${escapeRe(e)}(?![\\w])`)).join("|")})`,
    ),
    excludeBefore: new Set(raw.excludeBefore),
  };
  return compiled;
}

/** Words that may sit between a number and its head noun ("nine ballistic missiles"). */
const FUNCTION_WORDS = new Set(
  "of the a an and or in on at to for with by from who which that were was is are had has have been be this these those its their his her it they".split(
    " ",
  ),
);
const AUX = new Set(
  "were was had have has been are is being reportedly also later all subsequently allegedly reported confirmed believed said later".split(
    " ",
  ),
);

export interface CountHit {
  count: CountValue;
  rule: string;
  confidence: number;
}

function excluded(q: QuantityMatch, text: string): boolean {
  const lex = lexicon();
  const after = text.slice(q.end, q.end + 14).toLowerCase();
  if (lex.excludeAfter.test(after)) return true;
  const before = text
    .slice(Math.max(0, q.start - 12), q.start)
    .toLowerCase()
    .trimEnd();
  const lastWord = /(\S+)$/.exec(before)?.[1] ?? "";
  if (lex.excludeBefore.has(lastWord) || /[$£€]$/.test(before)) return true;
  // "a father of four", "aged under 10", "the age of N": family sizes and ages are not casualties
  if (
    /\b(?:mother|father|parent|grandmother|grandfather|mom|dad|ages?)\s+of\s*$/i.test(
      text.slice(Math.max(0, q.start - 16), q.start),
    )
  )
    return true;
  // "in her 20's" is an age; "fired one shot" counts shots, not people shot
  if (/^['’]s\b/.test(text.slice(q.end, q.end + 3))) return true;
  if (
    /^\s+shots?\b/i.test(text.slice(q.end, q.end + 7)) &&
    /\b(?:fired|fires|fire|firing|returned|heard|hearing|let off|squeezed off)\s+$/i.test(
      text.slice(Math.max(0, q.start - 14), q.start),
    )
  )
    return true;
  // A house number: a number followed by a capitalised street name and a street word ("4410 Oak Rd.")
  if (
    /^\d{2,6}$/.test(q.text) &&
    /^\s+(?:(?:[NSEW]\.?|North|South|East|West)\s+)?(?:\p{Lu}[\p{L}'’-]*\s+){1,3}(?:St|Street|Ave|Avenue|Blvd|Boulevard|Rd|Road|Dr|Drive|Ln|Lane|Way|Pl|Place|Ct|Court|Pkwy|Parkway|Hwy|Highway|Ter|Terrace|Cir|Circle)\b/u.test(
      text.slice(q.end, q.end + 60),
    )
  )
    return true;
  // Clock times ("at 6:40 a.m."), also when the sentence splitter cut the time off at the abbreviation
  if (/^:\d\d/.test(text.slice(q.end, q.end + 3)) || /\d:$/.test(text.slice(Math.max(0, q.start - 2), q.start)))
    return true;
  // A plain four-digit number in the year range is a year unless a cue claims it later.
  if (q.qualifier === "exact" && /^\d{4}$/.test(q.text) && q.value >= 1800 && q.value <= 2100) return true;
  return false;
}

type Found = { kind: CountKind; how: string; confidence: number };

function lookRight(ws: Word[], i: number, leftVerb: Found | undefined): Found | undefined {
  const lex = lexicon();
  // Directly after the number: "84 dead", "84 killed", "12 were killed".
  let k = i;
  while (k < ws.length && AUX.has(ws[k]!.lower) && k - i < 3) k++;
  for (const c of lex.kinds) {
    if (c.verbs.size && phraseAt(ws, k, c.verbs)) return { kind: c.kind, how: "after-verb", confidence: 0.85 };
  }
  // A head noun within three modifier words: "nine ballistic missiles", "84 people".
  for (let j = i; j < Math.min(ws.length, i + 4); j++) {
    const w = ws[j]!;
    // "dozens of people" reads through "of"; "one of the perpetrators" does not
    if (j === i && w.lower === "of" && !FUNCTION_WORDS.has(ws[j + 1]?.lower ?? "the")) continue;
    if (isPunct(w) || FUNCTION_WORDS.has(w.lower)) break;
    if (leftVerb?.kind === "attacks_thwarted") {
      const c = lex.kinds.find((x) => x.kind === "attacks_thwarted");
      if (c?.needsNoun && phraseAt(ws, j, c.needsNoun)) return leftVerb;
    }
    let verbLike = false;
    for (const c of lex.kinds) {
      const n = phraseAt(ws, j, c.nouns);
      // Past a modifier, a word that is also a verb ("two explosions killed …") ends the phrase.
      if (n && j > i && c.verbs.has(ws[j]!.lower)) verbLike = true;
      else if (n) return { kind: c.kind, how: "noun", confidence: j === i ? 0.9 : 0.85 };
    }
    if (verbLike) break;
    const h = phraseAt(ws, j, lex.heads);
    if (h) {
      // "84 people perished", "12 people were killed"; the verb after the head outranks a verb
      // before the number ("14 killed and 21 others wounded": the 21 were wounded)
      let v = j + h;
      while (v < ws.length && AUX.has(ws[v]!.lower) && v - (j + h) < 3) v++;
      for (const c of lex.kinds) {
        if (c.verbs.size && phraseAt(ws, v, c.verbs)) return { kind: c.kind, how: "head-verb", confidence: 0.85 };
      }
      return leftVerb;
    }
  }
  return leftVerb?.kind === "attacks_thwarted" ? undefined : leftVerb;
}

function lookLeft(ws: Word[], i: number): Found | undefined {
  const lex = lexicon();
  let skipped = 0;
  for (let j = i - 1; j >= 0 && skipped <= 4; j--) {
    const w = ws[j]!;
    if (isPunct(w)) return undefined;
    if (phraseEndingAt(ws, j, lex.toll)) return { kind: "killed", how: "toll", confidence: 0.85 };
    for (const c of lex.kinds) {
      if (phraseEndingAt(ws, j, c.before)) return { kind: c.kind, how: "before", confidence: 0.85 };
      if (phraseEndingAt(ws, j, c.verbs)) return { kind: c.kind, how: "verb-before", confidence: 0.85 };
    }
    if (!lex.fillers.has(w.lower)) return undefined;
    skipped++;
  }
  return undefined;
}

/**
 * Counts in one piece of text (usually a sentence). `base` is the text's offset in the document,
 * so spans point into Document.text.
 */
export function extractCounts(text: string, base: number, doc: string): CountHit[] {
  const out: CountHit[] = [];
  const quantities = findQuantities(text);
  if (quantities.length === 0) return out;
  const ws = words(text);
  for (const q of quantities) {
    if (excluded(q, text)) continue;
    const first = ws.findIndex((w) => w.start >= q.start);
    const after = ws.findIndex((w) => w.start >= q.end);
    if (first < 0) continue;
    const leftVerb = lookLeft(ws, first);
    const found = lookRight(ws, after < 0 ? ws.length : after, leftVerb);
    if (!found) continue;
    out.push({
      count: {
        kind: found.kind,
        value: q.value,
        min: q.min,
        max: q.max,
        qualifier: q.qualifier,
        span: { doc, start: base + q.start, end: base + q.end, text: q.text },
      },
      rule: `count:${found.kind}:${found.how}`,
      confidence: q.qualifier === "vague" ? found.confidence - 0.15 : found.confidence,
    });
  }
  return out;
}
