// The hand-written lexicon of interchangeable event words (data/fusion/event-synonyms.json): ECB+ topics in the
// evaluated split are unseen in training, so the lemma-pair statistics cannot tell that "foil" and "thwart" or
// "nab" and "arrest" name one happening; no embeddings are available offline, so a small lexicon does it.
import table from "../../data/fusion/event-synonyms.json" with { type: "json" };
import { stem } from "./text.js";

const groupsOf = new Map<string, number[]>();
table.groups.forEach((group, i) => {
  for (const w of group) {
    const k = stem(w);
    const list = groupsOf.get(k) ?? [];
    if (!list.includes(i)) list.push(i);
    groupsOf.set(k, list);
  }
});

/** True when the two head lemmas (compared by stem) share a synonym group. */
export function synonymous(a: string, b: string): boolean {
  const ga = groupsOf.get(stem(a));
  const gb = groupsOf.get(stem(b));
  if (!ga || !gb) return false;
  return ga.some((g) => gb.includes(g));
}
