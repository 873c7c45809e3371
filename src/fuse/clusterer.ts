// Incremental incident clustering (cross-document event coreference). An attack-like event joins the best
// compatible incident or founds a new one; deaths, injuries, arrests and claims attach to an incident. Candidates
// come from indexes — day buckets and month buckets of dated incidents, place and country buckets of undated
// ones — so adding an event costs the same whether the engine holds ten thousand events or a million.
// Every link carries its reasons in words.

import { dayNumber, isoDay, monthKey } from "./days.js";
import type { Family } from "./families.js";
import { isJudicial } from "./follow-up.js";
import { haversineKm, SAME_PLACE_KM } from "./geo.js";
import type { IncidentLink } from "./types.js";

export interface EventDate {
  start: number;
  end: number;
  /** Day precision (or a range of at most three days). */
  precise: boolean;
  /** Not stated: derived from the publication date. */
  inferred: boolean;
  /** A stated date set aside as unreliable (see engine): used only to date an incident nothing else dates. */
  stated?: EventDate;
}

export interface EventFeatures {
  id: string;
  doc: string;
  type: string;
  family: Family;
  trigger: string;
  /** Character offset of the trigger in its document (for the text-proximity cue of related events). */
  offset?: number;
  date?: EventDate;
  place?: string;
  placeName?: string;
  geo?: { lat: number; lon: number; precision: string };
  country?: string;
  admin1?: string;
  /** Canonical ids of attackers, targets, victims … → surface text. */
  participants: Map<string, string>;
  /** Canonical ids of the named non-place entities of the whole document (lexical/entity overlap). */
  docEntities: Set<string>;
  /**
   * Extraction's salience: the document's main event, or an event told as background (history, an earlier
   * attack). Background events never found an incident; the main event decides the document's incident.
   */
  salience?: "main" | "background";
  /** Name tokens of the whole report (`names.ts`), carried by its main event only. */
  docNames?: Set<string>;
  /** Casualty figures of the whole report (`figures.ts`), carried by its main event only. */
  docFigures?: Set<string>;
  /**
   * Dates the report gives its background events (an earlier attack it retells), carried by its main event only:
   * a report long after an incident that recalls the incident's date is a follow-up of it.
   */
  recalls?: EventDate[];
  /** Canonical ids of the event's attackers (participants in the attacker role). */
  attackers?: Set<string>;
  /**
   * The report tells this main event as a response to an earlier attack (`response.ts`): it does not join an
   * incident carried out by another attacker, nor an older incident its report merely looks back on.
   */
  response?: boolean;
  /** Another event of a report whose main event is a response (it may tell the attack answered). */
  inResponse?: boolean;
  /**
   * The attack a judicial follow-up report retells (`follow-up.ts`), standing as its main event: it joins an
   * incident older than the follow-up window when it retells it (same place, and figures or names in common).
   */
  followUp?: boolean;
}

export interface BaseCluster {
  id: string;
  family: Family;
  events: string[];
  date?: { start: number; end: number; precise: boolean };
  places: Map<string, string>;
  geos: { lat: number; lon: number; precision: string; name: string }[];
  countries: Set<string>;
  admin1s: Set<string>;
  participants: Map<string, string>;
  entities: Set<string>;
  /** Name tokens (and `y:YYYY` year tokens) of the reports whose main event is here (bounded). */
  names: Set<string>;
  /** How many of `names` are years. */
  years: number;
  /** Casualty figures of the reports whose main event is here (bounded). */
  figures: Set<string>;
  types: Map<string, number>;
  docs: Set<string>;
  /** Per document, the trigger offsets of its attack-like events in this incident. */
  anchors: Map<string, number[]>;
  /**
   * Attackers of its non-background attack-like events, with how many events name each (optional: a state saved
   * before these fields existed loads without them).
   */
  attackers?: Map<string, number>;
  /** Attackers of the response reports' main events here: the incident is their response to another. */
  responders?: Set<string>;
  links: IncidentLink[];
}

export const ATTACK_THRESHOLD = 0.6;
/** How many incidents per place an undated mention is compared with (the most recent ones). */
const RECENT_PER_PLACE = 32;
/** How many undated incidents per place key stay candidates (the latest indexed; a country key gathers many). */
const UNDATED_PER_PLACE = 64;
export const RELATED_THRESHOLD = 0.5;
/** How long after an incident related events (arrests, claims, deaths of the injured) still attach. */
export const RELATED_WINDOW_DAYS = 60;
/** An undated mention in a report refers to something at most this long before publication. */
export const INFERRED_WINDOW_DAYS = 30;
/**
 * A death, injury or arrest told at most this many characters after an attack-like event of the same document is
 * read as that attack's toll (a paragraph's reach): "missiles struck Erbil … killed four civilians".
 */
