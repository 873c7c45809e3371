// Head-word choice for a token sequence, used on gold argument mentions and on predicted
// participant spans alike, so "head F1" compares like with like.

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
  ",",
  "(",
  "to",
]);
const PUNCT = /^[\p{P}\p{S}]+$/u;

/** Index (within `words`) of the last word before the first post-modifier, skipping trailing punctuation/possessives. */
export function headIndex(words: string[]): number {
  let end = words.length;
  for (let i = 1; i < words.length; i++) {
    if (POSTMOD.has(words[i]!.toLowerCase())) {
      end = i;
      break;
    }
  }
  let h = end - 1;
  while (h > 0 && (PUNCT.test(words[h]!) || /^['\u2019]s?$/.test(words[h]!))) h--;
  return Math.max(0, h);
}
