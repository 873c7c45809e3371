// The fusion engine: a pure in-memory state built by adding documents one at a time (the store replays them at
// start-up). It resolves entities across documents, clusters events into incidents, keeps every attribute value
// with its source, finds contradictions, and grades values by independent corroboration. Analyst overrides are a
// layer applied over the automatic result: stored, reversible, and re-applied on every replay.
import { createHash } from "node:crypto";
import { armedGroup } from "../extract/entities/groups.js";
import { dateRange } from "../model/dates.js";
import { slug } from "../model/document.js";
import type {
  AttributeValue,
  Claim,
  Contradiction,
  DocFacts,
  Document,
  Entity,
  Event,
  Incident,
  Reliability,
  Source,
} from "../model/records.js";
import { EntityResolver, type EntityUnmerge, localRef } from "../resolve/entities/resolver.js";
import { type Assessor, assessIncident, type IncidentAssessment } from "./assessment.js";
import { collectAttributes, type MemberEvent } from "./attributes.js";
import { type EventFeatures, IncidentClusterer, toEventDate } from "./clusterer.js";
import { channelOf, findContradictions, valuesConflict } from "./contradictions.js";
import { isoDay } from "./days.js";
import { mainEventOf, type ReportPlace, withReportContext } from "./document.js";
import { EntityIncidents } from "./entity-incidents.js";
import { familyOf } from "./families.js";
import { figureTokens } from "./figures.js";
import { isJudicial, retoldAttack } from "./follow-up.js";
import { credibility, gradeLabel } from "./grading.js";
import { assignIdentity, emptyIdentity, type IncidentIdentity, resolveAlias } from "./identity.js";
import { IncidentLayers, StoredIncidents, splitTarget } from "./incident-layers.js";
import { IndependenceGroups } from "./independence.js";
import { nameTokens, translatedNameTokens, yearTokens } from "./names.js";
import { NearDuplicateIndex } from "./neardup.js";
import { isResponseReport } from "./response.js";
import { loadRows, type StatePart, type StateRow, stateRows, TrackedMap, trackMaps, unpackValue } from "./state.js";
import { type Corroboration, type FusionChanges, type FusionDelta, type FusionInput, Override } from "./types.js";

interface DocRecord {
  /** The document without its text (read once, for near-duplicates, when it is added). */
  doc: Document;
  source?: Source;
  outlet: string;
  published?: string;
  events: string[];
  claims: Claim[];
  duplicates: { doc: string; similarity: number }[];
}

const hash = (s: string): string => createHash("sha1").update(s).digest("hex").slice(0, 12);

/** How specific a place entity is: facility 4, city 3, province 2, country/region 1, unknown 0. */
function specificity(e: Entity | undefined): number {
  if (!e) return 0;
  if (e.type === "facility" || e.geo?.precision === "facility") return 4;
  if (e.geo?.precision === "city") return 3;
  if (e.geo?.precision === "admin1") return 2;
  if (e.type === "state" || e.geo) return 1;
  return 0;
}

/**
 * The day most documents give for an incident, when more than half of the documents dating it agree (a claim-day
 * or late-night "Thursday" in a minority of reports should not turn the incident into a range). Each document
 * votes once, for the earliest day it gives: its later days are usually when a claim or a statement came.
 */
function modalDay(dated: MemberEvent[]): ReturnType<typeof dateRange> | undefined {
  const earliest = new Map<string, number>();
  for (const m of dated) {
    const d = m.feat.date;
    if (!d || d.start !== d.end) continue;
    const prev = earliest.get(m.ev.doc);
    if (prev === undefined || d.start < prev) earliest.set(m.ev.doc, d.start);
  }
  const votes = new Map<number, number>();
  for (const day of earliest.values()) votes.set(day, (votes.get(day) ?? 0) + 1);
  let best: [number, number] | undefined;
  for (const [day, n] of votes) if (!best || n > best[1] || (n === best[1] && day < best[0])) best = [day, n];
  const docs = new Set(dated.map((m) => m.ev.doc)).size;
  if (!best || best[1] * 2 <= docs) return undefined;
  const iso = isoDay(best[0]);
  return dateRange(iso, iso);
}

/**
 * Perpetrator compatibility: two canonical armed groups where one is the other's branch (gazetteer `parent`),
 * or a state and a nationality of one country ("Israel" / "Israeli": extraction keeps both forms).
 */
function groupFamily(entity: EntityLookup): (a: string, b: string) => boolean {
  return (a, b) => {
    const ca = stateCountry(entity.get(a));
    if (ca && ca === stateCountry(entity.get(b))) return true;
    const ga = gazetteerGroup(entity.get(a));
    const gb = gazetteerGroup(entity.get(b));
    if (!ga || !gb) return false;
    return armedGroup(ga)?.parent === gb || armedGroup(gb)?.parent === ga;
  };
}

type EntityLookup = { get(id: string): Entity | undefined };

const gazetteerGroup = (e: Entity | undefined): string | undefined =>
  /gazetteer:armed-groups:([\w-]+)/.exec(e?.rule ?? "")?.[1] || undefined;

/** The country of a state or nationality entity. */
function stateCountry(e: Entity | undefined): string | undefined {
  const cc = e?.country ?? e?.geo?.country;
  return e && (e.type === "state" || e.type === "nationality") && cc ? cc.toUpperCase() : undefined;
}

/** A state and the nationality of its country share one perpetrator key ("country:IL"). */
function actorKey(entity: EntityLookup): (id: string) => string {
  return (id) => {
    const cc = stateCountry(entity.get(id));
    return cc ? `country:${cc}` : id;
  };
}

/** What of a canonical entity an incident's record reads (its name, place specificity, group and country). */
function entitySignature(e: Entity): string {
  return JSON.stringify([
    e.name,
    e.type,
    e.geo?.precision ?? null,
    e.country ?? e.geo?.country ?? null,
    gazetteerGroup(e) ?? null,
  ]);
}

/** Canonical entity ids an incident's record or contradictions name (its place, perpetrators, speakers …). */
const ENTITY_ID = /(?<![\w-])ent-(?:split-)?[0-9a-f]{12}(?:-\d+)?/g;

/**
 * The place an incident is named after: the places of its core events weighted by the documents that give
 * them; among those with at least half the best support, the most specific (facility › city › province ›
 * country), then the best supported.
 */
function titlePlace(
  pool: MemberEvent[],
  ctx: Parameters<typeof collectAttributes>[2],
  canon: EntityLookup,
): string | undefined {
  const support = new Map<string, Set<string>>();
  for (const m of pool) {
    const pid = m.ev.place ? ctx.canonical(m.ev.doc, m.ev.place) : undefined;
    if (pid) support.set(pid, (support.get(pid) ?? new Set()).add(m.ev.doc));
  }
  if (!support.size) return undefined;
  // a town in a province (or a region named like one) the other reports give agrees with them: "in the province"
  // and "in a district town of the province" are one place told at two precisions, and the town is the more exact
  const coarse = [...support.keys()].filter((id) => {
    const p = canon.get(id)?.geo?.precision;
    return p === "admin1" || p === "region";
  });
  for (const [id, docs] of [...support.entries()]) {
    const geo = canon.get(id)?.geo;
    if (geo?.precision !== "city" || !geo.admin1) continue;
    for (const r of coarse) {
      const region = canon.get(r);
      if ((region?.geo?.admin1 ?? region?.name) !== geo.admin1) continue;
      if (region?.geo?.country && region.geo.country !== geo.country) continue;
      support.set(id, new Set([...docs, ...(support.get(r) ?? [])]));
    }
  }
  const top = Math.max(...[...support.values()].map((d) => d.size));
  const ranked = [...support.entries()]
    .filter(([, d]) => d.size * 2 >= top)
    .map(([id, d]) => ({ id, n: d.size, spec: specificity(canon.get(id)) }))
    .sort((a, b) => b.spec - a.spec || b.n - a.n || (a.id < b.id ? -1 : 1));
  return ranked[0]?.id;
}

