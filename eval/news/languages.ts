// Facts of the English rules found in text the product identified as another language (the target is none).
// Reads the stored document's language stretches and the stored facts; decides nothing about the text.
import type { CountValue, DocFacts, Document } from "../../src/model/records.js";
import type { GoldValue } from "./gold.js";
import { sameFigure } from "./numbers.js";
import { emptyValueTally, type ValueTally } from "./values.js";

const english = (l: string): boolean => l === "en" || l === "und";

/** Facts whose rule is not one of the other-language rules ("i18n:…") and whose span lies in non-English text. */
export function englishRuleFacts(doc: Document, facts: DocFacts | undefined): number {
  if (!facts) return 0;
  const stretches = doc.languages ?? [{ start: 0, end: doc.text.length, language: doc.language }];
  const foreignAt = (offset: number): boolean =>
    stretches.some((s) => !english(s.language) && s.start <= offset && offset < s.end);
  const starts = [
    ...facts.mentions.map((m) => ({ rule: m.rule, start: m.start })),
    ...facts.events.map((e) => ({ rule: e.rule, start: e.trigger.start })),
    ...facts.claims.map((c) => ({ rule: c.rule, start: c.cue.start })),
    ...facts.judgments.map((j) => ({ rule: j.rule, start: j.term.start })),
  ];
  return starts.filter((f) => !f.rule.startsWith("i18n") && foreignAt(f.start)).length;
}

/**
 * Killed/injured values the article's own facts state (its events' counts, one per kind and figure) against the
 * gold values of that article: what extraction reads, before fusion decides where the article belongs.
 */
export function ownValues(
  facts: DocFacts | undefined,
  article: string,
  gold: { killed?: { values: GoldValue[] }; injured?: { values: GoldValue[] } } | undefined,
): ValueTally {
  const t = emptyValueTally();
  for (const k of ["killed", "injured"] as const) {
    const goldValues = (gold?.[k]?.values ?? []).filter((g) => g.article === article && !g.subset);
    const sys = new Map<string, CountValue>();
    for (const e of facts?.events ?? [])
      for (const c of e.counts) if (c.kind === k && !c.earlier && !c.subset) sys.set(`${c.value}`, c);
    t.gold += goldValues.length;
    t.found += goldValues.filter((g) => [...sys.values()].some((c) => sameFigure(g.value, c))).length;
    t.predicted += sys.size;
    t.right += [...sys.values()].filter((c) => goldValues.some((g) => sameFigure(g.value, c))).length;
  }
  return t;
}
