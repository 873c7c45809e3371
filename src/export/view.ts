// Lookups every exporter needs over an ExportInput: documents, outlets and their Admiralty reliability,
// canonical entities, events, and the span a fused attribute value rests on. Kept in one place so the
// STIX extension, the CSV codings and the briefing's footnotes cite exactly the same spans.

import laterCues from "../../data/fusion/later-figure-cues.json" with { type: "json" };
import { resolveArmedGroup } from "../extract/entities/groups.js";
import { valuesConflict } from "../fuse/contradictions.js";
import { haversineKm } from "../fuse/geo.js";
import { credibility } from "../fuse/grading.js";
import type {
  AttributeValue,
  Credibility,
  DateValue,
  Document,
  Entity,
  Event,
  Incident,
  Reliability,
  Source,
  Span,
} from "../model/records.js";
import type { ExportInput } from "./input.js";

export type Cite = Span;

export class ExportIndex {
  readonly docs = new Map<string, Document>();
  readonly sourcesByName = new Map<string, Source>();
  readonly entities = new Map<string, Entity>();
  readonly events = new Map<string, Event>();
  /** mention id → document id, to date canonical entities by the documents that mention them. */
  readonly mentionDoc = new Map<string, string>();

  constructor(readonly input: ExportInput) {
    for (const d of input.documents) this.docs.set(d.id, d);
    for (const s of input.sources) this.sourcesByName.set(s.name, s);
    for (const f of input.facts) {
      for (const m of f.mentions) this.mentionDoc.set(m.id, f.doc);
      for (const e of f.events) this.events.set(e.id, e);
      // Document-local entities are reachable as "<doc>#<local id>" when a record still points at one.
      for (const e of f.entities) this.entities.set(`${f.doc}#${e.id}`, e);
    }
    for (const e of input.fusion.entities) this.entities.set(e.id, e);
  }

  outletOf(docId: string): string {
    return this.docs.get(docId)?.outlet ?? "unknown outlet";
  }

  sourceOf(docId: string): Source | undefined {
    const outlet = this.docs.get(docId)?.outlet;
    return outlet ? this.sourcesByName.get(outlet) : undefined;
  }

  /** Admiralty reliability of the outlet that published a document; F (cannot be judged) when unknown. */
  reliabilityOf(docId: string): Reliability {
    return this.sourceOf(docId)?.reliability ?? "F";
  }

  /**
   * Publication day (YYYY-MM-DD) of a document; undefined when it states none, so callers print
   * "undated" (the day it was fetched says nothing about when it was written).
   */
  dayOf(docId: string): string | undefined {
    return this.docs.get(docId)?.publishedAt?.start;
  }

  entityName(id: string | undefined): string | undefined {
    if (!id) return undefined;
    return this.entities.get(id)?.name;
  }

  /** Documents whose mentions make up a canonical entity. */
  docsOfEntity(e: Entity): string[] {
    const out = new Set<string>();
    for (const m of e.mentions) {
      const d = this.mentionDoc.get(m);
      if (d) out.add(d);
    }
    return [...out];
  }

  /** The span a value rests on: its own span, else the sentence (or trigger) of the event it came from. */
  citeOf(v: AttributeValue): Cite | undefined {
    if (v.span) return v.span;
    const ev = v.event ? this.events.get(v.event) : undefined;
    return ev?.sentence ?? ev?.trigger;
  }

  /** A span re-cut from the stored text, so a footnote quotes exactly what the document says. */
  quote(span: Cite): string {
    const d = this.docs.get(span.doc);
    if (!d) return span.text;
    const cut = d.text.slice(span.start, span.end);
    return cut || span.text;
  }