const NAMED = new Set(["person", "organization", "armed_group", "facility"]);

export interface FusionOptions {
  overrides?: Override[];
  /** Incident ids of the previous fusion: clusters keep them (see identity.ts). */
  identity?: IncidentIdentity;
  /** Near-duplicate Jaccard threshold (default 0.6). */
  duplicateThreshold?: number;
}

/**
 * The layout of the saved state. A state saved under another one is not continued from: the app rebuilds (2:
 * near-duplicate buckets capped, so an older state's longer buckets and duplicate lists differ from a rebuild's).
 */
export const STATE_FORMAT = 2;

const tracked = <K, V>(): TrackedMap<K, V> => new TrackedMap<K, V>(undefined, false);

/** The order documents are replayed in (the store's: publication start, undated last, then id). */
export const replayKey = (doc: Pick<Document, "id" | "publishedAt">): string =>
  `${doc.publishedAt?.start ?? "\uffff"}\u0000${doc.id}`;

export class FusionEngine {
  private resolver = new EntityResolver();
  private clusterer = new IncidentClusterer((e) => `inc-${hash(e.id)}`);
  // records of what was added: written once, when added (so saved when set, never re-read as changed)
  private docs = tracked<string, DocRecord>();
  private events = tracked<string, MemberEvent>();
  private docClusters = tracked<string, string[]>();
  private dups: NearDuplicateIndex;
  private groups = new IndependenceGroups();
  /**
   * What incremental fusion (`changes()`) keeps beside the clusters, per engine incident ("layer"): its events and
   * claims in the order a full materialisation groups them, its stable id, the entities its record names; per
   * document the incidents it is in. Saved with the state; every value is replaced with `set`, never mutated in
   * place.
   */
  private inc = {
    layerEvents: tracked<string, string[]>(),
    layerClaims: tracked<string, [string, number][]>(),
    docLayers: tracked<string, string[]>(),
    entitySig: tracked<string, string>(),
    idMembers: tracked<string, [string, string]>(),
    idAliases: tracked<string, string>(),
    stableOf: tracked<string, string>(),
    layerOf: tracked<string, string>(),
    outletNames: tracked<string, string>(),
    /** "last": replay key of the newest document added; anything else the caller stores with the state. */
    meta: tracked<string, string | number>(),
  };
  /** Per canonical entity, the incidents whose record reads it (kept with `inc`). */
  private entityIncidents = new EntityIncidents();
  /** Whether `inc` describes every document added before the pending ones. */
  private synced = true;
  private pending = { docs: [] as string[], entities: new Set<string>(), regroup: new Set<string>() };
  private overrides = new Map<string, Override>();
  private prevIdentity: IncidentIdentity;
  private stored: StoredIncidents;
  /** Incident overrides over the clusters; rebuilt lazily since they are found by member events. */
  private incLayers?: IncidentLayers;
  private cache?: {
    incidents: Incident[];
    byId: Map<string, Incident>;
    identity: IncidentIdentity;
    aliases: Map<string, string>;
    stableOf: Map<string, string>;
    contradictions: Contradiction[];
    related: (a: string, b: string) => boolean;
  };

  constructor(opts: FusionOptions = {}) {
    this.dups = new NearDuplicateIndex(opts.duplicateThreshold);
    this.prevIdentity = opts.identity ?? emptyIdentity();
    this.stored = StoredIncidents.of(this.prevIdentity);
    trackMaps(this.stateParts());
    for (const o of opts.overrides ?? []) this.overrides.set(o.id, Override.parse(o));
    this.rebuildLayers();
    this.synced = true;
  }

  // ---------- saved state ----------

  private stateParts(): StatePart[] {
    return [
      { name: "engine", obj: { docs: this.docs, events: this.events, docClusters: this.docClusters } },
      { name: "inc", obj: this.inc },
      {
        name: "entityIncidents",
        obj: this.entityIncidents,
        skip: EntityIncidents.derived,
        explicit: new Set(["pairs"]),
      },
      // byRef holds the clusters' members again: rebuilt from them on load
      { name: "resolver", obj: this.resolver, skip: new Set(["layer", "byRef"]) },
      { name: "clusterer", obj: this.clusterer, explicit: new Set(["clusters"]) },
      // a signature is read for every candidate: tracking reads would rewrite each candidate's row
      { name: "dups", obj: this.dups, explicit: new Set(["sigs", "buckets"]) },
      { name: "groups", obj: this.groups },
    ];
  }

  /** State rows: all of them, or what changed since the last call (what `add` and `changes` touched). */
  saveState(all: boolean): StateRow[] {
    return stateRows(this.stateParts(), all);
  }

  /** Continues from saved rows (on a freshly constructed engine with the same overrides and identity). */
  loadState(rows: Iterable<Pick<StateRow, "part" | "key" | "value">>): void {
    const all = [...rows];
    loadRows(this.stateParts(), all);
    // a state saved before entityIncidents was pairs kept one list per entity
    const legacy = all.flatMap((r): [string, string[]][] =>
      r.part === "inc.entityIncidents" && r.value !== null
        ? [[JSON.parse(r.key) as string, unpackValue(r.value) as string[]]]
        : [],
    );
    this.entityIncidents.reindex(legacy);
    this.resolver.restoreRefs();
    this.rebuildLayers();
    this.synced = true;
  }

  meta(key: string): string | number | undefined {
    return this.inc.meta.get(key);
  }

  setMeta(key: string, value: string | number): void {
    this.inc.meta.set(key, value);
  }

