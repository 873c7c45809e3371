// Incremental cross-document entity resolution. Each document's entities are doc-local; the resolver links
// every local entity ("doc#local") to a canonical entity, found through indexes (name keys, acronyms, surname
// keys, gazetteer and GeoNames ids) so adding one document never scans all entities. Every merge keeps its
// evidence. Analyst overrides (merge / unmerge) are a layer over the automatic result, so they survive replay
// and undoing one simply removes it.
import { createHash } from "node:crypto";
import type { Entity } from "../../model/records.js";
import { type EntityFeatures, features, matchFeatures, orgNameKey } from "./match.js";
import { lightNormalise } from "./names.js";

export interface MergeEvidence {
  /** The local entity ("doc#local") that joined. */
  member: string;
  /** The member of the canonical entity it was matched against. */
  matched: string;
  reason: string;
}

interface Member {
  ref: string;
  entity: Entity;
  f: EntityFeatures;
}

interface Cluster {
  id: string;
  members: Member[];
  /** One member per distinct description: matching compares against these, so cost does not grow with mentions. */
  reps: Map<string, Member>;
  evidence: MergeEvidence[];
}

function signature(f: EntityFeatures): string {
  return JSON.stringify([f.type, [...f.surfaces].sort(), f.gazetteer, f.geonamesId, f.country, f.role, f.affiliation]);
}

/**
 * An analyst's unmerge: the members of `entity` named by ref or by surface move to `target`. Kept as a rule, not
 * as a list of refs, so that refs added after it was made (every ref, on a replay that starts from nothing) follow it.
 */
export interface EntityUnmerge {
  entity: string;
  wanted: ReadonlySet<string>;
  target: string;
}

export interface EntityOverrideLayer {
  /** Canonical id → the canonical id it was merged into. */
  merged: Map<string, string>;
  /** Unmerges in the order they were made. */
  unmerges: EntityUnmerge[];
}

export function localRef(doc: string, local: string): string {
  return `${doc}#${local}`;
}

function shortHash(s: string): string {
  return createHash("sha1").update(s).digest("hex").slice(0, 12);
}

/** The key a canonical id is derived from: gazetteer id, GeoNames id, or type group + normalised name. */
function canonicalKey(f: EntityFeatures): string {
  if (f.gazetteer) return `gaz:${f.gazetteer}`;
  if (f.geonamesId !== undefined) return `gn:${f.geonamesId}`;
  if (f.group === "person" && f.personKeys?.length) return `person:${f.personKeys.join(" ")}`;
  return `${f.group}:${orgNameKey(f.name) || lightNormalise(f.name)}`;
}

export class EntityResolver {
  private clusters = new Map<string, Cluster>();
  private memberOf = new Map<string, string>(); // local ref → cluster id
  private byRef = new Map<string, Member>();
  private index = new Map<string, Set<string>>(); // key → cluster ids
  private layer: EntityOverrideLayer = { merged: new Map(), unmerges: [] };
  /** Per unmerge, whether a ref is one it names (a ref's surfaces never change once added). */
  private unmergeHits = new Map<EntityUnmerge, Map<string, boolean>>();

  /** Refills the ref → member map from the clusters (after loading saved state, which leaves it out). */
  restoreRefs(): void {
    this.byRef.clear();
    for (const c of this.clusters.values()) for (const m of c.members) this.byRef.set(m.ref, m);
  }

  /** Link a document's local entities; returns local id → canonical id (after overrides). */
  addDocument(doc: string, entities: Entity[], mentionIdsByEntity?: Map<string, string[]>): Map<string, string> {
    const out = new Map<string, string>();
    for (const e of entities) {
      const ref = localRef(doc, e.id);
      if (this.memberOf.has(ref)) {
        out.set(e.id, this.canonicalOf(ref) ?? "");
        continue;
      }
      const extra = mentionIdsByEntity?.get(e.id);
      const entity = extra ? { ...e, mentions: [...new Set([...e.mentions, ...extra])] } : e;
      const m: Member = { ref, entity, f: features(entity) };
      const target = this.findCluster(m);
      let cluster: Cluster;
      if (target) {
        cluster = target.cluster;
        cluster.members.push(m);
        const sig = signature(m.f);
        if (!cluster.reps.has(sig)) cluster.reps.set(sig, m);
        cluster.evidence.push({ member: ref, matched: target.matched, reason: target.reason });
      } else {
        cluster = {
          id: this.newId(canonicalKey(m.f)),
          members: [m],
          reps: new Map([[signature(m.f), m]]),
          evidence: [],
        };
        this.clusters.set(cluster.id, cluster);
      }
      this.memberOf.set(ref, cluster.id);
      this.byRef.set(ref, m);
      for (const k of this.keysOf(m.f)) {
        let s = this.index.get(k);
        if (!s) {
          s = new Set();
          this.index.set(k, s);
        }
        s.add(cluster.id);
      }
      out.set(e.id, this.canonicalOf(ref) ?? cluster.id);
    }
    return out;
  }

