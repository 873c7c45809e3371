// Count mentions of a document: numbers linked to what they count, per sentence.
import type { Mention } from "../../model/records.js";
import type { CountInSentence, DateHit, SentenceCtx } from "../context.js";
import { isBackgroundCount } from "./background.js";
import { bothTreated } from "./both.js";
import { classifyCounts } from "./classes.js";
import { reportsDeath } from "./death-words.js";
import { extractCounts } from "./link.js";
import { dedupeVictims, distinctVictims, singularVictims } from "./singular.js";
import { type ZeroHit, zeroCounts } from "./zero.js";

export { type CountHit, extractCounts } from "./link.js";
export { parseNumberWords } from "./number-words.js";
export { findQuantities, parseQuantity, type Quantity, type QuantityMatch } from "./quantity.js";
export { dedupeVictims, distinctVictims, singularVictims, type VictimHit } from "./singular.js";

/**
 * Counts in every sentence, skipping numbers that sit inside a date ("15 January"), plus victims
 * reported without a number ("a man was shot") where the sentence has no number of that kind.
 * With the document text, several different such victims also add up to one count spanning them.
 */
export function countsInSentences(
  docId: string,
  sentences: SentenceCtx[],
  dates: DateHit[] = [],
  docText?: string,
): CountInSentence[] {
  const out: CountInSentence[] = [];
  const singles: (CountInSentence & { victim: string })[] = [];
  const zeros: (CountInSentence & ZeroHit)[] = [];
  for (const s of sentences) {
    const found: CountInSentence[] = [];
    for (const hit of classifyCounts(extractCounts(s.text, s.start, docId), s.text, s.start)) {
      const sp = hit.count.span;
      if (dates.some((d) => d.mention.start < sp.end && sp.start < d.mention.end)) continue;
      if (isBackgroundCount(s.text, sp.start - s.start, sp.end - s.start)) continue;
      found.push({ ...hit, sentence: s.index });
    }
    subtractDead(found, s);
    // "both" + a treatment phrase: 2 injured, unless the sentence already has a number
    if (!found.some((f) => f.count.kind === "injured"))
      for (const hit of bothTreated(s.text, s.start, docId)) found.push({ ...hit, sentence: s.index });
    out.push(...found);
    // "nobody was hurt": 0, unless the sentence prints a figure of that kind
    for (const z of zeroCounts(s.text, s.start, docId))
      if (!found.some((f) => f.count.kind === z.count.kind)) zeros.push({ ...z, sentence: s.index });
    for (const v of singularVictims(s.text, s.start, docId)) {
      // a printed number of the same kind in the sentence already says how many
      if (found.some((f) => f.count.kind === v.count.kind)) continue;
      singles.push({ ...v, sentence: s.index });
    }
  }
  const deaths =
    out.some((c) => c.count.kind === "killed" && c.count.min > 0) || sentences.some((s) => reportsDeath(s.text));
  const kept = dedupeVictims(singles, deaths, docText);
  // a victim told without a number is a count about one person: recognisable as such, so that
  // elsewhere in a report with a toll it is not taken for the toll
  for (const { victim: _, ...hit } of kept) out.push({ ...hit, count: { ...hit.count, individual: true } });
  // several different wounded victims, each reported without a number: their sum is the count.
  // Not for deaths: a dead victim is named many ways (headline, name, "the victim"), and on GVDB dev
  // summing them cost more than it gained.
  for (const kind of ["injured"] as const) {
    const ofKind = kept.filter((h) => h.count.kind === kind);
    const n = distinctVictims(ofKind, docText);
    const first = ofKind[0];
    if (!first || docText === undefined || n <= Math.max(...ofKind.map((h) => h.count.value))) continue;
    // a printed number of the kind already says how many ("both" is none)
    if (
      out.some(
        (c) =>
          c.count.kind === kind &&
          c.count.min > 0 &&
          !c.rule.startsWith("count:singular-victim") &&
          c.rule !== "count:both-treated",
      )
    )
      continue;
    const last = ofKind[ofKind.length - 1]!;
    // the span runs from the first victim phrase to the last, so it is not the same mention as either
    const span = {
      ...first.count.span,
      end: last.count.span.end,
      text: docText.slice(first.count.span.start, last.count.span.end),
    };
    out.push({
      count: { ...first.count, value: n, min: n, max: n, span },
      rule: "count:singular-victims:distinct",
      confidence: 0.55,
      sentence: first.sentence,
    });
  }
  // a zero beside a figure of its kind is about part of the story ("no one else was hurt", "the other rocket
  // caused no casualties", "no casualties except the bomber"): the figure says more
  for (const { beyond: _, ...z } of zeros)
    if (!out.some((c) => c.count.kind === z.count.kind && c.count.min > 0)) out.push(z);
  return out.sort((a, b) => a.count.span.start - b.count.span.start);
}

/**
 * "Five shot, two dead": the number shot counts everyone hit, the dead among them, so the wounded
 * are the difference. Only for "shot" right before the death count; "3 wounded, 1 dead" are two
 * groups. Edits `found` (one sentence's counts) in place.
 */
function subtractDead(found: CountInSentence[], s: SentenceCtx): void {
  for (let i = 0; i < found.length; i++) {
    const h = found[i]!;
    if (h.count.kind !== "injured") continue;
    const k = found.find(
      (c) =>
        c.count.kind === "killed" &&
        c.count.span.start > h.count.span.end &&
        /^\s+(?:[\p{L}-]+\s+)?shot\s*,\s*(?:and\s+)?$/iu.test(
          s.text.slice(h.count.span.end - s.start, c.count.span.start - s.start),
        ),
    );
    if (!k || k.count.min > h.count.min) continue;
    const n = h.count.min - k.count.min;
    found[i] = { ...h, count: { ...h.count, value: n, min: n, max: n }, rule: `${h.rule}:less-dead` };
  }
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
