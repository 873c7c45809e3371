// A tiny word splitter with offsets, used by the rule layers that look a few words left or right
// of a cue. It does not replace the NLP tokens; it only needs to agree on word boundaries.

export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

// Soft hyphens (U+00AD, invisible line-break hints in some web copy: "neigh\u00ADbor") stay inside
// the word and are dropped from its lower-case form, so lexicon lookups still match.
const WORD = /[\p{L}\p{N}\u00AD]+(?:['’\-.,][\p{L}\p{N}\u00AD]+)*|[^\s\p{L}\p{N}]/gu;

// The event, modality, claim and judgment passes each split the same sentences again; splits are
// memoised per (text, base). The text itself is the map key (no concatenated key: sentence strings
// are shared, so their hash is computed once). Callers only read the words, so one array is shared.
const MEMO_MAX = 4096;
const memo = new Map<string, { base: number; ws: Word[] }[]>();

/** Words of `text` with offsets shifted by `base`. The result is shared: treat it as read-only. */
export function words(text: string, base = 0): Word[] {
  let entries = memo.get(text);
  if (entries) {
    for (const e of entries) if (e.base === base) return e.ws;
  } else {
    if (memo.size >= MEMO_MAX) memo.clear();
    entries = [];
    memo.set(text, entries);
  }
  const ws = split(text, base);
  // a line repeated at many offsets ("Advertisement") keeps only its latest few splits
  if (entries.length >= 8) entries.length = 0;
  entries.push({ base, ws });
  return ws;
}

function split(text: string, base: number): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    out.push({
      text: m[0],
      lower: m[0].toLowerCase().replace(/\u00AD/g, ""),
      start: base + m.index,
      end: base + m.index + m[0].length,
    });
  }
  return out;
}

export const isPunct = (w: Word | undefined): boolean => w !== undefined && !/[\p{L}\p{N}]/u.test(w.text);

// Every word-prefix (and word-suffix) of each phrase set, built once per set: a phrase lookup
// stops as soon as the words read so far cannot begin (end) any phrase, instead of building and
// hashing up to maxLen joined strings at every word. Results are the same as trying every length.
const prefixCache = new WeakMap<ReadonlySet<string>, Set<string>>();
const suffixCache = new WeakMap<ReadonlySet<string>, Set<string>>();

function affixes(phrases: ReadonlySet<string>, cache: WeakMap<ReadonlySet<string>, Set<string>>, fromEnd: boolean) {
  let out = cache.get(phrases);
  if (out) return out;
  out = new Set<string>();
  for (const p of phrases) {
    const parts = p.split(" ");
    for (let k = 1; k <= parts.length; k++) {
      out.add((fromEnd ? parts.slice(parts.length - k) : parts.slice(0, k)).join(" "));
    }
  }
  cache.set(phrases, out);
  return out;
}

/** Length in words of the longest phrase of `phrases` starting at index i (0 when none). */
export function phraseAt(ws: Word[], i: number, phrases: ReadonlySet<string>, maxLen = 4): number {
  const prefixes = affixes(phrases, prefixCache, false);
  let acc = "";
  let best = 0;
  for (let n = 1; n <= maxLen && i + n - 1 < ws.length; n++) {
    acc = n === 1 ? ws[i]!.lower : `${acc} ${ws[i + n - 1]!.lower}`;
    if (!prefixes.has(acc)) break;
    if (phrases.has(acc)) best = n;
  }
  return best;
}

/** Length in words of the longest phrase of `phrases` ending at index i (inclusive). */
export function phraseEndingAt(ws: Word[], i: number, phrases: ReadonlySet<string>, maxLen = 4): number {
  const suffixes = affixes(phrases, suffixCache, true);
  let acc = "";
  let best = 0;
  for (let n = 1; n <= maxLen && i - n + 1 >= 0; n++) {
    acc = n === 1 ? ws[i]!.lower : `${ws[i - n + 1]!.lower} ${acc}`;
    if (!suffixes.has(acc)) break;
    if (phrases.has(acc)) best = n;
  }
  return best;
}
