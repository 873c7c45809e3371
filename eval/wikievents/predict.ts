// DocFacts → WikiEvents predictions: each event with a KAIROS mapping becomes a trigger (token
// range of its trigger span) with arguments whose head token is chosen from the participant span
// by the same head rule as the gold mentions; the event's place entity gives a Place argument.
import type { DocFacts, Mention } from "../../src/model/records.js";
import { headIndex } from "./heads.js";
import { kairosRole, kairosType } from "./map.js";
import type { WeDoc } from "./reader.js";
import type { PredEvent } from "./score.js";

/** Token indexes overlapping a character span [start, end). */
export function tokensIn(doc: WeDoc, start: number, end: number): number[] {
  const out: number[] = [];
  doc.tokens.forEach((t, i) => {
    if (t.end > start && t.start < Math.max(end, start + 1)) out.push(i);
  });
  return out;
}

function headOf(doc: WeDoc, start: number, end: number): number | undefined {
  const toks = tokensIn(doc, start, end);
  if (!toks.length) return undefined;
  return toks[headIndex(toks.map((i) => doc.tokens[i]!.text))];
}

export function predictEvents(doc: WeDoc, f: DocFacts): PredEvent[] {
  const mentionsById = new Map<string, Mention>(f.mentions.map((m) => [m.id, m]));
  const entityMentions = new Map(f.entities.map((e) => [e.id, e.mentions]));
  const out: PredEvent[] = [];
  for (const e of f.events) {
    const type = kairosType(e);
    if (!type) continue;
    const trig = tokensIn(doc, e.trigger.start, e.trigger.end);
    if (!trig.length) continue;
    const ev: PredEvent = { type, start: trig[0]!, end: trig[trig.length - 1]! + 1, args: [] };
    const seen = new Set<string>();
    const push = (role: string | undefined, head: number | undefined) => {
      if (!role || head === undefined || seen.has(`${role}:${head}`)) return;
      seen.add(`${role}:${head}`);
      ev.args.push({ role, head });
    };
    for (const p of e.participants) {
      const span = p.span ?? locate(doc, p.text, e.sentence?.start ?? e.trigger.start);
      if (span) push(kairosRole(type, p.role), headOf(doc, span.start, span.end));
    }
    if (e.place) {
      // The place mention nearest to the trigger stands for the Place argument.
      const ms = (entityMentions.get(e.place) ?? []).map((id) => mentionsById.get(id)).filter((m): m is Mention => !!m);
      ms.sort((a, b) => Math.abs(a.start - e.trigger.start) - Math.abs(b.start - e.trigger.start));
      // KAIROS marks the Place where the sentence names it; a place from elsewhere is no argument
      const sent = e.sentence;
      const m = ms.find((x) => !sent || (x.start >= sent.start && x.end <= sent.end));
      if (m) push("Place", headOf(doc, m.start, m.end));
    }
    out.push(ev);
  }
  return out;
}

/** Find a participant's text near the event when the extractor gave no span. */
function locate(doc: WeDoc, text: string, from: number): { start: number; end: number } | undefined {
  if (!text) return undefined;
  const at = doc.text.indexOf(text, Math.max(0, from - 200));
  return at === -1 ? undefined : { start: at, end: at + text.length };
}