  add(input: FusionInput): FusionDelta {
    const { doc, facts } = input;
    const delta: FusionDelta = { doc: doc.id, created: [], touched: [], entities: [], links: [], duplicateOf: [] };
    if (this.docs.has(doc.id)) return delta;
    this.cache = undefined;
    this.incLayers = undefined;
    const outlet = input.source?.id ?? (doc.outlet ? slug(doc.outlet) : `doc:${doc.id}`);
    const rec: DocRecord = {
      doc: { ...doc, text: "" },
      outlet,
      events: [],
      claims: facts.claims,
      duplicates: [],
    };
    if (input.source) rec.source = input.source;
    // an undated document has no report day: the day it was read says nothing about the events
    const published = doc.publishedAt?.start;
    if (published) rec.published = published;
    this.docs.set(doc.id, rec);
    this.pending.docs.push(doc.id);
    const key = replayKey(doc);
    if (String(this.inc.meta.get("last") ?? "") < key) this.inc.meta.set("last", key);
    const shown = input.source?.name ?? doc.outlet ?? (doc.title ? `“${doc.title.slice(0, 40)}”` : undefined);
    if (shown && !this.inc.outletNames.has(outlet)) this.inc.outletNames.set(outlet, shown);
    // independence: same outlet, and near-duplicate copies
    this.groups.union(doc.id, `outlet:${outlet}`);
    rec.duplicates = this.dups.add(doc.id, doc.text);
    for (const d of rec.duplicates) {
      this.regroup(doc.id, d.doc);
      this.groups.union(doc.id, d.doc);
      delta.duplicateOf.push(d.doc);
    }
    // entities
    const mentionIds = new Map<string, string[]>();
    for (const m of facts.mentions) {
      if (!m.entity) continue;
      mentionIds.set(m.entity, [...(mentionIds.get(m.entity) ?? []), m.id]);
    }
    const map = this.resolver.addDocument(doc.id, facts.entities, mentionIds);
    delta.entities = [...new Set(map.values())];
    for (const id of delta.entities) this.pending.entities.add(id);
    // events: attacks first so that related events of the same document find their incident
    const docEntities = new Set<string>();
    for (const e of facts.entities) {
      if (!NAMED.has(e.type)) continue;
      const id = this.resolver.baseOf(localRef(doc.id, e.id));
      if (id) docEntities.add(id);
    }
    const feats = facts.events
      .map((ev) => this.features(ev, rec, docEntities))
      .filter((x): x is MemberEvent => x !== undefined && x.feat.family !== "other");
    // the main event first (its incident is the report's), then attacks, accidents, related events
    const order = { attack: 0, accident: 1, related: 2, other: 3 } as const;
    const rank = (m: MemberEvent) => (m.feat.salience === "main" ? -1 : order[m.feat.family]);
    feats.sort((a, b) => rank(a) - rank(b));
    const extracted = mainEventOf(feats.map((m) => m.feat));
    // a judicial follow-up (the attackers hanged months later) is read by the attack it retells
    const retold =
      extracted &&
      retoldAttack(
        doc.text,
        extracted,
        feats.map((m) => m.feat),
      );
    const main = retold ?? extracted;
    if (retold && extracted) {
      delete extracted.salience;
      retold.salience = "main";
      retold.followUp = true;
      feats.sort((a, b) => Number(b.feat === retold) - Number(a.feat === retold));
    }
    for (const m of feats) {
      if (m.feat !== main) continue;
      if (main.family === "attack" && isResponseReport(doc.text, main.offset, doc.title)) main.response = true;
      m.feat = withReportContext(
        main,
        feats.map((x) => x.feat),
        this.reportPlaces(doc.id, facts),
      );
      const groups = facts.entities.filter((e) => NAMED.has(e.type) && e.type !== "place").map((e) => e.name);
      m.feat.docNames = new Set([
        ...nameTokens(doc.text),
        ...yearTokens(doc.text),
        ...translatedNameTokens(doc.text, groups),
      ]);
      m.feat.docFigures = figureTokens(facts.events);
      const recalls = feats.flatMap((x) =>
        x.feat.salience === "background" && x.feat.date && !x.feat.date.inferred ? [x.feat.date] : [],
      );
      if (recalls.length) m.feat.recalls = recalls;
    }
    if (main?.response) for (const m of feats) if (m.feat.id !== main.id) m.feat.inResponse = true;
    const docClusters: string[] = [];
    // A main event that matches nothing may carry a wrong day (a misdated page): when another attack-like event of
    // the report joins a stored incident, that incident is the report's, and the main event is weighed against it.
    // Not for a response: its report's other attacks are mostly the attack it answers.
    const lead = feats.find((m) => m.feat.salience !== "background" && m.feat.docNames);
    if (lead && !lead.feat.response && !this.clusterer.probe(lead.feat)) {
      for (const m of feats) {
        if (m === lead || m.feat.salience === "background" || m.feat.family === "related") continue;
        const id = this.clusterer.probe(m.feat);
        if (id) {
          docClusters.push(id);
          break;
        }
      }
    }
    // history joins an incident the store holds but never founds one; so does an attack that did not happen ("were
    // planning to attack churches") beside a report's main event — a report of a foiled attack alone still founds
    const hasMain = feats.some((m) => m.feat.salience === "main");
    const joinOnly = (m: MemberEvent) =>
      m.feat.salience === "background" ||
      (hasMain && m.feat.family === "attack" && (m.ev.modality === "hypothetical" || m.ev.modality === "negated"));
    for (const m of feats) {
      const history = joinOnly(m) || this.clusterer.outsideReport(m.feat, docClusters[0]);
      // an execution beside a report's own incident follows up an attack; alone it does not found another
      const aside = isJudicial(m.feat) && m.feat.salience !== "main" && docClusters.length > 0;
      const link = history
        ? this.clusterer.join(m.feat)
        : aside
          ? this.clusterer.attachOnly(m.feat, docClusters)
          : this.clusterer.add(m.feat, docClusters);
      if (!link) continue; // history the store holds no incident for: kept in the document's facts only
      this.events.set(m.ev.id, m);
      rec.events.push(m.ev.id);
      (this.clusterer.clusters as TrackedMap<string, unknown>).touch(link.incident);
      delta.links.push(link);
      if (!docClusters.includes(link.incident)) docClusters.push(link.incident);
      if (link.founded) delta.created.push(link.incident);
    }
    this.docClusters.set(doc.id, docClusters);
    delta.touched = docClusters.map((id) => this.resolveIncident(id));
    delta.created = delta.created.map((id) => this.resolveIncident(id));
    return delta;
  }

  /** The geocoded places a report names, with how often (for `withReportContext`). */
  private reportPlaces(doc: string, facts: DocFacts): ReportPlace[] {
    const out: ReportPlace[] = [];
    for (const e of facts.entities) {
      const country = e.geo?.country ?? e.country;
      if (!e.geo || !country) continue;
      const id = this.resolver.baseOf(localRef(doc, e.id));
      if (!id) continue;
      const p: ReportPlace = {
        place: id,
        placeName: e.name,
        geo: { lat: e.geo.lat, lon: e.geo.lon, precision: e.geo.precision },
        country: country.toUpperCase(),
        mentions: Math.max(1, e.mentions.length),
      };
      if (e.geo.admin1) p.admin1 = e.geo.admin1;
      out.push(p);
    }
    return out;
  }

  /**
   * Two documents' independence groups are about to be joined: when both already held other documents, the grades
   * of incidents with documents of the smaller group may change.
   */
  private regroup(doc: string, other: string): void {
    // already one group (a copy's second and later matches): checked first, a group can be a whole outlet
    if (this.groups.find(doc) === this.groups.find(other)) return;
    const a = this.groups.groupOf(doc).filter((x) => x !== doc && !x.startsWith("outlet:"));
    const b = this.groups.groupOf(other).filter((x) => x !== doc && !x.startsWith("outlet:"));
    if (!a.length || !b.length) return;
    for (const d of a.length < b.length ? a : b) this.pending.regroup.add(d);
  }

  private features(ev: Event, rec: DocRecord, docEntities: Set<string>): MemberEvent | undefined {
    const doc = rec.doc.id;
    const family = familyOf(ev.type, ev.subtype, ev.attributes?.cause);
    const feat: EventFeatures = {
      id: ev.id,
      doc,
      type: ev.type,
      family,
      trigger: ev.trigger.text,
      offset: ev.trigger.start,
      participants: new Map(),
      docEntities,
    };
    const salience = ev.attributes?.salience;
    if (salience === "main" || salience === "background") feat.salience = salience;
    if (ev.date) {
      const d = toEventDate(ev.date.start, ev.date.end, false);
      const pub = rec.published ? toEventDate(rec.published, rec.published, true) : undefined;
      // An attack dated on its report's day (or the day before) with no figures of its own is usually a reference
      // back to an earlier attack that picked up the statement's date ("said on Thursday … over the bombings"):
      // its date is treated as unknown for matching, and kept only to date an incident nothing else dates.
      if (
        d &&
        pub &&
        family === "attack" &&
        ev.counts.length === 0 &&
        d.precise &&
        d.start >= pub.start - 1 &&
        d.end <= pub.end
      ) {
        feat.date = { ...pub, stated: d };
      } else if (d) feat.date = d;
    } else if (rec.published) {
      const d = toEventDate(rec.published, rec.published, true);
      if (d) feat.date = d;
    } else if (rec.doc.publishedEstimate) {
      // an undated report still has an estimated writing window (after the latest day it mentions): its undated
      // mentions refer to something before the window's end
      const w = rec.doc.publishedEstimate.value;
      const d = toEventDate(w.start, w.end, true);
      if (d) feat.date = { ...d, precise: false };
    }
    const placeLocal = ev.place ?? ev.participants.find((p) => p.role === "place" || p.role === "location")?.entity;
    if (placeLocal) {
      const ref = localRef(doc, placeLocal);
      const local = this.resolver.local(ref);
      const id = this.resolver.baseOf(ref);
      if (id) feat.place = id;
      if (local) {
        feat.placeName = local.name;
        if (local.geo) {
          feat.geo = { lat: local.geo.lat, lon: local.geo.lon, precision: local.geo.precision };
          if (local.geo.admin1) feat.admin1 = local.geo.admin1;
        }
        const country = local.geo?.country ?? local.country;
        if (country) feat.country = country.toUpperCase();
      }
    }
    for (const p of ev.participants) {
      if (!p.entity || p.role === "place" || p.role === "location" || p.role === "speaker") continue;
      const id = this.resolver.baseOf(localRef(doc, p.entity));
      if (!id) continue;
      feat.participants.set(id, p.text);
      if (p.role === "attacker") {
        feat.attackers ??= new Set();
        feat.attackers.add(id);
      }
    }
    return { ev, feat };
  }

