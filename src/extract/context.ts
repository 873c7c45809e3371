// The per-document view the rule layers share: sentences plus what earlier stages found (entity
// mentions, resolved dates, linked counts). Building it once keeps each layer a pure function and
// lets unit tests hand-build a context without running the NLP layer.
import type { DateValue, Document, Entity, Mention } from "../model/records.js";
import type { Token } from "../nlp/types.js";
import type { CountHit } from "./counts/link.js";

export interface SentenceCtx {
  index: number;
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

export interface DateHit {
  mention: Mention; // kind "date"; value is the DateValue when resolved
  value?: DateValue;
  sentence: number;
}

export interface CountInSentence extends CountHit {
  sentence: number;
}

export interface QuoteSpan {
  start: number;
  end: number; // the quote marks included
  text: string;
}

export interface ExtractContext {
  doc: Document;
  sentences: SentenceCtx[];
  /** Entity mentions (kinds person … nationality) with `entity` ids, sorted by start. */
  mentions: Mention[];
  entities: Entity[];
  dates: DateHit[];
  counts: CountInSentence[];
  quotes: QuoteSpan[];
  /** The date the document's dates were read against: its publication day or estimated writing window. */
  reference?: DateValue;
  /** The NLP tokens (with POS), when the context was built from an Analysis; noun phrases need them. */
  tokens?: Token[];
}

/** Entity mentions lying inside [start, end). */
export function mentionsIn(ctx: ExtractContext, start: number, end: number): Mention[] {
  // mentions are sorted by start: binary-search the first candidate
  const ms = ctx.mentions;
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: Mention[] = [];
  for (let i = lo; i < ms.length && ms[i]!.start < end; i++) if (ms[i]!.end <= end) out.push(ms[i]!);
  return out;
}

// Rule layers look up the entity of many mentions; a per-array id index replaces a linear scan
// per lookup. The index is rebuilt if the array grew, and a miss falls back to the scan, so a
// hand-built or later-extended context gives the same answer as before.
const byIdCache = new WeakMap<Entity[], { size: number; byId: Map<string, Entity> }>();

function entityIndex(entities: Entity[]): Map<string, Entity> {
  let c = byIdCache.get(entities);
  if (!c || c.size !== entities.length) {
    const byId = new Map<string, Entity>();
    for (const e of entities) if (!byId.has(e.id)) byId.set(e.id, e);
    c = { size: entities.length, byId };
    byIdCache.set(entities, c);
  }
  return c.byId;
}

export function entityOf(ctx: ExtractContext, m: Mention): Entity | undefined {
  if (!m.entity) return undefined;
  const e = entityIndex(ctx.entities).get(m.entity);
  if (e && e.id === m.entity) return e;
  return ctx.entities.find((x) => x.id === m.entity);
}
