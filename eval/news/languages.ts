// Facts of the English rules found in text the product identified as another language (the target is none).
// Reads the stored document's language stretches and the stored facts; decides nothing about the text.
import type { DocFacts, Document } from "../../src/model/records.js";

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