  private newId(key: string): string {
    const base = `ent-${shortHash(key)}`;
    if (!this.clusters.has(base)) return base;
    let i = 2;
    while (this.clusters.has(`${base}-${i}`)) i++;
    return `${base}-${i}`;
  }

  private keysOf(f: EntityFeatures): string[] {
    const keys: string[] = [];
    if (f.gazetteer) keys.push(`gaz:${f.gazetteer}`);
    if (f.geonamesId !== undefined) keys.push(`gn:${f.geonamesId}`);
    for (const n of f.nameKeys) keys.push(`${f.group}|n:${n}`);
    for (const a of f.acronyms) keys.push(`${f.group}|a:${a}`);
    for (const a of f.expansionAcronyms) keys.push(`${f.group}|a:${a}`);
    if (f.personKeys?.length) keys.push(`person|s:${f.personKeys[f.personKeys.length - 1]}`);
    return keys;
  }

  private findCluster(m: Member): { cluster: Cluster; matched: string; reason: string } | undefined {
    const candidates = new Set<string>();
    for (const k of this.keysOf(m.f)) for (const id of this.index.get(k) ?? []) candidates.add(id);
    const group = m.f.group;
    const ambiguous = (key: string): boolean => (this.index.get(`${group}|${key}`)?.size ?? 0) > 1;
    let best: { cluster: Cluster; matched: string; reason: string } | undefined;
    let weak: { cluster: Cluster; matched: string; reason: string }[] = [];
    for (const id of candidates) {
      const c = this.clusters.get(id);
      if (!c) continue;
      let blocked = false;
      let hit: { matched: string; reason: string } | undefined;
      let weakHit: { matched: string; reason: string } | undefined;
      for (const other of c.reps.values()) {
        const r = matchFeatures(m.f, other.f, ambiguous);
        if (r.blocked) {
          blocked = true;
          break;
        }
        if (r.match && !hit) hit = { matched: other.ref, reason: r.reason };
        else if (r.strength === "weak" && !weakHit) weakHit = { matched: other.ref, reason: r.reason };
      }
      if (blocked) continue;
      if (hit && !best) best = { cluster: c, ...hit };
      else if (!hit && weakHit) weak.push({ cluster: c, ...weakHit });
    }
    if (best) return best;
    // A weak cue (a surname, an ambiguous alias) links only with a second cue: the same role or affiliation,
    // and only when exactly one canonical entity qualifies.
    weak = weak.filter((w) => [...w.cluster.reps.values()].some((o) => secondCue(m.f, o.f)));
    if (weak.length === 1 && weak[0]) {
      const w = weak[0];
      const o = [...w.cluster.reps.values()].find((x) => secondCue(m.f, x.f));
      return { ...w, reason: `${w.reason}; also ${describeSecondCue(m.f, o?.f)}` };
    }
    return undefined;
  }

  /** Replace the override layer (the fusion engine rebuilds it from the stored overrides). */
  setOverrides(layer: EntityOverrideLayer): void {
    this.layer = layer;
    this.unmergeHits.clear();
  }

  /** An id and the ids analyst merges folded it into, in order. */
  private mergeChain(start: string): string[] {
    const chain = [start];
    let id = start;
    const seen = new Set<string>();
    while (this.layer.merged.has(id) && !seen.has(id)) {
      seen.add(id);
      id = this.layer.merged.get(id) ?? id;
      chain.push(id);
    }
    return chain;
  }

  private names(u: EntityUnmerge, ref: string): boolean {
    let hits = this.unmergeHits.get(u);
    if (!hits) {
      hits = new Map();
      this.unmergeHits.set(u, hits);
    }
    let hit = hits.get(ref);
    if (hit === undefined) {
      const local = this.local(ref);
      hit = u.wanted.has(ref) || (local ? [local.name, ...local.aliases].some((x) => u.wanted.has(x)) : false);
      hits.set(ref, hit);
    }
    return hit;
  }

  /** Canonical id of a local ref, overrides applied: merges followed, then each unmerge that names the ref. */
  canonicalOf(ref: string): string | undefined {
    const base = this.memberOf.get(ref);
    if (base === undefined || (!this.layer.merged.size && !this.layer.unmerges.length)) return base;
    let chain = this.mergeChain(base);
    for (const u of this.layer.unmerges) {
      if (chain.includes(u.entity) && this.names(u, ref)) chain = this.mergeChain(u.target);
    }
    return chain[chain.length - 1];
  }

