// Date mentions of a document: regex-found expressions plus the NLP layer's DATE spans, each
// normalised against the publication date. Anchored expressions stay as mentions without a value.
import type { DateValue, Mention } from "../../model/records.js";
import type { TypedSpan } from "../../nlp/types.js";
import type { DateHit, SentenceCtx } from "../context.js";
import { findDateSpans } from "./find.js";
import { normaliseDate } from "./normalise.js";
import { resolveDayOffsets } from "./relative-days.js";
import type { DayOrder } from "./slashed.js";

export { findDateSpans } from "./find.js";
export { type DateResult, normaliseDate } from "./normalise.js";
export { type DayOrder, parseSlashed, slashOrder } from "./slashed.js";

/**
 * Date mentions in the given sentences. `nlpSpans` are DATE spans from the Analysis (optional);
 * they add expressions the regex finder does not know, and are kept only when they resolve.
 * `order` reads numeric dates day- or month-first (slashOrder decides it per document).
 */
export function extractDates(
  docId: string,
  text: string,
  sentences: SentenceCtx[],
  ref: DateValue | undefined,
  nlpSpans: TypedSpan[] = [],
  order: DayOrder = "dmy",
): DateHit[] {
  const prefix = docId.slice(0, 12);
  const out: DateHit[] = [];
  let n = 0;
  const emit = (start: number, end: number, sentence: number, fromNlp: boolean) => {
    const surface = text.slice(start, end);
    // "on a Wednesday evening": the article before the span makes it some weekday (see INDEFINITE_WEEKDAY)
    const article = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i.test(surface)
      ? (/\b(?:a|an|every|each|any)\s+$/i.exec(text.slice(Math.max(0, start - 7), start))?.[0] ?? "")
      : "";
    const r = normaliseDate(`${article}${surface}`, ref, order);
    if (r.rule === "date:unresolved") return;
    if (fromNlp && !r.value) return;
    const mention: Mention = {
      id: `${prefix}:dt${n++}`,
      doc: docId,
      start,
      end,
      text: surface,
      kind: "date",
      rule: r.rule,
      confidence: fromNlp ? Math.round(r.confidence * 90) / 100 : r.confidence,
    };
    if (r.value) mention.value = r.value;
    const hit: DateHit = { mention, sentence };
    if (r.value) hit.value = r.value;
    out.push(hit);
  };
  // DATE spans are few; filtering them once avoids a pass over every span for every sentence.
  const dateSpans = nlpSpans.filter((sp) => sp.type === "DATE");
  for (const s of sentences) {
    const found = findDateSpans(s.text).map((d) => ({ start: s.start + d.start, end: s.start + d.end }));
    const extra = dateSpans
      .filter((sp) => sp.start >= s.start && sp.end <= s.end)
      .filter((sp) => !found.some((f) => f.start < sp.end && sp.start < f.end));
    const all = [
      ...found.map((f) => ({ ...f, nlp: false })),
      ...extra.map((e) => ({ start: e.start, end: e.end, nlp: true })),
    ];
    all.sort((a, b) => a.start - b.start);
    for (const d of all) emit(d.start, d.end, s.index, d.nlp);
  }
  return resolveDayOffsets(out);
}