  // ---------- overrides ----------

  applyOverride(o: Override): void {
    const parsed = Override.parse(o);
    this.overrides.set(parsed.id, parsed);
    this.rebuildLayers();
  }

  undo(overrideId: string): void {
    if (!this.overrides.delete(overrideId)) throw new Error(`no override ${overrideId}`);
    this.rebuildLayers();
  }

  listOverrides(): Override[] {
    return [...this.overrides.values()];
  }

  private rebuildLayers(): void {
    this.cache = undefined;
    this.incLayers = undefined;
    this.synced = false;
    const entMerged = new Map<string, string>();
    const unmerges: EntityUnmerge[] = [];
    const ordered = [...this.overrides.values()].sort((a, b) =>
      a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0,
    );
    for (const o of ordered) {
      switch (o.kind) {
        case "merge-entities": {
          const follow = (x: string): string => {
            let cur = x;
            for (let i = 0; i < 100 && entMerged.has(cur); i++) cur = entMerged.get(cur) ?? cur;
            return cur;
          };
          const into = follow(o.entities[0] ?? "");
          for (const id of o.entities.slice(1)) if (follow(id) !== into) entMerged.set(follow(id), into);
          break;
        }
        case "unmerge-entity": {
          unmerges.push({ entity: o.entity, wanted: new Set(o.members), target: `ent-split-${hash(o.id)}` });
          break;
        }
        default:
          break;
      }
    }
    this.resolver.setOverrides({ merged: entMerged, unmerges });
  }

  private layers(): IncidentLayers {
    if (!this.incLayers) {
      const ordered = [...this.overrides.values()]
        .filter((o) => o.kind === "merge-incidents" || o.kind === "split-incident" || o.kind === "move-event")
        .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
      this.incLayers = new IncidentLayers(this.clusterer.clusterOf, this.stored, ordered);
    }
    return this.incLayers;
  }

  /** The engine id (cluster or split) an engine id was merged into. */
  private resolveIncident(id: string): string {
    return this.layers().resolve(id);
  }

  private incidentOfEvent(evId: string): string | undefined {
    return this.layers().incidentOfEvent(evId);
  }

  // ---------- outputs ----------

  entities(): Entity[] {
    return this.resolver.entities();
  }

  /** Merge evidence of a canonical entity (automatic matches and analyst merges). */
  entityEvidence(id: string): ReturnType<EntityResolver["evidence"]> {
    return this.resolver.evidence(id);
  }

  incidents(): Incident[] {
    return this.materialise().incidents;
  }

  contradictions(): Contradiction[] {
    return this.materialise().contradictions;
  }

  /** An incident by its stable id, a retired id (alias) of it, or the engine's own cluster id. */
  incident(id: string): Incident | undefined {
    const m = this.materialise();
    const stable = this.resolveId(id) ?? m.stableOf.get(this.resolveIncident(id));
    return stable === undefined ? undefined : m.byId.get(stable);
  }

  /** The live incident id an id or alias stands for. */
  resolveId(id: string): string | undefined {
    const m = this.materialise();
    return resolveAlias(id, m.byId, m.aliases);
  }

  /** Which incident each event belongs to and the retired ids: what the store keeps for the next fusion. */
  identity(): IncidentIdentity {
    return this.materialise().identity;
  }

  explain(incidentId: string): string[] {
    return this.incident(incidentId)?.explanation ?? [];
  }

  private materialise(): NonNullable<FusionEngine["cache"]> {
    if (this.cache) return this.cache;
    const groups = new Map<string, { events: MemberEvent[]; claims: Claim[]; claimRefs: [string, number][] }>();
    const group = (id: string): { events: MemberEvent[]; claims: Claim[]; claimRefs: [string, number][] } => {
      let g = groups.get(id);
      if (!g) {
        g = { events: [], claims: [], claimRefs: [] };
        groups.set(id, g);
      }
      return g;
    };
    for (const [evId, m] of this.events) {
      const inc = this.incidentOfEvent(evId);
      if (inc) group(inc).events.push(m);
    }
    for (const rec of this.docs.values()) {
      if (!rec.claims.length) continue;
      const main = this.mainIncident(rec);
      rec.claims.forEach((c, i) => {
        const inc = this.claimIncident(c, main);
        if (inc === undefined) return;
        const g = group(inc);
        g.claims.push(c);
        g.claimRefs.push([rec.doc.id, i]);
      });
    }
    const canon = new Map(this.resolver.entities().map((e) => [e.id, e]));
    const ctx = this.attributeContext();
    const members = new Map([...groups].map(([id, g]) => [id, g.events.map((m) => m.ev.id)]));
    const { idOf, identity } = assignIdentity(this.prevIdentity, members, this.layers().finalHints());
    const incidents: Incident[] = [];
    for (const [id, g] of groups) {
      incidents.push(this.buildIncident(id, idOf.get(id) ?? id, g.events, g.claims, ctx, canon));
      const rel = this.responseOf(id, g.events, (l) => idOf.get(l) ?? l);
      if (rel) (incidents.at(-1) as Incident).relations = [rel];
    }
    incidents.sort((a, b) => {
      const da = a.date?.start ?? "9999";
      const db = b.date?.start ?? "9999";
      return da < db ? -1 : da > db ? 1 : a.id < b.id ? -1 : 1;
    });
    const cctx = this.contradictionContext(canon);
    const contradictions = incidents.flatMap((i) => findContradictions(i, cctx));
    const byId = new Map(incidents.map((i) => [i.id, i]));
    const aliases = new Map(identity.aliases.map((a) => [a.alias, a.incident]));
    this.cache = { incidents, byId, identity, aliases, stableOf: idOf, contradictions, related: cctx.related };
    this.resync(groups, idOf, identity, canon, contradictions);
    return this.cache;
  }

  /**
   * The incident a claim attaches to: that of the event it is about, else its document's main incident. A claim
   * about events all told as background ("the bombing this month claimed by the group"), linked as history or kept
   * in the report's facts only, names the doer of that history: it attaches to none, as history lends an incident
   * no counts or attributes.
   */
  private claimIncident(c: Claim, main: string | undefined): string | undefined {
    const history = (id: string) => {
      const m = this.events.get(id);
      return !m || m.feat.salience === "background";
    };
    if (c.about.length && c.about.every(history)) return undefined;
    return c.about.map((id) => this.incidentOfEvent(id)).find((x) => x !== undefined) ?? main;
  }

  private attributeContext(): Parameters<typeof collectAttributes>[2] {
    return {
      doc: (id: string) => {
        const r = this.docs.get(id);
        return r ? (r.published ? { publishedAt: r.published } : {}) : undefined;
      },
      canonical: (doc: string, local: string | undefined) =>
        local === undefined ? undefined : this.resolver.canonicalOf(localRef(doc, local)),
    };
  }

