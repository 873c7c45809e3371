// Matching keys for words of any script: case and diacritics folded, Arabic-script letter variants unified
// (Arabic ي/ك/ة and Persian ی/ک/ه are one letter each here, so one alias serves Arabic, Persian and Urdu text),
// Eastern Arabic and Persian digits read as ASCII. Keys are for comparing only; spans always come from the text.

const EASTERN_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;

/** The text with Eastern Arabic (٠-٩) and Persian (۰-۹) digits as ASCII digits; same length. */
export function asciiDigits(s: string): string {
  return s.replace(EASTERN_DIGITS, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

export function keyOf(word: string): string {
  return asciiDigits(word)
    .normalize("NFD")
    .replace(/[\p{M}\u0640\u200c\u200d]/gu, "")
    .toLowerCase()
    .replace(/[يى]/g, "ی")
    .replace(/ك/g, "ک")
    .replace(/[ةۀەہۃ]/g, "ه")
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
