// A tiny word splitter with offsets, used by the rule layers that look a few words left or right
// of a cue. It does not replace the NLP tokens; it only needs to agree on word boundaries.

export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’\-.,][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

export function words(text: string, base = 0): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    out.push({ text: m[0], lower: m[0].toLowerCase(), start: base + m.index, end: base + m.index + m[0].length });
  }
  return out;
}

export const isPunct = (w: Word | undefined): boolean => w !== undefined && !/[\p{L}\p{N}]/u.test(w.text);

/** Length in words of the longest phrase of `phrases` starting at index i (0 when none). */
export function phraseAt(ws: Word[], i: number, phrases: ReadonlySet<string>, maxLen = 4): number {
  let acc = "";
  let best = 0;
  for (let n = 1; n <= maxLen && i + n - 1 < ws.length; n++) {
    acc = n === 1 ? ws[i]!.lower : `${acc} ${ws[i + n - 1]!.lower}`;
    if (phrases.has(acc)) best = n;
  }
  return best;
}

/** Length in words of the longest phrase of `phrases` ending at index i (inclusive). */
export function phraseEndingAt(ws: Word[], i: number, phrases: ReadonlySet<string>, maxLen = 4): number {
  let acc = "";
  let best = 0;
  for (let n = 1; n <= maxLen && i - n + 1 >= 0; n++) {
    acc = n === 1 ? ws[i]!.lower : `${ws[i - n + 1]!.lower} ${acc}`;
    if (phrases.has(acc)) best = n;
  }
  return best;
}
