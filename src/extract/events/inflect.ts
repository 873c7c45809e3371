// Generates the inflected forms of a lemma ("bomb" → bombs, bombed, bombing, bombings) so trigger
// phrases can be written once as lemmas. Over-generation is harmless: a made-up form never occurs
// in text. Irregular forms come from the ontology file.

const VOWEL = /[aeiou]/;

export function inflections(lemma: string, irregular: Record<string, string[]> = {}): string[] {
  const w = lemma.toLowerCase();
  const out = new Set<string>([w, ...(irregular[w] ?? [])]);
  if (w.includes("-") || w.length < 3) return [...out];
  const add = (...xs: string[]) => {
    for (const x of xs) out.add(x);
  };
  if (w.endsWith("e")) {
    const stem = w.slice(0, -1);
    add(`${w}s`, `${w}d`, `${stem}ing`, `${stem}ings`);
  } else if (/[^aeiou]y$/.test(w)) {
    const stem = w.slice(0, -1);
    add(`${stem}ies`, `${stem}ied`, `${w}ing`);
  } else if (/(?:s|x|z|ch|sh)$/.test(w)) {
    add(`${w}es`, `${w}ed`, `${w}ing`, `${w}ings`);
  } else {
    add(`${w}s`, `${w}ed`, `${w}ing`, `${w}ings`);
    // short consonant-vowel-consonant verbs double the last letter: stab → stabbed
    if (/[^aeiou][aeiou][bdgmnprt]$/.test(w) && w.length <= 5 && VOWEL.test(w)) {
      const last = w.at(-1)!;
      add(`${w}${last}ed`, `${w}${last}ing`);
    }
  }
  if (w.endsWith("man")) add(`${w.slice(0, -3)}men`);
  return [...out];
}