  /** The sentence around a short span (for footnotes that quote a bare number), at most ~300 characters. */
  context(span: Cite): string | undefined {
    const text = this.docs.get(span.doc)?.text;
    if (!text || span.end - span.start >= 60) return undefined;
    let from = span.start;
    while (from > 0 && span.start - from < 200 && !/[.!?\n]/.test(text[from - 1]!)) from--;
    let to = span.end;
    while (to < text.length && to - span.end < 200 && !/[.!?\n]/.test(text[to]!)) to++;
    if (to < text.length && /[.!?]/.test(text[to]!)) to++;
    const s = text.slice(from, to).trim();
    return s.length > span.end - span.start ? s : undefined;
  }

  eventsOf(incident: Incident): Event[] {
    return incident.events.map((id) => this.events.get(id)).filter((e): e is Event => !!e);
  }
}

export interface CountSummary {
  attribute: string;
  values: (AttributeValue & { low: number; high: number | null })[];
  /** Lowest lower bound among credible values (sources not rated E, unless only E sources report). */
  lowest?: number;
  highest?: number;
  /** The best-supported current figure (see `currentFigure`): what a GTD coder records. */
  current?: number;
  disputed: boolean;
}

function asCount(v: unknown): { min: number; max: number | null } | undefined {
  const c = v as { min?: unknown; max?: unknown };
  if (typeof c?.min !== "number") return undefined;
  return { min: c.min, max: typeof c.max === "number" ? c.max : null };
}

/** Every value of a count attribute with the conservative (lowest credible) figure, as ACLED codes fatalities. */
export function countSummary(ix: ExportIndex, incident: Incident, attribute: string): CountSummary {
  const values = (incident.attributes[attribute] ?? []).flatMap((v) => {
    const c = asCount(v.value);
    return c ? [{ ...v, low: c.min, high: c.max }] : [];
  });
  const credible = values.filter((v) => ix.reliabilityOf(v.doc) !== "E");
  const pool = credible.length ? credible : values;
  const out: CountSummary = {
    attribute,
    values,
    disputed: new Set(values.map((v) => `${v.low}-${v.high}`)).size > 1,
  };
  if (pool.length) out.lowest = Math.min(...pool.map((v) => v.low));
  if (values.length) out.highest = Math.max(...values.map((v) => v.high ?? v.low));
  const current = currentFigure(ix, pool);
  if (current !== undefined) out.current = current;
  return out;
}

/**
 * The figure a careful coder records: the latest report's current figure, else the best corroborated one.
 * - Only a report's own current figures count: a figure it restates as earlier (`asOf`), a vague one ("dozens"),
 *   a part of the toll (`subset`: "13 service members"), one victim told in passing (`individual`) — unless no
 *   report gives a whole figure — and a figure of an event extraction marks as background are left out.
 * - Within one report the current figure is the first it gives (news writing leads with the current toll and
 *   tells earlier tallies, parts and single victims after it), unless a later one is told as newer (`reportFigure`).
 * - Across reports, the reports of the latest publication day decide when any report is dated (tolls are revised
 *   over days); among their figures, and among all figures when nothing is dated, the one most outlets give wins,
 *   then the larger.
 */
export function currentFigure(ix: ExportIndex, values: CountSummary["values"]): number | undefined {
  const isPart = (v: CountSummary["values"][number]) => {
    const c = v.value as { subset?: string; individual?: boolean };
    return !!(c?.subset || c?.individual);
  };
  // parts of the toll stand in only when no report gives a whole figure (then they are all that is known), a part
  // before one victim told in passing
  const whole = values.filter((v) => !isPart(v));
  if (whole.length) return currentOf(ix, whole);
  const parts = values.filter((v) => !(v.value as { individual?: boolean })?.individual);
  return currentOf(ix, parts.length ? parts : values);
}

