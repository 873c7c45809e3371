// Finds quotation spans by pairing quote marks inside one paragraph. Double quotes (curly or
// straight) always pair; single curly quotes pair only when they clearly open and close a quote,
// because ’ is far more often an apostrophe (Iran’s, IS’ version).

export interface QuoteRange {
  /** Offsets include the quotation marks themselves. */
  start: number;
  end: number;
}

const LETTER = /[\p{L}\p{N}]/u;
const OPEN_CONTEXT = /[\s([{—–\-"“/]/u;

/** Quote ranges within `text`, offsets relative to `text`. */
export function findQuotes(text: string): QuoteRange[] {
  const out: QuoteRange[] = [];
  // Curly double quotes: an opening mark pairs with the next closing mark; a second opening mark
  // before any close restarts the pair (unbalanced input).
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "“") open = i;
    else if (c === "”" && open >= 0) {
      out.push({ start: open, end: i + 1 });
      open = -1;
    }
  }
  // Straight double quotes pair in order of appearance.
  let straight = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (straight < 0) straight = i;
    else {
      out.push({ start: straight, end: i + 1 });
      straight = -1;
    }
  }
  // Single curly quotes: ‘ after a boundary and before a letter; closed by the first ’ that is not
  // followed by a letter (so not the apostrophe in “’s”), within a short distance.
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "‘") continue;
    const before = i === 0 ? " " : (text[i - 1] ?? " ");
    if (!OPEN_CONTEXT.test(before) || !LETTER.test(text[i + 1] ?? "")) continue;
    for (let j = i + 2; j < Math.min(text.length, i + 300); j++) {
      if (text[j] === "‘") break;
      if (text[j] === "’" && !LETTER.test(text[j + 1] ?? "")) {
        out.push({ start: i, end: j + 1 });
        i = j;
        break;
      }
    }
  }
  // Drop ranges nested inside another (e.g. a single-quoted phrase inside a double quote).
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: QuoteRange[] = [];
  for (const q of out) {
    const last = kept[kept.length - 1];
    if (last && q.start >= last.start && q.end <= last.end) continue;
    kept.push(q);
  }
  return kept;
}
