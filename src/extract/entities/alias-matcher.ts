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

  return {
    find(text: string): AliasMatch[] {
      const raw: AliasMatch[] = [];
      TEXT_WORD.lastIndex = 0;
      for (let m = TEXT_WORD.exec(text); m; m = TEXT_WORD.exec(text)) {
        const word = m[0];
        const keys = [wordKey(word)];
        const bare = word.replace(/['’]s$/i, "");
        if (bare !== word) keys.push(wordKey(bare));
        let best: AliasMatch | undefined;
        for (const k of keys) {
          for (const c of byFirst.get(k) ?? []) {
            c.re.lastIndex = m.index;
            const hit = c.re.exec(text);
            if (!hit) continue;
            const end = m.index + hit[0].length;
            if (!best || end > best.end) {
              best = { id: c.entry.id, alias: c.entry.alias, start: m.index, end, text: hit[0] };
            }
          }
        }
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
