// Maps wink token strings back to character offsets. wink does not report offsets, so each
// token's surface form is searched for in the original text, moving forward from the end of the
// previous token; this keeps every offset exact even with curly quotes, NBSPs and em-dashes.

export interface Aligned {
  start: number;
  end: number;
}

/** How far past the cursor a token may be found; anything further means wink rewrote it. */
const MAX_GAP = 16;

/**
 * Offsets of each token surface inside `text` (relative to `text`). A token wink altered
 * (rare: it normally keeps surfaces) is mapped to the next non-space run of the same length,
 * so offsets never go backwards and never overlap.
 */
export function alignTokens(text: string, tokens: readonly string[]): Aligned[] {
  const out: Aligned[] = [];
  let cursor = 0;
  for (const tok of tokens) {
    // A token may start up to MAX_GAP characters past the cursor, or further only across
    // whitespace. The search is confined to that window: an unmatched token used to search the
    // rest of the paragraph, which is quadratic on a long paragraph of altered tokens.
    let first = cursor;
    while (first < text.length && /\s/.test(text[first] ?? "")) first++;
    const latest = Math.max(cursor + MAX_GAP, first);
    const found = tok.length > 0 ? text.slice(cursor, latest + tok.length).indexOf(tok) : -1;
    const at = found < 0 ? -1 : cursor + found;
    if (at < 0) {
      // Fallback: take the next non-space characters; the token text is re-cut from the source.
      let s = cursor;
      while (s < text.length && /\s/.test(text[s] ?? "")) s++;
      const e = Math.min(text.length, s + Math.max(1, tok.length));
      out.push({ start: s, end: Math.max(s, e) });
      cursor = Math.max(s, e);
      continue;
    }
    out.push({ start: at, end: at + tok.length });
    cursor = at + tok.length;
  }
  return out;
}
