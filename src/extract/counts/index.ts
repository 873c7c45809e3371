// Count mentions of a document: numbers linked to what they count, per sentence.
import type { Mention } from "../../model/records.js";
import type { CountInSentence, DateHit, SentenceCtx } from "../context.js";
import { extractCounts } from "./link.js";

export { type CountHit, extractCounts } from "./link.js";
export { parseNumberWords } from "./number-words.js";
export { findQuantities, parseQuantity, type Quantity, type QuantityMatch } from "./quantity.js";

/** Counts in every sentence, skipping numbers that sit inside a date ("15 January"). */
export function countsInSentences(docId: string, sentences: SentenceCtx[], dates: DateHit[] = []): CountInSentence[] {
  const out: CountInSentence[] = [];
  for (const s of sentences) {
    for (const hit of extractCounts(s.text, s.start, docId)) {
      const sp = hit.count.span;
      if (dates.some((d) => d.mention.start < sp.end && sp.start < d.mention.end)) continue;
      out.push({ ...hit, sentence: s.index });
    }
  }
  return out;
}

export function countMentions(docId: string, counts: CountInSentence[]): Mention[] {
  const prefix = docId.slice(0, 12);
  return counts.map((c, i) => ({
    id: `${prefix}:ct${i}`,
    doc: docId,
    start: c.count.span.start,
    end: c.count.span.end,
    text: c.count.span.text,
    kind: "count" as const,
    value: c.count,
    rule: c.rule,
    confidence: c.confidence,
  }));
}
