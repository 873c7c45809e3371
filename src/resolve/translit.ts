// A Latin key for names in Latin, Cyrillic and Arabic script (Arabic, Persian, Urdu), so a place or group named in
// two scripts can be recognised as one name: "Mastung" / "Мастунг" / "مستونگ" all give "mstng". The key is a
// consonant skeleton (data/translit/latin-keys.json, README there): lossy on purpose, so callers use it only across
// scripts and only with agreeing context. Written here rather than taken from a transliteration library because
// those romanise one way (Cyrillic → Latin) and a skeleton is what makes Arabic script, which writes no short
// vowels, comparable at all.
import table from "../../data/translit/latin-keys.json" with { type: "json" };

export type Script = "latin" | "cyrillic" | "arabic" | "other";

const T = table as unknown as {
  cyrillicDigraphs: Record<string, string>;
  cyrillic: Record<string, string>;
  arabic: Record<string, string>;
  latinDigraphs: [string, string][];
  latinVowels: string;
  articles: { latin: string[]; cyrillic: string[]; arabic: string[] };
};

/** Articles written as a word of their own ("al-Adl", "аль-Адль"). */
const ARTICLES = new Set([...T.articles.latin, ...T.articles.cyrillic]);
const VOWELS = new RegExp(`[${T.latinVowels}]`, "g");
/** Keys shorter than this say too little to match names on. */
export const MIN_KEY_LENGTH = 3;

/** The script of a word: the first letter's. */
export function scriptOf(word: string): Script {
  const m = /\p{L}/u.exec(word);
  if (!m) return "other";
  const c = m[0];
  if (/\p{Script=Latin}/u.test(c)) return "latin";
  if (/\p{Script=Cyrillic}/u.test(c)) return "cyrillic";
  if (/\p{Script=Arabic}/u.test(c)) return "arabic";
  return "other";
}

function arabicWord(w: string): string {
  // harakat, tatweel and zero-width joiners carry no consonant
  let s = w.replace(/[\p{M}\u0640\u200c\u200d]/gu, "");
  for (const a of T.articles.arabic) if (s.startsWith(a) && s.length > a.length + 2) s = s.slice(a.length);
  return [...s].map((c) => T.arabic[c] ?? "").join("");
}

function cyrillicWord(w: string): string {
  let s = w.toLowerCase();
  for (const [from, to] of Object.entries(T.cyrillicDigraphs)) s = s.split(from).join(to);
  return [...s].map((c) => T.cyrillic[c] ?? (/[a-zšž]/.test(c) ? c : "")).join("");
}

function latinWord(w: string): string {
  let s = w.toLowerCase();
  // letters whose marks matter (ş is "sh", ç is "ch") go before the marks are stripped
  for (const [from, to] of T.latinDigraphs) if (!/^[a-z]+$/.test(from)) s = s.split(from).join(to);
  s = s.normalize("NFD").replace(/\p{M}/gu, "");
  for (const [from, to] of T.latinDigraphs) if (/^[a-z]+$/.test(from)) s = s.split(from).join(to);
  return s.replace(VOWELS, "").replace(/[^a-zšž]/g, "");
}

/** The key of each word of a name, articles standing as words of their own ("al-Adl", "аль-Адль") left out. */
export function wordKeys(name: string): string[] {
  const words = name.split(/[\s\-‐–'’ʼ_.]+/).filter(Boolean);
  const out: string[] = [];
  for (const [i, w] of words.entries()) {
    const script = scriptOf(w);
    if (script !== "arabic" && i < words.length - 1 && ARTICLES.has(w.toLowerCase())) continue;
    const k = script === "arabic" ? arabicWord(w) : script === "cyrillic" ? cyrillicWord(w) : latinWord(w);
    if (k) out.push(k);
  }
  return out;
}

/**
 * The Latin consonant key of a name in Latin, Cyrillic or Arabic script; "" when nothing is left. Leading articles
 * (al-, el-, ال) are dropped and doubled letters collapse, so "Al-Mosul", "Мосул" and "الموصل" all give "msl".
 */
export function latinKey(name: string): string {
  return wordKeys(name)
    .join("")
    .replace(/(.)\1+/g, "$1");
}

/** Whether two names in different scripts have the same usable key. */
export function sameAcrossScripts(a: string, b: string): boolean {
  if (scriptOf(a) === scriptOf(b)) return false;
  const ka = latinKey(a);
  return ka.length >= MIN_KEY_LENGTH && ka === latinKey(b);
}