  private contradictionContext(canon: EntityLookup) {
    return {
      outletOf: (doc: string) => this.docs.get(doc)?.outlet ?? doc,
      nameOf: (id: string) =>
        canon.get(id)?.name ?? this.inc.outletNames.get(id) ?? this.docs.get(id)?.source?.name ?? id,
      related: groupFamily(canon),
      perpetratorKey: actorKey(canon),
    };
  }

  /** After a full materialisation: the incremental indexes describe it (see `inc`). */
  private resync(
    groups: Map<string, { events: MemberEvent[]; claimRefs: [string, number][] }>,
    idOf: Map<string, string>,
    identity: IncidentIdentity,
    canon: Map<string, Entity>,
    contradictions: Contradiction[],
  ): void {
    const { inc } = this;
    for (const m of [inc.layerEvents, inc.layerClaims, inc.docLayers, inc.entitySig]) m.clear();
    this.entityIncidents.clear();
    for (const m of [inc.idMembers, inc.idAliases, inc.stableOf, inc.layerOf]) m.clear();
    const docLayers = new Map<string, Set<string>>();
    const addDoc = (doc: string, layer: string) => docLayers.set(doc, (docLayers.get(doc) ?? new Set()).add(layer));
    for (const [layer, g] of groups) {
      inc.layerEvents.set(
        layer,
        g.events.map((m) => m.ev.id),
      );
      if (g.claimRefs.length) inc.layerClaims.set(layer, g.claimRefs);
      for (const m of g.events) addDoc(m.ev.doc, layer);
      for (const [doc] of g.claimRefs) addDoc(doc, layer);
    }
    for (const [doc, layers] of docLayers) inc.docLayers.set(doc, [...layers]);
    for (const e of canon.values()) inc.entitySig.set(e.id, entitySignature(e));
    for (const m of identity.members) inc.idMembers.set(m.event, [m.incident, m.origin]);
    for (const a of identity.aliases) inc.idAliases.set(a.alias, a.incident);
    for (const [layer, id] of idOf) {
      inc.stableOf.set(layer, id);
      inc.layerOf.set(id, layer);
    }
    const byIncident = new Map<string, Contradiction[]>();
    for (const c of contradictions) byIncident.set(c.incident, [...(byIncident.get(c.incident) ?? []), c]);
    const deps = new Map<string, Set<string>>();
    for (const i of this.cache?.incidents ?? []) {
      const layer = inc.layerOf.get(i.id);
      if (layer === undefined) continue;
      for (const e of this.entityRefs(i, byIncident.get(i.id) ?? [], groups.get(layer)?.events ?? [])) {
        deps.set(e, (deps.get(e) ?? new Set()).add(layer));
      }
    }
    for (const [e, layers] of deps) for (const layer of layers) this.entityIncidents.add(e, layer);
    this.pending = { docs: [], entities: new Set(), regroup: new Set() };
    this.synced = true;
  }

  /** The canonical entities an incident's record depends on: those it names, and its events' places. */
  private entityRefs(i: Incident, contradictions: Contradiction[], events: MemberEvent[]): Set<string> {
    const out = new Set<string>(JSON.stringify([i, contradictions]).match(ENTITY_ID) ?? []);
    for (const m of events) {
      const p = m.ev.place ? this.resolver.canonicalOf(localRef(m.ev.doc, m.ev.place)) : undefined;
      if (p) out.add(p);
    }
    return out;
  }

