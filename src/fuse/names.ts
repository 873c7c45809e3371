// Name tokens of a report: capitalised words inside sentences (not the word that starts one), lowercased, minus
// common capitalised words (data/fusion/common-capitalised.json). Two reports of one incident share names
// extraction may miss as entities — the town, the party holding the rally, the hospital — so the overlap of these
// tokens lets an undated, unplaced report find its incident. Written here rather than taken from a library: it is
// a dozen lines over a regular expression, and a stemmer or tokenizer would add nothing for capitalised names.
import table from "../../data/fusion/common-capitalised.json" with { type: "json" };
import { scriptNames } from "./script-names.js";

const COMMON = new Set((table as { words: string[] }).words);
/** A capitalised word (or an acronym such as JUI-F), with what precedes it to tell a sentence start. */
const WORD = /(^|[.!?:;"“”‘’«»„()\n]\s*|\s)((?:\p{Lu}[\p{L}\p{M}'’-]{2,})|(?:\p{Lu}{2,}[\p{L}\d-]*))/gu;
/** At most this many tokens per report: excerpts are short; long texts keep their first names. */
export const MAX_NAME_TOKENS = 80;

/**
 * A year of the last and this century, standing alone ("in 2017", "In 2021, the group …", "2023-07-30" counts
 * too), not part of a longer figure ("2,019", "2019.5").
 */
const YEAR = /(?<![\d.,])(?:19|20)\d\d(?!\d|[.,]\d)/g;

/**
 * The years a report mentions, as `y:YYYY` tokens: two reports of one incident almost always share one, and
 * two stories of one kind from different years (the same shrine attacked twice) usually share none.
 */
export function yearTokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(YEAR)) {
    out.add(`y:${m[0]}`);
    if (out.size >= 12) break;
  }
  return out;
}

export function nameTokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(WORD)) {
    if (out.size >= MAX_NAME_TOKENS) break;
    const before = m[1] ?? "";
    if (!/^[ \t\u00a0]+$/.test(before)) continue; // starts a sentence, a quote or a line
    const w = (m[2] ?? "")
      .toLowerCase()
      .replace(/['’]s$/, "")
      .replace(/-+$/, "");
    if (w.length < 3 || COMMON.has(w)) continue;
    out.add(w);
  }
  // names written in Cyrillic or Arabic script count as the Latin words of the place or group they spell (#11)
  for (const name of scriptNames(text))
    for (const w of name.toLowerCase().split(/[^\p{L}\p{M}]+/u))
      if (w.length >= 3 && !COMMON.has(w) && out.size < MAX_NAME_TOKENS) out.add(w);
  return out;
}

/**
 * The Latin words of names extraction gave a report in another spelling than its text's — a group a Hindi or
 * Tamil report names in its own script, which the language's lexicon gives its Latin name: the tokens an English
 * report naming it yields, so reports in scripts without a transliteration still share names (#10). Only for a
 * report mostly in another script than the Latin. Places are left out: fusion compares them as places (see
 * `scriptNames`).
 */
export function translatedNameTokens(text: string, names: string[]): Set<string> {
  const out = new Set<string>();
  // in a report in the Latin script a translated name ("Estado Islâmico" read as "Islamic State") is mostly a
  // common word pair, shared with every story of that group; in another script it is what the report can share
  const letters = text.match(/\p{L}/gu) ?? [];
  const latin = letters.filter((c) => /\p{Script=Latin}/u.test(c)).length;
  if (latin * 2 >= letters.length) return out;
  const lower = text.toLowerCase();
  for (const name of names) {
    if (lower.includes(name.toLowerCase())) continue;
    for (const w of name.toLowerCase().split(/[^\p{L}\p{M}]+/u))
      if (w.length >= 3 && !COMMON.has(w) && out.size < MAX_NAME_TOKENS) out.add(w);
  }
  return out;
}
