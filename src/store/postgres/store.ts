// Shared store on PostgreSQL through node-postgres (pg): a pool of connections, every multi-statement
// write in one BEGIN … COMMIT (ROLLBACK on any error, so a failed document leaves nothing), JSON
// payloads as JSONB, full-text search on a tsvector table of its own with a GIN index (migration 7). Results, orders and
// errors follow the SQLite store (../sqlite/store.ts); the contract suite in test/store/ runs both.

import pg from "pg";
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
import { type KeyKind, type KeyRow, keyDiff, keyOwners, keyRows, lookupsOf } from "../graph-keys.js";
import { contradictionSeqs, incidentSeq } from "../order.js";
import { clampLimit, type Row, toDocument, toSource, toSummary } from "../rows.js";
import { decodeFacts, decodeRecord, encodeFacts, encodeRecord } from "../sqlite/fact-codec.js";
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
import { tsQuery } from "./fts-query.js";
import { migrations } from "./migrations.js";

type Db = pg.Pool | pg.PoolClient;

/** Any constant of our own: the advisory lock that serialises migrations across processes. */
const MIGRATION_LOCK = 7_311_842;
const FACT_ARRAYS = ["mentions", "entities", "events", "claims", "judgments"] as const;
const KIND_OF: Record<(typeof FACT_ARRAYS)[number], string> = {
  mentions: "mention",
  entities: "entity",
  events: "event",
  claims: "claim",
  judgments: "judgment",
};

/** SQL for incidents dated in a window (and, when asked, undated ones); parameters from $first. */
function incidentWindow(q: Window, undated: boolean, first = 1): { where: string; args: string[] } {
  const start = `(data->'date'->>'start') COLLATE "C"`;
  const end = `(data->'date'->>'end') COLLATE "C"`;
  const conds: string[] = [];
  const args: string[] = [];
  if (q.from) {
    args.push(q.from);
    conds.push(`${end} >= $${first + args.length - 1}`);
  }
  if (q.to) {
    args.push(q.to);
    conds.push(`${start} <= $${first + args.length - 1}`);
  }
  if (!conds.length) return { where: "kind = 'incident'", args };
  const dated = conds.join(" AND ");
  return { where: `kind = 'incident' AND (${dated}${undated ? ` OR ${start} IS NULL` : ""})`, args };
}

const SUMMARY_COLUMNS = `d.id, d.title, d.outlet, d.author, d.url, d.origin, d.published_iso, d.published_precision,
  d.language, d.format, length(d.text) AS chars, d.fetched_at`;

/** A document's language stretches as JSON (documents of older models have none). */
function languagesOf(doc: Document): string | null {
  const spans = (doc as { languages?: unknown }).languages;
  return spans === undefined ? null : JSON.stringify(spans);
}

/** The URL for messages: a password in it is never printed. */
function withoutPassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparsable URL)";
  }
}