function currentOf(ix: ExportIndex, values: CountSummary["values"]): number | undefined {
  const byDoc = new Map<string, Figure[]>();
  for (const v of values) {
    const c = v.value as { qualifier?: string };
    if (v.asOf || c?.qualifier === "vague") continue;
    if (v.event && ix.events.get(v.event)?.attributes?.salience === "background") continue;
    const at = v.span?.start ?? Number.MAX_SAFE_INTEGER;
    const q = c?.qualifier ?? "";
    byDoc.set(v.doc, [...(byDoc.get(v.doc) ?? []), { at, n: v.low, bound: BOUNDS.has(q), lower: LOWER.has(q) }]);
  }
  if (!byDoc.size) return undefined;
  const perDoc = new Map([...byDoc].map(([doc, fs]) => [doc, reportFigure(ix.docs.get(doc)?.text ?? "", fs)]));
  const outlets = new Map<number, Set<string>>();
  // independent support: one vote per outlet (a report without an outlet is its own)
  for (const [doc, n] of perDoc) outlets.set(n, (outlets.get(n) ?? new Set()).add(ix.docs.get(doc)?.outlet ?? doc));
  const day = (doc: string) => ix.docs.get(doc)?.publishedAt?.start;
  const latest = [...perDoc.keys()]
    .map(day)
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);
  const pool = latest ? [...perDoc].filter(([doc]) => day(doc) === latest).map(([, n]) => n) : [...perDoc.values()];
  const support = (n: number) => outlets.get(n)?.size ?? 0;
  return pool.sort((a, b) => support(b) - support(a) || b - a)[0];
}

/** Qualifiers of a figure told as a round bound rather than a count ("more than 70", "some 200", "about 40"). */
const BOUNDS = new Set(["at_least", "more_than", "about"]);
/** Bounds from below: a higher one within reach is the tighter statement of the same toll. */
const LOWER = new Set(["at_least", "more_than"]);

/** How far above a bound a later exact figure may lie and still state the same toll more precisely. */
const PRECISE_WITHIN = 1.5;

interface Figure {
  at: number;
  n: number;
  /** Told as a bound ("more than 70"), not as a count. */
  bound: boolean;
  /** A bound from below ("more than 70", "at least 15"). */
  lower: boolean;
}

const LATER_CUE = new RegExp(
  `\\b(?:${(laterCues as { cues: string[] }).cues.map((c) => c.replace(/\s+/g, "\\s+")).join("|")})\\b`,
  "i",
);

/**
 * One report's current figure: the first it gives, unless a figure after it is told as newer ("then announced
 * 84", "later statements gave 94") — a report retelling tallies oldest first ends on its current one — or the
 * first is a round bound that a later exact figure, or a higher bound from below, states more tightly ("more than 70
 * dead … 77 people were confirmed dead": 77; "over a dozen dead … at least 15": 15; a figure below the bound, or far
 * above it, is another count).
 */
function reportFigure(text: string, figures: Figure[]): number {
  const ordered = [...figures].sort((a, b) => a.at - b.at);
  let current = ordered[0] as Figure;
  for (const f of ordered.slice(1)) {
    const before = text.slice(Math.max(0, f.at - 80), f.at);
    const clause = before.slice(before.search(/[^.!?;]*$/));
    // "over a dozen dead … killing at least 15": a higher bound from below is tighter, as is an exact figure
    const tighter = !f.bound || (f.lower && current.lower);
    const precise = current.bound && tighter && f.n >= current.n && f.n <= current.n * PRECISE_WITHIN;
    if (f.n !== current.n && (precise || LATER_CUE.test(clause))) current = f;
  }
  return current.n;
}

/**
 * Information credibility (Admiralty 1–6) of one value: outlets supporting it versus outlets reporting a
 * conflicting value. Independence is approximated by outlet (copies within one outlet count once).
 */
export function gradeValue(ix: ExportIndex, incident: Incident, attribute: string, value: unknown): Credibility {
  const support = new Map<string, Reliability>();
  const against = new Set<string>();
  for (const v of incident.attributes[attribute] ?? []) {
    const outlet = ix.outletOf(v.doc);
    if (valuesConflict(attribute, value, v.value)) against.add(outlet);
    else support.set(outlet, ix.reliabilityOf(v.doc));
  }
  for (const o of support.keys()) against.delete(o);
  return credibility({ supporting: [...support.values()], contradicting: against.size });
}

export type PerpetratorBasis = Incident["perpetrators"][number]["basis"];

