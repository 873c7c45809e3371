// In-document short forms: "Tajiki" → "Abdollah Tajiki", "Assad" → "Bashar al-Assad",
// "Qomi" → "Hassan Kazemi Qomi", and transliteration slips ("Amirabdollaian" for
// "Amirabdollahian"). Only surnames of people found by a rule are used, so a lone capitalised
// word is never promoted to a person on its own.
import type { Candidate, Work } from "./candidate.js";
import { personKey } from "./persons.js";

/** Jaro-Winkler similarity (0..1); small and local so this module has no cross-area dependency. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const am = new Array<boolean>(a.length).fill(false);
  const bm = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - range); j < Math.min(b.length, i + range + 1); j++) {
      if (bm[j] || a[i] !== b[j]) continue;
      am[i] = bm[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!am[i]) continue;
    while (!bm[k]) k++;
    if (a[i] !== b[k]) t++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - t / 2) / matches) / 3;
  let p = 0;
  while (p < 4 && a[p] === b[p]) p++;
  return jaro + p * 0.1 * (1 - jaro);
}

function surname(name: string): string {
  const last = name.split(/\s+/).pop() ?? name;
  return last.replace(/^(?:al|el|ad|as|ar|an)-/i, "").toLowerCase();
}

interface Person {
  key: string;
  name: string;
  words: string[];
}

/** Merge person candidates that are the same person and attach leftover surnames to them. */
export function resolvePersons(w: Work, leftovers: [number, number][]): void {
  const people = new Map<string, Person>();
  for (const c of w.accepted) {
    if (c.type !== "person") continue;
    const words = c.name.split(/\s+/);
    if (words.length >= 2 && !people.has(c.key)) people.set(c.key, { key: c.key, name: c.name, words });
  }
  // Full names that differ only in a first-name spelling ("Qassem"/"Qassim") merge into the first seen.
  const full = [...people.values()];
  const alias = new Map<string, string>();
  for (let i = 0; i < full.length; i++) {
    for (let j = 0; j < i; j++) {
      const x = full[i]!;
      const y = full[j]!;
      if (alias.has(y.key) || surname(x.name) !== surname(y.name) || x.words.length !== y.words.length) continue;
      if (jaroWinkler(x.words[0]!.toLowerCase(), y.words[0]!.toLowerCase()) >= 0.85) {
        alias.set(x.key, y.key);
        break;
      }
    }
  }
  const bySurname = new Map<string, Person[]>();
  for (const p of full) {
    if (alias.has(p.key)) continue;
    const s = surname(p.name);
    bySurname.set(s, [...(bySurname.get(s) ?? []), p]);
  }
  const memo = new Map<string, Person | undefined>();
  const find = (word: string): Person | undefined => {
    if (!memo.has(word)) memo.set(word, findUncached(word));
    return memo.get(word);
  };
  const findUncached = (word: string): Person | undefined => {
    const s = surname(word);
    const exact = bySurname.get(s);
    if (exact?.length === 1) return exact[0];
    if (exact && exact.length > 1) return undefined; // ambiguous
    if (s.length < 7) return undefined;
    let best: Person | undefined;
    let score = 0.93;
    for (const [k, list] of bySurname) {
      const v = jaroWinkler(s, k);
      if (v >= score && list.length === 1) {
        score = v;
        best = list[0];
      }
    }
    return best;
  };
  // Re-key person candidates: spelling variants and single-word names ("Ayatollah Khomeini").
  for (const c of w.accepted) {
    if (c.type !== "person") continue;
    const target = alias.get(c.key);
    if (target) {
      c.key = target;
      c.name = people.get(target)!.name;
      continue;
    }
    if (c.name.split(/\s+/).length === 1) {
      const p = find(c.name);
      if (p) {
        c.key = p.key;
        c.name = p.name;
      }
    }
  }
  for (const [a, b] of leftovers) {
    const t = w.tokens[a]!;
    if (b - a !== 1 || w.blocked(t.start, t.end)) continue;
    const p = find(t.text);
    if (!p) continue;
    const c: Candidate = {
      start: t.start,
      end: w.tokens[b - 1]!.end,
      type: "person",
      key: p.key,
      name: p.name,
      rule: "coref:surname",
      confidence: 0.7,
    };
    w.accept(c);
  }
  void personKey;
}
