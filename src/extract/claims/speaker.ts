// Picks the speaker of a speech cue: the nearest actor before the verb in the same sentence that
// looks like a clause subject — not a possessive ("Soleimani's courage"), not the object of a
// preposition ("in Syria"), not an appositive description (", a Tehran Times commentator,"), and
// not inside a quotation. Falls back to possessives ("X's commentary … claimed").
import type { Mention } from "../../model/records.js";
import { type ExtractContext, mentionsIn, type SentenceCtx } from "../context.js";

const SPEAKER_KINDS: ReadonlySet<string> = new Set(["person", "organization", "armed_group", "state"]);
const PREPOSITION =
  /\b(?:in|of|for|about|to|on|against|with|from|at|into|by|near|towards?|over|than|between)\s+(?:the\s+|a\s+|an\s+)?$/i;
const POSSESSIVE = /^['’]s?\b/;

function insideQuote(ctx: ExtractContext, m: Mention): boolean {
  return ctx.quotes.some((q) => q.start <= m.start && m.end <= q.end);
}

export function speakerBefore(ctx: ExtractContext, s: SentenceCtx, cueStart: number): Mention | undefined {
  const text = ctx.doc.text;
  const cands = mentionsIn(ctx, s.start, cueStart).filter((m) => SPEAKER_KINDS.has(m.kind) && !insideQuote(ctx, m));
  const possessives: Mention[] = [];
  for (let i = cands.length - 1; i >= 0; i--) {
    const m = cands[i]!;
    const before = text.slice(Math.max(s.start, m.start - 30), m.start);
    const after = text.slice(m.end, cueStart);
    // "… by the Taliban, which claimed": the relative pronoun points back at the mention
    if (i === cands.length - 1 && /^\s*,?\s*(?:which|who)\s+(?:[\w’'-]+\s+)?$/i.test(after)) return m;
    if (POSSESSIVE.test(after)) {
      possessives.push(m);
      continue;
    }
    if (PREPOSITION.test(before)) continue;
    // ", a Tehran Times commentator," — an apposition describing an earlier subject
    if (/,\s*(?:a|an|the|its|their|his|her)\s+[^,]*$/i.test(before) && /^[^,]*,/.test(after) && i > 0) continue;
    return m;
  }
  return possessives[0];
}

/** Speaker after an inverted verb: "…,” said the minister" / "according to the ministry". */
export function speakerAfter(ctx: ExtractContext, s: SentenceCtx, cueEnd: number): Mention | undefined {
  const m = mentionsIn(ctx, cueEnd, s.end).find((x) => SPEAKER_KINDS.has(x.kind) && !insideQuote(ctx, x));
  if (!m) return undefined;
  return m.start - cueEnd <= 60 ? m : undefined;
}