  /** Canonical id before overrides (what fusion indexes use). */
  baseOf(ref: string): string | undefined {
    return this.memberOf.get(ref);
  }

  membersOf(canonicalId: string): string[] {
    const out: string[] = [];
    for (const ref of this.memberOf.keys()) if (this.canonicalOf(ref) === canonicalId) out.push(ref);
    return out;
  }

  evidence(canonicalId: string): MergeEvidence[] {
    const out: MergeEvidence[] = [];
    for (const c of this.clusters.values()) {
      for (const ev of c.evidence) if (this.canonicalOf(ev.member) === canonicalId) out.push(ev);
    }
    for (const [from, to] of this.layer.merged) {
      if (to === canonicalId) out.push({ member: from, matched: to, reason: "analyst merge" });
    }
    return out;
  }

  /** Canonical entities with every surface form and mention of their members. */
  entities(): Entity[] {
    const groups = new Map<string, Member[]>();
    for (const c of this.clusters.values()) {
      for (const m of c.members) {
        const id = this.canonicalOf(m.ref) ?? c.id;
        let g = groups.get(id);
        if (!g) {
          g = [];
          groups.set(id, g);
        }
        g.push(m);
      }
    }
    const out: Entity[] = [];
    for (const [id, members] of groups) out.push(buildEntity(id, members));
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * The canonical entities with these ids, as `entities()` builds them, without building the others: without
   * analyst overrides a canonical entity is one cluster; with them, every cluster is looked at once.
   */
  entitiesOf(ids: Iterable<string>): Entity[] {
    const wanted = new Set(ids);
    const groups = new Map<string, Member[]>();
    const scan = this.layer.merged.size || this.layer.unmerges.length ? this.clusters.values() : undefined;
    const clusters = scan ?? [...wanted].flatMap((id) => this.clusters.get(id) ?? []);
    for (const c of clusters) {
      for (const m of c.members) {
        const id = this.canonicalOf(m.ref) ?? c.id;
        if (!wanted.has(id)) continue;
        const g = groups.get(id);
        if (g) g.push(m);
        else groups.set(id, [m]);
      }
    }
    return [...groups].map(([id, members]) => buildEntity(id, members));
  }

  entity(id: string): Entity | undefined {
    const members: Member[] = [];
    for (const c of this.clusters.values())
      for (const m of c.members) if (this.canonicalOf(m.ref) === id) members.push(m);
    return members.length ? buildEntity(id, members) : undefined;
  }

  /** The doc-local entity behind a ref. */
  local(ref: string): Entity | undefined {
    return this.byRef.get(ref)?.entity;
  }
}

function secondCue(a: EntityFeatures, b: EntityFeatures): boolean {
  return Boolean((a.role && a.role === b.role) || (a.affiliation && a.affiliation === b.affiliation));
}

function describeSecondCue(a: EntityFeatures, b: EntityFeatures | undefined): string {
  if (b && a.role && a.role === b.role) return `same role "${a.role}"`;
  return `same affiliation "${a.affiliation ?? ""}"`;
}

function buildEntity(id: string, members: Member[]): Entity {
  const first = members[0]?.entity;
  // canonical name: the most frequent surface among the longest-token names (a full name beats a surname)
  const counts = new Map<string, number>();
  for (const m of members) for (const s of [m.entity.name]) counts.set(s, (counts.get(s) ?? 0) + 1);
  const names = [...counts.entries()].sort(
    (a, b) => b[0].split(/\s+/).length - a[0].split(/\s+/).length || b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
  );
  const aliases = new Set<string>();
  const mentions = new Set<string>();
  for (const m of members) {
    aliases.add(m.entity.name);
    for (const a of m.entity.aliases) aliases.add(a);
    for (const x of m.entity.mentions) mentions.add(x);
  }
  const e: Entity = {
    id,
    type: first?.type ?? "organization",
    name: names[0]?.[0] ?? first?.name ?? id,
    aliases: [...aliases].sort(),
    mentions: [...mentions],
  };
  const pick = <K extends "role" | "affiliation" | "country" | "geo" | "rule">(k: K): Entity[K] | undefined =>
    members.map((m) => m.entity[k]).find((v) => v !== undefined);
  const role = pick("role");
  if (role) e.role = role;
  const aff = pick("affiliation");
  if (aff) e.affiliation = aff;
  const country = pick("country");
  if (country) e.country = country;
  const geo = pick("geo");
  if (geo) e.geo = geo;
  const rule = pick("rule");
  e.rule = members.length > 1 ? `fusion:merged(${members.length})${rule ? `;${rule}` : ""}` : rule;
  if (e.rule === undefined) delete e.rule;
  return e;
}
