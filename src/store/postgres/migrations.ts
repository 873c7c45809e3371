// Versioned schema migrations for PostgreSQL. Each entry runs once, in order, in one transaction
// that also records it in schema_migrations; an advisory lock keeps two processes from migrating
// the same database at once. Sort keys are COLLATE "C" so the order matches SQLite's byte order
// whatever locale the database was created with.
import type { Migration } from "../sqlite/migrations.js";

export type { Migration };

export const migrations: Migration[] = [
  {
    version: 1,
    name: "documents, sources, full-text search, facts, fusion, records, stable incident ids",
    sql: `
      CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        name TEXT COLLATE "C" NOT NULL UNIQUE,
        reliability TEXT NOT NULL DEFAULT 'F' CHECK (reliability IN ('A','B','C','D','E','F')),
        notes TEXT
      );
      CREATE TABLE documents (
        id TEXT COLLATE "C" PRIMARY KEY,
        origin TEXT NOT NULL,
        url TEXT,
        title TEXT COLLATE "C",
        author TEXT,
        outlet TEXT REFERENCES sources(name) ON UPDATE CASCADE,
        published_iso TEXT,
        published_precision TEXT,
        published_start TEXT COLLATE "C",
        published_end TEXT COLLATE "C",
        language TEXT NOT NULL,
        languages JSONB, -- language stretches of a mixed-language document, when the model has them
        fetched_at TEXT NOT NULL,
        format TEXT NOT NULL,
        text TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        -- 'simple': no stemming, like SQLite's unicode61 tokenizer; title words weigh more
        fts tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple', coalesce(title, '')), 'A') || setweight(to_tsvector('simple', text), 'B')
        ) STORED
      );
      CREATE INDEX documents_published ON documents(published_start);
      CREATE INDEX documents_outlet ON documents(outlet);
      CREATE INDEX documents_fts ON documents USING gin (fts);
      -- a document's facts as one compact deflated blob (see ../sqlite/fact-codec.ts)
      CREATE TABLE doc_facts (
        doc TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        data BYTEA NOT NULL
      );
      CREATE TABLE event_days (
        doc TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        event TEXT NOT NULL,
        start TEXT COLLATE "C",
        "end" TEXT COLLATE "C",
        PRIMARY KEY (doc, seq)
      );
      CREATE INDEX event_days_start ON event_days(start);
      CREATE TABLE fusion (
        kind TEXT NOT NULL CHECK (kind IN ('entity','incident','contradiction')),
        id TEXT COLLATE "C" NOT NULL,
        seq INTEGER NOT NULL,
        data JSONB NOT NULL,
        PRIMARY KEY (kind, id)
      );
      CREATE INDEX fusion_seq ON fusion(kind, seq);
      CREATE INDEX fusion_incident_start ON fusion(((data->'date'->>'start') COLLATE "C")) WHERE kind = 'incident';
      CREATE INDEX fusion_contradiction_incident ON fusion((data->>'incident')) WHERE kind = 'contradiction';
      CREATE TABLE records (
        collection TEXT NOT NULL,
        id TEXT COLLATE "C" NOT NULL,
        data JSONB NOT NULL,
        updated_at TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (collection, id)
      );
      CREATE TABLE incident_members (
        event TEXT COLLATE "C" PRIMARY KEY,
        incident TEXT NOT NULL,
        origin TEXT NOT NULL
      );
      CREATE INDEX incident_members_incident ON incident_members(incident);
      CREATE TABLE incident_aliases (
        alias TEXT COLLATE "C" PRIMARY KEY,
        incident TEXT NOT NULL
      );
      CREATE TABLE incident_assessments (
        incident TEXT PRIMARY KEY,
        data JSONB NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: "trigram look-up of entity names and aliases",
    // pg_trgm ships with the Debian postgresql package (contrib); on a server without it this
    // migration fails, named, with PostgreSQL's reason (docs/deploy.md says what to install).
    sql: `
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE INDEX fusion_entity_name_trgm ON fusion USING gin ((data->>'name') gin_trgm_ops) WHERE kind = 'entity';
      -- the aliases as their JSON text: word similarity (<%) finds the best-matching stretch in it
      CREATE INDEX fusion_entity_aliases_trgm ON fusion USING gin ((data->>'aliases') gin_trgm_ops) WHERE kind = 'entity';
    `,
  },
  {
    version: 3,
    name: "ingest queue: batches, jobs, fused documents (branch workers)",
    // see ../../app/queue.ts: workers claim jobs with FOR UPDATE SKIP LOCKED; batches are fused in id order
    sql: `
      CREATE TABLE ingest_batches (
        id BIGSERIAL PRIMARY KEY,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        created_by TEXT,
        jobs INTEGER NOT NULL,
        fused_at TIMESTAMPTZ
      );
      CREATE INDEX ingest_batches_unfused ON ingest_batches(id) WHERE fused_at IS NULL;
      CREATE TABLE ingest_jobs (
        id BIGSERIAL PRIMARY KEY,
        batch BIGINT NOT NULL REFERENCES ingest_batches(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        input TEXT NOT NULL,
        -- the bytes the enqueuing machine read; NULL for a URL, which the worker fetches
        payload BYTEA,
        options JSONB NOT NULL,
        state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued','running','done','failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        locked_by TEXT,
        locked_until TIMESTAMPTZ,
        outcomes JSONB,
        error TEXT,
        finished_at TIMESTAMPTZ,
        UNIQUE (batch, seq)
      );
      CREATE INDEX ingest_jobs_open ON ingest_jobs(batch, seq) WHERE state IN ('queued','running');
      -- documents whose facts a fusion writer has applied, by content hash: a retried or duplicated job
      -- never fuses a document twice
      CREATE TABLE fused_documents (
        doc TEXT COLLATE "C" PRIMARY KEY,
        batch BIGINT NOT NULL,
        fused_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE TABLE ingest_workers (
        id TEXT PRIMARY KEY,
        host TEXT NOT NULL,
        pid INTEGER NOT NULL,
        started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        jobs INTEGER NOT NULL DEFAULT 0
      );
    `,
  },
  {
    version: 4,
    name: "fusion engine state for incremental fusion (branch inc)",
    // one row per entry of the engine's maps (fuse/state.ts); seq keeps their insertion order across upserts
    sql: `
      CREATE TABLE fusion_state (
        seq BIGINT GENERATED ALWAYS AS IDENTITY,
        part TEXT COLLATE "C" NOT NULL,
        key TEXT COLLATE "C" NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (part, key)
      );
      CREATE INDEX fusion_state_seq ON fusion_state(seq);
    `,
  },
  {
    version: 5,
    name: "actor graph index (branch graph)",
    // one row per edge occurrence and the lookups each document's edges depend on (store/graph-index.ts); filled by
    // the next migration, which reshapes them (a fill here would need that migration's tables)
    sql: `
      CREATE TABLE graph_edges (
        owner TEXT NOT NULL,
        ord TEXT COLLATE "C" NOT NULL,
        edge TEXT COLLATE "C" NOT NULL,
        relation TEXT NOT NULL,
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        day TEXT COLLATE "C",
        doc TEXT NOT NULL,
        PRIMARY KEY (owner, ord)
      );
      CREATE INDEX graph_edges_edge ON graph_edges(edge, ord);
      CREATE INDEX graph_edges_day ON graph_edges(day);
      CREATE TABLE graph_nodes (id TEXT PRIMARY KEY, label TEXT NOT NULL, type TEXT NOT NULL);
      CREATE TABLE graph_refs (ref TEXT COLLATE "C" NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (ref, doc));
      CREATE INDEX graph_refs_doc ON graph_refs(doc);
      CREATE TABLE graph_docs (doc TEXT COLLATE "C" PRIMARY KEY, prefix TEXT NOT NULL);
      CREATE INDEX graph_docs_prefix ON graph_docs(prefix);
    `,
  },
  {
    version: 6,
    name: "actor graph rows owned per incident, look-up keys, documents to index (issue #9)",
    // as SQLite migration 8: a fusion write redoes the graph rows of what it changed only (store/graph-keys.ts)
    fill: "graph",
    sql: `
      DROP TABLE graph_refs;
      CREATE TABLE graph_refs (ref TEXT COLLATE "C" NOT NULL, owner TEXT COLLATE "C" NOT NULL, PRIMARY KEY (ref, owner));
      CREATE INDEX graph_refs_owner ON graph_refs(owner);
      CREATE TABLE graph_keys (
        kind TEXT NOT NULL,
        key TEXT COLLATE "C" NOT NULL,
        id TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (kind, key, id)
      );
      CREATE INDEX graph_keys_id ON graph_keys(kind, id);
      CREATE TABLE graph_pending (doc TEXT COLLATE "C" PRIMARY KEY);
    `,
  },
  {
    version: 7,
    name: "full-text search in a narrow table of its own (issue #13)",
    // A search visits every matching row: on documents each visit read a heap page of wide rows (the text is
    // inline), 17,000 pages for a common word at 100k documents. Here a row is the id, the date and a pointer
    // to the tsvector (toast_tuple_target 128 moves any but the smallest out of line), so the same matches sit
    // on a few hundred pages, and only the tsvectors of the candidates ranked are read. A trigger keeps it in
    // step with every write of a document's title, text or date.
    sql: `
      CREATE TABLE doc_search (
        doc TEXT COLLATE "C" PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        published_start TEXT COLLATE "C",
        fts tsvector NOT NULL
      ) WITH (toast_tuple_target = 128);
      INSERT INTO doc_search (doc, published_start, fts) SELECT id, published_start, fts FROM documents;
      CREATE INDEX doc_search_fts ON doc_search USING gin (fts);
      ALTER TABLE documents DROP COLUMN fts;
      CREATE FUNCTION doc_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- 'simple': no stemming, like SQLite's unicode61 tokenizer; title words weigh more
        INSERT INTO doc_search (doc, published_start, fts)
        VALUES (NEW.id, NEW.published_start,
          setweight(to_tsvector('simple', coalesce(NEW.title, '')), 'A') || setweight(to_tsvector('simple', NEW.text), 'B'))
        ON CONFLICT (doc) DO UPDATE SET published_start = excluded.published_start, fts = excluded.fts;
        RETURN NULL;
      END $$;
      CREATE TRIGGER documents_search AFTER INSERT OR UPDATE OF title, text, published_start ON documents
        FOR EACH ROW EXECUTE FUNCTION doc_search_sync();
    `,
  },
];

export const latestVersion = migrations[migrations.length - 1]!.version;
