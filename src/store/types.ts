// The storage contract. SQLite (embedded, default) implements it today; a PostgreSQL implementation
// for teams will satisfy the same interface, which is why every method is async.

import type { GraphEdge, GraphNode } from "../fuse/actor-graph.js";
import type { IncidentAssessment } from "../fuse/assessment.js";
import type { IncidentIdentity } from "../fuse/identity.js";
import type { StateRow } from "../fuse/state.js";
import type { FusionChanges } from "../fuse/types.js";
import type { AuditEntry } from "../model/accounts.js";
import type {
  Claim,
  Contradiction,
  DocFacts,
  Document,
  Entity,
  Event,
  Incident,
  Judgment,
  Mention,
  Reliability,
  Review,
  Source,
} from "../model/records.js";

export type PutStatus = "ok" | "duplicate";

export interface DocumentSummary {
  id: string;
  title?: string;
  outlet?: string;
  author?: string;
  url?: string;
  origin: string;
  published?: string;
  publishedPrecision?: string;
  language: string;
  format: string;
  chars: number;
  fetchedAt: string;
}

export interface SearchHit extends DocumentSummary {
  snippet: string;
  rank: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** A window of days, YYYY-MM-DD, inclusive; open at either end. */
export interface Window {
  from?: string;
  to?: string;
}

export interface IncidentQuery extends Window {
  limit?: number;
  offset?: number;
  /** With a window: whether undated incidents are kept too (default false). */
  undated?: boolean;
}

export interface DatedEvent {
  doc: string;
  event: Event;
  incident?: string;
}

export interface ListQuery {
  limit?: number;
  offset?: number;
  outlet?: string;
  language?: string;
  from?: string; // publication date lower bound, YYYY-MM-DD
  to?: string;
}

/** Fusion output persisted as a whole; recomputed from the facts and the analyst overrides. */
export interface FusionSnapshot {
  entities: Entity[];
  incidents: Incident[];
  contradictions: Contradiction[];
  /** Stable incident ids (members and aliases); left as stored when absent (e.g. a STIX import). */
  identity?: IncidentIdentity;
  /** Grades and corroboration per incident, for the incident page. */
  assessments?: IncidentAssessment[];
  /** The fusion engine's state (replaces the stored one); absent: the stored state is dropped (it no longer fits). */
  state?: FusionState;
}

/** The saved fusion engine (fuse/state.ts) and a version that changes with every write of it. */
export interface FusionState {
  version: string;
  rows: StateRow[];
}

/** An incremental fusion's writes (fuse/types.ts) and the state rows that changed, applied in one transaction. */
export interface FusionUpdate extends FusionChanges {
  state: FusionState;
}

export interface ExportBundle {
  format: "tessera-export";
  version: 1;
  exportedAt: string;
  sources: Source[];
  documents: Document[];
  mentions: Mention[];
  entities: Entity[];
  events: Event[];
  claims: Claim[];
  judgments: Judgment[];
  incidents: Incident[];
  contradictions: Contradiction[];
  /** Analyst work: verdicts on extractions, fusion overrides (merge/split/move), ACH matrices. */
  reviews: Review[];
  overrides: unknown[];
  ach: unknown[];
  /** Who did what, when, with before and after (append-only records collection "audit"). */
  audit: AuditEntry[];
}

/** One document of a bulk write: stored (or a duplicate), or the reason it was refused (nothing of it was kept). */
export type PutResult = { id: string; status: PutStatus } | { id: string; error: Error };

export interface Store {
  /** Stores a document (and its facts) in one transaction; the same text twice is a duplicate, not a copy. */
  putDocument(doc: Document, facts?: DocFacts): Promise<{ status: PutStatus; id: string }>;
  /**
   * Stores many documents in one transaction, each inside its own savepoint: a document that fails mid-write is
   * rolled back alone (nothing of it is kept) and reported, the others are stored. Results are in input order.
   */
  putDocuments(items: { doc: Document; facts?: DocFacts }[]): Promise<PutResult[]>;
  /** Finds by full id or by an unambiguous id prefix (at least 6 hex characters). */
  getDocument(idOrPrefix: string): Promise<Document | undefined>;
  listDocuments(q?: ListQuery): Promise<Page<DocumentSummary>>;
  /** Summaries (no text) of the documents with these full ids, those found. */
  getSummaries(ids: string[]): Promise<DocumentSummary[]>;
  search(query: string, q?: { limit?: number; offset?: number }): Promise<Page<SearchHit>>;
  countDocuments(): Promise<number>;
  /** Replaces the facts of one document atomically. */
  putFacts(facts: DocFacts): Promise<void>;
  getFacts(docId: string): Promise<DocFacts | undefined>;
  allFacts(): AsyncIterable<DocFacts>;
  upsertSource(name: string, reliability?: Reliability, notes?: string): Promise<Source>;
  listSources(): Promise<Source[]>;
  putFusion(snapshot: FusionSnapshot): Promise<void>;
  /** Applies what incremental fusion changed (upserts, deletions, state rows) in one transaction. */
  putFusionUpdate(update: FusionUpdate): Promise<void>;
  /** The saved fusion engine: every row, in the order first written (undefined when none is stored). */
  getFusionState(): Promise<FusionState | undefined>;
  /** The version of the saved fusion engine (cheap: tells a process whether its engine in memory is current). */
  fusionStateVersion(): Promise<string | undefined>;
  getFusion(): Promise<FusionSnapshot>;
  /** The stored incident ids: which incident each event belongs to, and retired ids (aliases). */
  getIdentity(): Promise<IncidentIdentity>;
  /** The live incident id an incident id or alias stands for (undefined when neither). */
  resolveIncidentId(id: string): Promise<string | undefined>;
  /** The id of the incident an extracted event belongs to (undefined when it is in none). */
  incidentOfEvent(event: string): Promise<string | undefined>;
  /** One incident by id or alias, read from its own row. */
  getIncident(id: string): Promise<Incident | undefined>;
  /** Incidents in stored order (date, then id), one page at a time; a window keeps those dated in it. */
  listIncidents(q?: IncidentQuery): Promise<Page<Incident>>;
  /** Extracted events dated in a window (publication order), with the incident each belongs to. */
  listDatedEvents(q: Window & { limit: number }): Promise<{ items: DatedEvent[]; total: number; undated: number }>;
  /** How many incidents (dated in the window, or undated) each place entity names. */
  incidentsPerPlace(q?: Window): Promise<Map<string, number>>;
  /** Geocoded entities other than states, in stored order. */
  listGeocodedEntities(): Promise<Entity[]>;
  /** The stored grades and corroboration of one incident (by its live id). */
  getAssessment(id: string): Promise<IncidentAssessment | undefined>;
  /** Canonical entities by id (those found). */
  getEntities(ids: string[]): Promise<Entity[]>;
  /** The contradictions of one incident. */
  incidentContradictions(id: string): Promise<Contradiction[]>;
  /**
   * The actor graph's edges in a window (of these relations when given), each counted over its occurrences in
   * the window, with their end nodes; `docs` is left empty (graphEdgeDocs). Kept with every fusion write.
   */
  graphEdges(q: Window & { relations?: string[] }): Promise<{ nodes: GraphNode[]; edges: GraphEdge[] }>;
  /** The first five documents of each of these edges in a window, in the order a full replay meets them. */
  graphEdgeDocs(edges: string[], q?: Window): Promise<Map<string, string[]>>;
  /** Analyst overrides and settings, stored as JSON documents keyed by id. */
  putRecord(collection: string, id: string, value: unknown): Promise<void>;
  deleteRecord(collection: string, id: string): Promise<void>;
  listRecords<T = unknown>(collection: string): Promise<T[]>;
  exportAll(): Promise<ExportBundle>;
  close(): Promise<void>;
}
