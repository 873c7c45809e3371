// words() is memoised and phraseAt/phraseEndingAt stop early using word prefixes/suffixes; these
// checks compare both against the plain definitions on sentences written for the test.
import { describe, expect, it } from "vitest";
import { phraseAt, phraseEndingAt, words } from "../../src/extract/counts/words.js";

const SENTENCES = [
  "Gunmen killed at least 12 people and wounded 30 others near the market on Tuesday.",
  "Police said no fewer than four suspects were taken into custody, officials confirmed.",
  "A car bomb went off outside the governor's office, killing two guards.",
];
const PHRASES = new Set([
  "killed",
  "at least",
  "taken into custody",
  "no fewer than",
  "car bomb",
  "went off",
  "wounded",
]);

function plainAt(ws: { lower: string }[], i: number, maxLen = 4): number {
  let best = 0;
  for (let n = 1; n <= maxLen && i + n <= ws.length; n++) {
    if (
      PHRASES.has(
        ws
          .slice(i, i + n)
          .map((w) => w.lower)
          .join(" "),
      )
    )
      best = n;
  }
  return best;
}

function plainEndingAt(ws: { lower: string }[], i: number, maxLen = 4): number {
  let best = 0;
  for (let n = 1; n <= maxLen && i - n + 1 >= 0; n++) {
    if (
      PHRASES.has(
        ws
          .slice(i - n + 1, i + 1)
          .map((w) => w.lower)
          .join(" "),
      )
    )
      best = n;
  }
  return best;
}

describe("words", () => {
  it("returns the same split for a repeated call and shifts offsets by base", () => {
    const s = SENTENCES[0]!;
    const a = words(s);
    expect(words(s)).toEqual(a);
    const shifted = words(s, 100);
    expect(shifted.map((w) => w.text)).toEqual(a.map((w) => w.text));
    expect(shifted.map((w) => w.start - 100)).toEqual(a.map((w) => w.start));
    // and the unshifted split is still served correctly afterwards
    expect(words(s)[0]!.start).toBe(0);
  });

  it("finds the same phrases as trying every length", () => {
    let found = 0;
    for (const s of SENTENCES) {
      const ws = words(s);
      for (let i = 0; i < ws.length; i++) {
        expect(phraseAt(ws, i, PHRASES)).toBe(plainAt(ws, i));
        expect(phraseEndingAt(ws, i, PHRASES)).toBe(plainEndingAt(ws, i));
        if (plainAt(ws, i)) found++;
      }
    }
    expect(found).toBeGreaterThanOrEqual(7);
  });
});
