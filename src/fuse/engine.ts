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
import { EntityResolver, localRef } from "../resolve/entities/resolver.js";
import { collectAttributes, type MemberEvent } from "./attributes.js";
import { type EventFeatures, IncidentClusterer, toEventDate } from "./clusterer.js";
import { channelOf, findContradictions, valuesConflict } from "./contradictions.js";
import { isoDay } from "./days.js";
import { mainEventOf, withReportContext } from "./document.js";
import { familyOf } from "./families.js";
import { figureTokens } from "./figures.js";
import { credibility, gradeLabel } from "./grading.js";
import { assignIdentity, emptyIdentity, type IncidentIdentity, resolveAlias } from "./identity.js";
import { IncidentLayers, StoredIncidents } from "./incident-layers.js";
import { IndependenceGroups } from "./independence.js";
import { nameTokens, yearTokens } from "./names.js";
import { NearDuplicateIndex } from "./neardup.js";
import { type Corroboration, type FusionDelta, type FusionInput, Override } from "./types.js";

interface DocRecord {
  doc: Document;
  facts: DocFacts;
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
function groupFamily(entities: Iterable<Entity>): (a: string, b: string) => boolean {
  const gid = new Map<string, string>();
  const country = new Map<string, string>();
  for (const e of entities) {
    const m = /gazetteer:armed-groups:([\w-]+)/.exec(e.rule ?? "");
    if (m?.[1]) gid.set(e.id, m[1]);
    const cc = e.country ?? e.geo?.country;
    if ((e.type === "state" || e.type === "nationality") && cc) country.set(e.id, cc.toUpperCase());
  }
  return (a, b) => {
    const ca = country.get(a);
    if (ca && ca === country.get(b)) return true;
    const ga = gid.get(a);
    const gb = gid.get(b);
    if (!ga || !gb) return false;
    return armedGroup(ga)?.parent === gb || armedGroup(gb)?.parent === ga;
  };
}

/** A state and the nationality of its country share one perpetrator key ("country:IL"). */
function actorKey(entities: Iterable<Entity>): (id: string) => string {
  const key = new Map<string, string>();
  for (const e of entities) {
    const cc = e.country ?? e.geo?.country;
    if ((e.type === "state" || e.type === "nationality") && cc) key.set(e.id, `country:${cc.toUpperCase()}`);
  }
  return (id) => key.get(id) ?? id;
}

/**
 * The place an incident is named after: the places of its core events weighted by the documents that give
 * them; among those with at least half the best support, the most specific (facility › city › province ›
 * country), then the best supported.
 */
function titlePlace(
  pool: MemberEvent[],
  ctx: Parameters<typeof collectAttributes>[2],
  canon: Map<string, Entity>,
): string | undefined {
  const support = new Map<string, Set<string>>();
  for (const m of pool) {
    const pid = m.ev.place ? ctx.canonical(m.ev.doc, m.ev.place) : undefined;
    if (pid) support.set(pid, (support.get(pid) ?? new Set()).add(m.ev.doc));
  }
  if (!support.size) return undefined;
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

export class FusionEngine {
  private resolver = new EntityResolver();
  private clusterer = new IncidentClusterer((e) => `inc-${hash(e.id)}`);
  private docs = new Map<string, DocRecord>();
  private events = new Map<string, MemberEvent>();
  private docClusters = new Map<string, string[]>();
  private dups: NearDuplicateIndex;
  private groups = new IndependenceGroups();
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
    this.stored = new StoredIncidents(this.prevIdentity);
    for (const o of opts.overrides ?? []) this.overrides.set(o.id, Override.parse(o));
    this.rebuildLayers();
  }

  add(input: FusionInput): FusionDelta {
    const { doc, facts } = input;
    const delta: FusionDelta = { doc: doc.id, created: [], touched: [], entities: [], links: [], duplicateOf: [] };
    if (this.docs.has(doc.id)) return delta;
    this.cache = undefined;
    this.incLayers = undefined;
    const outlet = input.source?.id ?? (doc.outlet ? slug(doc.outlet) : `doc:${doc.id}`);
    const rec: DocRecord = {
      doc,
      facts,
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
    // independence: same outlet, and near-duplicate copies
    this.groups.union(doc.id, `outlet:${outlet}`);
    rec.duplicates = this.dups.add(doc.id, doc.text);
    for (const d of rec.duplicates) {
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
    const main = mainEventOf(feats.map((m) => m.feat));
    for (const m of feats) {
      if (m.feat !== main) continue;
      m.feat = withReportContext(
        main,
        feats.map((x) => x.feat),
      );
      m.feat.docNames = new Set([...nameTokens(doc.text), ...yearTokens(doc.text)]);
      m.feat.docFigures = figureTokens(facts.events);
      const recalls = feats.flatMap((x) =>
        x.feat.salience === "background" && x.feat.date && !x.feat.date.inferred ? [x.feat.date] : [],
      );
      if (recalls.length) m.feat.recalls = recalls;
    }
    const docClusters: string[] = [];
    // A main event that matches nothing may carry a wrong day (a misdated page): when another attack-like event of
    // the report joins a stored incident, that incident is the report's, and the main event is weighed against it.
    const lead = feats.find((m) => m.feat.salience !== "background" && m.feat.docNames);
    if (lead && !this.clusterer.probe(lead.feat)) {
      for (const m of feats) {
        if (m === lead || m.feat.salience === "background" || m.feat.family === "related") continue;
        const id = this.clusterer.probe(m.feat);
        if (id) {
          docClusters.push(id);
          break;
        }
      }
    }
    for (const m of feats) {
      const link =
        m.feat.salience === "background" ? this.clusterer.join(m.feat) : this.clusterer.add(m.feat, docClusters);
      if (!link) continue; // history the store holds no incident for: kept in the document's facts only
      this.events.set(m.ev.id, m);
      rec.events.push(m.ev.id);
      delta.links.push(link);
      if (!docClusters.includes(link.incident)) docClusters.push(link.incident);
      if (link.founded) delta.created.push(link.incident);
    }
    this.docClusters.set(doc.id, docClusters);
    delta.touched = docClusters.map((id) => this.resolveIncident(id));
    delta.created = delta.created.map((id) => this.resolveIncident(id));
    return delta;
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
      if (id) feat.participants.set(id, p.text);
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
    const entMerged = new Map<string, string>();
    const entPinned = new Map<string, string>();
    this.resolver.setOverrides({ merged: entMerged, pinned: entPinned });
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
          const target = `ent-split-${hash(o.id)}`;
          const wanted = new Set(o.members);
          for (const ref of this.resolver.membersOf(o.entity)) {
            const local = this.resolver.local(ref);
            const surfaces = local ? [local.name, ...local.aliases] : [];
            if (wanted.has(ref) || surfaces.some((s) => wanted.has(s))) entPinned.set(ref, target);
          }
          break;
        }
        default:
          break;
      }
    }
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
    const groups = new Map<string, { events: MemberEvent[]; claims: Claim[] }>();
    const group = (id: string): { events: MemberEvent[]; claims: Claim[] } => {
      let g = groups.get(id);
      if (!g) {
        g = { events: [], claims: [] };
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
      for (const c of rec.claims) {
        const about = c.about.map((id) => this.incidentOfEvent(id)).find((x) => x !== undefined);
        const inc = about ?? main;
        if (inc) group(inc).claims.push(c);
      }
    }
    const canon = new Map(this.resolver.entities().map((e) => [e.id, e]));
    const names = new Map([...canon.values()].map((e) => [e.id, e.name]));
    const ctx = {
      doc: (id: string) => {
        const r = this.docs.get(id);
        return r ? (r.published ? { publishedAt: r.published } : {}) : undefined;
      },
      canonical: (doc: string, local: string | undefined) =>
        local === undefined ? undefined : this.resolver.canonicalOf(localRef(doc, local)),
    };
    const members = new Map([...groups].map(([id, g]) => [id, g.events.map((m) => m.ev.id)]));
    const { idOf, identity } = assignIdentity(this.prevIdentity, members, this.layers().finalHints());
    const incidents: Incident[] = [];
    for (const [id, g] of groups) {
      incidents.push(this.buildIncident(id, idOf.get(id) ?? id, g.events, g.claims, ctx, canon));
    }
    incidents.sort((a, b) => {
      const da = a.date?.start ?? "9999";
      const db = b.date?.start ?? "9999";
      return da < db ? -1 : da > db ? 1 : a.id < b.id ? -1 : 1;
    });
    const outletNames = new Map<string, string>();
    for (const r of this.docs.values()) {
      const shown = r.source?.name ?? r.doc.outlet ?? (r.doc.title ? `“${r.doc.title.slice(0, 40)}”` : undefined);
      if (shown && !outletNames.has(r.outlet)) outletNames.set(r.outlet, shown);
    }
    const cctx = {
      outletOf: (doc: string) => this.docs.get(doc)?.outlet ?? doc,
      nameOf: (id: string) => names.get(id) ?? outletNames.get(id) ?? this.docs.get(id)?.source?.name ?? id,
      related: groupFamily(canon.values()),
      perpetratorKey: actorKey(canon.values()),
    };
    const contradictions = incidents.flatMap((i) => findContradictions(i, cctx));
    const byId = new Map(incidents.map((i) => [i.id, i]));
    const aliases = new Map(identity.aliases.map((a) => [a.alias, a.incident]));
    this.cache = { incidents, byId, identity, aliases, stableOf: idOf, contradictions, related: cctx.related };
    return this.cache;
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

  private buildIncident(
    layer: string,
    id: string,
    events: MemberEvent[],
    claims: Claim[],
    ctx: Parameters<typeof collectAttributes>[2],
    canon: Map<string, Entity>,
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
    const title = `${type}${place ? ` in ${canon.get(place)?.name ?? place}` : ""}${date ? ` on ${date.iso}` : ""}`;
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
    const inc = this.incident(incidentId);
    const values = inc?.attributes[attribute] ?? [];
    if (!values.length) return { value, independentSources: 0, copies: 0, contradictingSources: 0, credibility: 6 };
    const candidates = value === undefined ? values.map((v) => v.value) : [value];
    let best: Corroboration | undefined;
    for (const cand of candidates) {
      const c = this.corroborate(attribute, cand, values);
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

  private corroborate(attribute: string, cand: unknown, values: AttributeValue[]): Corroboration {
    const cctx = { outletOf: (d: string) => this.docs.get(d)?.outlet ?? d, nameOf: (x: string) => x };
    const related = attribute === "perpetrator" ? this.materialise().related : undefined;
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
    const rel = this.reliabilityOf(doc);
    let value = fact.value;
    if (value === undefined) {
      const own = (this.incident(fact.incident)?.attributes[fact.attribute] ?? []).filter((v) => v.doc === doc);
      value = own[own.length - 1]?.value;
    }
    if (value === undefined) return gradeLabel(rel, 6);
    return gradeLabel(rel, this.corroboration(fact.incident, fact.attribute, value).credibility);
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
