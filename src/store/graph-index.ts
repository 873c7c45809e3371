// The actor graph as store rows, so /api/graph is a grouped query instead of a replay of every document's facts
// on each request. One row per edge occurrence (what GraphBuilder counts), with the day it is filtered on and an
// order key (`ord`) that sorts the rows as a full build meets them: incidents first in stored order (order.ts),
// then documents in replay order (dated first, oldest first, then id). Grouping the rows of an edge inside a
// window then gives the builder's count, earliest day and first five documents exactly.
// Rows are owned by a document (its events and claims) or by one incident (its fused perpetrator list), so a
// fusion write redoes only the owners it reaches: the incidents it wrote, and every owner whose rows went through a
// look-up the write changed (each look-up is kept as a ref; graph-keys.ts says which look-ups a write changed).
// The indexer is built from just the records those owners look up, read from the store by key.
import {
  type EdgeOccurrence,
  GraphBuilder,
  type GraphEdge,
  type GraphNode,
  type Relation,
} from "../fuse/actor-graph.js";
import type { DocFacts, Entity, Incident } from "../model/records.js";
import { incidentSeq } from "./order.js";
import type { Window } from "./types.js";

/** The owner of an incident's rows (a document id is hex, so never starts with "i:"). */
export const incidentOwner = (id: string): string => `i:${id}`;
/** The incident id of an owner of rows, or undefined when the owner is a document. */
export const ownerIncident = (owner: string): string | undefined =>
  owner.startsWith("i:") ? owner.slice(2) : undefined;

export interface GraphRow {
  owner: string;
  ord: string;
  edge: string;
  relation: Relation;
  source: string;
  target: string;
  day: string | null;
  doc: string;
}

/** What a fusion write changed, as far as the graph is concerned. */
export interface GraphChange {
  /** Refs whose owners (documents and incidents) must be redone. */
  refs: string[];
  /** Mention id prefixes of the changed entities: a document's mentions carry its id's first 12 characters. */
  prefixes: string[];
}

/** Reached owners as the documents and the incidents (other than those the write has in hand) to redo. */
export function splitOwners(
  owners: string[],
  u: { incidents: { id: string }[]; removed: string[] },
): { docs: string[]; incidents: string[] } {
  const known = new Set([...u.incidents.map((i) => i.id), ...u.removed]);
  const docs: string[] = [];
  const incidents: string[] = [];
  for (const o of new Set(owners)) {
    const inc = ownerIncident(o);
    if (inc === undefined) docs.push(o);
    else if (!known.has(inc)) incidents.push(inc);
  }
  return { docs, incidents };
}

/** The mention id prefix of a document (see graph-keys.ts). */
export const docPrefix = (doc: string): string => doc.slice(0, 12);

const pad = (n: number, width: number) => String(n).padStart(width, "0");
/** Between the parts of an order key: below every printable character, so "a" + SEP sorts before "ab". */
const SEP = "\u0001";

/**
 * Rows for one fusion state, built per write from the entities and incidents (each in stored order) that the owners
 * it redoes look up: every record holding a key they look up, so each look-up finds what it would among all.
 */
export class GraphIndexer {
  private builder: GraphBuilder;
  private rows: GraphRow[] = [];
  private refs = new Set<string>();
  private owner = "";
  /** The order key of the current incident or document, and the count of its rows so far. */
  private prefix = "";
  private k = 0;

  /** `entities` by id and `incidents` by (seq, id): the order getFusion reads them in, as the builder did. */
  constructor(entities: Entity[], incidents: Incident[]) {
    this.builder = new GraphBuilder(
      entities,
      incidents,
      {},
      {
        edge: (o) => this.rows.push(this.row(o)),
        ref: (r) => this.refs.add(r),
      },
    );
  }

  private row(o: EdgeOccurrence): GraphRow {
    return {
      owner: this.owner,
      ord: `${this.prefix}${SEP}${pad(this.k++, 6)}`,
      edge: o.edge,
      relation: o.relation,
      source: o.source,
      target: o.target,
      day: o.date ?? null,
      doc: o.doc,
    };
  }

  /** One incident's rows (its fused perpetrator list) and the refs they depend on. */
  incidentRows(inc: Incident): { rows: GraphRow[]; refs: string[] } {
    return this.owned(incidentOwner(inc.id), ["0", pad(incidentSeq(inc), 8), inc.id], () =>
      this.builder.addIncidents([inc]),
    );
  }

  /** One document's rows and the refs they depend on. */
  documentRows(facts: DocFacts, published: string | undefined): { rows: GraphRow[]; refs: string[] } {
    return this.owned(facts.doc, ["1", published ?? "~", facts.doc], () => this.builder.add(facts, published));
  }

  private owned(owner: string, prefix: string[], build: () => void): { rows: GraphRow[]; refs: string[] } {
    this.rows = [];
    this.refs = new Set();
    this.owner = owner;
    this.prefix = prefix.join(SEP);
    this.k = 0;
    build();
    return { rows: this.rows, refs: [...this.refs] };
  }

  /** The nodes met so far (labels and types of edge ends). */
  nodes(): GraphNode[] {
    return [...this.builder.nodes.values()];
  }
}

/** The SQL condition (both stores) on an occurrence's day for a window, with its parameters in order. */
export function dayWindow(q: Window, param: () => string): { where: string; args: string[] } {
  const conds: string[] = [];
  const args: string[] = [];
  if (q.from) {
    conds.push(`day >= ${param()}`);
    args.push(q.from);
  }
  if (q.to) {
    conds.push(`day <= ${param()}`);
    args.push(q.to);
  }
  // an undated occurrence is counted only when no window is set (GraphBuilder.inWindow)
  if (conds.length) conds.unshift("day IS NOT NULL");
  return { where: conds.length ? conds.join(" AND ") : "TRUE", args };
}

/** A grouped edge row as both stores return it. */
export function toGraphEdge(r: Record<string, unknown>): GraphEdge {
  const e: GraphEdge = {
    id: r.edge as string,
    source: r.source as string,
    target: r.target as string,
    relation: r.relation as Relation,
    count: Number(r.n),
    docs: [],
  };
  if (r.day) e.date = r.day as string;
  return e;
}

/** The first five distinct documents of each edge, from (edge, doc) rows sorted by edge then first ord. */
export function firstDocs(rows: Record<string, unknown>[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const docs = out.get(r.edge as string) ?? [];
    if (docs.length < 5) docs.push(r.doc as string);
    out.set(r.edge as string, docs);
  }
  return out;
}
