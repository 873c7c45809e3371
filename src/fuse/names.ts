// Name tokens of a report: capitalised words inside sentences (not the word that starts one), lowercased, minus
// common capitalised words (data/fusion/common-capitalised.json). Two reports of one incident share names
// extraction may miss as entities — the town, the party holding the rally, the hospital — so the overlap of these
// tokens lets an undated, unplaced report find its incident. Written here rather than taken from a library: it is
// a dozen lines over a regular expression, and a stemmer or tokenizer would add nothing for capitalised names.
import table from "../../data/fusion/common-capitalised.json" with { type: "json" };

const COMMON = new Set((table as { words: string[] }).words);
/** A capitalised word (or an acronym such as JUI-F), with what precedes it to tell a sentence start. */
const WORD = /(^|[.!?:;"“”‘’«»„()\n]\s*|\s)((?:\p{Lu}[\p{L}\p{M}'’-]{2,})|(?:\p{Lu}{2,}[\p{L}\d-]*))/gu;
/** At most this many tokens per report: excerpts are short; long texts keep their first names. */
export const MAX_NAME_TOKENS = 80;

/**
 * A year of the last and this century, standing alone ("in 2017", "2023-07-30" counts too). Measured: also
 * counting a year followed by a comma ("In 2021, …") merged ECB+ stories of one topic (40-document slice P 85 → 78).
 */
const YEAR = /(?<![\d.,])(?:19|20)\d\d(?![\d,]|\.\d)/g;

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
  return out;
}
