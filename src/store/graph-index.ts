// The actor graph as store rows, so /api/graph is a grouped query instead of a replay of every document's facts
// on each request. One row per edge occurrence (what GraphBuilder counts), with the day it is filtered on and an
// order key (`ord`) that sorts the rows as a full build meets them: incidents first in stored order (order.ts),
// then documents in replay order (dated first, oldest first, then id). Grouping the rows of an edge inside a
// window then gives the builder's count, earliest day and first five documents exactly.
// Rows are owned by a document (its events and claims) or by INCIDENTS (the fused perpetrator lists). A fusion
// write redoes the incident rows (cheap: one pass over the incidents) and the rows of the documents that depend
// on what it changed: every canonical lookup a document's edges went through is kept as a ref, and a changed
// entity also reaches the documents of its mentions by their id prefix (extract/entities/ids.ts).
import {
  aliasKey,
  type EdgeOccurrence,
  GraphBuilder,
  type GraphEdge,
  type GraphNode,
  type Relation,
} from "../fuse/actor-graph.js";
import type { DocFacts, Entity, Incident } from "../model/records.js";
import { incidentSeq } from "./order.js";
import type { Window } from "./types.js";

/** The owner of the rows drawn from fused incidents (a document id is never empty). */
export const INCIDENTS = "";

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
  /** Refs whose documents must be redone. */
  refs: string[];
  /** Mention id prefixes of the changed entities: a document's mentions carry its id's first 12 characters. */
  prefixes: string[];
}

export function graphChange(entities: Entity[], incidents: Incident[]): GraphChange {
  const refs = new Set<string>();
  const prefixes = new Set<string>();
  for (const e of entities) {
    refs.add(`e:${e.id}`);
    for (const a of [e.name, ...e.aliases]) refs.add(`a:${aliasKey(e.type, a)}`);
    for (const m of e.mentions) {
      const cut = m.indexOf(":");
      if (cut > 0) prefixes.add(m.slice(0, cut));
    }
  }
  // a retired incident's events are in the incidents that took them, so those cover its documents
  for (const i of incidents) for (const ev of i.events) refs.add(`v:${ev}`);
  return { refs: [...refs], prefixes: [...prefixes] };
}

/** The mention id prefix of a document (see graphChange). */
export const docPrefix = (doc: string): string => doc.slice(0, 12);

const pad = (n: number, width: number) => String(n).padStart(width, "0");
/** Between the parts of an order key: below every printable character, so "a" + SEP sorts before "ab". */
const SEP = "\u0001";

/** Rows for one fusion state: built once per write from every entity and incident in stored order. */
export class GraphIndexer {
  private builder: GraphBuilder;
  private rows: GraphRow[] = [];
  private refs = new Set<string>();
  private owner = INCIDENTS;
  /** The order key of the current incident or document, and the count of its rows so far. */
  private prefix = "";
  private k = 0;

  /** `entities` by id and `incidents` by (seq, id): the order getFusion reads them in, as the builder did. */
  constructor(
    entities: Entity[],
    private incidents: Incident[],
  ) {
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

  /** The rows of the fused perpetrator lists. */
  incidentRows(): GraphRow[] {
    this.rows = [];
    this.owner = INCIDENTS;
    for (const inc of this.incidents) {
      this.prefix = ["0", pad(incidentSeq(inc), 8), inc.id].join(SEP);
      this.k = 0;
      this.builder.addIncidents([inc]);
    }
    return this.rows;
  }

  /** One document's rows and the refs they depend on. */
  documentRows(facts: DocFacts, published: string | undefined): { rows: GraphRow[]; refs: string[] } {
    this.rows = [];
    this.refs = new Set();
    this.owner = facts.doc;
    this.prefix = ["1", published ?? "~", facts.doc].join(SEP);
    this.k = 0;
    this.builder.add(facts, published);
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
