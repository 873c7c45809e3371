// Name normalisation for cross-document matching: a light normal form (for display-independent equality and
// Jaro-Winkler), a transliteration-tolerant phonetic key per token, and acronym building. Names of people and
// groups reach us in many Latin spellings of Arabic and Persian; these keys make the usual variants collide
// while the given-name table keeps distinct names that share a skeleton (Hassan / Hussein) apart.
import givenNames from "../../../data/fusion/given-names.json" with { type: "json" };
import particles from "../../../data/fusion/name-particles.json" with { type: "json" };

const GIVEN = new Map<string, string>();
for (const [canon, variants] of Object.entries(givenNames as Record<string, string[]>)) {
  for (const v of variants) GIVEN.set(v.replace(/-$/, ""), canon);
}
const ARTICLES = new Set(particles.articles.map((s) => s.replace(/-$/, "")));
const TITLES = new Set(particles.titles);
const CONNECTORS = new Set(particles.connectors);

/** Lower-case, strip diacritics and apostrophe-like marks, turn punctuation into spaces. */
export function lightNormalise(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’‘`ʿʾ]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Tokens of a person name without titles and Arabic articles ("Gen. Qassem al-Soleimani" → qassem soleimani). */
export function personTokens(name: string): string[] {
  // An article fused without a hyphen ("Albaghdadi") is left alone: it cannot be told from a name starting "al".
  // A hyphen after an article separates ("al-Baghdadi"); elsewhere it joins one name ("Amir-Abdollahian").
  const joined = name.replace(/([\p{L}]+)-(?=\p{L})/gu, (_m, left: string) =>
    ARTICLES.has(lightNormalise(left)) ? `${left} ` : left,
  );
  const toks = lightNormalise(joined).split(" ").filter(Boolean);
  const out: string[] = [];
  for (const t of toks) {
    if (TITLES.has(t) && out.length === 0) continue;
    if (ARTICLES.has(t)) continue;
    out.push(t);
  }
  return out.length > 0 ? out : toks;
}

const VOWEL = /[aeiouy]/;

/**
 * Transliteration-tolerant key of one token: known given names map to their canonical form; otherwise digraphs
 * are folded (ph→f, q/ck/c/gh/kh→k, dh→d, th→t, sh→s, ou/oo→u, w→v), the first letter is kept, later vowels
 * and an h between vowels are dropped, and doubled letters collapse. "Amirabdollahian" and "Amirabdollaian" both
 * give "amrbdln"; "Qassem" and "Qassim" give "ksm".
 */
export function phoneticKey(token: string): string {
  const given = GIVEN.get(token);
  if (given) return `=${given}`;
  let t = token
    .replace(/ph/g, "f")
    .replace(/ck/g, "k")
    .replace(/kh/g, "k")
    .replace(/gh/g, "k") // Persian gh and Arabic q are one sound (Bagheri / Baqeri)
    .replace(/dh/g, "d")
    .replace(/th/g, "t")
    .replace(/sh/g, "s")
    .replace(/q/g, "k")
    .replace(/c/g, "k")
    .replace(/w/g, "v")
    .replace(/z/g, "z");
  if (t.length === 0) return "";
  let out = t[0] ?? "";
  for (let i = 1; i < t.length; i++) {
    const ch = t[i] ?? "";
    if (VOWEL.test(ch)) continue;
    if (ch === "h" && VOWEL.test(t[i - 1] ?? "") && (i + 1 >= t.length || VOWEL.test(t[i + 1] ?? ""))) continue;
    if (out[out.length - 1] === ch) continue;
    out += ch;
  }
  t = out;
  return t;
}

/** Canonical given-name form of a token when the table knows it. */
export function canonicalGiven(token: string): string | undefined {
  return GIVEN.get(token);
}

/** Token string used for Jaro-Winkler: known given names replaced by their canonical spelling. */
export function comparableName(tokens: string[]): string {
  return tokens.map((t) => GIVEN.get(t) ?? t).join(" ");
}

/** Initials of the significant words: "Islamic Revolutionary Guard Corps" → "irgc". */
export function acronymOf(name: string): string {
  const words = lightNormalise(name).split(" ").filter(Boolean);
  const sig = words.filter((w) => !CONNECTORS.has(w));
  if (sig.length < 2) return "";
  return sig.map((w) => w[0]).join("");
}

/** True when a surface form looks like an acronym (IRGC, IS-K, ISIS, U.S.). */
export function looksLikeAcronym(surface: string): boolean {
  const s = surface.replace(/[.\s]/g, "");
  return /^[A-Z][A-Z0-9-]{1,7}$/.test(s) && /[A-Z].*[A-Z]|^[A-Z]{2}$/.test(s);
}

/** Acronym surface to comparable letters: "IS-K" → "isk", "U.S." → "us". */
export function acronymLetters(surface: string): string {
  return surface.replace(/[^A-Za-z0-9]/g, "").toLowerCase();
}
