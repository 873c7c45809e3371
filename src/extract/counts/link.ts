// Links each number in a sentence to what it counts (killed, injured, arrested, missiles …) by
// looking at the few words around it, using the cue lexicon in data/lexicons/counts.json. A number
// with no cue is dropped: years, ages, sizes and money must not become casualty figures.
import type { CountKind, CountValue } from "../../model/records.js";
import { loadData } from "../data.js";
import { findQuantities, type QuantityMatch } from "./quantity.js";
import { tollBefore } from "./toll.js";
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

/** "from 90 to 170" after a verb of change: 90 (earlier) and 170 (current), each on its own number. */
function movedFrom(kind: CountKind, q: QuantityMatch, base: number, doc: string): CountHit[] {
  const nums = [...q.text.matchAll(/[\d,]+|\p{L}+(?:-\p{L}+)*/gu)].filter((m) => !/^to$/i.test(m[0]));
  const first = nums[0];
  const last = nums[nums.length - 1];
  if (!first || !last || first === last || q.max === null) return [];
  const at = (m: RegExpMatchArray) => ({
    doc,
    start: base + q.start + m.index!,
    end: base + q.start + m.index! + m[0].length,
    text: m[0],
  });
  const hit = (n: number, m: RegExpMatchArray, earlier: boolean): CountHit => {
    const count: CountValue = { kind, value: n, min: n, max: n, qualifier: "exact", span: at(m) };
    if (earlier) count.earlier = true;
    return { count, rule: `count:${kind}:toll-change`, confidence: 0.85 };
  };
  return [hit(q.min, first, true), hit(q.max, last, false)];
}

type Found = { kind: CountKind; how: string; confidence: number };

function lookRight(ws: Word[], i: number, leftVerb: Found | undefined): Found | undefined {
  const lex = lexicon();
  // Directly after the number: "84 dead", "84 killed", "12 were killed", "12 critically injured".
  let k = i;
  while (k < ws.length && (AUX.has(ws[k]!.lower) || /^\p{Ll}+ly$/u.test(ws[k]!.text)) && k - i < 3) k++;
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
      else if (n) {
        // "three gunmen were killed": attackers who died are a killed count (classes.ts marks them)
        const fate = c.kind === "attackers" ? verbAfter(ws, j + n) : undefined;
        if (fate === "killed" || fate === "injured") return { kind: fate, how: "head-verb", confidence: 0.85 };
        return { kind: c.kind, how: "noun", confidence: j === i ? 0.9 : 0.85 };
      }
    }
    if (verbLike) break;
    let h = phraseAt(ws, j, lex.heads) || (groupName(ws, j) ? 1 : 0);
    // "seven more people died": "more" stands as the head only when no head follows it
    if (h && ws[j]!.lower === "more" && phraseAt(ws, j + 1, lex.heads)) h = 1 + phraseAt(ws, j + 1, lex.heads);
    if (h) {
      // "84 people perished", "12 people were killed"; the verb after the head outranks a verb
      // before the number ("14 killed and 21 others wounded": the 21 were wounded)
      const verb = verbAfter(ws, j + h) ?? coordinatedVerb(ws, j + h);
      if (verb) return { kind: verb, how: "head-verb", confidence: 0.85 };
      return leftVerb;
    }
  }
  return leftVerb?.kind === "attacks_thwarted" ? undefined : leftVerb;
}

/** "…, including 11 children", "… 9 tourists and 4 guides", "…, 20 of them women": a count joined to the one before. */
const JOINED_BEFORE =
  /(?:,\s*|\s+)(?:and|as\s+well\s+as|plus|including|among\s+them|among\s+whom)\s+(?:(?:at\s+least|about|some|nearly|more\s+than)\s+)?$/i;

/**
 * A number with no cue of its own, joined by "and" / "including" to the previous count of its clause
 * and followed by a people noun, counts the same kind ("killed 9 tourists and 4 guides").
 */