export const PROXIMITY_CHARS = 500;
export const PROXIMITY_BONUS = 0.4;
export const PROXIMITY_TIEBREAK = 0.05;
const MAX_INDEXED_DAYS = 14;
const MAX_ENTITIES_PER_CLUSTER = 200;
const MAX_NAMES_PER_CLUSTER = 400;
const MAX_FIGURES_PER_CLUSTER = 64;
/** Added to the shared-names cue of a report's main event that has neither a stated date nor a place. */
const UNANCHORED_NAMES_BONUS = 0.1;
/** Per casualty figure a report shares with an incident's reports, at most FIGURE_CAP. */
const FIGURE_BONUS = 0.1;
const FIGURE_CAP = 0.2;
/** How many incidents per name token a report's main event is compared with (the most recent ones). */
const RECENT_PER_NAME = 16;
/** Weighted shared name tokens → score: many shared rare names say two reports tell one story. */
const NAME_STEPS: [number, number][] = [
  [10, 0.45],
  [7, 0.35],
  [5, 0.25],
  [2, 0.1],
];

interface Scored {
  score: number;
  reasons: string[];
  reject?: string;
}

const CITY = new Set(["city", "facility"]);

export class IncidentClusterer {
  readonly clusters = new Map<string, BaseCluster>();
  readonly clusterOf = new Map<string, string>(); // event id → base cluster id
  private byDay = new Map<number, Set<string>>();
  private byMonth = new Map<string, Set<string>>();
  /** Place key → undated incidents placed there, the oldest dropped past UNDATED_PER_PLACE (work per event stays bounded). */
  private undatedByPlace = new Map<string, Set<string>>();
  /** Place key → the most recent incidents placed there, dated or not (bounded, so lookups stay O(1)). */
  private recentByPlace = new Map<string, string[]>();
  private recentByName = new Map<string, string[]>();
  /** Name token → how many incidents hold it (a word many incidents share tells little). */
  private nameIncidents = new Map<string, number>();
  private undatedKeys = new Map<string, string[]>();
  private nextSeq = 0;

  constructor(private makeId: (founder: EventFeatures) => string) {}

  /**
   * Cluster one event; `docClusters` are the incidents this document's earlier events went to, the first being
   * the incident of its main event (the engine clusters that one first).
   */
  add(e: EventFeatures, docClusters: string[]): IncidentLink {
    return this.place(e, docClusters, true) as IncidentLink;
  }

  /** Attach an event to its report's incidents or another that fits; never found one (a follow-up told aside). */
  attachOnly(e: EventFeatures, docClusters: string[]): IncidentLink | undefined {
    return this.place(e, docClusters, false);
  }

  /**
   * Attach an event only if an incident clearly fits it; never found one. For events told as background: an
   * earlier attack named in passing joins that attack's incident when the store holds it, else stays history.
   * Its own document's incidents are not candidates (background is, by definition, not what the report is about).
   */
  join(e: EventFeatures): IncidentLink | undefined {
    return this.place(e, [], false);
  }

  /**
   * Whether a toll, arrest or claim of a report already placed in incident `main` carries a stated date its
   * incident cannot hold (before it, or past the follow-up window): history the report tells in passing ("the
   * group killed 27 guards in 2019"). It joins an incident the store holds for that day but never founds one.
   */
  outsideReport(e: EventFeatures, main: string | undefined): boolean {
    const d = main ? this.clusters.get(main)?.date : undefined;
    if (!d || e.family !== "related" || e.salience === "main" || !e.date || e.date.inferred) return false;
    return e.date.end < d.start - 1 || e.date.start - d.end > RELATED_WINDOW_DAYS;
  }

  /**
   * The incident an event would join (score at or above its threshold) among the store's candidates, without
   * attaching it; undefined when it would found one. The engine asks this of a report's other attack-like
   * events when its main event matches nothing: the report may date its main event wrongly.
   */
  probe(e: EventFeatures): string | undefined {
    if (this.clusterOf.has(e.id)) return this.clusterOf.get(e.id);
    const related = e.family === "related" || e.family === "other";
    const threshold = related ? RELATED_THRESHOLD : ATTACK_THRESHOLD;
    let best: { id: string; score: number } | undefined;
    for (const id of this.candidates(e, related)) {
      const c = this.clusters.get(id);
      if (!c) continue;
      const s = this.score(e, c, related, false);
      if (!s.reject && s.score >= threshold && (!best || s.score > best.score)) best = { id, score: s.score };
    }
    return best?.id;
  }

