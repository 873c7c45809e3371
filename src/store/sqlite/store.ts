// Embedded store on better-sqlite3 (WAL, FTS5). better-sqlite3 is synchronous; the async Store
// contract exists for the PostgreSQL implementation, so methods here resolve immediately.
import Database from "better-sqlite3";
import type { GraphEdge, GraphNode } from "../../fuse/actor-graph.js";
import type { IncidentAssessment } from "../../fuse/assessment.js";
import type { IncidentIdentity } from "../../fuse/identity.js";
import type { StateRow } from "../../fuse/state.js";
import type { AuditEntry } from "../../model/accounts.js";
import { slug } from "../../model/document.js";
import type {
  Contradiction,
  DocFacts,
  Document,
  Entity,
  Event,
  Incident,
  Reliability,
  Review,
  Source,
} from "../../model/records.js";
import {
  dayWindow,
  docPrefix,
  firstDocs,
  GraphIndexer,
  type GraphRow,
  incidentOwner,
  splitOwners,
  toGraphEdge,
} from "../graph-index.js";
import { type KeyRow, keyDiff, keyOwners, keyRows, lookupsOf } from "../graph-keys.js";
import { contradictionSeqs, incidentSeq } from "../order.js";
import { clampLimit, type Row, toDocument, toSource, toSummary } from "../rows.js";
import type {
  DatedEvent,
  DocumentSummary,
  ExportBundle,
  FusionSnapshot,
  FusionState,
  FusionUpdate,
  IncidentQuery,
  ListQuery,
  Page,
  PutResult,
  PutStatus,
  SearchHit,
  Store,
  Window,
} from "../types.js";
import { decodeFact, decodeFacts, decodeRecord, encodeFacts, encodeRecord } from "./fact-codec.js";
import { ftsQuery } from "./fts-query.js";
import { migrations } from "./migrations.js";
import { keyHash, packStateValue, registerStateFunctions, StateParts, unpackStateValue } from "./state-rows.js";

/** How long one statement waits for another process's write lock; a large fusion write can take seconds. */
const BUSY_TIMEOUT_MS = 15_000;
/** Rows per statement of a full state write (4 parameters each, well under SQLite's limit). */
const STATE_CHUNK = 200;
/** The fusion_state row holding the state's version. */
const VERSION_PART = "version";
/** Attempts at BEGIN IMMEDIATE before "database is locked" is passed on (so up to about a minute). */
const BUSY_RETRIES = 4;
const FACT_KINDS = ["mention", "entity", "event", "claim", "judgment"] as const;
type FactKind = (typeof FACT_KINDS)[number];
const FACT_ARRAYS: Record<FactKind, keyof Omit<DocFacts, "doc">> = {
  mention: "mentions",
  entity: "entities",
  event: "events",
  claim: "claims",
  judgment: "judgments",
};

/** SQL for incidents dated in a window (and, when asked, undated ones). */
function incidentWindow(q: Window, undated: boolean): { where: string; args: string[] } {
  const start = "json_extract(data, '$.date.start')";
  const end = "json_extract(data, '$.date.end')";
  const conds: string[] = [];
  const args: string[] = [];
  if (q.from) {
    conds.push(`${end} >= ?`);
    args.push(q.from);
  }
  if (q.to) {
    conds.push(`${start} <= ?`);
    args.push(q.to);
  }
  if (!conds.length) return { where: "kind = 'incident'", args };
  const dated = conds.join(" AND ");
  return { where: `kind = 'incident' AND (${dated}${undated ? ` OR ${start} IS NULL` : ""})`, args };
}

const SUMMARY_COLUMNS = `id, title, outlet, author, url, origin, published_iso, published_precision, language, format,
  length(text) AS chars, fetched_at`;

export class SqliteStore implements Store {
  readonly db: Database.Database;

  constructor(readonly file: string) {
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    registerStateFunctions(this.db);
    this.migrate();
  }

  /**
   * Runs `fn` as one write transaction that takes the write lock when it begins (BEGIN IMMEDIATE).
   * Why: a deferred transaction reads first and upgrades to a writer later; in WAL mode that upgrade
   * fails at once with "database is locked" when another process wrote in between, without waiting
   * for the busy timeout, so two ingests into one file lost documents. Taking the lock at BEGIN makes
   * the wait apply, and a BEGIN still refused after the timeout (a long fusion write in another
   * process) is retried a few times before the error is passed on.
   */
  private write<T>(fn: () => T): T {
    const tx = this.db.transaction(fn);
    for (let attempt = 1; ; attempt++) {
      try {
        return tx.immediate();
      } catch (e) {
        const code = (e as { code?: string }).code ?? "";
        if (!code.startsWith("SQLITE_BUSY") || attempt >= BUSY_RETRIES || this.db.inTransaction) throw e;
      }
    }
  }

