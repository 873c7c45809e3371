// Matching keys for words of any script: case and diacritics folded, Arabic-script letter variants unified
// (Arabic ي/ك/ة and Persian ی/ک/ه are one letter each here, so one alias serves Arabic, Persian and Urdu text),
// Eastern Arabic, Persian, Devanagari, Bengali and Tamil digits read as ASCII. Keys are for comparing only; spans
// always come from the text.

/** Digit zeros of the scripts whose digits are read (each block holds 0–9 from its zero). */
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0be6];
const OTHER_DIGITS = /[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\u0be6-\u0bef]/g;

/** The text with Eastern Arabic, Persian, Devanagari, Bengali and Tamil digits as ASCII digits; same length. */
export function asciiDigits(s: string): string {
  return s.replace(OTHER_DIGITS, (d) => {
    const c = d.charCodeAt(0);
    const zero = DIGIT_ZEROS.find((z) => c >= z && c <= z + 9)!;
    return String(c - zero);
  });
}

// In Indic scripts (U+0900–U+0DFF) the combining signs are vowels, not diacritics: they stay in the key. Only the
// virama (a vowel-less consonant, which an inflection ending replaces: Tamil "பாகிஸ்தான்" → "பாகிஸ்தானில்") and the
// nukta (optional in much Hindi and Bengali spelling: "ज़" / "ज") are dropped, and candrabindu is read as anusvara.
const INDIC = /[\u0900-\u0dff]/;
const INDIC_DROPPED = /[\u093c\u094d\u09bc\u09cd\u0bcd]/;

// Urdu web text often types the aspiration letter ھ for the heh ہ ("ھلاک" for "ہلاک"): one letter here.
export function keyOf(word: string): string {
  return asciiDigits(word)
    .normalize("NFD")
    .replace(/[\p{M}\u0640\u200c\u200d]/gu, (c) => (INDIC.test(c) && !INDIC_DROPPED.test(c) ? c : ""))
    .replace(/\u0901/g, "\u0902")
    .replace(/\u0981/g, "\u0982")
    .toLowerCase()
    .replace(/[يى]/g, "ی")
    .replace(/ك/g, "ک")
    .replace(/[ةۀەہۃھ]/g, "ه")
    .replace(/ٱ/g, "ا");
}

/** Arabic proclitics (wa-, fa-, bi-, li-, ka-, al-) peeled off, so "وبالموصل" also reads as "الموصل" and "موصل". */
export function arabicVariants(key: string): string[] {
  const out = new Set([key]);
  // "و40": a conjunction written onto a number
  if (/^[وف]\d/.test(key)) return [key, key.slice(1)];
  const conj = /^[وف]/.test(key) && key.length > 3 ? [key, key.slice(1)] : [key];
  for (const k of conj) {
    out.add(k);
    const prep = /^[بلک]/.test(k) && k.length > 3 ? k.slice(1) : undefined;
    for (const w of prep ? [k, prep] : [k]) {
      out.add(w);
      if (w.startsWith("ال") && w.length > 3) out.add(w.slice(2));
      if (w.startsWith("لل") && w.length > 3) out.add(w.slice(2));
    }
    if (k.startsWith("لل") && k.length > 3) out.add(`ال${k.slice(2)}`);
  }
  return [...out];
}