  private place(e: EventFeatures, docClusters: string[], mayFound: boolean): IncidentLink | undefined {
    const existing = this.clusterOf.get(e.id);
    if (existing) {
      return {
        event: e.id,
        doc: e.doc,
        incident: existing,
        founded: false,
        score: 0,
        explanation: "already clustered",
      };
    }
    const related = e.family === "related" || e.family === "other";
    let best: { c: BaseCluster; s: Scored } | undefined;
    const near = related ? this.nearestAnchor(e, docClusters) : undefined;
    const main = docClusters[0];
    const consider = (id: string, sameDoc: boolean): void => {
      const c = this.clusters.get(id);
      if (!c) return;
      const s = this.score(e, c, related, sameDoc, sameDoc && id === main);
      if (s.reject) return;
      if (near?.id === id) {
        // an undated toll has nothing but its place in the text to tell which attack it counts; a dated one
        // is placed by its date, and proximity only breaks ties
        s.score += e.date && !e.date.inferred ? PROXIMITY_TIEBREAK : PROXIMITY_BONUS;
        s.reasons.push(`follows its attack event ${near.distance} characters earlier in the text`);
      }
      if (!best || s.score > best.s.score) best = { c, s };
    };
    for (const id of docClusters) consider(id, true);
    const threshold = related ? RELATED_THRESHOLD : ATTACK_THRESHOLD;
    if (!best || best.s.score < threshold) {
      for (const id of this.candidates(e, related)) if (!docClusters.includes(id)) consider(id, false);
    }
    const chosen = best as { c: BaseCluster; s: Scored } | undefined;
    if (chosen && chosen.s.score >= threshold) {
      // A toll (death, injury, arrest) placed in another country than the incident's — the victims' home, a
      // hospital abroad, a geocoding slip ("Santa Maria" read as a Brazilian town) — joins without adding that place
      // to the incident's places, which would otherwise veto the incident's own later reports by distance or country.
      // (Also for a far town of the same country it cost ECB+ documents B³ 73.3 → 72.8; not done.)
      const aside = related && !!e.country && chosen.c.countries.size > 0 && !chosen.c.countries.has(e.country);
      this.attach(chosen.c, aside ? withoutPlace(e) : e);
      const link: IncidentLink = {
        event: e.id,
        doc: e.doc,
        incident: chosen.c.id,
        founded: false,
        score: round(chosen.s.score),
        explanation: `${describe(e)} joined ${chosen.c.id}: ${chosen.s.reasons.join("; ")} (score ${round(chosen.s.score)} ≥ ${threshold})`,
      };
      chosen.c.links.push(link);
      return link;
    }
    if (!mayFound) return undefined;
    const c = this.found(e);
    const why = chosen
      ? `best candidate ${chosen.c.id} scored ${round(chosen.s.score)} < ${threshold} (${chosen.s.reasons.join("; ")})`
      : "no compatible incident";
    const link: IncidentLink = {
      event: e.id,
      doc: e.doc,
      incident: c.id,
      founded: true,
      score: 1,
      explanation: `${describe(e)} founded ${c.id}: ${why}`,
    };
    c.links.push(link);
    return link;
  }

  /** The incident whose attack-like event comes last before `e` in its document, within PROXIMITY_CHARS. */
  private nearestAnchor(e: EventFeatures, docClusters: string[]): { id: string; distance: number } | undefined {
    if (e.offset === undefined) return undefined;
    let best: { id: string; distance: number } | undefined;
    for (const id of docClusters) {
      for (const at of this.clusters.get(id)?.anchors.get(e.doc) ?? []) {
        const distance = e.offset - at;
        if (distance < 0 || distance > PROXIMITY_CHARS) continue;
        if (!best || distance < best.distance) best = { id, distance };
      }
    }
    return best;
  }

  private found(e: EventFeatures): BaseCluster {
    const id = this.makeId(e);
    const c: BaseCluster = {
      id: this.clusters.has(id) ? `${id}-${++this.nextSeq}` : id,
      family: e.family,
      events: [],
      places: new Map(),
      geos: [],
      countries: new Set(),
      admin1s: new Set(),
      participants: new Map(),
      entities: new Set(),
      names: new Set(),
      years: 0,
      figures: new Set(),
      types: new Map(),
      docs: new Set(),
      anchors: new Map(),
      links: [],
    };
    this.clusters.set(c.id, c);
    this.attach(c, e);
    return c;
  }