/** Inserts rows in batches of one statement each (a fusion snapshot has thousands of rows). */
async function insertMany(
  db: Db,
  table: string,
  columns: string[],
  rows: unknown[][],
  casts: string[] = [],
  suffix = "",
): Promise<void> {
  const per = Math.max(1, Math.floor(30_000 / columns.length));
  for (let i = 0; i < rows.length; i += per) {
    const batch = rows.slice(i, i + per);
    const args: unknown[] = [];
    const values = batch.map((row) => {
      const slots = row.map((v, c) => {
        args.push(v);
        return `$${args.length}${casts[c] ?? ""}`;
      });
      return `(${slots.join(", ")})`;
    });
    await db.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${values.join(", ")} ${suffix}`, args);
  }
}

async function putKeys(db: Db, rows: KeyRow[]): Promise<void> {
  await insertMany(
    db,
    "graph_keys",
    ["kind", "key", "id"],
    rows.map((r) => [r.kind, r.key, r.id]),
    [],
    "ON CONFLICT DO NOTHING",
  );
}

async function dropOwners(db: Db, owners: string[]): Promise<void> {
  await db.query("DELETE FROM graph_edges WHERE owner = ANY($1::text[])", [owners]);
  await db.query("DELETE FROM graph_refs WHERE owner = ANY($1::text[])", [owners]);
}

/** Fused records of one kind holding any of `keys` (graph_keys) or having one of `ids`, in stored order. */
async function fusionByKey(db: Db, kind: KeyKind, keys: string[], ids: string[]): Promise<unknown[]> {
  const r = await db.query(
    `SELECT data::text AS data FROM fusion WHERE kind = $1 AND id IN (
       SELECT id FROM graph_keys WHERE kind = $1 AND key = ANY($2::text[]) UNION SELECT unnest($3::text[]))
     ORDER BY seq, id`,
    [kind, keys, ids],
  );
  return r.rows.map((row) => decodeRecord(row.data as string));
}

/** The fusion_state row holding the state's version. */
const VERSION_PART = "version";

/** Fusion rows with their stored order (order.ts). */
function fusionRows(entities: Entity[], incidents: Incident[], contradictions: Contradiction[]): unknown[][] {
  const byId = new Map(incidents.map((i) => [i.id, i]));
  const seqs = contradictionSeqs(contradictions, (id) => byId.get(id));
  return [
    ...entities.map((e) => ["entity", e.id, 0, encodeRecord(e)]),
    ...incidents.map((i) => ["incident", i.id, incidentSeq(i), encodeRecord(i)]),
    ...contradictions.map((c, k) => ["contradiction", c.id, seqs[k], encodeRecord(c)]),
  ];
}

async function writeState(db: pg.PoolClient, version: string, rows: StateRow[]): Promise<void> {
  const gone = new Map<string, string[]>();
  const kept: unknown[][] = [];
  // one row per (part, key) in a statement: ON CONFLICT cannot touch a row twice
  const last = new Map<string, StateRow>();
  for (const r of rows) last.set(`${r.part}\u0000${r.key}`, r);
  for (const r of last.values()) {
    if (r.value === null) gone.set(r.part, [...(gone.get(r.part) ?? []), r.key]);
    else kept.push([r.part, r.key, r.value]);
  }
  for (const [part, keys] of gone) {
    await db.query("DELETE FROM fusion_state WHERE part = $1 AND key = ANY($2::text[])", [part, keys]);
  }
  kept.push([VERSION_PART, "", version]);
  await insertMany(
    db,
    "fusion_state",
    ["part", "key", "value"],
    kept,
    [],
    "ON CONFLICT (part, key) DO UPDATE SET value = excluded.value",
  );
}

/** PostgreSQL text and JSONB cannot hold U+0000 (SQLite can): such a document is refused whole, with a reason. */
function refuseNul(doc: Document): void {
  if (Object.values(doc).some((v) => typeof v === "string" && v.includes("\u0000"))) {
    throw new Error("the document contains a NUL character (U+0000), which PostgreSQL cannot store");
  }
}

export class PgStore implements Store {
  readonly pool: pg.Pool;
  /** Connected and migrated; every method waits for it, so the constructor can stay synchronous. */
  private readonly ready: Promise<void>;

  /**
   * How many of a search's matches are ranked (the most recent ones; see search). Fewer ranked matches make a
   * search cheaper for a word most documents contain.
   */
  searchCandidates = 500;

  constructor(readonly url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 4 });
    // an idle client losing its server must not crash the process; the next query reports it
    this.pool.on("error", () => {});
    this.ready = this.migrate().catch((e: Error) => {
      throw new Error(`cannot open the PostgreSQL store ${withoutPassword(url)}: ${e.message}`, { cause: e });
    });
    this.ready.catch(() => {}); // reported by the first method that waits for it
  }

  /** Runs `fn` in one transaction on one connection: COMMIT when it resolves, ROLLBACK when it throws. */
  private async write<T>(fn: (db: pg.PoolClient) => Promise<T>): Promise<T> {
    await this.ready;
    return this.transaction(fn);
  }

  private async transaction<T>(fn: (db: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const out = await fn(client);
      await client.query("COMMIT");
      return out;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  private async db(): Promise<pg.Pool> {
    await this.ready;
    return this.pool;
  }

  private async migrate(): Promise<void> {
    await this.transaction(async (db) => {
      await db.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      await db.query(
        `CREATE TABLE IF NOT EXISTS schema_migrations (
           version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
      );
    });
    for (const m of migrations) {
      // one transaction per migration; the version is re-read under the lock (another process may have run it)
      await this.transaction(async (db) => {
        await db.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
        const done = await db.query("SELECT 1 FROM schema_migrations WHERE version = $1", [m.version]);
        if (done.rowCount) return;
        try {
          await db.query(m.sql);
          if (m.fill === "graph") await this.indexGraph(db);
        } catch (e) {
          throw new Error(`schema migration ${m.version} (${m.name}) failed: ${(e as Error).message}`, { cause: e });
        }
        await db.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [m.version, m.name]);
      });
    }
  }

  async schemaVersion(): Promise<number> {
    const db = await this.db();
    const r = await db.query("SELECT coalesce(max(version), 0) AS v FROM schema_migrations");
    return Number(r.rows[0].v);
  }

  private async ensureSource(db: Db, name: string, reliability?: Reliability, notes?: string): Promise<Source> {
    const id = slug(name) || "unknown";
    await db.query(
      "INSERT INTO sources (id, name, reliability, notes) VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO NOTHING",
      [id, name, reliability ?? "F", notes ?? null],
    );
    if (reliability || notes !== undefined) {
      await db.query(
        "UPDATE sources SET reliability = COALESCE($1, reliability), notes = COALESCE($2, notes) WHERE name = $3",
        [reliability ?? null, notes ?? null, name],
      );
    }
    const r = await db.query("SELECT * FROM sources WHERE name = $1", [name]);
    return toSource(r.rows[0]);
  }

  /** `text`: the document's text (spans that repeat it are stored without it, see fact-codec.ts). */
  private async writeFacts(db: pg.PoolClient, facts: DocFacts, text: string): Promise<void> {
    for (const key of FACT_ARRAYS) {
      const seen = new Set<string>();
      for (const { id } of facts[key] as Array<{ id: string }>) {
        if (seen.has(id)) throw new Error(`two ${KIND_OF[key]} facts of one document share the id ${id}`);
        seen.add(id);
      }
    }
    await db.query("DELETE FROM event_days WHERE doc = $1", [facts.doc]);
    await db.query(
      `INSERT INTO doc_facts (doc, data) VALUES ($1, $2) ON CONFLICT (doc) DO UPDATE SET data = excluded.data`,
      [facts.doc, encodeFacts(facts, text)],
    );
    // its graph rows are redone by the next fusion write (graph-keys.ts)
    await db.query("INSERT INTO graph_pending (doc) VALUES ($1) ON CONFLICT DO NOTHING", [facts.doc]);
    const days = facts.events.map((ev, seq) => [ev.id, facts.doc, seq, ev.date?.start ?? null, ev.date?.end ?? null]);
    await insertMany(db, "event_days", ["event", "doc", "seq", "start", '"end"'], days);
  }

  async putDocument(doc: Document, facts?: DocFacts): Promise<{ status: PutStatus; id: string }> {
    refuseNul(doc);
    return { status: await this.write((db) => this.insertDocument(db, doc, facts)), id: doc.id };
  }

  async putDocuments(items: { doc: Document; facts?: DocFacts }[]): Promise<PutResult[]> {
    return this.write(async (db) => {
      const out: PutResult[] = [];
      for (const { doc, facts } of items) {
        await db.query("SAVEPOINT put_document");
        try {
          refuseNul(doc);
          const status = await this.insertDocument(db, doc, facts);
          await db.query("RELEASE SAVEPOINT put_document");
          out.push({ id: doc.id, status });
        } catch (e) {
          await db.query("ROLLBACK TO SAVEPOINT put_document");
          await db.query("RELEASE SAVEPOINT put_document");
          out.push({ id: doc.id, error: e instanceof Error ? e : new Error(String(e)) });
        }
      }
      return out;
    });
  }

  private async insertDocument(db: pg.PoolClient, doc: Document, facts?: DocFacts): Promise<PutStatus> {
    const exists = await db.query("SELECT 1 FROM documents WHERE id = $1", [doc.id]);
    if (exists.rowCount) return "duplicate";
    if (doc.outlet) await this.ensureSource(db, doc.outlet);
    const inserted = await db.query(
      `INSERT INTO documents (id, origin, url, title, author, outlet, published_iso, published_precision,
         published_start, published_end, language, languages, fetched_at, format, text, ingested_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14, $15, $16)
       ON CONFLICT (id) DO NOTHING`,
      [
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
        languagesOf(doc),
        doc.fetchedAt,
        doc.format,
        doc.text,
        new Date().toISOString(),
      ],
    );
    if (!inserted.rowCount) return "duplicate"; // another process stored the same text meanwhile
    if (facts) {
      if (facts.doc !== doc.id) throw new Error("facts belong to another document");
      await this.writeFacts(db, facts, doc.text);
    }
    return "ok";
  }

  async getDocument(idOrPrefix: string): Promise<Document | undefined> {
    const key = idOrPrefix.trim().toLowerCase();
    if (!/^[0-9a-f]{6,64}$/.test(key)) return undefined;
    const db = await this.db();
    const r = await db.query("SELECT * FROM documents WHERE id >= $1 AND id < $2 LIMIT 2", [key, `${key}g`]);
    if (r.rows.length !== 1) return undefined;
    return toDocument(r.rows[0]);
  }

  async listDocuments(q: ListQuery = {}): Promise<Page<DocumentSummary>> {
    const where: string[] = [];
    const args: unknown[] = [];
    const cond = (sql: string, v: unknown): void => {
      args.push(v);
      where.push(sql.replace("?", `$${args.length}`));
    };
    if (q.outlet) cond("d.outlet = ?", q.outlet);
    if (q.language) cond("d.language = ?", q.language);
    if (q.from) cond("d.published_end >= ?", q.from);
    if (q.to) cond("d.published_start <= ?", q.to);
    const w = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const limit = clampLimit(q.limit);
    const offset = Math.max(0, q.offset ?? 0);
    const db = await this.db();
    const total = await db.query(`SELECT count(*) AS n FROM documents d ${w}`, args);
    const rows = await db.query(
      `SELECT ${SUMMARY_COLUMNS} FROM documents d ${w}
       ORDER BY d.published_start IS NULL, d.published_start, d.title NULLS FIRST
       LIMIT $${args.length + 1} OFFSET $${args.length + 2}`,
      [...args, limit, offset],
    );
    return { items: rows.rows.map(toSummary), total: Number(total.rows[0].n), limit, offset };
  }

  async getSummaries(ids: string[]): Promise<DocumentSummary[]> {
    const db = await this.db();
    const r = await db.query(`SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.id = ANY($1::text[]) ORDER BY d.id`, [
      ids,
    ]);
    return r.rows.map(toSummary);
  }

  async search(query: string, q: { limit?: number; offset?: number } = {}): Promise<Page<SearchHit>> {
    const limit = clampLimit(q.limit, 20);
    const offset = Math.max(0, q.offset ?? 0);
    const match = tsQuery(query);
    if (!match) return { items: [], total: 0, limit, offset };
    const ranked = this.searchCandidates;
    return this.transaction(async (db) => {
      // the GIN index finds the matches without reading a tsvector; a sequential scan, which the planner
      // prefers for a common word, would read (and decompress) every matching row's
      await db.query("SET LOCAL enable_seqscan = off");
      const total = await db.query("SELECT count(*) AS n FROM doc_search WHERE fts @@ to_tsquery('simple', $1)", [
        match,
      ]);
      // Ranked: the `ranked` most recent matches (dated newest first, then undated), best first by ts_rank
      // (negated so that, as with SQLite's bm25, a lower rank is better); the matches after them follow, newest
      // first. Ranking every match read each one's tsvector (≈ 1 s for a common word at 100k documents); a store
      // with fewer matches than that ranks them all, as before.
      const rows = await db.query(
        `WITH recent AS MATERIALIZED (
           SELECT s.doc, s.published_start FROM doc_search s WHERE s.fts @@ to_tsquery('simple', $1)
           ORDER BY s.published_start DESC NULLS LAST, s.doc LIMIT greatest($4::int, $2::int + $3::int)
         ), cand AS (
           SELECT doc, row_number() OVER (ORDER BY published_start DESC NULLS LAST, doc) AS recency FROM recent
         )
         SELECT ${SUMMARY_COLUMNS},
           ts_headline('simple', d.text, query, 'StartSel=[, StopSel=], MaxWords=16, MinWords=6, MaxFragments=1')
             AS snippet,
           -ts_rank(s.fts, query) AS rank
         FROM cand c JOIN doc_search s ON s.doc = c.doc JOIN documents d ON d.id = c.doc,
           to_tsquery('simple', $1) query
         ORDER BY c.recency > $4, CASE WHEN c.recency <= $4 THEN -ts_rank(s.fts, query) END,
           CASE WHEN c.recency <= $4 THEN d.id END, c.recency
         LIMIT $2 OFFSET $3`,
        [match, limit, offset, ranked],
      );
      return {
        items: rows.rows.map((r) => ({ ...toSummary(r), snippet: r.snippet as string, rank: Number(r.rank) })),
        total: Number(total.rows[0].n),
        limit,
        offset,
      };
    });
  }

  async countDocuments(): Promise<number> {
    const db = await this.db();
    return Number((await db.query("SELECT count(*) AS n FROM documents")).rows[0].n);
  }

  async putFacts(facts: DocFacts): Promise<void> {
    await this.write(async (db) => {
      // FOR UPDATE: a concurrent putFacts of the same document waits instead of interleaving
      const r = await db.query("SELECT text FROM documents WHERE id = $1 FOR UPDATE", [facts.doc]);
      if (!r.rowCount) throw new Error(`no document ${facts.doc.slice(0, 12)} to attach facts to`);
      await this.writeFacts(db, facts, r.rows[0].text as string);
    });
  }

  private async factsOf(db: Db, docId: string): Promise<DocFacts | undefined> {
    const r = await db.query(
      "SELECT f.data, d.text FROM doc_facts f JOIN documents d ON d.id = f.doc WHERE f.doc = $1",
      [docId],
    );
    const row = r.rows[0];
    return row ? decodeFacts(row.data as Buffer, docId, row.text as string) : undefined;
  }

  async getFacts(docId: string): Promise<DocFacts | undefined> {
    return this.factsOf(await this.db(), docId);
  }

  async *allFacts(): AsyncIterable<DocFacts> {
    const db = await this.db();
    const ids = await db.query(
      `SELECT d.id FROM documents d WHERE EXISTS (SELECT 1 FROM doc_facts x WHERE x.doc = d.id)
       ORDER BY d.published_start NULLS LAST, d.id`, // dated reports first, as in the SQLite store
    );
    for (const { id } of ids.rows) {
      const facts = await this.factsOf(db, id as string);
      if (facts) yield facts;
    }
  }

  async upsertSource(name: string, reliability?: Reliability, notes?: string): Promise<Source> {
    return this.write((db) => this.ensureSource(db, name, reliability, notes));
  }

  async listSources(): Promise<Source[]> {
    const db = await this.db();
    return (await db.query("SELECT * FROM sources ORDER BY name")).rows.map(toSource);
  }

  async putFusion(snapshot: FusionSnapshot): Promise<void> {
    await this.write(async (db) => {
      await db.query("DELETE FROM fusion");
      const rows: unknown[][] = fusionRows(snapshot.entities, snapshot.incidents, snapshot.contradictions);
      await insertMany(db, "fusion", ["kind", "id", "seq", "data"], rows, ["", "", "", "::jsonb"]);
      if (snapshot.identity) {
        await db.query("DELETE FROM incident_members");
        await db.query("DELETE FROM incident_aliases");
        const { members, aliases } = snapshot.identity;
        await insertMany(
          db,
          "incident_members",
          ["event", "incident", "origin"],
          members.map((m) => [m.event, m.incident, m.origin]),
        );
        await insertMany(
          db,
          "incident_aliases",
          ["alias", "incident"],
          aliases.map((a) => [a.alias, a.incident]),
        );
      }
      if (snapshot.assessments) {
        await db.query("DELETE FROM incident_assessments");
        await insertMany(
          db,
          "incident_assessments",
          ["incident", "data"],
          snapshot.assessments.map((a) => [a.incident, JSON.stringify(a)]),
          ["", "::jsonb"],
        );
      }
      await db.query("DELETE FROM fusion_state");
      if (snapshot.state) await writeState(db, snapshot.state.version, snapshot.state.rows);
      await this.indexGraph(db);
    });
  }

  /** Rewrites every actor graph row (graph-index.ts) and look-up key (graph-keys.ts) from what is stored. */
  private async indexGraph(db: pg.PoolClient): Promise<void> {
    // DELETE, not TRUNCATE: TRUNCATE's exclusive lock would hold /api/graph readers until the write commits
    for (const t of ["graph_edges", "graph_refs", "graph_docs", "graph_nodes", "graph_keys", "graph_pending"])
      await db.query(`DELETE FROM ${t}`);
    const load = async (kind: string) =>
      (await db.query(`SELECT data::text AS data FROM fusion WHERE kind = $1 ORDER BY seq, id`, [kind])).rows.map((r) =>
        decodeRecord(r.data as string),
      );
    const entities = (await load("entity")) as Entity[];
    const incidents = (await load("incident")) as Incident[];
    await putKeys(db, keyRows(entities, incidents));
    const docs = (
      await db.query("SELECT d.id FROM documents d WHERE EXISTS (SELECT 1 FROM doc_facts x WHERE x.doc = d.id)")
    ).rows.map((r) => r.id as string);
    await this.putGraph(db, new GraphIndexer(entities, incidents), incidents, docs, false);
  }

  /**
   * The graph rows a fusion write changed (graph-keys.ts): its incidents', and those of the owners whose look-ups
   * it changed or that have new facts, from just the entities and incidents they look up.
   */
  private async indexGraphUpdate(db: pg.PoolClient, u: FusionUpdate): Promise<void> {
    const owners = keyOwners(u);
    const stored = (
      await db.query(
        `SELECT k.kind, k.key, k.id FROM graph_keys k
         JOIN unnest($1::text[], $2::text[]) AS o(kind, id) ON k.kind = o.kind AND k.id = o.id`,
        [owners.map((o) => o[0]), owners.map((o) => o[1])],
      )
    ).rows as KeyRow[];
    const { add, drop, change } = keyDiff(stored, u);
    await db.query(
      `DELETE FROM graph_keys k USING unnest($1::text[], $2::text[], $3::text[]) AS d(kind, key, id)
       WHERE k.kind = d.kind AND k.key = d.key AND k.id = d.id`,
      [drop.map((r) => r.kind), drop.map((r) => r.key), drop.map((r) => r.id)],
    );
    await putKeys(db, add);
    const reached = (
      await db.query(
        `SELECT owner FROM graph_refs WHERE ref = ANY($1::text[])
         UNION SELECT doc FROM graph_docs WHERE prefix = ANY($2::text[])
         UNION SELECT doc FROM graph_pending`,
        [change.refs, change.prefixes],
      )
    ).rows.map((r) => r.owner as string);
    const split = splitOwners(reached, u);
    await dropOwners(db, u.removed.map(incidentOwner));
    const incidents = [...u.incidents, ...((await fusionByKey(db, "incident", [], split.incidents)) as Incident[])];
    const facts: DocFacts[] = [];
    for (const doc of split.docs) {
      const f = await this.factsOf(db, doc);
      if (f) facts.push(f);
    }
    const look = lookupsOf(facts, incidents);
    const entities = (await fusionByKey(db, "entity", look.entityKeys, look.entityIds)) as Entity[];
    const lookedUp = (await fusionByKey(db, "incident", look.incidentKeys, [])) as Incident[];
    await this.putGraph(db, new GraphIndexer(entities, lookedUp), incidents, facts, true);
    // a title is read by the rows of the documents that claim the incident too, which need not be redone for it
    await db.query(
      `UPDATE graph_nodes n SET label = t.label FROM unnest($1::text[], $2::text[]) AS t(id, label) WHERE n.id = t.id`,
      [u.incidents.map((i) => i.id), u.incidents.map((i) => i.title)],
    );
    await db.query("DELETE FROM graph_pending WHERE doc = ANY($1::text[])", [split.docs]);
  }

  /** Replaces the rows of these incidents and documents (by id, or their facts when read already). */
  private async putGraph(
    db: pg.PoolClient,
    indexer: GraphIndexer,
    incidents: Incident[],
    docs: (string | DocFacts)[],
    replace: boolean,
  ): Promise<void> {
    const ids = docs.map((d) => (typeof d === "string" ? d : d.doc));
    if (replace) await dropOwners(db, [...incidents.map((i) => incidentOwner(i.id)), ...ids]);
    // rows of many owners per statement: one round trip per document would dominate a full rebuild
    let rows: GraphRow[] = [];
    let refs: unknown[][] = [];
    const flush = async () => {
      await insertMany(
        db,
        "graph_edges",
        ["owner", "ord", "edge", "relation", "source", "target", "day", "doc"],
        rows.map((r) => [r.owner, r.ord, r.edge, r.relation, r.source, r.target, r.day, r.doc]),
      );
      await insertMany(db, "graph_refs", ["ref", "owner"], refs, [], "ON CONFLICT DO NOTHING");
      rows = [];
      refs = [];
    };
    const take = async (owner: string, out: { rows: GraphRow[]; refs: string[] }) => {
      rows.push(...out.rows);
      refs.push(...out.refs.map((r) => [r, owner]));
      if (rows.length + refs.length > 5000) await flush();
    };
    for (const inc of incidents) await take(incidentOwner(inc.id), indexer.incidentRows(inc));
    const days = new Map(
      (await db.query("SELECT id, published_start FROM documents WHERE id = ANY($1::text[])", [ids])).rows.map((r) => [
        r.id as string,
        r.published_start as string | null,
      ]),
    );
    for (const d of docs) {
      const facts = typeof d === "string" ? await this.factsOf(db, d) : d;
      if (!facts) continue;
      await take(facts.doc, indexer.documentRows(facts, days.get(facts.doc) ?? undefined));
    }
    await flush();
    await insertMany(
      db,
      "graph_docs",
      ["doc", "prefix"],
      ids.map((d) => [d, docPrefix(d)]),
      [],
      "ON CONFLICT (doc) DO NOTHING",
    );
    await insertMany(
      db,
      "graph_nodes",
      ["id", "label", "type"],
      indexer.nodes().map((n) => [n.id, n.label, n.type]),
      [],
      "ON CONFLICT (id) DO UPDATE SET label = excluded.label, type = excluded.type",
    );
  }

  async graphEdges(q: Window & { relations?: string[] }): Promise<{ nodes: GraphNode[]; edges: GraphEdge[] }> {
    const db = await this.db();
    let n = 0;
    const { where, args } = dayWindow(q, () => `$${++n}`);
    const rel = q.relations?.length ? ` AND relation = ANY($${++n}::text[])` : "";
    const rows = (
      await db.query(
        `SELECT edge, min(relation) AS relation, min(source) AS source, min(target) AS target, count(*) AS n,
           min(day) AS day FROM graph_edges WHERE ${where}${rel} GROUP BY edge`,
        [...args, ...(rel ? [q.relations] : [])],
      )
    ).rows as Row[];
    const edges = rows.map(toGraphEdge);
    const ends = [...new Set(edges.flatMap((e) => [e.source, e.target]))];
    const nodes = (await db.query("SELECT id, label, type FROM graph_nodes WHERE id = ANY($1::text[])", [ends]))
      .rows as GraphNode[];
    return { nodes, edges };
  }

  async graphEdgeDocs(edges: string[], q: Window = {}): Promise<Map<string, string[]>> {
    const db = await this.db();
    let n = 1;
    const { where, args } = dayWindow(q, () => `$${++n}`);
    const rows = (
      await db.query(
        `SELECT edge, doc, min(ord) AS o FROM graph_edges WHERE edge = ANY($1::text[]) AND ${where}
         GROUP BY edge, doc ORDER BY edge, o`,
        [edges, ...args],
      )
    ).rows as Row[];
    return firstDocs(rows);
  }

  async putFusionUpdate(u: FusionUpdate): Promise<void> {
    await this.write(async (db) => {
      const gone = [...u.removed, ...u.incidents.map((i) => i.id)];
      await db.query("DELETE FROM fusion WHERE kind = 'incident' AND id = ANY($1::text[])", [u.removed]);
      await db.query("DELETE FROM incident_assessments WHERE incident = ANY($1::text[])", [u.removed]);
      await db.query("DELETE FROM fusion WHERE kind = 'contradiction' AND data->>'incident' = ANY($1::text[])", [gone]);
      await insertMany(
        db,
        "fusion",
        ["kind", "id", "seq", "data"],
        fusionRows(u.entities, u.incidents, u.contradictions),
        ["", "", "", "::jsonb"],
        "ON CONFLICT (kind, id) DO UPDATE SET seq = excluded.seq, data = excluded.data",
      );
      await insertMany(
        db,
        "incident_members",
        ["event", "incident", "origin"],
        u.members.map((m) => [m.event, m.incident, m.origin]),
        [],
        "ON CONFLICT (event) DO UPDATE SET incident = excluded.incident, origin = excluded.origin",
      );
      await insertMany(
        db,
        "incident_aliases",
        ["alias", "incident"],
        u.aliases.map((a) => [a.alias, a.incident]),
        [],
        "ON CONFLICT (alias) DO UPDATE SET incident = excluded.incident",
      );
      await db.query("DELETE FROM incident_aliases WHERE alias = ANY($1::text[])", [u.removedAliases]);
      await insertMany(
        db,
        "incident_assessments",
        ["incident", "data"],
        u.assessments.map((a) => [a.incident, JSON.stringify(a)]),
        ["", "::jsonb"],
        "ON CONFLICT (incident) DO UPDATE SET data = excluded.data",
      );
      await writeState(db, u.state.version, u.state.rows);
      await this.indexGraphUpdate(db, u);
    });
  }

  async getFusionState(): Promise<FusionState | undefined> {
    await this.ready;
    return this.transaction(async (db) => {
      await db.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      const v = await db.query("SELECT value FROM fusion_state WHERE part = $1 AND key = ''", [VERSION_PART]);
      if (!v.rows.length) return undefined;
      const rows = await db.query("SELECT part, key, value FROM fusion_state WHERE part <> $1 ORDER BY seq", [
        VERSION_PART,
      ]);
      return { version: v.rows[0].value as string, rows: rows.rows as StateRow[] };
    });
  }

  async fusionStateVersion(): Promise<string | undefined> {
    const db = await this.db();
    const v = await db.query("SELECT value FROM fusion_state WHERE part = $1 AND key = ''", [VERSION_PART]);
    return v.rows[0]?.value as string | undefined;
  }

  async getIdentity(): Promise<IncidentIdentity> {
    const db = await this.db();
    const members = await db.query("SELECT event, incident, origin FROM incident_members ORDER BY event");
    const aliases = await db.query("SELECT alias, incident FROM incident_aliases ORDER BY alias");
    return {
      members: members.rows as IncidentIdentity["members"],
      aliases: aliases.rows as IncidentIdentity["aliases"],
    };
  }

  async incidentOfEvent(event: string): Promise<string | undefined> {
    const db = await this.db();
    const r = await db.query("SELECT incident FROM incident_members WHERE event = $1", [event]);
    return (r.rows[0] as { incident: string } | undefined)?.incident;
  }

  async resolveIncidentId(id: string): Promise<string | undefined> {
    const db = await this.db();
    let cur = id;
    for (let i = 0; i < 100; i++) {
      const live = await db.query("SELECT 1 FROM fusion WHERE kind = 'incident' AND id = $1", [cur]);
      if (live.rowCount) return cur;
      const next = await db.query("SELECT incident FROM incident_aliases WHERE alias = $1", [cur]);
      if (!next.rowCount) return undefined;
      cur = next.rows[0].incident as string;
    }
    return undefined;
  }

  async getIncident(id: string): Promise<Incident | undefined> {
    const live = await this.resolveIncidentId(id);
    if (live === undefined) return undefined;
    const db = await this.db();
    const r = await db.query("SELECT data::text AS data FROM fusion WHERE kind = 'incident' AND id = $1", [live]);
    return r.rowCount ? decodeRecord<Incident>(r.rows[0].data as string) : undefined;
  }

  async listIncidents(q: IncidentQuery = {}): Promise<Page<Incident>> {
    const limit = clampLimit(q.limit, 50, 5000);
    const offset = Math.max(0, q.offset ?? 0);
    const { where, args } = incidentWindow(q, q.undated ?? false);
    const db = await this.db();
    const total = await db.query(`SELECT count(*) AS n FROM fusion WHERE ${where}`, args);
    const rows = await db.query(
      `SELECT data::text AS data FROM fusion WHERE ${where} ORDER BY seq, id
       LIMIT $${args.length + 1} OFFSET $${args.length + 2}`,
      [...args, limit, offset],
    );
    return {
      items: rows.rows.map((r) => decodeRecord<Incident>(r.data as string)),
      total: Number(total.rows[0].n),
      limit,
      offset,
    };
  }

  async listDatedEvents(
    q: Window & { limit: number },
  ): Promise<{ items: DatedEvent[]; total: number; undated: number }> {
    const where = ["e.start IS NOT NULL"];
    const args: unknown[] = [];
    if (q.from) {
      args.push(q.from);
      where.push(`e."end" >= $${args.length}`);
    }
    if (q.to) {
      args.push(q.to);
      where.push(`e.start <= $${args.length}`);
    }
    const w = where.join(" AND ");
    const db = await this.db();
    const total = await db.query(`SELECT count(*) AS n FROM event_days e WHERE ${w}`, args);
    const undated = await db.query("SELECT count(*) AS n FROM event_days WHERE start IS NULL");
    const rows = await db.query(
      `SELECT e.event, e.doc, m.incident FROM event_days e JOIN documents d ON d.id = e.doc
         LEFT JOIN incident_members m ON m.event = e.event
       WHERE ${w} ORDER BY e.start, d.published_start NULLS FIRST, e.doc, e.seq LIMIT $${args.length + 1}`,
      [...args, Math.max(1, Math.floor(q.limit))],
    );
    const docs = new Map<string, Map<string, Event>>();
    const items: DatedEvent[] = [];
    for (const r of rows.rows) {
      const doc = r.doc as string;
      let events = docs.get(doc);
      if (!events) {
        events = new Map(((await this.factsOf(db, doc))?.events ?? []).map((ev) => [ev.id, ev]));
        docs.set(doc, events);
      }
      const event = events.get(r.event as string);
      if (!event) continue;
      const item: DatedEvent = { doc, event };
      if (r.incident) item.incident = r.incident as string;
      items.push(item);
    }
    return { items, total: Number(total.rows[0].n), undated: Number(undated.rows[0].n) };
  }

  async incidentsPerPlace(q: Window = {}): Promise<Map<string, number>> {
    const { where, args } = incidentWindow(q, true);
    const db = await this.db();
    const rows = await db.query(
      `SELECT data->>'place' AS place, count(*) AS n FROM fusion
       WHERE ${where} AND data->>'place' IS NOT NULL GROUP BY place`,
      args,
    );
    return new Map(rows.rows.map((r) => [r.place as string, Number(r.n)]));
  }

  async listGeocodedEntities(): Promise<Entity[]> {
    const db = await this.db();
    const rows = await db.query(
      `SELECT data::text AS data FROM fusion WHERE kind = 'entity' AND data->>'geo' IS NOT NULL
       AND data->>'type' <> 'state' ORDER BY seq, id`,
    );
    return rows.rows.map((r) => decodeRecord<Entity>(r.data as string));
  }

  async getAssessment(id: string): Promise<IncidentAssessment | undefined> {
    const db = await this.db();
    const r = await db.query("SELECT data FROM incident_assessments WHERE incident = $1", [id]);
    return r.rowCount ? (r.rows[0].data as IncidentAssessment) : undefined;
  }

  async getEntities(ids: string[]): Promise<Entity[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const db = await this.db();
    const rows = await db.query(
      `SELECT f.id, f.data::text AS data FROM fusion f WHERE f.kind = 'entity' AND f.id = ANY($1::text[])`,
      [unique],
    );
    const byId = new Map(rows.rows.map((r) => [r.id as string, r.data as string]));
    // in the order asked for, as the SQLite store returns them
    return unique.flatMap((id) => {
      const data = byId.get(id);
      return data === undefined ? [] : [decodeRecord<Entity>(data)];
    });
  }

  /** Canonical entities whose name or an alias is like `name` (pg_trgm), most similar first. */
  async lookupEntities(name: string, limit = 10): Promise<Entity[]> {
    const db = await this.db();
    const rows = await db.query(
      `SELECT data::text AS data FROM fusion
       WHERE kind = 'entity' AND ((data->>'name') % $1 OR $1 <% (data->>'aliases'))
       ORDER BY greatest(similarity(data->>'name', $1), word_similarity($1, data->>'aliases')) DESC, id LIMIT $2`,
      [name, clampLimit(limit, 10)],
    );
    return rows.rows.map((r) => decodeRecord<Entity>(r.data as string));
  }

  async incidentContradictions(id: string): Promise<Contradiction[]> {
    const db = await this.db();
    const rows = await db.query(
      "SELECT data::text AS data FROM fusion WHERE kind = 'contradiction' AND data->>'incident' = $1 ORDER BY seq",
      [id],
    );
    return rows.rows.map((r) => decodeRecord<Contradiction>(r.data as string));
  }

  async getFusion(): Promise<FusionSnapshot> {
    await this.ready;
    // one snapshot for the three reads, so a fusion written meanwhile is seen whole or not at all
    return this.transaction(async (db) => {
      await db.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      // see order.ts: contradictions by their incident's day, incident, then their place in it
      const order = (kind: string) =>
        kind === "contradiction" ? `seq / 1000, (data->>'incident') COLLATE "C", seq` : "seq, id";
      const load = async (kind: string): Promise<unknown[]> =>
        (
          await db.query(`SELECT data::text AS data FROM fusion WHERE kind = $1 ORDER BY ${order(kind)}`, [kind])
        ).rows.map((r) => decodeRecord(r.data as string));
      return {
        entities: (await load("entity")) as FusionSnapshot["entities"],
        incidents: (await load("incident")) as FusionSnapshot["incidents"],
        contradictions: (await load("contradiction")) as FusionSnapshot["contradictions"],
      };
    });
  }

  async putRecord(collection: string, id: string, value: unknown): Promise<void> {
    const db = await this.db();
    await db.query(
      `INSERT INTO records (collection, id, data, updated_at) VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (collection, id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      [collection, id, JSON.stringify(value), new Date().toISOString()],
    );
  }

  async deleteRecord(collection: string, id: string): Promise<void> {
    const db = await this.db();
    await db.query("DELETE FROM records WHERE collection = $1 AND id = $2", [collection, id]);
  }

  async listRecords<T = unknown>(collection: string): Promise<T[]> {
    const db = await this.db();
    const rows = await db.query("SELECT data FROM records WHERE collection = $1 ORDER BY updated_at, id", [collection]);
    return rows.rows.map((r) => r.data as T);
  }

  async exportAll(): Promise<ExportBundle> {
    const db = await this.db();
    const docs = (
      await db.query("SELECT * FROM documents ORDER BY published_start IS NULL, published_start, id")
    ).rows.map(toDocument);
    // the audit trail in id order, as the SQLite store exports it
    const audit = (await this.listRecords<AuditEntry>("audit")).sort((a, b) => a.id.localeCompare(b.id));
    const bundle = {
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
      audit,
    } as ExportBundle;
    for (const d of docs) {
      const f = await this.factsOf(db, d.id);
      if (!f) continue;
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
    await this.ready.catch(() => {});
    if (!this.pool.ended) await this.pool.end();
  }
}
