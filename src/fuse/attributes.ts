// Turning the events and claims of one incident into the Incident record's attribute table: every value keeps
// its document, span, publication time and speaker, so contradictions, revisions and grades can be computed
// from the record itself.

import cueTable from "../../data/fusion/earlier-figure-cues.json" with { type: "json" };
import { type AttributeValue, type Claim, CountKind, type Event, type Incident } from "../model/records.js";
import type { EventFeatures } from "./clusterer.js";
import { countsConflict } from "./intervals.js";

const EARLIER_CUE = new RegExp(
  `\\b(?:${(cueTable as { cues: string[] }).cues.map((c) => c.replace(/\s+/g, "\\s+")).join("|")})\\b`,
  "i",
);

export interface DocContext {
  publishedAt?: string; // YYYY-MM-DD; absent for undated documents
}

export interface MemberEvent {
  ev: Event;
  feat: EventFeatures;
}

export interface AttributeContext {
  doc(id: string): DocContext | undefined;
  /** Canonical entity id of a document-local entity id. */
  canonical(doc: string, local: string | undefined): string | undefined;
}

type Perp = Incident["perpetrators"][number];

const COUNT_KEYS = new Set<string>(CountKind.options);
const ATTACKER_ROLES = new Set(["attacker", "perpetrator", "agent", "bomber", "gunman", "shooter", "suspect"]);
/** Participant roles kept on the incident as their own attributes (people harmed apart from things hit). */
const ROLE_ATTRIBUTE: Record<string, string> = { target: "target", victim: "victim", weapon: "instrument" };

function push(attrs: Record<string, AttributeValue[]>, key: string, v: AttributeValue): void {
  const list = attrs[key] ?? [];
  // Extraction may attach one printed number to several events of a sentence: keep one value per doc, span, value.
  // Other attributes keep one value per document and value (several triggers repeat one date or place).
  const counted = COUNT_KEYS.has(key);
  const dup = list.some(
    (x) =>
      x.doc === v.doc &&
      (!counted || (x.span?.start === v.span?.start && x.span?.end === v.span?.end)) &&
      JSON.stringify(x.value) === JSON.stringify(v.value),
  );
  if (dup) return;
  list.push(v);
  attrs[key] = list;
}

export function collectAttributes(
  events: MemberEvent[],
  claims: Claim[],
  ctx: AttributeContext,
): { attributes: Record<string, AttributeValue[]>; perpetrators: Perp[] } {
  const attrs: Record<string, AttributeValue[]> = {};
  const perps: Perp[] = [];
  const perpSeen = new Set<string>();
  const counted = new Map<AttributeValue, CountTime>();
  const addPerp = (p: Perp): void => {
    const k = `${p.entity}|${p.basis}|${p.by ?? ""}|${p.doc}`;
    if (perpSeen.has(k)) return;
    perpSeen.add(k);
    perps.push(p);
  };
  for (const { ev, feat } of events) {
    const published = ctx.doc(ev.doc)?.publishedAt;
    const speaker = ctx.canonical(ev.doc, ev.reportedBy);
    const base = (): Omit<AttributeValue, "value"> => {
      const v: Omit<AttributeValue, "value"> = { doc: ev.doc, event: ev.id };
      if (published) v.publishedAt = published;
      if (speaker) v.speaker = speaker;
      return v;
    };
    const negated = ev.modality === "negated" || ev.modality === "denied" || ev.modality === "hypothetical";
    // a toll told with an event of the past ("the 2017 attack killed 39") is that event's history, not this count
    if (feat.salience !== "background") {
      for (const c of ev.counts) {
        // "there were no other injuries" negates the injury and states its count: 0 is that statement's figure
        if (negated && !(ev.modality === "negated" && c.max === 0)) continue;
        // a part of the toll ("13 service members") or one victim told in passing keeps its mark, so that coding
        // never takes it for the incident's toll; a figure the text calls superseded counts as an earlier one
        const value: CountAttribute = { value: c.value, min: c.min, max: c.max, qualifier: c.qualifier };
        if (c.subset) value.subset = c.subset;
        if (c.individual) value.individual = true;
        const v: AttributeValue = { ...base(), span: c.span, value };
        const cue = !!c.earlier || earlierCue(ev, c);
        if (published) counted.set(v, { asOf: countAsOf(ev, feat, published), published, cue });
        push(attrs, c.kind, v);
      }
    }
    // a date set aside as the report's day (feat.date.stated) is not evidence of when the incident happened
    if (ev.date && feat.family !== "related" && !negated && !feat.date?.stated) {
      push(attrs, "date", { ...base(), span: ev.trigger, value: ev.date });
    }
    if (feat.place && feat.family !== "related") push(attrs, "place", { ...base(), value: feat.place });
    if ((feat.family === "attack" || feat.family === "accident") && ev.modality !== "hypothetical") {
      const value =
        feat.family === "attack" ? (negated ? "not an attack" : "attack") : negated ? "not an accident" : "accident";
      push(attrs, "nature", { ...base(), span: ev.trigger, value });
    }
    // how an earlier attack was carried out ("this month's suicide bombing" a strike answers) is not how this was
    for (const key of feat.salience === "background" ? [] : ["weapon", "suicide", "method"]) {
      const v = ev.attributes?.[key];
      if (v !== undefined) push(attrs, key, { ...base(), value: v });
    }
    // the relevance judgement of each member event: the incident is relevant when one of them is actual
    if (typeof ev.attributes?.relevance === "string")
      push(attrs, "relevance", { ...base(), value: ev.attributes.relevance });
    for (const p of ev.participants) {
      const id = ctx.canonical(ev.doc, p.entity);
      const role = p.role.toLowerCase();
      const key = ROLE_ATTRIBUTE[role];
      if (key) {
        // a thing is valued by what it is ("vehicles"), not how many or whose: the count and owner stay in its span
        const what = key === "victim" ? p.text : (p.description ?? p.text);
        const v: AttributeValue = { ...base(), value: key === "instrument" ? what : (id ?? what) };
        if (p.span) v.span = p.span;
        push(attrs, key, v);
      }
      // attackers no entity names ("two gunmen") are kept as written; named groups become perpetrators below
      if (ATTACKER_ROLES.has(role) && !id && !negated && feat.family === "attack") {
        // "they" is written as the phrase it refers to ("the guerrillas"), its span kept on the pronoun
        const v: AttributeValue = { ...base(), value: p.antecedent?.text ?? p.text };
        if (p.span) v.span = p.span;
        push(attrs, "attacker", v);
      }
      // only attack-like events name perpetrators: the "agent" of an arrest is the police
      if (ATTACKER_ROLES.has(role) && id && !negated && feat.family === "attack") {
        const basis = ev.modality === "claimed" ? "claimed" : ev.modality === "asserted" ? "attributed" : "suspected";
        const perp: Perp = { entity: id, basis, doc: ev.doc };
        if (speaker) perp.by = speaker;
        addPerp(perp);
        const v: AttributeValue = { ...base(), value: { entity: id, basis } };
        if (p.span) v.span = p.span;
        push(attrs, "perpetrator", v);
      }
    }
  }
  for (const c of claims) {
    if (c.kind !== "responsibility" && c.kind !== "attribution" && c.kind !== "accusation") continue;
    if (c.stance === "deny") continue;
    const speaker = ctx.canonical(c.doc, c.speaker);
    const target = ctx.canonical(c.doc, c.target);
    // A responsibility claim credits its target (or, when none is named, the speaker); attribution blames the target.
    const entity = c.kind === "responsibility" ? (target ?? speaker) : target;
    if (!entity) continue;
    const basis = c.stance === "doubt" ? "suspected" : c.kind === "responsibility" ? "claimed" : "attributed";
    const perp: Perp = { entity, basis, doc: c.doc };
    if (speaker) perp.by = speaker;
    addPerp(perp);
    const published = ctx.doc(c.doc)?.publishedAt;
    const v: AttributeValue = { value: { entity, basis }, doc: c.doc, span: c.content };
    if (published) v.publishedAt = published;
    if (speaker) v.speaker = speaker;
    push(attrs, "perpetrator", v);
  }
  markRestated(attrs, counted);
  return { attributes: attrs, perpetrators: perps };
}