  private attach(c: BaseCluster, e: EventFeatures): void {
    c.events.push(e.id);
    c.docs.add(e.doc);
    this.clusterOf.set(e.id, c.id);
    if ((e.family === "attack" || e.family === "accident") && e.offset !== undefined) {
      c.anchors.set(e.doc, [...(c.anchors.get(e.doc) ?? []), e.offset]);
    }
    c.types.set(e.type, (c.types.get(e.type) ?? 0) + 1);
    if (e.family === "attack" && e.salience !== "background" && e.attackers?.size) {
      c.attackers ??= new Map();
      for (const a of e.attackers) c.attackers.set(a, (c.attackers.get(a) ?? 0) + 1);
      if (e.response) {
        c.responders ??= new Set();
        for (const a of e.attackers) c.responders.add(a);
      }
    }
    if (e.family === "attack" && c.family !== "attack") c.family = "attack";
    if (e.place && !c.places.has(e.place)) {
      c.places.set(e.place, e.placeName ?? e.place);
      for (const k of placeKeys(e)) {
        const list = (this.recentByPlace.get(k) ?? []).filter((id) => id !== c.id);
        list.push(c.id);
        if (list.length > RECENT_PER_PLACE) list.shift();
        this.recentByPlace.set(k, list);
      }
    }
    if (e.geo && c.geos.length < 8) c.geos.push({ ...e.geo, name: e.placeName ?? "" });
    if (e.country) c.countries.add(e.country);
    if (e.admin1) c.admin1s.add(e.admin1);
    for (const [id, t] of e.participants) c.participants.set(id, t);
    for (const id of e.docEntities) if (c.entities.size < MAX_ENTITIES_PER_CLUSTER) c.entities.add(id);
    for (const w of e.docNames ?? []) {
      if (c.names.has(w) || c.names.size >= MAX_NAMES_PER_CLUSTER) continue;
      c.names.add(w);
      if (w.startsWith("y:")) c.years++;
      this.nameIncidents.set(w, (this.nameIncidents.get(w) ?? 0) + 1);
      const list = this.recentByName.get(w) ?? [];
      list.push(c.id);
      if (list.length > RECENT_PER_NAME) list.shift();
      this.recentByName.set(w, list);
    }
    for (const f of e.docFigures ?? []) if (c.figures.size < MAX_FIGURES_PER_CLUSTER) c.figures.add(f);
    // Only attack-like events with a stated date define when the incident happened; a judicial follow-up (an
    // execution months later) is not the attack and does not stretch its days.
    const wasUndated = !c.date;
    const d = e.date && !e.date.inferred ? e.date : !c.date ? e.date?.stated : undefined;
    if (d && !isJudicial(e) && (e.family === "attack" || c.family !== "attack")) {
      const before = c.date;
      if (!c.date) c.date = { start: d.start, end: d.end, precise: d.precise };
      else if (d.precise && !c.date.precise) c.date = { start: d.start, end: d.end, precise: true };
      else if (d.precise === c.date.precise) {
        c.date = {
          start: Math.min(c.date.start, d.start),
          end: Math.max(c.date.end, d.end),
          precise: c.date.precise,
        };
      }
      if (!before || before.start !== c.date.start || before.end !== c.date.end) this.indexDate(c);
    }
    if (wasUndated && !c.date) this.indexUndated(c, e);
    if (wasUndated && c.date) this.unindexUndated(c);
  }

  private indexDate(c: BaseCluster): void {
    if (!c.date) return;
    const { start, end } = c.date;
    if (c.date.precise || end - start < MAX_INDEXED_DAYS) {
      for (let d = start; d <= Math.min(end, start + MAX_INDEXED_DAYS); d++) addTo(this.byDay, d, c.id);
    }
    if (!c.date.precise) {
      for (let d = start; d <= end && d < start + 400; d += 28) addTo(this.byMonth, monthKey(d), c.id);
      addTo(this.byMonth, monthKey(end), c.id);
    }
  }

  private indexUndated(c: BaseCluster, e: EventFeatures): void {
    const keys = placeKeys(e);
    for (const k of keys) {
      addTo(this.undatedByPlace, k, c.id);
      const ids = this.undatedByPlace.get(k);
      // a Set iterates in insertion order: the first is the incident indexed longest ago
      for (const old of ids ?? []) {
        if ((ids?.size ?? 0) <= UNDATED_PER_PLACE) break;
        ids?.delete(old);
      }
    }
    this.undatedKeys.set(c.id, [...(this.undatedKeys.get(c.id) ?? []), ...keys]);
  }

