// The look-up keys of the fused records, kept as store rows (graph_keys) so that a fusion write can index the graph
// from the few records its documents and incidents look up, instead of loading every entity and incident.
// An entity's keys: each mention id (`m:`), each (type, alias) it answers to (`a:`, the builder's aliasKey) and one
// signature (`s:`) of what the rows read from it (type, whether a country, name). An incident's keys: its events
// (`v:`). What a write changed is then the difference between the stored keys and the new ones: a mention that
// moved reaches the documents of its id prefix, an alias or event that moved reaches the documents whose look-ups
// went through it (their refs), and a changed signature reaches every row that found the entity (`e:` refs). An
// entity whose mentions grew but whose signature stayed (the common ingest) does not redo the documents naming it.
import { aliasKey } from "../fuse/actor-graph.js";
import type { FusionChanges } from "../fuse/types.js";
import type { DocFacts, Entity, Incident } from "../model/records.js";
import type { GraphChange } from "./graph-index.js";

export type KeyKind = "entity" | "incident";

export interface KeyRow {
  kind: KeyKind;
  id: string;
  key: string;
}

export function entityKeys(e: Entity): string[] {
  const keys = new Set([`s:${e.type}|${e.geo?.precision === "country" ? "country" : ""}|${e.name}`]);
  for (const m of e.mentions) keys.add(`m:${m}`);
  for (const a of [e.name, ...e.aliases]) keys.add(`a:${aliasKey(e.type, a)}`);
  return [...keys];
}

export const incidentKeys = (i: Incident): string[] => [...new Set(i.events.map((ev) => `v:${ev}`))];

export function keyRows(entities: Entity[], incidents: Incident[]): KeyRow[] {
  return [
    ...entities.flatMap((e) => entityKeys(e).map((key) => ({ kind: "entity" as const, id: e.id, key }))),
    ...incidents.flatMap((i) => incidentKeys(i).map((key) => ({ kind: "incident" as const, id: i.id, key }))),
  ];
}

/** The records a write rewrites the keys of (removed incidents have none after it). */
export function keyOwners(u: Pick<FusionChanges, "entities" | "incidents" | "removed">): [KeyKind, string][] {
  return [
    ...u.entities.map((e) => ["entity", e.id] as [KeyKind, string]),
    ...[...u.incidents.map((i) => i.id), ...u.removed].map((id) => ["incident", id] as [KeyKind, string]),
  ];
}

const rowId = (r: KeyRow) => `${r.kind}\u0000${r.id}\u0000${r.key}`;

/** The key rows to add and drop for a write, given the stored rows of its keyOwners, and what that changed. */
export function keyDiff(
  stored: KeyRow[],
  u: Pick<FusionChanges, "entities" | "incidents">,
): { add: KeyRow[]; drop: KeyRow[]; change: GraphChange } {
  const before = new Map(stored.map((r) => [rowId(r), r]));
  const after = new Map(keyRows(u.entities, u.incidents).map((r) => [rowId(r), r]));
  const add = [...after].filter(([k]) => !before.has(k)).map(([, r]) => r);
  const drop = [...before].filter(([k]) => !after.has(k)).map(([, r]) => r);
  const refs = new Set<string>();
  const prefixes = new Set<string>();
  for (const { id, key } of [...add, ...drop]) {
    const body = key.slice(2);
    if (key.startsWith("s:")) refs.add(`e:${id}`);
    else if (key.startsWith("m:")) {
      const cut = body.indexOf(":");
      if (cut > 0) prefixes.add(body.slice(0, cut));
    } else refs.add(key); // `a:` and `v:` keys are also the refs of the look-ups made by them
  }
  return { add, drop, change: { refs: [...refs], prefixes: [...prefixes] } };
}

/** What indexing these documents and incidents looks up: entity keys, entity ids, incident keys (a superset). */
export function lookupsOf(
  facts: DocFacts[],
  incidents: Incident[],
): { entityKeys: string[]; entityIds: string[]; incidentKeys: string[] } {
  const keys = new Set<string>();
  const ids = new Set<string>();
  const events = new Set<string>();
  for (const f of facts) {
    for (const e of f.entities) {
      for (const m of e.mentions) keys.add(`m:${m}`);
      keys.add(`a:${aliasKey(e.type, e.name)}`);
    }
    for (const c of f.claims) for (const a of c.about) events.add(`v:${a}`);
  }
  for (const i of incidents) {
    for (const p of i.perpetrators) {
      ids.add(p.entity);
      if (p.by) ids.add(p.by);
    }
  }
  return { entityKeys: [...keys], entityIds: [...ids], incidentKeys: [...events] };
}
