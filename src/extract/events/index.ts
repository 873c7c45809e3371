// Event extraction: triggers from the ontology lexicon, one event per type per sentence (the
// strongest trigger names it), then arguments, modality and attack attributes.
import type { CountValue, Event, Modality, Participant } from "../../model/records.js";
import { accidentCause } from "../claims/cause.js";
import type { ExtractContext, SentenceCtx } from "../context.js";
import {
  actorAfter,
  actorBefore,
  COUNT_KINDS,
  eventDate,
  eventParticipants,
  eventPlace,
  NEAR_COUNT_TYPES,
} from "./arguments.js";
import { eventType } from "./lexicon.js";
import { modalityOf } from "./modality.js";
import { withPronounDoers } from "./pronoun-doers.js";
import { markRelevance } from "./relevance.js";
import { checkRoles } from "./role-model.js";
import { frameParticipants } from "./roles.js";
import { markSalience, toldAsPastBefore } from "./salience.js";
import { lexiconStrongest, likeliestTrigger, type ScoredTrigger, scoreTriggers } from "./trigger-filter.js";
import { findTriggers, type TriggerMatch } from "./triggers.js";

export { modalityOf } from "./modality.js";
export { findTriggers } from "./triggers.js";

/** Modalities that make no sense for a type: a claim is not "claimed", a denial not "denied". */
const SKIP_MODALITY: Record<string, Modality[]> = {
  claim_of_responsibility: ["claimed"],
  denial: ["denied"],
  statement: ["reported"],
  accusation: ["reported", "claimed"],
  threat: ["reported"],
};

const ACTOR_KINDS: ReadonlySet<string> = new Set(["person", "organization", "armed_group", "state"]);
/** Event types whose own clause holds their own place (see `eventPlace`). */
const VIOLENT_TYPES: ReadonlySet<string> = new Set(["attack", "air_strike", "missile_strike", "armed_clash"]);

function attackAttributes(triggers: TriggerMatch[], sentence: string): Record<string, unknown> {
  const specific = triggers.find((t) => t.pattern.entry.subtype);
  let attackType = specific?.pattern.entry.subtype;
  let weapon = specific?.pattern.entry.weapon;
  if (!attackType) {
    // a generic "attack": read the weapon from the sentence
    if (/\b(?:bomb\w*|explos\w*|blast\w*|detonat\w*|ied)\b/i.test(sentence))
      [attackType, weapon] = ["Bombing/Explosion", "Explosives"];
    else if (/\b(?:gun\w*|shot|shoot\w*|opened fire|rifles?)\b/i.test(sentence))
      [attackType, weapon] = ["Armed Assault", "Firearms"];
    else [attackType, weapon] = ["Unknown", "Unknown"];
  }
  const suicide = triggers.some((t) => t.pattern.entry.suicide) || /\bsuicide\b/i.test(sentence);
  const def = eventType("attack");
  const sub = def?.subtypes?.find((s) => s.id === attackType);
  const attrs: Record<string, unknown> = { attackType, weapon, suicide };
  if (sub) attrs.gtd_attacktype = sub.gtd_attacktype;
  const w = weapon ? def?.weapons?.[weapon] : undefined;
  if (w) attrs.gtd_weaptype = w.gtd_weaptype;
  const acled =
    suicide && attackType === "Bombing/Explosion"
      ? { event_type: "Explosions/Remote violence", sub_event_type: "Suicide bomb" }
      : sub?.acled;
  if (acled) attrs.acled = acled;
  return attrs;
}

/**
 * A count that is not a toll of its event: a subset or another group (CountValue.subset; the executed
 * only outside an execution), or a count about one person when the document gives a toll of that kind.
 */
function sideCount(ctx: ExtractContext, c: CountValue, type: string): boolean {
  // the people put to death are what an execution counts
  if (c.subset === "executed") return type !== "execution";
  if (c.subset !== undefined) return true;
  if (!c.individual) return false;
  // a toll with a printed number: victims added up from phrases without one do not count
  return ctx.counts.some(
    (o) =>
      o.count.kind === c.kind &&
      !o.count.individual &&
      o.count.subset === undefined &&
      o.count.min > 1 &&
      !o.rule.startsWith("count:singular-victim"),
  );
}

function reportedBy(ctx: ExtractContext, s: SentenceCtx, cue: { start: number; end: number; text: string }) {
  const kinds = ACTOR_KINDS;
  if (/^according\s+to$/i.test(cue.text)) return actorAfter(ctx, s, cue.end, kinds);
  return actorBefore(ctx, s, cue.start, kinds) ?? actorAfter(ctx, s, cue.end, kinds);
}

/**
 * "unidentified gunmen murdered the mayor": the strongest trigger ("gunmen") names the event, but
 * another trigger of the same type in the sentence ("murdered") may hold arguments it cannot
 * reach; their phrases join it when they add a span the event does not have yet.
 */
function withOtherTriggers(
  ctx: ExtractContext,
  s: SentenceCtx,
  type: string,
  best: TriggerMatch,
  list: TriggerMatch[],
): Participant[] {
  const out = eventParticipants(ctx, s, type, best);
  for (const t of list) {
    if (t === best || (t.start < best.end && best.start < t.end)) continue;
    const subtype = t.pattern.entry.subtype;
    for (const p of frameParticipants(ctx, s, type, t, subtype)) {
      const overlaps = out.some((q) => q.span && p.span && q.span.start < p.span.end && p.span.start < q.span.end);
      if (!overlaps) out.push(p);
    }
  }
  return out;
}

