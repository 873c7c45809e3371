// The reference date a document's own dates are read against. A stated publication day (metadata,
// URL, dateline) anchors everything, "yesterday" and "on Monday" included. Without one, the writing
// date is only estimated (src/ingest/published.ts: after the latest day the text mentions, inside the
// URL's month): the estimate may place yearless dates ("On 11 January") in a year, but phrases
// relative to the writing day stay unresolved, since a window of days cannot anchor them. The fetch
// time is never a reference: when a page was read says nothing about when it was written.

import { estimatePublished } from "../ingest/published.js";
import type { DateValue, Document } from "../model/records.js";
import type { DateHit } from "./context.js";

export interface Reference {
  value: DateValue;
  /** true when the document states its publication date; false for an estimate. */
  stated: boolean;
}

/** The document's reference date, or undefined when neither a stated nor an estimated one exists. */
export function referenceOf(doc: Document): Reference | undefined {
  if (doc.publishedAt) return { value: doc.publishedAt, stated: true };
  const estimate = doc.publishedEstimate ?? estimatePublished(doc.text, undefined, doc.language);
  return estimate ? { value: estimate.value, stated: false } : undefined;
}

/** The estimated writing window [latest dated mention, +60 days], or undefined when nothing is fully dated. */
export function estimateReference(text: string): DateValue | undefined {
  return estimatePublished(text)?.value;
}

const RELATIVE_RULE = /^date:(relative|weekday-past)/;

/**
 * Keeps what the estimate may decide (years for yearless dates) and withdraws values that were
 * computed relative to the writing day, marking every estimate-based rule so reviewers can see it.
 */
export function applyEstimatedReference(hits: DateHit[]): DateHit[] {
  for (const h of hits) {
    const m = h.mention;
    if (RELATIVE_RULE.test(m.rule) && !m.rule.endsWith(":no-reference")) {
      // both copies of the value go: events read `hit.value`, reviewers the mention
      delete m.value;
      delete h.value;
      m.rule = `${m.rule}:no-reference`;
      m.confidence = Math.min(m.confidence, 0.3);
    } else if (/inferred/.test(m.rule)) {
      m.rule = `${m.rule}:estimated-reference`;
    }
  }
  return hits;
}
