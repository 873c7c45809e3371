// String normalisation for matching predicted fillers against gold strings. The same functions
// serve MUC-4 (lower-cased, upper-cased keys) and WikiEvents, so matching is case-insensitive
// everywhere and no dataset gets its own special casing.

const ARTICLES = new Set(["the", "a", "an"]);
/** Words after which a noun phrase's post-modifier starts; the head is the last word before them. */
const POSTMOD = new Set([
  "of",
  "in",
  "on",
  "at",
  "from",
  "for",
  "with",
  "by",
  "near",
  "who",
  "which",
  "that",
  "whose",
  "to",
  "during",
  "and",
  "or",
]);

/** Lower case, straight quotes, no punctuation except inner hyphens/apostrophes, single spaces. */
export function normalizeSpace(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/[\u201c\u201d\\]/g, '"')
    .replace(/[^\p{L}\p{N}'\- ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Words of a phrase, normalised, leading articles dropped ("the 3 peasants" → ["3", "peasants"]). */
export function words(s: string): string[] {
  const w = normalizeSpace(s).split(" ").filter(Boolean);
  while (w.length > 1 && ARTICLES.has(w[0]!)) w.shift();
  return w;
}

/** The comparison key for exact matching: case, whitespace, punctuation and leading articles ignored. */
export function normalizeFiller(s: string): string {
  return words(s).join(" ");
}

/**
 * A crude syntactic head: the last word before the first post-modifier ("members of the fmln" →
 * "members"; "car bomb" → "bomb"). Possessive 's is dropped.
 */
export function headWord(s: string): string {
  const w = words(s);
  let end = w.length;
  for (let i = 1; i < w.length; i++) {
    if (POSTMOD.has(w[i]!)) {
      end = i;
      break;
    }
  }
  const h = w[end - 1] ?? "";
  return h.replace(/'s$/, "");
}