  private unindexUndated(c: BaseCluster): void {
    for (const k of this.undatedKeys.get(c.id) ?? []) this.undatedByPlace.get(k)?.delete(c.id);
    this.undatedKeys.delete(c.id);
  }

  private candidates(e: EventFeatures, related: boolean): Set<string> {
    const out = new Set<string>();
    const d = e.date;
    if (d) {
      const lo = d.start - (related || d.inferred ? (d.inferred ? INFERRED_WINDOW_DAYS : RELATED_WINDOW_DAYS) : 1);
      const hi = d.end + 1;
      const span = hi - lo;
      if (span <= 400) {
        for (let x = lo; x <= hi; x++) for (const id of this.byDay.get(x) ?? []) out.add(id);
        const months = new Set<string>();
        for (let x = lo; x <= hi; x += 27) months.add(monthKey(x));
        months.add(monthKey(hi));
        for (const m of months) for (const id of this.byMonth.get(m) ?? []) out.add(id);
      }
    }
    for (const k of placeKeys(e)) for (const id of this.undatedByPlace.get(k) ?? []) out.add(id);
    for (const w of e.docNames ?? []) for (const id of this.recentByName.get(w) ?? []) out.add(id);
    if (!d || d.inferred) {
      // a mention without its own date ("the Kerman attack") may be a dated incident at the same place
      for (const k of placeKeys(e)) for (const id of this.recentByPlace.get(k) ?? []) out.add(id);
    }
    return out;
  }

  /**
   * A follow-up retells an incident when it tells the attack at the incident's place (town level, not a bare
   * country) with casualty figures or names its reports share.
   */
  private retells(e: EventFeatures, c: BaseCluster, p: { score: number; reject?: string }): boolean {
    if (p.reject || p.score < 0.35) return false;
    return sharedFigures(e, c).length > 0 || !!this.nameScore(e, c);
  }

  /**
   * Compatibility of an event with an incident, with reasons; `reject` vetoes. `docMain`: the incident is the one
   * the event's own document is about (its main event's).
   */