interface CountTime {
  asOf: string; // YYYY-MM-DD the figure refers to
  published: string;
  cue: boolean; // its sentence says it is an earlier figure ("first said", "down from") before the number
}

/** True when the count's sentence has an earlier-figure cue before the number. */
function earlierCue(ev: Event, c: Event["counts"][number]): boolean {
  if (c.earlier) return true;
  const s = ev.sentence;
  if (!s || c.span.start < s.start || c.span.start > s.end) return false;
  return EARLIER_CUE.test(s.text.slice(0, c.span.start - s.start));
}

/**
 * The day a count held, as far as its own document says. A death, injury or arrest event dated in its own sentence
 * ("had reported eleven arrests on 5 January") gives its day; a toll carried by the attack event itself, an undated
 * one, or one whose date was carried over from another sentence is the report's current figure: that date says
 * when the attack happened, not when the dead were counted.
 */
function countAsOf(ev: Event, feat: EventFeatures, published: string): string {
  if (ev.attributes?.dateFrom) return published;
  if (feat.family === "related" && ev.date?.end && ev.date.end < published) return ev.date.end.slice(0, 10);
  return published;
}

/**
 * A report often retells how a figure moved ("officials had given 103 dead on Wednesday … now 84"). Per document
 * and count kind, the latest figure is the one with the latest as-of day (ties: the one told last, as such
 * accounts run forward in time); a value that contradicts it and refers to a day before publication, or whose
 * sentence calls it an earlier figure before the number ("first said 40", "down from 103"), is marked restated
 * (`asOf`), so it supports the earlier figure instead of disputing the document's own current one.
 */
function markRestated(attrs: Record<string, AttributeValue[]>, times: Map<AttributeValue, CountTime>): void {
  for (const [key, list] of Object.entries(attrs)) {
    if (!COUNT_KEYS.has(key)) continue;
    const byDoc = new Map<string, AttributeValue[]>();
    for (const v of list) if (times.has(v)) byDoc.set(v.doc, [...(byDoc.get(v.doc) ?? []), v]);
    for (const vs of byDoc.values()) {
      if (vs.length < 2) continue;
      // rank: as-of day, then no earlier-figure cue, then position in the text
      const rank = (v: AttributeValue): [string, number, number] => {
        const t = times.get(v);
        return [t?.asOf ?? "", t?.cue ? 0 : 1, v.span?.start ?? 0];
      };
      let latest = vs[0] as AttributeValue;
      for (const v of vs) {
        const [a, c, p] = rank(v);
        const [b, d, q] = rank(latest);
        if (a > b || (a === b && (c > d || (c === d && p > q)))) latest = v;
      }
      for (const v of vs) {
        const t = times.get(v);
        if (!t || v === latest || (t.asOf >= t.published && !t.cue)) continue;
        if (countsConflict(v.value as CountLike, latest.value as CountLike)) v.asOf = t.asOf;
      }
    }
  }
}

type CountLike = Parameters<typeof countsConflict>[0];

/** A count attribute's value: the interval, and whether it is a part of the toll or one person. */
export interface CountAttribute {
  value: number;
  min: number;
  max: number | null;
  qualifier: string;
  subset?: string;
  individual?: boolean;
}