  /**
   * The analyst's incident overrides (merge, split, move) or the outlets' grades changed since this engine was
   * fused: moves it to the new ones and returns what that changed, as `changes()` does for new documents. The
   * incidents rebuilt are those the change reaches: whose events or claims move, whose explanation or identity
   * hints name a changed override, that hold a document of a regraded outlet. Fusion is a replay, and neither
   * clustering nor entity resolution reads these overrides or grades, so the result is what a replay under the new
   * ones gives. Undefined (nothing changed here) when the change is of another kind — entity overrides, or an
   * outlet whose id differs from the one its documents were fused under — which only a rebuild gives.
   */
  revise(next: { overrides: Override[]; sources: ReadonlyMap<string, Source> }): FusionChanges | undefined {
    if (!this.synced || this.pending.docs.length) return undefined;
    const overrides = next.overrides.map((o) => Override.parse(o));
    const entityOverrides = (list: Iterable<Override>): string =>
      JSON.stringify(
        [...list]
          .filter((o) => o.kind === "merge-entities" || o.kind === "unmerge-entity")
          .sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
    if (entityOverrides(overrides) !== entityOverrides(this.overrides.values())) return undefined;
    const sourceKey = (s: Source | undefined): string => JSON.stringify(s && [s.id, s.name, s.reliability, s.notes]);
    const regraded: [DocRecord, Source][] = [];
    for (const rec of this.docs.values()) {
      const s = rec.doc.outlet ? next.sources.get(rec.doc.outlet) : undefined;
      if (sourceKey(s) === sourceKey(rec.source)) continue;
      if (!s || rec.source?.id !== s.id) return undefined;
      regraded.push([rec, s]);
    }
    const { inc } = this;
    const old = this.layers();
    const before = new Map(this.overrides);
    const oldHints = old.finalHints();
    this.overrides = new Map(overrides.map((o) => [o.id, o]));
    // the stored ids, as a rebuild would read them (the store writes them with these indexes, in one transaction);
    // the members are listed only if an override's anchors do not find its incident, or on a full materialisation
    // (then as they stand: the ids stored last)
    const aliases = [...inc.idAliases].map(([alias, incident]) => ({ alias, incident }));
    const listed = () => [...inc.idMembers].map(([event, [incident, origin]]) => ({ event, incident, origin }));
    this.stored = new StoredIncidents(aliases, listed);
    this.prevIdentity = {
      aliases,
      get members() {
        return listed();
      },
    };
    this.cache = undefined;
    this.incLayers = undefined;
    const layers = this.layers();
    const touched = new Set<string>();
    const add = (...ids: (string | undefined)[]): void => {
      for (const id of ids) if (id !== undefined) touched.add(id);
    };
    // events whose incident may have changed: those of clusters merged (or unmerged) differently, pinned ones
    const stableLayer = (e: string): string | undefined => {
      const id = inc.idMembers.get(e)?.[0];
      return id === undefined ? undefined : inc.layerOf.get(id);
    };
    const moving = new Set<string>();
    for (const l of [old, layers]) {
      const { merged, pinned } = l.moved();
      for (const base of merged) {
        if (old.resolve(base) === layers.resolve(base)) continue;
        for (const e of this.clusterer.clusters.get(base)?.events ?? []) moving.add(e);
      }
      for (const e of pinned) moving.add(e);
    }
    const now = new Map<string, string | undefined>();
    for (const e of moving) {
      if (!this.events.has(e)) continue;
      const to = layers.incidentOfEvent(e);
      now.set(e, to);
      if (to !== stableLayer(e)) add(to, stableLayer(e));
    }
    // overrides added, deleted, or whose incidents now resolve elsewhere: their explanations and identity hints
    const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
    for (const id of new Set([...before.keys(), ...this.overrides.keys()])) {
      const a = (old.refs.get(id) ?? []).map((x) => old.resolve(x));
      const b = (layers.refs.get(id) ?? []).map((x) => layers.resolve(x));
      const o = this.overrides.get(id) ?? before.get(id);
      if (!o || (same(a, b) && same(before.get(id), this.overrides.get(id)))) continue;
      add(...a, ...b);
      const events = o.kind === "split-incident" ? o.events : o.kind === "move-event" ? [o.event] : [];
      for (const e of events) add(stableLayer(e), layers.incidentOfEvent(e), layers.pinnedOf(e), old.pinnedOf(e));
    }
    const hints = layers.finalHints();
    for (const layer of new Set([...oldHints.prefer.keys(), ...hints.prefer.keys()]))
      if (oldHints.prefer.get(layer) !== hints.prefer.get(layer)) add(layer);
    for (const layer of new Set([...oldHints.ban.keys(), ...hints.ban.keys()]))
      if (!same([...(oldHints.ban.get(layer) ?? [])], [...(hints.ban.get(layer) ?? [])])) add(layer);
    // claims of the documents those events are in: they follow their events (a claim is about its own document's)
    const docsMoving = new Set<string>();
    for (const e of now.keys()) {
      const m = this.events.get(e);
      if (m) docsMoving.add(m.ev.doc);
    }
    const claimWas = new Map<string, string>();
    for (const doc of docsMoving) {
      for (const layer of inc.docLayers.get(doc) ?? []) {
        for (const [d, i] of inc.layerClaims.get(layer) ?? []) if (d === doc) claimWas.set(`${d}\u0000${i}`, layer);
      }
    }
    const claimNow: [string, number, string][] = [];
    for (const doc of docsMoving) {
      const rec = this.docs.get(doc);
      if (!rec?.claims.length) continue;
      const main = this.mainIncident(rec);
      rec.claims.forEach((c, i) => {
        const to = this.claimIncident(c, main);
        const prior = claimWas.get(`${doc}\u0000${i}`);
        if (to !== prior) add(to, prior);
        if (to !== undefined) claimNow.push([doc, i, to]);
      });
    }
    // regraded outlets: the grades of every incident holding one of their documents
    for (const [rec, s] of regraded) {
      rec.source = s;
      this.docs.set(rec.doc.id, rec);
      add(...(inc.docLayers.get(rec.doc.id) ?? []));
    }
    // the touched incidents' members, in the order a full materialisation groups them: documents in replay order
    // (the order they were added in), each document's events in the order it added them, claims by index
    const orderKey = new Map<string, string>();
    const keyOf = (doc: string): string => {
      let k = orderKey.get(doc);
      if (k === undefined) {
        const rec = this.docs.get(doc);
        k = rec ? replayKey(rec.doc) : doc;
        orderKey.set(doc, k);
      }
      return k;
    };
    const eventKey = (e: string): [string, number] => {
      const doc = this.events.get(e)?.ev.doc ?? "";
      return [keyOf(doc), this.docs.get(doc)?.events.indexOf(e) ?? -1];
    };
    const byKey = (a: [string, number], b: [string, number]): number =>
      a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1];
    const docs = new Set<string>();
    const events = new Map<string, string[]>();
    const claims = new Map<string, [string, number][]>();
    const inDoc = new Map<string, Set<string>>();
    const isIn = (doc: string, layer: string): void => {
      inDoc.set(doc, (inDoc.get(doc) ?? new Set()).add(layer));
      docs.add(doc);
    };
    const put = <V>(m: Map<string, V[]>, k: string, v: V): void => {
      const list = m.get(k);
      if (list) list.push(v);
      else m.set(k, [v]);
    };
    for (const layer of touched) {
      for (const e of inc.layerEvents.get(layer) ?? []) {
        const m = this.events.get(e);
        if (m) docs.add(m.ev.doc);
        if (!now.has(e)) put(events, layer, e);
      }
      for (const [d, i] of inc.layerClaims.get(layer) ?? []) {
        docs.add(d);
        if (!docsMoving.has(d)) put(claims, layer, [d, i] as [string, number]);
      }
    }
    for (const [e, layer] of now) if (layer !== undefined && touched.has(layer)) put(events, layer, e);
    for (const [d, i, layer] of claimNow) if (touched.has(layer)) put(claims, layer, [d, i] as [string, number]);
    for (const [layer, list] of events) {
      const keyed = list.map((e) => ({ e, k: eventKey(e) })).sort((a, b) => byKey(a.k, b.k));
      events.set(
        layer,
        keyed.map((x) => x.e),
      );
      for (const e of events.get(layer) ?? []) isIn(this.events.get(e)?.ev.doc ?? "", layer);
    }
    for (const [layer, list] of claims) {
      list.sort((a, b) => byKey([keyOf(a[0]), a[1]], [keyOf(b[0]), b[1]]));
      for (const [d] of list) isIn(d, layer);
    }
    const removed: string[] = [];
    for (const layer of touched) {
      const list = events.get(layer);
      if (list) inc.layerEvents.set(layer, list);
      else inc.layerEvents.delete(layer);
      const refs = claims.get(layer);
      if (refs) inc.layerClaims.set(layer, refs);
      else inc.layerClaims.delete(layer);
      if (list) continue;
      // dissolved (merged away, or an undone split): its id is gone unless another incident takes it
      const id = inc.stableOf.get(layer);
      inc.stableOf.delete(layer);
      if (id !== undefined && inc.layerOf.get(id) === layer) {
        inc.layerOf.delete(id);
        removed.push(id);
      }
    }
    for (const doc of docs) {
      const list = [...(inc.docLayers.get(doc) ?? []).filter((l) => !touched.has(l)), ...(inDoc.get(doc) ?? [])];
      if (list.length) inc.docLayers.set(doc, list);
      else inc.docLayers.delete(doc);
    }
    return this.emit(touched, new Map(), removed);
  }

  /**
   * What the documents added since the last materialisation changed: the incidents they touched (and those whose
   * record reads an entity they changed, or whose grades a merge of independence groups changes), rebuilt exactly as
   * a full materialisation would build them, with their stable ids, contradictions and grades; the canonical
   * entities they touched; the identity rows of those incidents. Costs what the touched incidents cost, not what
   * the engine holds. Needs an engine whose incremental indexes are current (fresh, loaded, or materialised).
   */
  changes(): FusionChanges {
    if (!this.synced) throw new Error("incremental fusion needs an engine materialised after its last override");
    const { inc } = this;
    const layers = this.layers();
    const touched = new Set<string>();
    const push = <V>(m: TrackedMap<string, V[]>, k: string, v: V): void => {
      m.set(k, [...(m.get(k) ?? []), v]);
    };
    const inDoc = (doc: string, layer: string): void => {
      const list = inc.docLayers.get(doc) ?? [];
      if (!list.includes(layer)) inc.docLayers.set(doc, [...list, layer]);
      touched.add(layer);
    };
    for (const docId of this.pending.docs) {
      const rec = this.docs.get(docId);
      if (!rec) continue;
      for (const evId of rec.events) {
        const layer = layers.incidentOfEvent(evId);
        if (layer === undefined) continue;
        push(inc.layerEvents, layer, evId);
        inDoc(docId, layer);
      }
      if (!rec.claims.length) continue;
      const main = this.mainIncident(rec);
      rec.claims.forEach((c, i) => {
        const layer = this.claimIncident(c, main);
        if (layer === undefined) return;
        push(inc.layerClaims, layer, [docId, i] as [string, number]);
        inDoc(docId, layer);
      });
    }
    // canonical entities the documents changed: incidents whose record reads what changed are rebuilt too
    const changedEntities = this.resolver.entitiesOf(this.pending.entities);
    const known = new Map<string, Entity | undefined>(changedEntities.map((e) => [e.id, e]));
    for (const e of changedEntities) {
      const sig = entitySignature(e);
      const before = inc.entitySig.get(e.id);
      if (before === sig) continue;
      inc.entitySig.set(e.id, sig);
      for (const layer of this.entityIncidents.of(e.id)) touched.add(layers.resolve(layer));
    }
    for (const doc of this.pending.regroup) for (const layer of inc.docLayers.get(doc) ?? []) touched.add(layer);
    return this.emit(touched, known, []);
  }