  score(e: EventFeatures, c: BaseCluster, related: boolean, sameDoc: boolean, docMain = false): Scored {
    const reasons: string[] = [];
    let score = 0;
    const p = this.placeScore(e, c, related);
    // one report, one incident: its events at the incident's place are that incident whatever day they carry
    const heldByPlace = docMain && !p.reject && p.score >= 0.35;
    // a place veto is set aside for the report's own incident unless the event lies abroad below country level
    const abroad = !!e.country && c.countries.size > 0 && !c.countries.has(e.country);
    const placeHolds = !p.reject || (docMain && !(abroad && !!e.geo && e.geo.precision !== "country"));
    // date
    if (e.date && c.date) {
      const gap = Math.max(0, e.date.start - c.date.end, c.date.start - e.date.end);
      const cd = fmtRange(c.date.start, c.date.end);
      if (related) {
        const after = e.date.start - c.date.end;
        if (e.date.end < c.date.start - 1)
          return { score, reasons, reject: `${fmt(e.date)} is before the incident (${cd})` };
        // an undated toll of a late follow-up already placed here carries only the report's day
        if (after > RELATED_WINDOW_DAYS && e.date.inferred && docMain && placeHolds)
          reasons.push(`undated toll in a report of ${isoDay(e.date.end)}, held by the report's incident`);
        else if (after > RELATED_WINDOW_DAYS)
          return { score, reasons, reject: `${fmt(e.date)} is ${after} days after ${cd}` };
        else {
          score += 0.2;
          reasons.push(
            gap === 0 ? `date ${fmt(e.date)} overlaps ${cd}` : `date ${fmt(e.date)} is ${after} days after ${cd}`,
          );
        }
      } else if (e.date.inferred) {
        const before = e.date.end - c.date.start;
        if (c.date.start > e.date.end + 1) return { score, reasons, reject: `incident ${cd} is after the report` };
        // a report published months after an incident is not about it unless something dates it there: a
        // follow-up (a trial, an execution, an anniversary) retells the attack with its date
        const recalled = (e.recalls ?? []).find((r) => r.start <= c.date!.end && r.end >= c.date!.start);
        // an undated mention in a report already placed in this incident (its main event is here, at a compatible
        // place) carries only the report's day, which says nothing of the mention's: "executed two men over the
        // attack" in a follow-up months later is that report's incident, not a new one
        const heldByReport = docMain && placeHolds;
        const retells = !recalled && !!e.followUp && this.retells(e, c, p);
        if (before > RELATED_WINDOW_DAYS && e.date.precise && !recalled && !heldByReport && !retells)
          return { score, reasons, reject: `report of ${isoDay(e.date.end)} is ${before} days after ${cd}` };
        if (before > RELATED_WINDOW_DAYS && !recalled && heldByReport) {
          reasons.push(`undated mention in a report of ${isoDay(e.date.end)}, held by the report's incident`);
        } else if (before > RELATED_WINDOW_DAYS && retells) {
          reasons.push(`follow-up of ${isoDay(e.date.end)} retells the incident: same place, shared figures or names`);
        } else if (recalled) {
          score += 0.1;
          reasons.push(`report of ${isoDay(e.date.end)} recalls ${fmt(recalled)}, the incident's date`);
        } else if (before <= INFERRED_WINDOW_DAYS) {
          score += 0.1;
          reasons.push(`undated mention in a report of ${isoDay(e.date.end)}, ${before} days after ${cd}`);
        }
      } else if (e.date.precise && c.date.precise) {
        // the hanging of an attack's perpetrators, told in a report of that attack, has its own later day
        const followsUp = docMain && placeHolds && isJudicial(e);
        if (gap > 1 && !heldByPlace && !followsUp)
          return { score, reasons, reject: `dates ${fmt(e.date)} and ${cd} are ${gap} days apart` };
        if (gap > 1 && followsUp && !heldByPlace)
          reasons.push(`${e.type} of ${fmt(e.date)} follows up the report's incident (${cd})`);
        else if (gap > 1)
          reasons.push(`date ${fmt(e.date)} set aside: ${gap} days from ${cd}, at the report's incident's place`);
        else {
          score += gap === 0 ? 0.35 : 0.25;
          reasons.push(gap === 0 ? `same date ${fmt(e.date)}` : `dates ${fmt(e.date)} and ${cd} one day apart`);
        }
      } else {
        if (gap > 0) return { score, reasons, reject: `date ${fmt(e.date)} does not overlap ${cd}` };
        score += 0.1;
        reasons.push(`date ${fmt(e.date)} overlaps ${cd} (coarse precision)`);
      }
    }
    // place
    if (p.reject) {
      // One report is about one incident: another event of it with a compatible (or no) date is that incident
      // unless it is placed in another country below country level (a strike across the border). A city far off
      // in the same country, or a bare country name, is more often the hospital town or an affiliation.
      if (!placeHolds) return { score, reasons, reject: p.reject };
      reasons.push(`place ${e.placeName ?? e.place} set aside: ${p.reject}`);
    } else {
      score += p.score;
      reasons.push(...p.reasons);
    }
    // participants
    const shared: string[] = [];
    for (const [id, text] of e.participants) if (c.participants.has(id)) shared.push(text);
    if (shared.length) {
      const w = Math.min(related ? 0.4 : 0.3, shared.length * (related ? 0.2 : 0.15));
      score += w;
      reasons.push(`shared participants: ${shared.slice(0, 4).join(", ")}`);
    }
    // entity overlap of the documents
    let common = 0;
    for (const id of e.docEntities) if (c.entities.has(id)) common++;
    if (common >= 2) {
      score += common >= 4 ? 0.2 : 0.1;
      reasons.push(`${common} named entities in common`);
    }
    // names the two reports share (town, party, hospital …), for a report's main event
    const names = this.nameScore(e, c);
    if (names) {
      score += names.score;
      reasons.push(names.reason);
      if (!sameDoc && !e.place && (!e.date || e.date.inferred)) {
        // a report that gives neither the day nor the place has nothing that could confirm the incident or rule
        // it out: the names it shares are the evidence there is
        score += UNANCHORED_NAMES_BONUS;
        reasons.push("undated, unplaced report");
      }
    }
    // casualty figures the reports share (language-neutral: digits read the same in every script)
    const figs = sharedFigures(e, c);
    if (figs.length) {
      score += Math.min(FIGURE_CAP, figs.length * FIGURE_BONUS);
      reasons.push(`casualty figures shared with its reports: ${figs.slice(0, 4).join(", ")}`);
    }
    // type
    if (c.types.has(e.type)) {
      score += 0.1;
      reasons.push(`same event type ${e.type}`);
    } else if (c.family === e.family) {
      score += 0.05;
      reasons.push(`same family ${e.family}`);
    }
    if (docMain) {
      // the report's main incident: an attack-like event joins it unless vetoed above; a toll only leans to it
      // (the proximity cue places a toll with the attack it follows)
      score += related ? 0.1 : 0.4;
      reasons.push("the report's main incident");
    }
    if (sameDoc) {
      // a death toll or an arrest in a report about an attack is, unless something vetoes it, about that attack
      score += related ? 0.3 : 0.2;
      reasons.push("same document");
      if (!related && (!e.date || e.date.inferred) && !e.place) {
        // an undated, unplaced "the attack" in a report is, unless vetoed, the attack the report is about
        score += 0.2;
        reasons.push("undated and unplaced mention in the same report");
      }
    }
    // a response is not the attack it answers, whichever report tells either
    const veto = related || (sameDoc && !e.inResponse) ? undefined : responseVeto(e, c);
    if (veto) return { score, reasons, reject: veto };
    return { score, reasons };
  }