export interface PerpetratorSummary {
  entity: string;
  name: string;
  bases: PerpetratorBasis[];
  docs: string[];
  by: string[];
}

const BASIS_ORDER: Record<PerpetratorBasis, number> = { claimed: 0, attributed: 1, suspected: 2 };

/** Perpetrators grouped by entity, strongest basis first (claimed, attributed, suspected), then by support. */
export function perpetrators(ix: ExportIndex, incident: Incident): PerpetratorSummary[] {
  const by = new Map<string, PerpetratorSummary>();
  for (const p of incident.perpetrators) {
    const s = by.get(p.entity) ?? {
      entity: p.entity,
      name: ix.entityName(p.entity) ?? p.entity,
      bases: [],
      docs: [],
      by: [],
    };
    // a group saying it did the attack claims it, whatever verb extraction read ("JNIM said its fighters …")
    const basis = p.by === p.entity ? "claimed" : p.basis;
    if (!s.bases.includes(basis)) s.bases.push(basis);
    if (!s.docs.includes(p.doc)) s.docs.push(p.doc);
    if (p.by && !s.by.includes(p.by)) s.by.push(p.by);
    by.set(p.entity, s);
  }
  const best = (s: PerpetratorSummary): number => Math.min(...s.bases.map((b) => BASIS_ORDER[b]));
  // A branch named beside its parent (IS-K beside IS) is the more specific answer and comes first.
  const groupIds = new Map([...by.values()].map((s) => [s.entity, resolveArmedGroup(s.name)?.id]));
  const listed = new Set([...groupIds.values()].filter(Boolean));
  const branch = (s: PerpetratorSummary): number => {
    const parent = resolveArmedGroup(s.name)?.parent;
    return parent && listed.has(parent) ? 0 : 1;
  };
  // The claimant is the most specific group that claimed: a claim credited to a parent while its branch is named
  // as the doer in the incident ("the Islamic State claimed" beside "IS-K carried out") is the branch's, and the parent keeps its other
  // bases (or becomes attributed: the claim still ties it to the attack).
  // A branch that claimed in its own name beside a parent that did too (a coalition and its member group both
  // announcing the operation) leaves both claims standing; the branch still ranks first.
  const ownClaim = new Set([...by.values()].filter((s) => s.bases.includes("claimed")).map((s) => s.entity));
  for (const s of by.values()) {
    const id = groupIds.get(s.entity);
    if (!id || !s.bases.includes("claimed")) continue;
    // a branch only suspected does not take the claim: the claim and the suspicion may be about different doers
    const branches = [...by.values()].filter(
      (b) =>
        b !== s &&
        resolveArmedGroup(b.name)?.parent === id &&
        (b.bases.includes("claimed") || b.bases.includes("attributed")),
    );
    if (!branches.length) continue;
    for (const b of branches) if (!b.bases.includes("claimed")) b.bases.push("claimed");
    if (branches.some((b) => ownClaim.has(b.entity))) continue;
    s.bases = s.bases.filter((x) => x !== "claimed");
    if (!s.bases.length) s.bases.push("attributed");
  }
  return [...by.values()]
    .map((s) => ({ ...s, bases: [...s.bases].sort((a, b) => BASIS_ORDER[a] - BASIS_ORDER[b]) }))
    .sort(
      (a, b) =>
        best(a) - best(b) || branch(a) - branch(b) || b.docs.length - a.docs.length || a.name.localeCompare(b.name),
    );
}

/** Truthy suicide attribute (not negated) or a suicide-bombing event type. */
export function isSuicide(ix: ExportIndex, incident: Incident): boolean {
  const attr = (incident.attributes.suicide ?? []).some((v) => v.value === true || v.value === "true" || v.value === 1);
  return attr || ix.eventsOf(incident).some((e) => /suicide/i.test(`${e.type} ${e.subtype ?? ""}`));
}

