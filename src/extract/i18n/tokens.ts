// Words of a stretch of text with their offsets and matching keys, and a phrase matcher over them. A lexicon
// term is one or more words; a word ending in "*" matches by prefix, one starting with "*" by suffix (German
// compounds: "*anschlag"), and a lone "*" stands for any one word.
import { arabicVariants, keyOf } from "./normalise.js";

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Matching keys: the folded word, plus for Arabic the word without its proclitics. */
  keys: string[];
  /** Index of the sentence the token is in. */
  sentence: number;
}

const WORD = /[\p{L}\p{M}\p{N}\u200c]+|[%٪]/gu;
// a full stop after a day number is German ordinal style ("am 5. Oktober"), not a sentence end; the danda (।, ॥)
// ends Hindi and Bengali sentences, and some Hindi sites type it as the look-alike "꫰". A stop and the line
// break after it are one sentence end, not two (a paragraph does not count as an empty sentence).
// The Urdu full stop and the danda end a sentence even when the next word follows without a space ("ہوگئے۔اسسٹنٹ"):
// neither is used in numbers or abbreviations.
const SENTENCE_END = /(?<!(?:^|[^\p{N}])\p{N}{1,2})[.!?؟۔।॥꫰]+(?=\s|$)(?:[ \t]*\n+)?|[۔।॥꫰]+(?=\p{L})|\n+/gu;

/** Tokens of text[start, end), with sentence numbers counted from `firstSentence`. */
export function tokenize(text: string, start: number, end: number, arabic: boolean, firstSentence = 0): Token[] {
  const slice = text.slice(start, end);
  const breaks: number[] = [];
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(slice); m; m = SENTENCE_END.exec(slice)) breaks.push(m.index);
  const out: Token[] = [];
  let b = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    while (b < breaks.length && breaks[b]! < m.index) b++;
    const key = keyOf(m[0]);
    out.push({
      start: start + m.index,
      end: start + m.index + m[0].length,
      text: m[0],
      keys: arabic ? arabicVariants(key) : [key],
      sentence: firstSentence + b,
    });
  }
  return out;
}

interface WordPattern {
  key: string;
  mode: "exact" | "prefix" | "suffix" | "infix" | "any";
}

export interface Term<T> {
  words: WordPattern[];
  value: T;
  source: string;
}

function wordPattern(w: string): WordPattern {
  if (w === "*") return { key: "", mode: "any" };
  const pre = w.startsWith("*");
  const post = w.endsWith("*");
  const key = keyOf(w.replace(/^\*|\*$/g, ""));
  return { key, mode: pre && post ? "infix" : pre ? "suffix" : post ? "prefix" : "exact" };
}

function wordMatches(p: WordPattern, t: Token): boolean {
  if (p.mode === "any") return true;
  return t.keys.some((k) =>
    p.mode === "exact"
      ? k === p.key
      : p.mode === "prefix"
        ? k.startsWith(p.key)
        : p.mode === "suffix"
          ? k.endsWith(p.key)
          : k.includes(p.key),
  );
}

/** Splits a lexicon term into word patterns the way text is tokenized (hyphens and apostrophes separate words). */
function termWords(term: string): WordPattern[] {
  return (term.match(/\*?[\p{L}\p{M}\p{N}\u200c]+\*?|[%٪]|(?<=\s|^)\*(?=\s|$)/gu) ?? []).map(wordPattern);
}

export interface Match<T> {
  value: T;
  /** Token index range [from, to). */
  from: number;
  to: number;
  source: string;
}

/** Longest-first phrase matcher over tokens. */
export class PhraseMatcher<T> {
  private readonly byFirst = new Map<string, Term<T>[]>();
  private readonly loose: Term<T>[] = [];
  /** How many terms the matcher holds. */
  size = 0;

  constructor(entries: Iterable<[string, T]>) {
    for (const [source, value] of entries) {
      const words = termWords(source);
      if (!words.length) continue;
      this.size++;
      const term: Term<T> = { words, value, source };
      const first = words[0]!;
      if (first.mode === "exact") {
        const list = this.byFirst.get(first.key) ?? [];
        list.push(term);
        this.byFirst.set(first.key, list);
      } else this.loose.push(term);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  /** The longest term starting at token i within one sentence, if any. */
  at(tokens: Token[], i: number): Match<T> | undefined {
    const t = tokens[i];
    if (!t) return undefined;
    let best: Match<T> | undefined;
    const consider = (term: Term<T>): void => {
      const n = term.words.length;
      if (best && best.to - best.from >= n) return;
      for (let j = 0; j < n; j++) {
        const tok = tokens[i + j];
        if (!tok || tok.sentence !== t.sentence || !wordMatches(term.words[j]!, tok)) return;
      }
      best = { value: term.value, from: i, to: i + n, source: term.source };
    };
    for (const k of t.keys) for (const term of this.byFirst.get(k) ?? []) consider(term);
    for (const term of this.loose) consider(term);
    return best;
  }

  /** Every non-overlapping match, left to right. */
  all(tokens: Token[]): Match<T>[] {
    const out: Match<T>[] = [];
    for (let i = 0; i < tokens.length; ) {
      const m = this.at(tokens, i);
      if (m) {
        out.push(m);
        i = m.to;
      } else i++;
    }
    return out;
  }
}
