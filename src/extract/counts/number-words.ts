// Turns a number phrase as printed in news text ("Eighty-four", "one hundred and three", "1.2m",
// "6,000-strong", "a dozen") into a number. No installed library reads these forms (see the NLP
// bake-off), so this is a small hand-written converter.

const UNITS: Record<string, number> = {
  zero: 0,
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
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = {
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
};
const SUFFIX: Record<string, number> = { k: 1_000, m: 1_000_000, mn: 1_000_000, bn: 1_000_000_000 };

/** The words the converter understands, for building finders elsewhere. */
export const NUMBER_WORDS: readonly string[] = [
  ...Object.keys(UNITS),
  ...Object.keys(TENS),
  "hundred",
  ...Object.keys(SCALES),
  "dozen",
];

/** Digits with optional thousands separators, decimals and a k/m/bn or word scale. */
function parseDigits(s: string): number | undefined {
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(k|m|mn|bn|thousand|million|billion|hundred)?$/.exec(s);
  if (!m) return undefined;
  const base = Number(`${m[1]!.replace(/,/g, "")}${m[2] ? `.${m[2]}` : ""}`);
  const scaleWord = m[3];
  if (!scaleWord) return base;
  const scale = SUFFIX[scaleWord] ?? SCALES[scaleWord] ?? (scaleWord === "hundred" ? 100 : 1);
  return Math.round(base * scale);
}

/** Word numbers: "eighty four", "one hundred and three", "two dozen", "a thousand". */
function parseWords(words: string[]): number | undefined {
  let total = 0;
  let current = 0;
  let seen = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === "and") continue;
    if ((w === "a" || w === "an") && i === 0) {
      current = 1; // "a dozen", "a hundred"
      continue;
    }
    if (w in UNITS) current += UNITS[w]!;
    else if (w in TENS) current += TENS[w]!;
    else if (w === "hundred") current = (current || 1) * 100;
    else if (w === "dozen") current = (current || 1) * 12;
    else if (w in SCALES) {
      total += (current || 1) * SCALES[w]!;
      current = 0;
    } else {
      const d = parseDigits(w);
      if (d === undefined) return undefined;
      current += d; // mixed forms such as "3 million" arrive here as "3" then "million"
    }
    seen = true;
  }
  return seen ? total + current : undefined;
}

/**
 * The numeric value of one number phrase, or undefined when it is not a number.
 * Accepts "84", "1,200", "3.5 million", "1.2m", "6,000-strong", "Eighty-four", "a dozen".
 */
export function parseNumberWords(text: string): number | undefined {
  const s = text
    .trim()
    .toLowerCase()
    .replace(/[\u2010-\u2014]/g, "-")
    .replace(/-strong$/, "")
    .trim();
  if (s === "") return undefined;
  const direct = parseDigits(s);
  if (direct !== undefined) return direct;
  const words = s.split(/[\s-]+/).filter((w) => w !== "");
  return parseWords(words);
}