/** Event type ids of an incident's events, attacks first, most frequent first. */
export function eventTypes(ix: ExportIndex, incident: Incident): string[] {
  const n = new Map<string, number>();
  for (const e of ix.eventsOf(incident)) {
    if (e.modality === "negated" || e.modality === "hypothetical") continue;
    n.set(e.type, (n.get(e.type) ?? 0) + 1);
  }
  if (!n.size) n.set(incident.type, 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
}

/** Plain strings of an attribute (weapon, method, target …), canonical entity names resolved. */
export function attributeTexts(ix: ExportIndex, incident: Incident, attribute: string): string[] {
  return textsOf(ix, incident, attribute, false);
}

/** Each value's text once, in order: its entity's name or the value as written, or (`phrases`) its span's text. */
function textsOf(ix: ExportIndex, incident: Incident, attribute: string, phrases: boolean): string[] {
  const out: string[] = [];
  for (const v of incident.attributes[attribute] ?? []) {
    const raw = typeof v.value === "string" ? v.value : undefined;
    const text = (phrases ? v.span?.text : undefined) ?? (raw ? (ix.entityName(raw) ?? raw) : undefined);
    if (text && !out.includes(text)) out.push(text);
  }
  return out;
}

/**
 * The phrases an attribute's values were read from, as written ("an Israel border policeman's car"), else their
 * values: a target is valued by what it is ("car"), but whose it is names its kind (police, a business).
 */
export function attributePhrases(ix: ExportIndex, incident: Incident, attribute: string): string[] {
  return textsOf(ix, incident, attribute, true);
}

/** The incident's date, or else the date its sources report most often (earliest on a tie). */
export function incidentDate(incident: Incident): DateValue | undefined {
  if (incident.date) return incident.date;
  const n = new Map<string, { v: DateValue; k: number }>();
  for (const a of incident.attributes.date ?? []) {
    const v = a.value as DateValue;
    if (typeof v?.start !== "string" || typeof v.iso !== "string") continue;
    const e = n.get(v.iso) ?? { v, k: 0 };
    e.k++;
    n.set(v.iso, e);
  }
  return [...n.values()].sort((a, b) => b.k - a.k || a.v.start.localeCompare(b.v.start))[0]?.v;
}

/** The place entity of an incident with its coordinates when known. */
export function placeOf(ix: ExportIndex, incident: Incident): Entity | undefined {
  if (incident.place) {
    const e = ix.entities.get(incident.place);
    if (e) return e;
  }
  const v = (incident.attributes.place ?? [])[0];
  return typeof v?.value === "string" ? ix.entities.get(v.value) : undefined;
}

/** How far from a facility a city named with it may lie and still be the city it is in. */
const FACILITY_CITY_KM = 40;

/**
 * The city an incident happened in. A city-level place is its own city; a facility (a shrine, a school, an airport)
 * is not a city: its city is the city-level place the incident's reports name most often in the same country, near
 * the facility when both have coordinates. Undefined when the place is coarser than a city or no such city is named.
 */
export function cityOf(ix: ExportIndex, incident: Incident, place: Entity | undefined): Entity | undefined {
  if (!place) return undefined;
  const geo = place.geo;
  if (geo?.precision === "city" || (!geo && place.type === "place")) return place;
  if (geo?.precision !== "facility" && place.type !== "facility") return undefined;
  const country = geo?.country ?? place.country;
  const near = (e: Entity): boolean => !geo || !e.geo || haversineKm(geo, e.geo) <= FACILITY_CITY_KM;
  const named = new Map<Entity, number>();
  for (const v of incident.attributes.place ?? []) {
    const e = typeof v.value === "string" ? ix.entities.get(v.value) : undefined;
    if (!e || e === place || e.geo?.precision !== "city") continue;
    if (country && (e.geo.country ?? e.country) !== country) continue;
    if (near(e)) named.set(e, (named.get(e) ?? 0) + 1);
  }
  return [...named].sort((a, b) => b[1] - a[1] || a[0].name.localeCompare(b[0].name))[0]?.[0];
}
