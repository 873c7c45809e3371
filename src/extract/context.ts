// The per-document view the rule layers share: sentences plus what earlier stages found (entity
// mentions, resolved dates, linked counts). Building it once keeps each layer a pure function and
// lets unit tests hand-build a context without running the NLP layer.
import type { DateValue, Document, Entity, Mention } from "../model/records.js";
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

export function entityOf(ctx: ExtractContext, m: Mention): Entity | undefined {
  return m.entity ? ctx.entities.find((e) => e.id === m.entity) : undefined;
}
