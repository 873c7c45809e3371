// Comparing figures: gold values are numbers or short statements ("more than 55", "dozens", a non-English
// phrase with an English gloss in brackets); system values are count intervals. Reading only — no extraction.
import type { GoldNumber } from "./gold.js";

const WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
};

/** The number a gold value states (the first one in a statement), or undefined for a vague statement. */
export function goldNumber(v: GoldNumber): number | undefined {
  if (typeof v === "number") return v;
  const gloss = /\[([^\]]*)\]/.exec(v)?.[1];
  const text = gloss ?? v;
  const digits = /\d[\d,]*/.exec(text);
  if (digits) return Number(digits[0].replace(/,/g, ""));
  for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) if (WORDS[w] !== undefined) return WORDS[w];
  return undefined;
}

/** The printed figure of a system count value ({value, min, max, qualifier}) or a bare number. */
export function systemNumber(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  const c = v as { value?: unknown; min?: unknown };
  if (typeof c?.value === "number") return c.value;
  if (typeof c?.min === "number") return c.min;
  return undefined;
}

/** A vague system value ("dozens", "hundreds of") — matches a gold statement without a number. */
export function systemVague(v: unknown): boolean {
  return (v as { qualifier?: unknown })?.qualifier === "vague";
}

/** Does a system value keep the same statement as a gold value? Numbers exactly; vague statements as vague. */
export function sameFigure(gold: GoldNumber, sys: unknown): boolean {
  const g = goldNumber(gold);
  if (g === undefined) return systemVague(sys);
  return systemNumber(sys) === g;
}