  private migrate(): void {
    const version = (): number => this.db.pragma("user_version", { simple: true }) as number;
    for (const m of migrations) {
      if (version() >= m.version) continue; // no write lock for a store that is up to date
      // re-read inside the lock: another process may have migrated while this one waited
      this.write(() => {
        if (version() >= m.version) return;
        this.db.exec(m.sql);
        if (m.fill === "graph") this.indexGraph();
        this.db.pragma(`user_version = ${m.version}`);
      });
    }
  }

  schemaVersion(): number {
    return this.db.pragma("user_version", { simple: true }) as number;
  }

  private ensureSource(name: string, reliability?: Reliability, notes?: string): Source {
    const id = slug(name) || "unknown";
    const existing = this.db.prepare("SELECT * FROM sources WHERE name = ?").get(name) as Row | undefined;
    if (!existing) {
      this.db
        .prepare("INSERT INTO sources (id, name, reliability, notes) VALUES (?, ?, ?, ?)")
        .run(id, name, reliability ?? "F", notes ?? null);
    } else if (reliability || notes !== undefined) {
      this.db
        .prepare("UPDATE sources SET reliability = COALESCE(?, reliability), notes = COALESCE(?, notes) WHERE name = ?")
        .run(reliability ?? null, notes ?? null, name);
    }
    return toSource(this.db.prepare("SELECT * FROM sources WHERE name = ?").get(name) as Row);
  }

  private textOf(docId: string): string {
    return (this.db.prepare("SELECT text FROM documents WHERE id = ?").pluck().get(docId) as string | undefined) ?? "";
  }

  /** `text`: the document's text (spans that repeat it are stored without it, see fact-codec.ts). */
  private writeFacts(facts: DocFacts, text = this.textOf(facts.doc)): void {
    for (const kind of FACT_KINDS) {
      const seen = new Set<string>();
      for (const { id } of facts[FACT_ARRAYS[kind]] as Array<{ id: string }>) {
        if (seen.has(id)) throw new Error(`two ${kind} facts of one document share the id ${id}`);
        seen.add(id);
      }
    }
    this.db.prepare("DELETE FROM facts WHERE doc = ?").run(facts.doc);
    this.db.prepare("DELETE FROM event_days WHERE doc = ?").run(facts.doc);
    this.db
      .prepare("INSERT OR REPLACE INTO doc_facts (doc, data) VALUES (?, ?)")
      .run(facts.doc, encodeFacts(facts, text));
    // its graph rows are redone by the next fusion write (graph-keys.ts)
    this.db.prepare("INSERT OR IGNORE INTO graph_pending (doc) VALUES (?)").run(facts.doc);
    const day = this.db.prepare("INSERT INTO event_days (event, doc, seq, start, end) VALUES (?, ?, ?, ?, ?)");
    facts.events.forEach((ev, seq) => {
      day.run(ev.id, facts.doc, seq, ev.date?.start ?? null, ev.date?.end ?? null);
    });
  }

  async putDocument(doc: Document, facts?: DocFacts): Promise<{ status: PutStatus; id: string }> {
    return { status: this.write(() => this.insertDocument(doc, facts)), id: doc.id };
  }

  async putDocuments(items: { doc: Document; facts?: DocFacts }[]): Promise<PutResult[]> {
    // better-sqlite3 runs a transaction function inside another as a SAVEPOINT, rolled back alone when it throws
    const one = this.db.transaction((doc: Document, facts?: DocFacts) => this.insertDocument(doc, facts));
    return this.write(() =>
      items.map(({ doc, facts }): PutResult => {
        try {
          return { id: doc.id, status: one(doc, facts) };
        } catch (e) {
          return { id: doc.id, error: e instanceof Error ? e : new Error(String(e)) };
        }
      }),
    );
  }

