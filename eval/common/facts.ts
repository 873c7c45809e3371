// Read-only views over one document's DocFacts that several task mappers need (entity lookup,
// the attack events, counts by kind). Mapping decisions themselves live in each dataset's predict.ts.
import type { CountKind, CountValue, DocFacts, Entity, Event } from "../../src/model/records.js";

export function entityIndex(f: DocFacts): Map<string, Entity> {
  return new Map(f.entities.map((e) => [e.id, e]));
}

/** Event types that describe violence against people or property (ids from data/ontology/events.json). */
const VIOLENT =
  /attack|clash|bomb|explo|shoot|assault|assassin|kidnap|hostage|hijack|arson|strike|missile|robbery|sabotage/i;

export function isViolent(e: Event): boolean {
  return VIOLENT.test(e.type) || (e.subtype !== undefined && VIOLENT.test(e.subtype));
}

/** Events that are not hypothetical/negated/denied: what the text reports as having happened. */
export function isFactual(e: Event): boolean {
  return e.modality !== "hypothetical" && e.modality !== "negated" && e.modality !== "denied";
}

export function attackEvents(f: DocFacts): Event[] {
  return f.events.filter((e) => isViolent(e) && isFactual(e));
}

/** Every count of one kind found in the document's events, plus count mentions not tied to an event. */
export function countsOf(f: DocFacts, kind: CountKind): CountValue[] {
  const out: CountValue[] = [];
  const seen = new Set<string>();
  const push = (c: CountValue) => {
    const k = `${c.span.start}:${c.span.end}`;
    if (c.kind !== kind || seen.has(k)) return;
    seen.add(k);
    out.push(c);
  };
  for (const e of f.events) if (isFactual(e)) e.counts.forEach(push);
  for (const m of f.mentions) {
    if (m.kind !== "count" || !m.value) continue;
    const c = m.value as CountValue;
    if (c && typeof c === "object" && "kind" in c && "span" in c) push(c);
  }
  return out;
}

/** The largest lower bound among counts: later, higher tolls usually supersede earlier ones in one article. */
export function maxCount(counts: CountValue[]): number | undefined {
  if (!counts.length) return undefined;
  return Math.max(...counts.map((c) => c.min));
}