  /**
   * The touched incidents rebuilt as a full materialisation would build them, named against the rest, with their
   * contradictions and grades; `removed`: stable ids of incidents that no longer exist (their rows are deleted).
   */
  private emit(touched: Set<string>, known: Map<string, Entity | undefined>, removed: string[]): FusionChanges {
    const { inc } = this;
    const layers = this.layers();
    // an index may still name an incident an override dissolved: it has no events, so there is nothing to build
    for (const layer of touched) if (!inc.layerEvents.get(layer)?.length) touched.delete(layer);
    // an id a touched incident may take (where its events are or started, its merge target) held by an untouched
    // one: a full assignment weighs the two against each other, so the holder is named again too
    const hints = layers.finalHints();
    const queue = [...touched];
    for (let layer = queue.pop(); layer !== undefined; layer = queue.pop()) {
      const ids = (inc.layerEvents.get(layer) ?? []).flatMap((e) => inc.idMembers.get(e) ?? []);
      const preferred = hints.prefer.get(layer);
      for (const id of preferred === undefined ? ids : [...ids, preferred]) {
        const holder = inc.layerOf.get(id);
        if (holder === undefined || touched.has(holder)) continue;
        touched.add(holder);
        queue.push(holder);
      }
    }
    const canon: EntityLookup = {
      get: (id) => {
        if (!id.startsWith("ent-")) return undefined; // an outlet or speaker name
        if (!known.has(id)) known.set(id, this.resolver.entitiesOf([id])[0]);
        return known.get(id);
      },
    };
    // stable ids of the touched incidents, named against the rest as a full assignment would
    const members = new Map([...touched].map((layer) => [layer, inc.layerEvents.get(layer) ?? []]));
    const prev: IncidentIdentity = { members: [], aliases: [] };
    for (const events of members.values()) {
      for (const event of events) {
        const m = inc.idMembers.get(event);
        if (m) prev.members.push({ event, incident: m[0], origin: m[1] });
      }
    }
    const outside = {
      live: { has: (id: string) => inc.layerOf.has(id) && !touched.has(inc.layerOf.get(id) as string) },
      used: { has: (id: string) => inc.layerOf.has(id) || inc.idAliases.has(id) },
    };
    const { idOf, identity } = assignIdentity(prev, members, hints, outside);
    for (const [layer, id] of idOf) {
      const old = inc.stableOf.get(layer);
      if (old !== undefined && old !== id && inc.layerOf.get(old) === layer) {
        inc.layerOf.delete(old);
        removed.push(old);
      }
      inc.stableOf.set(layer, id);
      inc.layerOf.set(id, layer);
    }
    for (const m of identity.members) inc.idMembers.set(m.event, [m.incident, m.origin]);
    const removedAliases = [...idOf.values()].filter((id) => inc.idAliases.has(id));
    for (const id of removedAliases) inc.idAliases.delete(id);
    const aliases = new Map(identity.aliases.map((a) => [a.alias, a.incident]));
    for (const [alias, target] of aliases) inc.idAliases.set(alias, target);
    if (aliases.size) {
      // an alias of an id that is now itself an alias points on to the live incident
      for (const [alias, target] of inc.idAliases) {
        if (inc.layerOf.has(target)) continue;
        const live = resolveAlias(target, inc.layerOf, inc.idAliases);
        if (live !== undefined && live !== alias) {
          inc.idAliases.set(alias, live);
          aliases.set(alias, live);
        }
      }
    }
    // the touched incidents' records, contradictions and grades
    const ctx = this.attributeContext();
    const cctx = this.contradictionContext(canon);
    const incidents: Incident[] = [];
    const contradictions: Contradiction[] = [];
    const assessments: IncidentAssessment[] = [];
    for (const layer of touched) {
      const events = (inc.layerEvents.get(layer) ?? []).flatMap((e) => this.events.get(e) ?? []);
      const claims = (inc.layerClaims.get(layer) ?? []).flatMap(([d, i]) => this.docs.get(d)?.claims[i] ?? []);
      const incident = this.buildIncident(layer, idOf.get(layer) ?? layer, events, claims, ctx, canon);
      const rel = this.responseOf(layer, events, (l) => idOf.get(l) ?? inc.stableOf.get(l) ?? l);
      if (rel) incident.relations = [rel];
      const own = findContradictions(incident, cctx);
      incidents.push(incident);
      contradictions.push(...own);
      for (const e of this.entityRefs(incident, own, events)) this.entityIncidents.add(e, layer);
      assessments.push(assessIncident(this.assessor(incident, cctx.related), incident));
    }
    const entities = [...this.pending.entities].flatMap((id) => canon.get(id) ?? []);
    this.pending = { docs: [], entities: new Set(), regroup: new Set() };
    return {
      incidents,
      removed,
      contradictions,
      entities,
      members: identity.members,
      aliases: [...aliases].map(([alias, incident]) => ({ alias, incident })),
      removedAliases,
      assessments,
    };
  }

  /** Grades of one incident's values without materialising the others. */
  private assessor(incident: Incident, related: (a: string, b: string) => boolean): Assessor {
    return {
      corroboration: (_id, attribute, value) => this.corroborationOf(incident, attribute, value, related),
      grade: (doc, fact) => this.gradeOf(incident, doc, fact, related),
    };
  }

  /** The incident most of a document's attack events went to (claims without an anchor attach there). */
  private mainIncident(rec: DocRecord): string | undefined {
    const votes = new Map<string, number>();
    for (const evId of rec.events) {
      const m = this.events.get(evId);
      const inc = this.incidentOfEvent(evId);
      if (!m || !inc) continue;
      votes.set(inc, (votes.get(inc) ?? 0) + (m.feat.family === "attack" ? 2 : 1));
    }
    let best: string | undefined;
    let n = 0;
    for (const [id, v] of votes) if (v > n) [best, n] = [id, v];
    return best;
  }

  /**
   * The incident a response incident answers: among the other incidents its response reports' attack-like events
   * went to (the attack those reports look back on, background or not), the one most of them name.
   */
  private responseOf(
    layer: string,
    events: MemberEvent[],
    stable: (layer: string) => string,
  ): NonNullable<Incident["relations"]>[number] | undefined {
    const docs = [...new Set(events.filter((m) => m.feat.response).map((m) => m.ev.doc))];
    const votes = new Map<string, { n: number; docs: Set<string> }>();
    for (const d of docs) {
      for (const evId of this.docs.get(d)?.events ?? []) {
        const m = this.events.get(evId);
        const other = this.incidentOfEvent(evId);
        if (m?.feat.family !== "attack" || !other || other === layer) continue;
        const v = votes.get(other) ?? { n: 0, docs: new Set() };
        v.n++;
        v.docs.add(d);
        votes.set(other, v);
      }
    }
    const best = [...votes].sort((a, b) => b[1].docs.size - a[1].docs.size || b[1].n - a[1].n)[0];
    return best ? { kind: "response_to", incident: stable(best[0]), docs: [...best[1].docs].sort() } : undefined;
  }