  private insertDocument(doc: Document, facts?: DocFacts): PutStatus {
    const exists = this.db.prepare("SELECT 1 FROM documents WHERE id = ?").get(doc.id);
    if (exists) return "duplicate";
    if (doc.outlet) this.ensureSource(doc.outlet);
    this.db
      .prepare(
        `INSERT INTO documents (id, origin, url, title, author, outlet, published_iso, published_precision,
           published_start, published_end, language, languages, fetched_at, format, text, ingested_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        doc.id,
        doc.origin,
        doc.url ?? null,
        doc.title ?? null,
        doc.author ?? null,
        doc.outlet ?? null,
        doc.publishedAt?.iso ?? null,
        doc.publishedAt?.precision ?? null,
        doc.publishedAt?.start ?? null,
        doc.publishedAt?.end ?? null,
        doc.language,
        doc.languages ? JSON.stringify(doc.languages) : null,
        doc.fetchedAt,
        doc.format,
        doc.text,
        new Date().toISOString(),
      );
    if (facts) {
      if (facts.doc !== doc.id) throw new Error("facts belong to another document");
      this.writeFacts(facts, doc.text);
    }
    return "ok";
  }

  async getDocument(idOrPrefix: string): Promise<Document | undefined> {
    const key = idOrPrefix.trim().toLowerCase();
    if (!/^[0-9a-f]{6,64}$/.test(key)) return undefined;
    const rows = this.db
      .prepare("SELECT * FROM documents WHERE id >= ? AND id < ? LIMIT 2")
      .all(key, `${key}g`) as Row[];
    if (rows.length !== 1) return undefined;
    return toDocument(rows[0]!);
  }

  async listDocuments(q: ListQuery = {}): Promise<Page<DocumentSummary>> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.outlet) {
      where.push("outlet = ?");
      args.push(q.outlet);
    }
    if (q.language) {
      where.push("language = ?");
      args.push(q.language);
    }
    if (q.from) {
      where.push("published_end >= ?");
      args.push(q.from);
    }
    if (q.to) {
      where.push("published_start <= ?");
      args.push(q.to);
    }
    const w = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const limit = clampLimit(q.limit);
    const offset = Math.max(0, q.offset ?? 0);
    const total = (this.db.prepare(`SELECT count(*) AS n FROM documents ${w}`).get(...args) as Row).n as number;
    const rows = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM documents ${w}
         ORDER BY published_start IS NULL, published_start, title LIMIT ? OFFSET ?`,
      )
      .all(...args, limit, offset) as Row[];
    return { items: rows.map(toSummary), total, limit, offset };
  }