  /**
   * The shared-names cue. Each name token the report shares with the incident's reports weighs 1 / (1 + the
   * incidents holding it that cannot be this incident: another day, another country, a town far off, other
   * years). Words a whole topic uses (the region, the navy, the group) are held by incidents of many days and
   * places and count little; the names of one story (its town, its party, its victims) count fully even when
   * that story's reports are still split over several undated fragments, which would otherwise dilute each
   * other. Two reports that both name years but share none tell stories of different years: no cue.
   */
  private nameScore(e: EventFeatures, c: BaseCluster): { score: number; reason: string } | undefined {
    if (!e.docNames?.size || !c.names.size) return undefined;
    let n = 0;
    let years = 0;
    let sharedYear = false;
    const apartFrom = new Map<string, boolean>();
    for (const w of e.docNames) {
      const held = c.names.has(w);
      if (w.startsWith("y:")) {
        years++;
        if (held) sharedYear = true;
      } else if (held) n += 1 / (1 + this.otherStories(w, c, apartFrom));
    }
    if (years && c.years > 0 && !sharedYear) return undefined;
    const step = NAME_STEPS.find(([k]) => n >= k);
    if (!step) return undefined;
    return { score: step[1], reason: `name words shared with its reports (weight ${round(n)})` };
  }

  /**
   * How many incidents holding name token `w`, besides `c`, cannot be the same event as `c` (estimated from the
   * most recent holders when more hold it).
   */
  private otherStories(w: string, c: BaseCluster, memo: Map<string, boolean>): number {
    const total = (this.nameIncidents.get(w) ?? 1) - 1;
    if (total <= 0) return 0;
    const recent = (this.recentByName.get(w) ?? []).filter((id) => id !== c.id);
    if (!recent.length) return total;
    let apart = 0;
    for (const id of recent) {
      let a = memo.get(id);
      if (a === undefined) {
        const h = this.clusters.get(id);
        a = !h || cannotBeOne(h, c);
        memo.set(id, a);
      }
      if (a) apart++;
    }
    return (apart * total) / recent.length;
  }

  private placeScore(e: EventFeatures, c: BaseCluster, related: boolean): Scored {
    const reasons: string[] = [];
    if (e.place && c.places.has(e.place)) {
      reasons.push(`same place ${e.placeName ?? e.place}`);
      return { score: 0.4, reasons };
    }
    if (e.geo && c.geos.length) {
      let nearest = Number.POSITIVE_INFINITY;
      let name = "";
      for (const g of c.geos) {
        if (!CITY.has(g.precision) || !CITY.has(e.geo.precision)) continue;
        const km = haversineKm(e.geo, g);
        if (km < nearest) {
          nearest = km;
          name = g.name;
        }
      }
      if (nearest <= SAME_PLACE_KM) {
        reasons.push(`${e.placeName ?? "place"} and ${name} are ${Math.round(nearest)} km apart`);
        return { score: 0.35, reasons };
      }
      if (Number.isFinite(nearest) && !related) {
        return {
          score: 0,
          reasons,
          reject: `${e.placeName ?? "place"} and ${name} are ${Math.round(nearest)} km apart`,
        };
      }
    }
    if (e.country && c.countries.size && !c.countries.has(e.country)) {
      if (!related)
        return { score: 0, reasons, reject: `different countries ${e.country} / ${[...c.countries].join(",")}` };
      return { score: 0, reasons };
    }
    if (e.admin1 && c.admin1s.has(e.admin1)) {
      reasons.push(`same province ${e.admin1}`);
      return { score: 0.15, reasons };
    }
    if (e.country && c.countries.has(e.country)) {
      reasons.push(`same country ${e.country}`);
      return { score: related ? 0.1 : 0.05, reasons };
    }
    return { score: 0, reasons };
  }
}