function eventsInSentence(ctx: ExtractContext, s: SentenceCtx, next: () => string): Event[] {
  const triggers = scoreTriggers(ctx, s, findTriggers(s.text, s.start));
  if (!triggers.length) return [];
  const byType = new Map<string, ScoredTrigger[]>();
  for (const t of triggers) {
    const list = byType.get(t.pattern.type) ?? [];
    list.push(t);
    byType.set(t.pattern.type, list);
  }
  const out: Event[] = [];
  const doc = ctx.doc.id;
  for (const [type, list] of byType) {
    // the lexicon's strongest phrase anchors the event's arguments, date, place and modality, as the rules
    // around it were written for; it names the event (its trigger span) unless the trigger model doubts it
    // is an event mention: then the likeliest mention does ("exploded", not the "bomb" before it)
    const best = lexiconStrongest(list);
    const named = likeliestTrigger(list);
    const trigger = { doc, start: named.start, end: named.end, text: named.text };
    let mod = modalityOf(s.text, s.start, best.start, SKIP_MODALITY[type] ?? []);
    // "IS claimed the attack" makes the claim, not the attack, uncertain
    const claimCue = mod.cue;
    if (
      mod.modality === "claimed" &&
      claimCue &&
      triggers.some(
        (t) => t.pattern.type === "claim_of_responsibility" && t.start <= claimCue.start && claimCue.end <= t.end,
      )
    )
      mod = modalityOf(s.text, s.start, best.start, [...(SKIP_MODALITY[type] ?? []), "claimed"]);
    const kinds = COUNT_KINDS[type] ?? [];
    const near = NEAR_COUNT_TYPES.has(type);
    const found = ctx.counts
      .filter((c) => c.sentence === s.index && kinds.includes(c.count.kind))
      .filter((c) => !near || (c.count.span.start >= best.end && c.count.span.start - best.end <= 12))
      .map((c) => c.count);
    // parts, other groups and one-person counts beside a toll are kept apart from the event's tolls
    const counts = found.filter((c) => !sideCount(ctx, c, type));
    const otherCounts = found.filter((c) => sideCount(ctx, c, type));
    let confidence = best.pattern.entry.confidence;
    if ((type === "death" || type === "injury") && counts.length === 0) confidence *= 0.6;
    if (mod.modality !== "asserted") confidence *= 0.9;
    const ev: Event = {
      id: next(),
      doc,
      type,
      trigger,
      sentence: { doc, start: s.start, end: s.end, text: s.text },
      participants: withOtherTriggers(ctx, s, type, best, list),
      counts,
      modality: mod.modality,
      attributes: {},
      rule: best.pattern.entry.id,
      confidence: Math.round(confidence * 100) / 100,
    };
    if (otherCounts.length) ev.attributes.otherCounts = otherCounts;
    const date = eventDate(ctx, s, best.start, best.end, type);
    if (date) {
      ev.date = date.value;
      if (date.how !== "sentence") ev.attributes.dateFrom = date.how;
    }
    // another violent event's trigger, or a later one of this type told as past ("tied the strike to the Kerman
    // attack and to the earlier attack on the shrine in Shiraz"): a place after it is that mention's
    const others = triggers.filter(
      (t) =>
        VIOLENT_TYPES.has(t.pattern.type) &&
        (t.pattern.type !== type || (t.start > best.end && toldAsPastBefore(ctx, s, t.start))),
    );
    const place = eventPlace(ctx, s, best.end, others);
    if (place?.entity) ev.place = place.entity;
    if (mod.cue && (mod.modality === "reported" || mod.modality === "claimed" || mod.modality === "denied")) {
      const by = reportedBy(ctx, s, mod.cue);
      if (by?.entity) ev.reportedBy = by.entity;
      ev.attributes.modalityCue = mod.cue.text;
    }
    if (type === "attack") {
      ev.attributes = { ...ev.attributes, ...attackAttributes(list, s.text) };
      ev.subtype = ev.attributes.attackType as string;
      // an accident explanation offered in the sentence ("first said gas canisters had exploded") is kept so
      // fusion can set the accident theory against the attack
      const cause = accidentCause(s.text);
      if (cause && !cause.rejected) ev.attributes.cause = cause.cause;
    } else {
      const def = eventType(type);
      if (def?.acled)
        ev.attributes.acled = { event_type: def.acled.event_type, sub_event_type: def.acled.sub_event_type };
      if (best.pattern.entry.weapon) ev.attributes.weapon = best.pattern.entry.weapon;
    }
    const def = eventType(type);
    if (def?.plover?.category) ev.attributes.plover = def.plover.category;
    out.push(ev);
  }
  // A claim of responsibility names the attacker of an attack in the same sentence.
  const claim = out.find((e) => e.type === "claim_of_responsibility");
  const claimant = claim?.participants.find((p) => p.role === "claimant");
  if (claimant) {
    for (const e of out) {
      if (e.type === "attack" && !e.participants.some((p) => p.role === "attacker"))
        e.participants.push({ ...claimant, role: "attacker" });
    }
  }
  return out;
}

/** All events of a document, in text order, with deterministic ids `${doc.id.slice(0,12)}:ev${n}`. */
export function extractEvents(ctx: ExtractContext): Event[] {
  let n = 0;
  const prefix = ctx.doc.id.slice(0, 12);
  const next = () => `${prefix}:ev${n++}`;
  const out: Event[] = [];
  for (const s of ctx.sentences) out.push(...eventsInSentence(ctx, s, next));
  // relevance reads salience (history is told as background), so it is judged last
  return markRelevance(ctx, markSalience(ctx, checkRoles(ctx.doc.text, withPronounDoers(ctx, out)), ctx.reference));
}
