// Longest-match alias finder used for the armed-group, media and state-body gazetteers. Short or
// capitalised aliases ("IS", "LeT", "ETA") match case-sensitively so they never fire on the verb
// "is" or the word "let"; longer aliases match case-insensitively. Separators are flexible
// ("Islamic State- Khorasan Province" = "Islamic State – Khorasan Province"), and a trailing
// possessive ("IS’", "IS-K's") is left outside the match.

export interface AliasEntry {
  /** Canonical id the alias stands for. */
  id: string;
  alias: string;
  /** Force case-sensitive matching even for long aliases ("The Base"). */
  caseSensitive?: boolean;
}

export interface AliasMatch {
  id: string;
  alias: string;
  start: number;
  end: number;
  text: string;
}

export interface AliasMatcher {
  find(text: string): AliasMatch[];
}

/** The rule from the brief: ≤ 5 characters, or all capitals, → case-sensitive. */
export function isCaseSensitiveAlias(alias: string): boolean {
  const letters = alias.replace(/[^\p{L}]/gu, "");
  return alias.length <= 5 || (letters.length > 0 && letters === letters.toUpperCase());
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Regex source for one alias with flexible spaces, dashes and apostrophes. */
function pattern(alias: string): string {
  let out = "";
  for (const ch of alias) {
    if (/\s/.test(ch)) out += "\\s+";
    else if (/[-–—‐]/.test(ch)) out += "\\s*[-–—‐]\\s*";
    else if (/['’‘`]/.test(ch)) out += "['’‘`]?";
    else out += escapeRe(ch);
  }
  return out;
}

const WORD = "[\\p{L}\\p{N}]";
/** Words for indexing: letters/digits with inner apostrophes ("Kata'ib"), possessive kept apart. */
const TEXT_WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’]*[\p{L}\p{N}])?/gu;

function wordKey(word: string): string {
  return word.toLowerCase().replace(/['’‘`]/g, "");
}

function firstWordKey(alias: string): string {
  TEXT_WORD.lastIndex = 0;
  const m = TEXT_WORD.exec(alias);
  return m ? wordKey(m[0]) : "";
}

interface Compiled {
  entry: AliasEntry;
  re: RegExp; // sticky, with the end boundary
}

interface TextWord {
  index: number;
  key: string;
  /** Key without a trailing possessive ("IS's" → "is"), when there is one. */
  bareKey?: string;
}

// Every matcher (armed groups, then organisations) scans the same document text; the word scan
// and its folded keys are kept for the most recent text so the second matcher reuses them.
let lastText: string | undefined;
let lastWords: TextWord[] = [];

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

function textWords(text: string): TextWord[] {
  if (text === lastText) return lastWords;
  const out: TextWord[] = [];
  TEXT_WORD.lastIndex = 0;
  for (let m = TEXT_WORD.exec(text); m; m = TEXT_WORD.exec(text)) {
    const word = m[0];
    const lower = word.toLowerCase();
    // TEXT_WORD only lets ' and ’ inside a word, so the fold needs the regex only when one occurs.
    const hasApos = lower.includes("'") || lower.includes("’");
    const tw: TextWord = { index: m.index, key: hasApos ? wordKey(word) : lower };
    const n = word.length;
    if (hasApos && n > 2 && (word[n - 1] === "s" || word[n - 1] === "S") && isApostrophe(word.charCodeAt(n - 2))) {
      tw.bareKey = wordKey(word.slice(0, n - 2));
    }
    out.push(tw);
  }
  lastText = text;
  lastWords = out;
  return out;
}

export function buildAliasMatcher(entries: AliasEntry[]): AliasMatcher {
  // Index every alias under the folded key of its first word; at run time only aliases whose
  // first word occurs in the text are tried, each with a sticky regex. This is far faster than one
  // huge alternation tried at every character.
  const byFirst = new Map<string, Compiled[]>();
  for (const e of entries) {
    const cs = e.caseSensitive || isCaseSensitiveAlias(e.alias);
    const re = new RegExp(`(?:${pattern(e.alias)})(?!${WORD})`, cs ? "yu" : "iyu");
    const k = firstWordKey(e.alias);
    if (!k) continue;
    const list = byFirst.get(k) ?? [];
    list.push({ entry: e, re });
    byFirst.set(k, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.entry.alias.length - a.entry.alias.length);

  const tryAt = (text: string, at: number, list: Compiled[] | undefined, best: AliasMatch | undefined) => {
    if (!list) return best;
    for (const c of list) {
      c.re.lastIndex = at;
      const hit = c.re.exec(text);
      if (!hit) continue;
      const end = at + hit[0].length;
      if (!best || end > best.end) best = { id: c.entry.id, alias: c.entry.alias, start: at, end, text: hit[0] };
    }
    return best;
  };

  return {
    find(text: string): AliasMatch[] {
      const raw: AliasMatch[] = [];
      for (const w of textWords(text)) {
        let best = tryAt(text, w.index, byFirst.get(w.key), undefined);
        if (w.bareKey !== undefined) best = tryAt(text, w.index, byFirst.get(w.bareKey), best);
        if (best) raw.push(best);
      }
      // raw is in start order with the longest match per start; among overlapping matches the
      // longest wins (ties: the earlier one).
      const kept: AliasMatch[] = [];
      for (const m of raw) {
        const last = kept[kept.length - 1];
        if (!last || m.start >= last.end) kept.push(m);
        else if (m.end - m.start > last.end - last.start) kept[kept.length - 1] = m;
      }
      return kept;
    },
  };
}