/**
 * Two incidents that cannot be one event: precise dates more than a day apart (or coarse ones that do not
 * overlap), no country in common, city-level places all farther apart than SAME_PLACE_KM, or years named by
 * their reports with none in common.
 */
export function cannotBeOne(a: BaseCluster, b: BaseCluster): boolean {
  if (a.date && b.date) {
    const gap = Math.max(0, a.date.start - b.date.end, b.date.start - a.date.end);
    if (a.date.precise && b.date.precise ? gap > 1 : gap > 0) return true;
  }
  if (a.countries.size && b.countries.size && ![...a.countries].some((x) => b.countries.has(x))) return true;
  const ca = a.geos.filter((g) => CITY.has(g.precision));
  const cb = b.geos.filter((g) => CITY.has(g.precision));
  if (ca.length && cb.length && !ca.some((g) => cb.some((h) => haversineKm(g, h) <= SAME_PLACE_KM))) return true;
  if (a.years > 0 && b.years > 0) {
    let shared = false;
    for (const w of a.names) if (w.startsWith("y:") && b.names.has(w)) shared = true;
    if (!shared) return true;
  }
  return false;
}

/** The attackers named by at least half as many of the incident's attack events as the most named one. */
export function leadAttackers(c: BaseCluster): Set<string> {
  const counts = c.attackers ?? new Map<string, number>();
  const top = Math.max(0, ...counts.values());
  return new Set([...counts].filter(([, n]) => 2 * n >= top).map(([a]) => a));
}

const overlaps = (a: Set<string>, b: Set<string>): boolean => [...a].some((x) => b.has(x));

/**
 * Why a response cannot be this incident, or why this incident's response cannot take this attack (undefined
 * when neither holds). A response by one attacker is not an attack by another ("Pakistan's retaliatory strike"
 * against an incident of Iran's strikes); a response told in an undated sentence of a report published two or more
 * days after a precisely dated incident, not carried out by that incident's attackers, is that report's new event,
 * not the older attack it answers. Conversely an attack by someone else does not join an incident that is a
 * response by its responders.
 */
function responseVeto(e: EventFeatures, c: BaseCluster): string | undefined {
  const mine = e.attackers ?? new Set<string>();
  const theirs = leadAttackers(c);
  const same = overlaps(mine, theirs);
  if (e.response) {
    if (mine.size && theirs.size && !same) return "a response by another attacker than the incident's";
    const d = e.date;
    if (!same && d?.inferred && d.precise && c.date?.precise && c.date.end < d.start - 1) {
      return `a response reported on ${isoDay(d.start)}, after the incident of ${fmtRange(c.date.start, c.date.end)} it answers`;
    }
    return undefined;
  }
  if (c.responders?.size && mine.size && !overlaps(mine, c.responders) && !same) {
    return "an attack by another attacker than the one whose response the incident is";
  }
  return undefined;
}

/** A copy of an event without its place (it still joins, and is still placed in its own document's facts). */
function withoutPlace(e: EventFeatures): EventFeatures {
  const out = { ...e };
  for (const k of ["place", "placeName", "geo", "country", "admin1"] as const) delete out[k];
  return out;
}

function sharedFigures(e: EventFeatures, c: BaseCluster): string[] {
  const out: string[] = [];
  for (const f of e.docFigures ?? []) if (c.figures.has(f)) out.push(f.replace(":", " "));
  return out;
}

function placeKeys(e: EventFeatures): string[] {
  const k: string[] = [];
  if (e.place) k.push(`p:${e.place}`);
  if (e.country) k.push(`c:${e.country}`);
  return k;
}

function addTo<K>(m: Map<K, Set<string>>, k: K, id: string): void {
  let s = m.get(k);
  if (!s) {
    s = new Set();
    m.set(k, s);
  }
  s.add(id);
}

function fmtRange(a: number, b: number): string {
  return a === b ? isoDay(a) : `${isoDay(a)}/${isoDay(b)}`;
}

function fmt(d: EventDate): string {
  return fmtRange(d.start, d.end);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function describe(e: EventFeatures): string {
  const bits = [e.type];
  if (e.date && !e.date.inferred) bits.push(fmt(e.date));
  if (e.placeName) bits.push(e.placeName);
  return `[${e.doc.slice(0, 8)}] ${e.family} event "${e.trigger}" (${bits.join(", ")})`;
}

export function toEventDate(start: string, end: string, inferred: boolean): EventDate | undefined {
  const s = dayNumber(start);
  const t = dayNumber(end);
  if (Number.isNaN(s) || Number.isNaN(t)) return undefined;
  return { start: s, end: t, precise: t - s <= 2, inferred };
}