  async getSummaries(ids: string[]): Promise<DocumentSummary[]> {
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`)
      .all(JSON.stringify(ids)) as Row[];
    return rows.map(toSummary);
  }

  async search(query: string, q: { limit?: number; offset?: number } = {}): Promise<Page<SearchHit>> {
    const limit = clampLimit(q.limit, 20);
    const offset = Math.max(0, q.offset ?? 0);
    const match = ftsQuery(query);
    if (!match) return { items: [], total: 0, limit, offset };
    const total = (
      this.db.prepare("SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH ?").get(match) as Row
    ).n as number;
    const rows = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS.replace(/\b(id|title|text)\b/g, "d.$1")},
           snippet(documents_fts, 1, '[', ']', ' … ', 16) AS snippet, bm25(documents_fts) AS rank
         FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
         WHERE documents_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?`,
      )
      .all(match, limit, offset) as Row[];
    return {
      items: rows.map((r) => ({ ...toSummary(r), snippet: r.snippet as string, rank: r.rank as number })),
      total,
      limit,
      offset,
    };
  }

  async countDocuments(): Promise<number> {
    return (this.db.prepare("SELECT count(*) AS n FROM documents").get() as Row).n as number;
  }

  async putFacts(facts: DocFacts): Promise<void> {
    this.write(() => {
      const exists = this.db.prepare("SELECT 1 FROM documents WHERE id = ?").get(facts.doc);
      if (!exists) throw new Error(`no document ${facts.doc.slice(0, 12)} to attach facts to`);
      this.writeFacts(facts);
    });
  }

  private factsOf(docId: string): DocFacts {
    const blob = this.db.prepare("SELECT data FROM doc_facts WHERE doc = ?").pluck().get(docId) as Buffer | undefined;
    if (blob) return decodeFacts(blob, docId, this.textOf(docId));
    // written before facts were one blob per document
    const facts: DocFacts = { doc: docId, mentions: [], entities: [], events: [], claims: [], judgments: [] };
    const rows = this.db.prepare("SELECT kind, data FROM facts WHERE doc = ? ORDER BY kind, seq").all(docId) as Row[];
    const text = rows.length ? this.textOf(docId) : "";
    for (const r of rows) {
      const arr = facts[FACT_ARRAYS[r.kind as FactKind]] as unknown[];
      arr.push(decodeFact(r.data as string, docId, text));
    }
    return facts;
  }

  private hasFacts(docId: string): boolean {
    return (
      this.db.prepare("SELECT 1 FROM doc_facts WHERE doc = ?").get(docId) !== undefined ||
      this.db.prepare("SELECT 1 FROM facts WHERE doc = ? LIMIT 1").get(docId) !== undefined
    );
  }

  async getFacts(docId: string): Promise<DocFacts | undefined> {
    return this.hasFacts(docId) ? this.factsOf(docId) : undefined;
  }

  // Replay order: dated reports first (oldest first), undated ones after, so that the incidents dated reports
  // found are there for an undated report to join (an undated report first founds an incident nothing dates).
  async *allFacts(): AsyncIterable<DocFacts> {
    const ids = this.db
      .prepare(
        `SELECT d.id FROM documents d
         WHERE EXISTS (SELECT 1 FROM doc_facts x WHERE x.doc = d.id) OR EXISTS (SELECT 1 FROM facts f WHERE f.doc = d.id)
         ORDER BY d.published_start IS NULL, d.published_start, d.id`,
      )
      .pluck()
      .all() as string[];
    for (const id of ids) yield this.factsOf(id);
  }

  async upsertSource(name: string, reliability?: Reliability, notes?: string): Promise<Source> {
    return this.write(() => this.ensureSource(name, reliability, notes));
  }

  async listSources(): Promise<Source[]> {
    return (this.db.prepare("SELECT * FROM sources ORDER BY name").all() as Row[]).map(toSource);
  }

  async putFusion(snapshot: FusionSnapshot): Promise<void> {
    this.write(() => {
      this.db.prepare("DELETE FROM fusion").run();
      const ins = this.db.prepare("INSERT INTO fusion (kind, id, seq, data) VALUES (?, ?, ?, ?)");
      for (const e of snapshot.entities) ins.run("entity", e.id, 0, encodeRecord(e));
      for (const i of snapshot.incidents) ins.run("incident", i.id, incidentSeq(i), encodeRecord(i));
      const byId = new Map(snapshot.incidents.map((i) => [i.id, i]));
      const seqs = contradictionSeqs(snapshot.contradictions, (id) => byId.get(id));
      snapshot.contradictions.forEach((c, k) => {
        ins.run("contradiction", c.id, seqs[k], encodeRecord(c));
      });
      if (snapshot.identity) this.writeIdentity(snapshot.identity);
      if (snapshot.assessments) {
        this.db.prepare("DELETE FROM incident_assessments").run();
        const ins = this.db.prepare("INSERT INTO incident_assessments (incident, data) VALUES (?, ?)");
        for (const a of snapshot.assessments) ins.run(a.incident, JSON.stringify(a));
      }
      this.db.prepare("DELETE FROM fusion_state").run();
      if (snapshot.state) this.writeState(snapshot.state.version, snapshot.state.rows, true);
      this.indexGraph();
    });
  }

  /** Rewrites every actor graph row (graph-index.ts) and look-up key (graph-keys.ts) from what is stored. */
  private indexGraph(): void {
    for (const t of ["graph_edges", "graph_refs", "graph_docs", "graph_nodes", "graph_keys", "graph_pending"])
      this.db.prepare(`DELETE FROM ${t}`).run();
    const entities = this.loadFusion("entity") as Entity[];
    const incidents = this.loadFusion("incident") as Incident[];
    this.putKeys(keyRows(entities, incidents));
    const docs = this.db
      .prepare(
        `SELECT d.id FROM documents d WHERE (EXISTS (SELECT 1 FROM doc_facts x WHERE x.doc = d.id)
         OR EXISTS (SELECT 1 FROM facts f WHERE f.doc = d.id))`,
      )
      .pluck()
      .all() as string[];
    this.putGraph(new GraphIndexer(entities, incidents), incidents, docs);
  }

  /**
   * The graph rows a fusion write changed (graph-keys.ts): its incidents', and those of the owners whose look-ups
   * it changed or that have new facts, from just the entities and incidents they look up.
   */
  private indexGraphUpdate(u: FusionUpdate): void {
    const storedKeys = this.db.prepare("SELECT kind, key, id FROM graph_keys WHERE kind = ? AND id = ?");
    const stored = keyOwners(u).flatMap(([kind, id]) => storedKeys.all(kind, id) as KeyRow[]);
    const { add, drop, change } = keyDiff(stored, u);
    const dropKey = this.db.prepare("DELETE FROM graph_keys WHERE kind = ? AND key = ? AND id = ?");
    for (const r of drop) dropKey.run(r.kind, r.key, r.id);
    this.putKeys(add);
    const owners = this.db
      .prepare(
        `SELECT owner FROM graph_refs WHERE ref IN (SELECT value FROM json_each(?))
         UNION SELECT doc FROM graph_docs WHERE prefix IN (SELECT value FROM json_each(?))
         UNION SELECT doc FROM graph_pending`,
      )
      .pluck()
      .all(JSON.stringify(change.refs), JSON.stringify(change.prefixes)) as string[];
    const { docs, incidents: reached } = splitOwners(owners, u);
    for (const id of u.removed) this.dropOwner(incidentOwner(id));
    const incidents = [...u.incidents, ...(this.fusionById("incident", reached) as Incident[])];
    const facts = docs.map((d) => this.factsOf(d));
    const look = lookupsOf(facts, incidents);
    const entities = this.fusionByKey("entity", look.entityKeys, look.entityIds) as Entity[];
    const lookedUp = this.fusionByKey("incident", look.incidentKeys, []) as Incident[];
    this.putGraph(new GraphIndexer(entities, lookedUp), incidents, docs, facts);
    // a title is read by the rows of the documents that claim the incident too, which need not be redone for it
    const title = this.db.prepare("UPDATE graph_nodes SET label = ? WHERE id = ?");
    for (const i of u.incidents) title.run(i.title, i.id);
  }

  private putKeys(rows: KeyRow[]): void {
    const ins = this.db.prepare("INSERT OR IGNORE INTO graph_keys (kind, key, id) VALUES (?, ?, ?)");
    for (const r of rows) ins.run(r.kind, r.key, r.id);
  }

  private dropOwner(owner: string): void {
    this.db.prepare("DELETE FROM graph_edges WHERE owner = ?").run(owner);
    this.db.prepare("DELETE FROM graph_refs WHERE owner = ?").run(owner);
  }

  /** Fused records of one kind by id, in stored order. */
  private fusionById(kind: "entity" | "incident", ids: string[]): unknown[] {
    return this.fusionByKey(kind, [], ids);
  }

  /** Fused records of one kind holding any of `keys` (graph_keys) or having one of `ids`, in stored order. */
  private fusionByKey(kind: "entity" | "incident", keys: string[], ids: string[]): unknown[] {
    return (
      this.db
        .prepare(
          `SELECT data FROM fusion WHERE kind = ? AND id IN (
             SELECT id FROM graph_keys WHERE kind = ? AND key IN (SELECT value FROM json_each(?))
             UNION SELECT value FROM json_each(?))
           ORDER BY seq, id`,
        )
        .pluck()
        .all(kind, kind, JSON.stringify(keys), JSON.stringify(ids)) as string[]
    ).map((s) => decodeRecord(s));
  }

  /** Replaces the rows of these incidents and documents (`facts`: the documents' facts, when read already). */
  private putGraph(indexer: GraphIndexer, incidents: Incident[], docs: string[], facts?: DocFacts[]): void {
    const edge = this.db.prepare(
      "INSERT INTO graph_edges (owner, ord, edge, relation, source, target, day, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const ref = this.db.prepare("INSERT OR IGNORE INTO graph_refs (ref, owner) VALUES (?, ?)");
    const put = (owner: string, out: { rows: GraphRow[]; refs: string[] }) => {
      this.dropOwner(owner);
      for (const r of out.rows) edge.run(r.owner, r.ord, r.edge, r.relation, r.source, r.target, r.day, r.doc);
      for (const r of out.refs) ref.run(r, owner);
    };
    for (const inc of incidents) put(incidentOwner(inc.id), indexer.incidentRows(inc));
    const published = this.db.prepare("SELECT published_start FROM documents WHERE id = ?").pluck();
    const indexed = this.db.prepare("INSERT OR REPLACE INTO graph_docs (doc, prefix) VALUES (?, ?)");
    const done = this.db.prepare("DELETE FROM graph_pending WHERE doc = ?");
    docs.forEach((doc, k) => {
      const day = published.get(doc) as string | null | undefined;
      put(doc, indexer.documentRows(facts?.[k] ?? this.factsOf(doc), day ?? undefined));
      indexed.run(doc, docPrefix(doc));
      done.run(doc);
    });
    const node = this.db.prepare(
      "INSERT INTO graph_nodes (id, label, type) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET label = excluded.label, type = excluded.type",
    );
    for (const n of indexer.nodes()) node.run(n.id, n.label, n.type);
  }

  async graphEdges(q: Window & { relations?: string[] }): Promise<{ nodes: GraphNode[]; edges: GraphEdge[] }> {
    const { where, args } = dayWindow(q, () => "?");
    const rel = q.relations?.length ? " AND relation IN (SELECT value FROM json_each(?))" : "";
    const rows = this.db
      .prepare(
        `SELECT edge, min(relation) AS relation, min(source) AS source, min(target) AS target, count(*) AS n,
           min(day) AS day FROM graph_edges WHERE ${where}${rel} GROUP BY edge`,
      )
      .all(...args, ...(rel ? [JSON.stringify(q.relations)] : [])) as Row[];
    const edges = rows.map(toGraphEdge);
    const ends = [...new Set(edges.flatMap((e) => [e.source, e.target]))];
    const nodes = this.db
      .prepare("SELECT id, label, type FROM graph_nodes WHERE id IN (SELECT value FROM json_each(?))")
      .all(JSON.stringify(ends)) as GraphNode[];
    return { nodes, edges };
  }

  async graphEdgeDocs(edges: string[], q: Window = {}): Promise<Map<string, string[]>> {
    const { where, args } = dayWindow(q, () => "?");
    const rows = this.db
      .prepare(
        `SELECT edge, doc, min(ord) AS o FROM graph_edges WHERE edge IN (SELECT value FROM json_each(?)) AND ${where}
         GROUP BY edge, doc ORDER BY edge, o`,
      )
      .all(JSON.stringify(edges), ...args) as Row[];
    return firstDocs(rows);
  }

  /** `fresh`: the table was just emptied and the rows are all distinct, so plain multi-row inserts do. */
  private writeState(version: string, rows: StateRow[], fresh = false): void {
    const parts = new StateParts(this.db);
    // a full write has no deletions: every value is a string
    const stored = (r: StateRow) => [parts.add(r.part), keyHash(r.key), r.key, packStateValue(r.value as string)];
    if (fresh) {
      const insert = (n: number) =>
        this.db.prepare(
          `INSERT INTO fusion_state (part, hash, key, value) VALUES ${"(?, ?, ?, ?), ".repeat(n).slice(0, -2)}`,
        );
      const many = insert(STATE_CHUNK);
      let k = 0;
      for (; k + STATE_CHUNK <= rows.length; k += STATE_CHUNK) many.run(rows.slice(k, k + STATE_CHUNK).flatMap(stored));
      const rest = [...rows.slice(k), { part: VERSION_PART, key: "", value: version }];
      insert(rest.length).run(rest.flatMap(stored));
      return;
    }
    // an update keeps the row (and so its place in the engine's order); a new key goes last
    const find = this.db.prepare("SELECT rowid FROM fusion_state WHERE part = ? AND hash = ? AND key = ?").pluck();
    const update = this.db.prepare("UPDATE fusion_state SET value = ? WHERE rowid = ?");
    const insert = this.db.prepare("INSERT INTO fusion_state (part, hash, key, value) VALUES (?, ?, ?, ?)");
    const del = this.db.prepare("DELETE FROM fusion_state WHERE rowid = ?");
    const put = (part: string, key: string, value: string | null) => {
      const id = value === null ? parts.id(part) : parts.add(part);
      if (id === undefined) return;
      const hash = keyHash(key);
      const row = find.get(id, hash, key) as number | undefined;
      if (value === null) {
        if (row !== undefined) del.run(row);
      } else if (row !== undefined) update.run(packStateValue(value), row);
      else insert.run(id, hash, key, packStateValue(value));
    };
    for (const r of rows) put(r.part, r.key, r.value);
    put(VERSION_PART, "", version);
  }

  async putFusionUpdate(u: FusionUpdate): Promise<void> {
    this.write(() => {
      const upsert = this.db.prepare(
        `INSERT INTO fusion (kind, id, seq, data) VALUES (?, ?, ?, ?)
         ON CONFLICT (kind, id) DO UPDATE SET seq = excluded.seq, data = excluded.data`,
      );
      const dropContradictions = this.db.prepare(
        "DELETE FROM fusion WHERE kind = 'contradiction' AND json_extract(data, '$.incident') = ?",
      );
      const dropAssessment = this.db.prepare("DELETE FROM incident_assessments WHERE incident = ?");
      for (const id of u.removed) {
        this.db.prepare("DELETE FROM fusion WHERE kind = 'incident' AND id = ?").run(id);
        dropContradictions.run(id);
        dropAssessment.run(id);
      }
      for (const i of u.incidents) {
        upsert.run("incident", i.id, incidentSeq(i), encodeRecord(i));
        dropContradictions.run(i.id);
      }
      const byId = new Map(u.incidents.map((i) => [i.id, i]));
      const seqs = contradictionSeqs(u.contradictions, (id) => byId.get(id));
      u.contradictions.forEach((c, k) => {
        upsert.run("contradiction", c.id, seqs[k], encodeRecord(c));
      });
      for (const e of u.entities) upsert.run("entity", e.id, 0, encodeRecord(e));
      const member = this.db.prepare(
        "INSERT INTO incident_members (event, incident, origin) VALUES (?, ?, ?) ON CONFLICT (event) DO UPDATE SET incident = excluded.incident, origin = excluded.origin",
      );
      for (const m of u.members) member.run(m.event, m.incident, m.origin);
      const alias = this.db.prepare(
        "INSERT INTO incident_aliases (alias, incident) VALUES (?, ?) ON CONFLICT (alias) DO UPDATE SET incident = excluded.incident",
      );
      for (const a of u.aliases) alias.run(a.alias, a.incident);
      const unalias = this.db.prepare("DELETE FROM incident_aliases WHERE alias = ?");
      for (const a of u.removedAliases) unalias.run(a);
      const assess = this.db.prepare(
        "INSERT INTO incident_assessments (incident, data) VALUES (?, ?) ON CONFLICT (incident) DO UPDATE SET data = excluded.data",
      );
      for (const a of u.assessments) assess.run(a.incident, JSON.stringify(a));
      this.writeState(u.state.version, u.state.rows);
      this.indexGraphUpdate(u);
    });
  }

  async getFusionState(): Promise<FusionState | undefined> {
    const version = await this.fusionStateVersion();
    if (version === undefined) return undefined;
    const parts = new StateParts(this.db);
    const rows = (
      this.db
        .prepare("SELECT part, key, value FROM fusion_state WHERE part <> ? ORDER BY rowid")
        .raw()
        .all(parts.id(VERSION_PART) ?? -1) as [number, string, string | Buffer][]
    ).map(([part, key, value]) => ({ part: parts.name(part), key, value: unpackStateValue(value) }));
    return { version, rows };
  }

  async fusionStateVersion(): Promise<string | undefined> {
    const value = this.db
      .prepare(
        `SELECT value FROM fusion_state WHERE part = (SELECT id FROM fusion_state_parts WHERE name = ?)
           AND hash = ? AND key = ''`,
      )
      .pluck()
      .get(VERSION_PART, keyHash("")) as string | Buffer | undefined;
    return value === undefined ? undefined : unpackStateValue(value);
  }

  private writeIdentity(identity: IncidentIdentity): void {
    this.db.prepare("DELETE FROM incident_members").run();
    this.db.prepare("DELETE FROM incident_aliases").run();
    const member = this.db.prepare("INSERT INTO incident_members (event, incident, origin) VALUES (?, ?, ?)");
    for (const m of identity.members) member.run(m.event, m.incident, m.origin);
    const alias = this.db.prepare("INSERT INTO incident_aliases (alias, incident) VALUES (?, ?)");
    for (const a of identity.aliases) alias.run(a.alias, a.incident);
  }

  async getIdentity(): Promise<IncidentIdentity> {
    return {
      members: this.db
        .prepare("SELECT event, incident, origin FROM incident_members")
        .all() as IncidentIdentity["members"],
      aliases: this.db
        .prepare("SELECT alias, incident FROM incident_aliases ORDER BY alias")
        .all() as IncidentIdentity["aliases"],
    };
  }

  async incidentOfEvent(event: string): Promise<string | undefined> {
    return this.db.prepare("SELECT incident FROM incident_members WHERE event = ?").pluck().get(event) as
      | string
      | undefined;
  }

  async resolveIncidentId(id: string): Promise<string | undefined> {
    const live = this.db.prepare("SELECT 1 FROM fusion WHERE kind = 'incident' AND id = ?");
    const alias = this.db.prepare("SELECT incident FROM incident_aliases WHERE alias = ?").pluck();
    let cur = id;
    for (let i = 0; i < 100; i++) {
      if (live.get(cur)) return cur;
      const next = alias.get(cur) as string | undefined;
      if (next === undefined) return undefined;
      cur = next;
    }
    return undefined;
  }

  async getIncident(id: string): Promise<Incident | undefined> {
    const live = await this.resolveIncidentId(id);
    if (live === undefined) return undefined;
    const data = this.db.prepare("SELECT data FROM fusion WHERE kind = 'incident' AND id = ?").pluck().get(live);
    return data === undefined ? undefined : decodeRecord<Incident>(data as string);
  }

  async listIncidents(q: IncidentQuery = {}): Promise<Page<Incident>> {
    const limit = clampLimit(q.limit, 50, 5000);
    const offset = Math.max(0, q.offset ?? 0);
    const { where, args } = incidentWindow(q, q.undated ?? false);
    const total = this.db
      .prepare(`SELECT count(*) FROM fusion WHERE ${where}`)
      .pluck()
      .get(...args) as number;
    const rows = this.db
      .prepare(`SELECT data FROM fusion WHERE ${where} ORDER BY seq, id LIMIT ? OFFSET ?`)
      .pluck()
      .all(...args, limit, offset) as string[];
    return { items: rows.map((r) => decodeRecord<Incident>(r)), total, limit, offset };
  }

  async listDatedEvents(
    q: Window & { limit: number },
  ): Promise<{ items: DatedEvent[]; total: number; undated: number }> {
    const where = ["e.start IS NOT NULL"];
    const args: string[] = [];
    if (q.from) {
      where.push("e.end >= ?");
      args.push(q.from);
    }
    if (q.to) {
      where.push("e.start <= ?");
      args.push(q.to);
    }
    const w = where.join(" AND ");
    const total = this.db
      .prepare(`SELECT count(*) FROM event_days e WHERE ${w}`)
      .pluck()
      .get(...args) as number;
    const undated = this.db.prepare("SELECT count(*) FROM event_days WHERE start IS NULL").pluck().get() as number;
    const rows = this.db
      .prepare(
        `SELECT e.event, e.doc, m.incident FROM event_days e JOIN documents d ON d.id = e.doc
           LEFT JOIN incident_members m ON m.event = e.event
         WHERE ${w} ORDER BY e.start, d.published_start, e.doc, e.seq LIMIT ?`,
      )
      .all(...args, Math.max(1, Math.floor(q.limit))) as Row[];
    const docs = new Map<string, Map<string, Event>>();
    const items: DatedEvent[] = [];
    for (const r of rows) {
      const doc = r.doc as string;
      let events = docs.get(doc);
      if (!events) {
        events = new Map(this.factsOf(doc).events.map((ev) => [ev.id, ev]));
        docs.set(doc, events);
      }
      const event = events.get(r.event as string);
      if (!event) continue;
      const item: DatedEvent = { doc, event };
      if (r.incident) item.incident = r.incident as string;
      items.push(item);
    }
    return { items, total, undated };
  }

  async incidentsPerPlace(q: Window = {}): Promise<Map<string, number>> {
    const { where, args } = incidentWindow(q, true);
    const rows = this.db
      .prepare(
        `SELECT json_extract(data, '$.place') AS place, count(*) AS n FROM fusion
         WHERE ${where} AND json_extract(data, '$.place') IS NOT NULL GROUP BY place`,
      )
      .all(...args) as Row[];
    return new Map(rows.map((r) => [r.place as string, r.n as number]));
  }

  async listGeocodedEntities(): Promise<Entity[]> {
    return (
      this.db
        .prepare(
          `SELECT data FROM fusion WHERE kind = 'entity' AND json_extract(data, '$.geo') IS NOT NULL
           AND json_extract(data, '$.type') <> 'state' ORDER BY seq, id`,
        )
        .pluck()
        .all() as string[]
    ).map((r) => decodeRecord<Entity>(r));
  }

  async getAssessment(id: string): Promise<IncidentAssessment | undefined> {
    const data = this.db.prepare("SELECT data FROM incident_assessments WHERE incident = ?").pluck().get(id);
    return data === undefined ? undefined : (JSON.parse(data as string) as IncidentAssessment);
  }

  async getEntities(ids: string[]): Promise<Entity[]> {
    const get = this.db.prepare("SELECT data FROM fusion WHERE kind = 'entity' AND id = ?").pluck();
    const out: Entity[] = [];
    for (const id of new Set(ids)) {
      const data = get.get(id) as string | undefined;
      if (data !== undefined) out.push(decodeRecord<Entity>(data));
    }
    return out;
  }

  async incidentContradictions(id: string): Promise<Contradiction[]> {
    return (
      this.db
        .prepare(
          // `+seq`: ordered by the seq index, SQLite scanned every contradiction of the store for each incident page
          // (page p95 13.6 ms at 50k documents, 73.9 ms at 100k, bench/store.ts); this way it looks up the incident
          "SELECT data FROM fusion WHERE kind = 'contradiction' AND json_extract(data, '$.incident') = ? ORDER BY +seq",
        )
        .pluck()
        .all(id) as string[]
    ).map((r) => decodeRecord<Contradiction>(r));
  }

  /** One kind of fused record in stored order; see order.ts: contradictions by their incident's day, incident, place. */
  private loadFusion(kind: "entity" | "incident" | "contradiction"): unknown[] {
    const order = kind === "contradiction" ? "seq / 1000, json_extract(data, '$.incident'), seq" : "seq, id";
    return (
      this.db.prepare(`SELECT data FROM fusion WHERE kind = ? ORDER BY ${order}`).pluck().all(kind) as string[]
    ).map((s) => decodeRecord(s));
  }

  async getFusion(): Promise<FusionSnapshot> {
    const load = (kind: "entity" | "incident" | "contradiction") => this.loadFusion(kind);
    return {
      entities: load("entity") as FusionSnapshot["entities"],
      incidents: load("incident") as FusionSnapshot["incidents"],
      contradictions: load("contradiction") as FusionSnapshot["contradictions"],
    };
  }

  async putRecord(collection: string, id: string, value: unknown): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO records (collection, id, data, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (collection, id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      )
      .run(collection, id, JSON.stringify(value), new Date().toISOString());
  }

  async deleteRecord(collection: string, id: string): Promise<void> {
    this.db.prepare("DELETE FROM records WHERE collection = ? AND id = ?").run(collection, id);
  }

  async listRecords<T = unknown>(collection: string): Promise<T[]> {
    return (
      this.db
        .prepare("SELECT data FROM records WHERE collection = ? ORDER BY updated_at, id")
        .pluck()
        .all(collection) as string[]
    ).map((s) => JSON.parse(s) as T);
  }

  async exportAll(): Promise<ExportBundle> {
    const docs = (
      this.db.prepare("SELECT * FROM documents ORDER BY published_start IS NULL, published_start, id").all() as Row[]
    ).map(toDocument);
    const bundle: ExportBundle = {
      format: "tessera-export",
      version: 1,
      exportedAt: new Date().toISOString(),
      sources: await this.listSources(),
      documents: docs,
      mentions: [],
      entities: [],
      events: [],
      claims: [],
      judgments: [],
      incidents: [],
      contradictions: [],
      reviews: await this.listRecords<Review>("reviews"),
      overrides: await this.listRecords("overrides"),
      ach: await this.listRecords("ach"),
      audit: (await this.listRecords<AuditEntry>("audit")).sort((a, b) => a.id.localeCompare(b.id)),
    };
    for (const d of docs) {
      const f = this.factsOf(d.id);
      bundle.mentions.push(...f.mentions);
      bundle.events.push(...f.events);
      bundle.claims.push(...f.claims);
      bundle.judgments.push(...f.judgments);
      bundle.entities.push(...f.entities);
    }
    const fusion = await this.getFusion();
    // Canonical cross-document entities replace the per-document ones once fusion has run.
    if (fusion.entities.length) bundle.entities = fusion.entities;
    bundle.incidents = fusion.incidents;
    bundle.contradictions = fusion.contradictions;
    return bundle;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