  private buildIncident(
    layer: string,
    id: string,
    events: MemberEvent[],
    claims: Claim[],
    ctx: Parameters<typeof collectAttributes>[2],
    canon: EntityLookup,
  ): Incident {
    const { attributes, perpetrators } = collectAttributes(events, claims, ctx);
    const core = events.filter((m) => m.feat.family === "attack" || m.feat.family === "accident");
    const pool = core.length ? core : events;
    const typeVotes = new Map<string, number>();
    for (const m of pool) typeVotes.set(m.ev.type, (typeVotes.get(m.ev.type) ?? 0) + 1);
    const type = [...typeVotes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? "event";
    // date: the stated day-precision dates of the core events, else the coarser ones
    let dated = pool.filter((m) => m.feat.date && !m.feat.date.inferred);
    if (!dated.length) {
      dated = pool
        .filter((m) => m.feat.date?.stated)
        .map((m) => ({ ...m, feat: { ...m.feat, date: m.feat.date?.stated } as EventFeatures }));
    }
    const precise = dated.filter((m) => m.feat.date?.precise);
    const use = precise.length ? precise : dated;
    let date: Incident["date"];
    if (use.length) {
      const s = Math.min(...use.map((m) => m.feat.date?.start ?? Number.POSITIVE_INFINITY));
      const e = Math.max(...use.map((m) => m.feat.date?.end ?? Number.NEGATIVE_INFINITY));
      const only = use.length === 1 ? use[0]?.ev.date : undefined;
      date = !precise.length && only ? only : (modalDay(precise) ?? dateRange(isoDay(s), isoDay(e)));
    }
    const place = titlePlace(pool, ctx, canon);
    const documents = [...new Set([...events.map((m) => m.ev.doc), ...claims.map((c) => c.doc)])];
    const explanation = this.explanationOf(layer, events, documents);
    const title = `${type}${place ? ` in ${canon.get(place)?.name ?? place}` : ""}${date ? ` on ${date.iso}` : ""}${this.splitMark(layer)}`;
    const inc: Incident = {
      id,
      type,
      title,
      perpetrators,
      attributes,
      events: events.map((m) => m.ev.id),
      documents,
      explanation,
    };
    if (date) inc.date = date;
    if (place) inc.place = place;
    return inc;
  }

  /**
   * What tells a split-off part from the incident it was split from: both often share type, place and day, and two
   * rows with one title in the incident list read as a duplicate. The part a split created says so, with the
   * analyst's note when there is one.
   */
  private splitMark(layer: string): string {
    for (const o of this.overrides.values()) {
      if (o.kind !== "split-incident" || splitTarget(o.id) !== layer) continue;
      const note = o.note?.trim();
      return ` (split off${note ? `: ${note.length > 60 ? `${note.slice(0, 59)}…` : note}` : ""})`;
    }
    return "";
  }

  private explanationOf(layer: string, events: MemberEvent[], documents: string[]): string[] {
    const out: string[] = [];
    const layers = this.layers();
    const members = new Set(events.map((m) => m.ev.id));
    for (const m of events) {
      const base = this.clusterer.clusterOf.get(m.ev.id);
      const c = base ? this.clusterer.clusters.get(base) : undefined;
      const link = c?.links.find((l) => l.event === m.ev.id);
      if (link) out.push(link.explanation);
    }
    for (const o of this.overrides.values()) {
      const who = `${o.createdAt}${o.author ? ` by ${o.author}` : ""}${o.note ? ` — ${o.note}` : ""}`;
      if (o.kind === "merge-incidents" && (layers.refs.get(o.id) ?? []).some((x) => layers.resolve(x) === layer)) {
        out.push(`analyst override ${o.id}: merged incidents ${o.incidents.join(", ")} (${who})`);
      } else if (o.kind === "split-incident" && o.events.some((e) => members.has(e) || layers.pinnedOf(e) === layer)) {
        out.push(`analyst override ${o.id}: split events ${o.events.join(", ")} out of ${o.incident} (${who})`);
      } else if (o.kind === "move-event" && members.has(o.event)) {
        out.push(`analyst override ${o.id}: moved event ${o.event} here (${who})`);
      }
    }
    for (const d of documents) {
      for (const dup of this.docs.get(d)?.duplicates ?? []) {
        if (documents.includes(dup.doc)) {
          out.push(
            `[${d.slice(0, 8)}] is a near-duplicate of [${dup.doc.slice(0, 8)}] (MinHash Jaccard ${dup.similarity.toFixed(2)}): counts once`,
          );
        }
      }
    }
    return out;
  }

  // ---------- corroboration and grading ----------

  private reliabilityOf(doc: string): Reliability {
    return this.docs.get(doc)?.source?.reliability ?? "F";
  }

  /** Independent corroboration of one value of an incident attribute (by default the best-supported value). */
  corroboration(incidentId: string, attribute: string, value?: unknown): Corroboration {
    return this.corroborationOf(this.incident(incidentId), attribute, value);
  }

  private corroborationOf(
    inc: Incident | undefined,
    attribute: string,
    value?: unknown,
    related?: (a: string, b: string) => boolean,
  ): Corroboration {
    const values = inc?.attributes[attribute] ?? [];
    if (!values.length) return { value, independentSources: 0, copies: 0, contradictingSources: 0, credibility: 6 };
    const candidates = value === undefined ? values.map((v) => v.value) : [value];
    let best: Corroboration | undefined;
    for (const cand of candidates) {
      const c = this.corroborate(attribute, cand, values, related);
      if (
        !best ||
        c.independentSources > best.independentSources ||
        (c.independentSources === best.independentSources && c.contradictingSources < best.contradictingSources)
      ) {
        best = c;
      }
    }
    return best as Corroboration;
  }

  private corroborate(
    attribute: string,
    cand: unknown,
    values: AttributeValue[],
    given?: (a: string, b: string) => boolean,
  ): Corroboration {
    const cctx = { outletOf: (d: string) => this.docs.get(d)?.outlet ?? d, nameOf: (x: string) => x };
    const related = attribute === "perpetrator" ? (given ?? this.materialise().related) : undefined;
    // a value its own channel later replaced is superseded: it no longer contradicts anything
    const latest = new Map<string, string>();
    for (const v of values) {
      const ch = channelOf(v, cctx);
      const t = v.publishedAt ?? "";
      if ((latest.get(ch) ?? "") < t) latest.set(ch, t);
    }
    const supportDocs = new Set<string>();
    const support = new Map<string, Reliability>();
    const against = new Set<string>();
    for (const v of values) {
      // a figure a report restates as history ("had given 103 on Wednesday") neither supports nor disputes
      if (v.asOf) continue;
      const group = this.groups.find(v.doc);
      if (!valuesConflict(attribute, cand, v.value, related)) {
        supportDocs.add(v.doc);
        const r = this.reliabilityOf(v.doc);
        const prev = support.get(group);
        if (!prev || r < prev) support.set(group, r);
      } else if ((v.publishedAt ?? "") >= (latest.get(channelOf(v, cctx)) ?? "")) {
        against.add(group);
      }
    }
    for (const g of support.keys()) against.delete(g);
    const cred = credibility({ supporting: [...support.values()], contradicting: against.size });
    return {
      value: cand,
      independentSources: support.size,
      copies: supportDocs.size - support.size,
      contradictingSources: against.size,
      credibility: cred,
    };
  }

  /** Admiralty grade ("B2") of what one document says about an incident attribute. */
  grade(doc: string, fact: { incident: string; attribute: string; value?: unknown }): string {
    return this.gradeOf(this.incident(fact.incident), doc, fact);
  }

  private gradeOf(
    inc: Incident | undefined,
    doc: string,
    fact: { attribute: string; value?: unknown },
    related?: (a: string, b: string) => boolean,
  ): string {
    const rel = this.reliabilityOf(doc);
    let value = fact.value;
    if (value === undefined) {
      const own = (inc?.attributes[fact.attribute] ?? []).filter((v) => v.doc === doc);
      value = own[own.length - 1]?.value;
    }
    if (value === undefined) return gradeLabel(rel, 6);
    return gradeLabel(rel, this.corroborationOf(inc, fact.attribute, value, related).credibility);
  }

  /** Documents and events currently held (for benches and the status line). */
  stats(): { documents: number; events: number; incidents: number; entities: number } {
    return {
      documents: this.docs.size,
      events: this.events.size,
      incidents: new Set([...this.events.keys()].map((e) => this.incidentOfEvent(e))).size,
      entities: this.resolver.entities().length,
    };
  }
}