function joinedTo(
  out: CountHit[],
  q: QuantityMatch,
  text: string,
  base: number,
  ws: Word[],
  after: number,
): Found | undefined {
  const prev = out[out.length - 1];
  if (!prev || after < 0) return undefined;
  const gap = text.slice(prev.count.span.end - base, q.start);
  if (gap.length > 80 || /[.;:!?]/.test(gap) || !JOINED_BEFORE.test(gap)) return undefined;
  const lex = lexicon();
  for (let j = after; j < Math.min(ws.length, after + 3); j++) {
    const w = ws[j]!;
    if (isPunct(w) || FUNCTION_WORDS.has(w.lower)) break;
    // a people noun, a named group, or any plural noun: the joint keeps the clause's kind
    const h = phraseAt(ws, j, lex.heads) || (groupName(ws, j) || /^\p{Ll}{3,}s$/u.test(w.text) ? 1 : 0);
    if (!h) continue;
    // "… and two women are fighting for their lives": a group with its own verb is its own clause
    if (AUX.has(ws[j + h]?.lower ?? "")) return undefined;
    return { kind: prev.count.kind, how: "joined", confidence: 0.75 };
  }
  return undefined;
}

/** The count kind of a verb right after index v (past up to three auxiliaries), if any. */
function verbAfter(ws: Word[], v: number): CountKind | undefined {
  const lex = lexicon();
  const from = v;
  while (v < ws.length && AUX.has(ws[v]!.lower) && v - from < 3) v++;
  for (const c of lex.kinds) if (c.verbs.size && phraseAt(ws, v, c.verbs)) return c.kind;
  return undefined;
}

/**
 * A capitalised plural standing as the people counted, where the head lexicon has no entry:
 * a nationality or a group ("60 Afghans", "three Marines"), not at the start of a sentence.
 */
function groupName(ws: Word[], j: number): boolean {
  const w = ws[j];
  return !!w && j > 0 && /^\p{Lu}\p{Ll}+s$/u.test(w.text);
}

/**
 * "13 soldiers and 60 civilians were killed": the verb after a second counted group is the first
 * group's verb too. Reads "and", a number or quantifier, up to three modifiers, a head, then the verb.
 */
function coordinatedVerb(ws: Word[], v: number): CountKind | undefined {
  if (ws[v]?.lower !== "and") return undefined;
  const lex = lexicon();
  for (let k = v + 1; k < Math.min(ws.length, v + 8); k++) {
    const w = ws[k]!;
    if (isPunct(w)) return undefined;
    const h = phraseAt(ws, k, lex.heads) || (groupName(ws, k) ? 1 : 0);
    if (h && k > v + 1) return verbAfter(ws, k + h);
  }
  return undefined;
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
    // "rose up to 46": after a verb of change "up to" reaches the figure, it does not cap it
    const upTo = /^up\s+to\s/i.test(q.text) ? tollBefore(text, q.numberStart) : undefined;
    const toll = upTo ?? tollBefore(text, q.start);
    if (toll?.earlier && q.qualifier === "range" && /\bto\b/i.test(q.text)) {
      // "rose from 90 to 170" reads as a range; after a verb of change it is two figures, the first superseded
      out.push(...movedFrom(toll.kind, q, base, doc));
      continue;
    }
    if (toll) {
      const count: CountValue = upTo
        ? {
            kind: toll.kind,
            value: q.value,
            min: q.value,
            max: q.value,
            qualifier: "exact",
            span: { doc, start: base + q.start, end: base + q.end, text: q.text },
          }
        : {
            kind: toll.kind,
            value: q.value,
            min: q.min,
            max: q.max,
            qualifier: q.qualifier,
            span: { doc, start: base + q.start, end: base + q.end, text: q.text },
          };
      if (toll.earlier) count.earlier = true;
      if (toll.subset) count.subset = toll.subset;
      out.push({ count, rule: `count:${toll.kind}:toll-change`, confidence: q.qualifier === "vague" ? 0.7 : 0.85 });
      continue;
    }
    const first = ws.findIndex((w) => w.start >= q.start);
    const after = ws.findIndex((w) => w.start >= q.end);
    if (first < 0) continue;
    const leftVerb = lookLeft(ws, first);
    const found = lookRight(ws, after < 0 ? ws.length : after, leftVerb) ?? joinedTo(out, q, text, base, ws, after);
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
