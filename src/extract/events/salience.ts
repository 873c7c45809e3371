// Which event a report is about. News copy tells one main event and, around it, history: an earlier
// attack on the same place, "a similar bombing in 2019", the group's past attacks. Fusion must keep
// such background events as history linked to an incident, never let them found an incident of their
// own or add their tolls to the news. This pass marks them, and marks the one main event of the
// document, on `attributes.salience` ("main" | "background") with the reason in `salienceReason`.
//
// Background: dated well before the report (its publication day or estimated writing window),
// or told with a past cue next to the trigger ("the previous attack", "has repeatedly attacked",
// "last year", "two years ago"). Main: the first attack-like event of the lead that is neither
// background nor hypothetical / negated (a dated one first); else the first such event anywhere; else the first related
// event (a death toll, an arrest, a claim) — follow-up reports are about those.
import type { DateValue, Event } from "../../model/records.js";
import type { ExtractContext, SentenceCtx } from "../context.js";
import { loadData } from "../data.js";

interface SalienceLexicon {
  attackTypes: string[];
  relatedTypes: string[];
  casualtyTypes: string[];
  farDays: number;
  coarseFarDays: number;
  leadSentences: number;
  beforeTrigger: string[];
  afterTrigger: string[];
  inSentence: string[];
}

interface Compiled {
  attack: Set<string>;
  related: Set<string>;
  casualty: Set<string>;
  farDays: number;
  coarseFarDays: number;
  lead: number;
  before: RegExp[];
  after: RegExp[];
  inSentence: RegExp[];
}

let compiled: Compiled | undefined;

function lexicon(): Compiled {
  if (compiled) return compiled;
  const l = loadData<SalienceLexicon>("lexicons/salience.json");
  compiled = {
    attack: new Set(l.attackTypes),
    related: new Set(l.relatedTypes),
    casualty: new Set(l.casualtyTypes),
    farDays: l.farDays,
    coarseFarDays: l.coarseFarDays,
    lead: l.leadSentences,
    before: l.beforeTrigger.map((p) => new RegExp(p, "i")),
    after: l.afterTrigger.map((p) => new RegExp(p, "i")),
    inSentence: l.inSentence.map((p) => new RegExp(p, "gi")),
  };
  return compiled;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** Modalities under which an event did not (or not yet) happen: never the news, never history. */
const UNREAL = new Set(["hypothetical", "negated", "denied"]);

/** How many days `date` ends before `anchor` begins (negative when it does not). */
function daysBefore(date: DateValue, anchor: DateValue): number {
  return dayNumber(anchor.start) - dayNumber(date.end);
}

/** Whether the words just before a trigger tell it as past ("the earlier Islamic State attack on …"). */
export function toldAsPastBefore(ctx: ExtractContext, s: SentenceCtx, triggerStart: number): boolean {
  const before = ctx.doc.text.slice(Math.max(s.start, triggerStart - 60), triggerStart);
  return lexicon().before.some((re) => re.test(before));
}

/** A past cue around the trigger, in the trigger's own sentence; the reason, or undefined. */
function pastCue(ctx: ExtractContext, s: SentenceCtx, e: Event, lex: Compiled): string | undefined {
  const text = ctx.doc.text;
  if (toldAsPastBefore(ctx, s, e.trigger.start)) return "past cue before the trigger";
  const after = text.slice(e.trigger.end, s.end);
  // "the deadliest attack since a bombing two years ago": the cue belongs to the since-phrase
  const since = /\bsince\b/i.exec(after);
  const afterScope = since ? after.slice(0, since.index) : after;
  if (lex.after.some((re) => re.test(afterScope))) return "past cue after the trigger";
  for (const re of lex.inSentence) {
    re.lastIndex = 0;
    for (let m = re.exec(s.text); m; m = re.exec(s.text)) {
      if (s.start + m.index < e.trigger.start) return `told ${m[0].toLowerCase()}`;
    }
  }
  return undefined;
}

const GROUP_TYPES = new Set(["armed_group", "organization", "state"]);
const groupEntity = (ctx: ExtractContext, id: string) =>
  GROUP_TYPES.has(ctx.entities.find((x) => x.id === id)?.type ?? "");

function mark(e: Event, salience: "main" | "background", reason: string): void {
  e.attributes.salience = salience;
  e.attributes.salienceReason = reason;
}

/**
 * Marks background events and the one main event of a document in place. `reference` is the
 * document's publication date or estimated writing window (undefined when neither is known).
 */
export function markSalience(ctx: ExtractContext, events: Event[], reference: DateValue | undefined): Event[] {
  const lex = lexicon();
  const sentenceAt = (e: Event) => ctx.sentences.find((s) => s.start <= e.trigger.start && e.trigger.start < s.end);
  const background = new Set<Event>();
  const byDate = (e: Event, anchor: DateValue | undefined) => {
    if (!e.date || !anchor) return false;
    // a day must lie well before; a month or a year named as such ("in December") need only end before
    const far = e.date.precision === "day" ? lex.farDays : lex.coarseFarDays;
    if (daysBefore(e.date, anchor) <= far) return false;
    mark(e, "background", `dated ${e.date.iso}, well before the report`);
    background.add(e);
    return true;
  };
  for (const e of events) {
    if (UNREAL.has(e.modality)) continue;
    if (byDate(e, reference)) continue;
    const s = sentenceAt(e);
    const cue = s ? pastCue(ctx, s, e, lex) : undefined;
    if (cue) {
      mark(e, "background", cue);
      background.add(e);
    }
  }
  const candidates = events.filter((e) => !background.has(e) && !UNREAL.has(e.modality));
  const inLead = (e: Event) => (sentenceAt(e)?.index ?? Number.POSITIVE_INFINITY) < lex.lead;
  // the event the report is about: told in the lead, with a day, with a toll (its own counts or those
  // of a death or injury told in its sentence), with its doer, with a place; an attack before a death
  // or an injury that says the same; ties go to the earliest, so a headline wins
  const toll = (e: Event) => e.counts.some((c) => c.kind === "killed" || c.kind === "injured");
  const tollIn = (e: Event) =>
    toll(e) || candidates.some((o) => lex.related.has(o.type) && toll(o) && o.sentence?.start === e.sentence?.start);
  // a doer named with it: a group or state among its attackers, or a responsibility claim told in
  // its sentence or the next
  const claims = events.filter((o) => o.type === "claim_of_responsibility");
  const sentenceOf = (e: Event) => sentenceAt(e)?.index ?? -9;
  const doer = (e: Event) =>
    e.participants.some((p) => p.role === "attacker" && p.entity && groupEntity(ctx, p.entity)) ||
    claims.some((c) => sentenceOf(c) - sentenceOf(e) >= 0 && sentenceOf(c) - sentenceOf(e) <= 1);
  const score = (e: Event) =>
    (tollIn(e) ? 2 : 0) +
    (doer(e) ? 2 : 0) +
    (inLead(e) ? 1 : 0) +
    (e.date?.precision === "day" ? 2 : 0) +
    (e.place ? 1 : 0) -
    (lex.attack.has(e.type) ? 0 : 1);
  let best: Event | undefined;
  for (const e of candidates.filter((c) => lex.attack.has(c.type) || lex.casualty.has(c.type)))
    if (!best || score(e) > score(best)) best = e;
  const main =
    best ??
    candidates.find((e) => lex.related.has(e.type) && inLead(e)) ??
    candidates.find((e) => lex.related.has(e.type));
  if (!main) return events;
  mark(main, "main", best ? "the event the report leads with" : "first related event told");
  return events;
}
