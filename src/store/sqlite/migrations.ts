// Versioned schema migrations. Each entry runs once, in order, inside a transaction; the applied
// version is kept in PRAGMA user_version so an older database upgrades in place.
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Rows the store derives after the SQL, in the same transaction (the actor graph from what is stored). */
  fill?: "graph";
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: "documents, sources and full-text search",
    sql: `
      CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        reliability TEXT NOT NULL DEFAULT 'F' CHECK (reliability IN ('A','B','C','D','E','F')),
        notes TEXT
      );
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        origin TEXT NOT NULL,
        url TEXT,
        title TEXT,
        author TEXT,
        outlet TEXT REFERENCES sources(name) ON UPDATE CASCADE,
        published_iso TEXT,
        published_precision TEXT,
        published_start TEXT,
        published_end TEXT,
        language TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        format TEXT NOT NULL,
        text TEXT NOT NULL,
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX documents_published ON documents(published_start);
      CREATE INDEX documents_outlet ON documents(outlet);
      CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
      END;
      CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
      END;
      CREATE TRIGGER documents_au AFTER UPDATE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
      END;
    `,
  },
  {
    version: 2,
    name: "extracted facts per document",
    sql: `
      CREATE TABLE facts (
        doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('mention','entity','event','claim','judgment')),
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        type TEXT,
        start INTEGER,
        end INTEGER,
        data TEXT NOT NULL CHECK (json_valid(data)),
        PRIMARY KEY (kind, id)
      );
      CREATE INDEX facts_doc ON facts(doc, kind, seq);
      CREATE INDEX facts_type ON facts(kind, type);
    `,
  },
  {
    version: 3,
    name: "fusion output and analyst records",
    sql: `
      CREATE TABLE fusion (
        kind TEXT NOT NULL CHECK (kind IN ('entity','incident','contradiction')),
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data)),
        PRIMARY KEY (kind, id)
      );
      CREATE TABLE records (
        collection TEXT NOT NULL,
        id TEXT NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (collection, id)
      );
    `,
  },
  {
    version: 4,
    name: "language stretches of mixed-language documents",
    sql: `ALTER TABLE documents ADD COLUMN languages TEXT CHECK (languages IS NULL OR json_valid(languages));`,
  },
  {
    version: 5,
    name: "stable incident ids (member events, aliases), stored grades, compact facts, event days",
    sql: `
      CREATE TABLE incident_members (
        event TEXT PRIMARY KEY,
        incident TEXT NOT NULL,
        origin TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX incident_members_incident ON incident_members(incident);
      CREATE TABLE incident_aliases (
        alias TEXT PRIMARY KEY,
        incident TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX fusion_seq ON fusion(kind, seq);
      CREATE TABLE incident_assessments (
        incident TEXT PRIMARY KEY,
        data TEXT NOT NULL CHECK (json_valid(data))
      ) WITHOUT ROWID;
      CREATE INDEX fusion_incident_start ON fusion(json_extract(data, '$.date.start')) WHERE kind = 'incident';
      -- a document's facts as one compact blob (fact-codec.ts); the per-fact rows above stay readable
      CREATE TABLE doc_facts (
        doc TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        data BLOB NOT NULL
      ) WITHOUT ROWID;
      -- the days of extracted events, for the timeline
      CREATE TABLE event_days (
        doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        event TEXT NOT NULL,
        start TEXT,
        end TEXT,
        PRIMARY KEY (doc, seq)
      ) WITHOUT ROWID;
      CREATE INDEX event_days_start ON event_days(start);
      INSERT INTO event_days (event, doc, seq, start, end)
        SELECT id, doc, seq, json_extract(data, '$.date.start'), json_extract(data, '$.date.end')
        FROM facts WHERE kind = 'event';
      CREATE INDEX fusion_contradiction_incident ON fusion(json_extract(data, '$.incident'))
        WHERE kind = 'contradiction';
    `,
  },
  {
    version: 6,
    name: "fusion engine state for incremental fusion (branch inc)",
    // one row per entry of the engine's maps (fuse/state.ts); the rowid keeps their insertion order, which an
    // upsert (ON CONFLICT DO UPDATE) preserves. Incident seq becomes the day of the incident (see order.ts):
    // the next fusion rewrites it.
    sql: `
      CREATE TABLE fusion_state (
        part TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (part, key)
      );
    `,
  },
  {
    version: 7,
    name: "actor graph index (branch graph)",
    // one row per edge occurrence and the lookups each document's edges depend on (store/graph-index.ts); filled by
    // the next migration, which reshapes them (a fill here would need that migration's tables)
    sql: `
      CREATE TABLE graph_edges (
        owner TEXT NOT NULL,
        ord TEXT NOT NULL,
        edge TEXT NOT NULL,
        relation TEXT NOT NULL,
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        day TEXT,
        doc TEXT NOT NULL,
        PRIMARY KEY (owner, ord)
      ) WITHOUT ROWID;
      CREATE INDEX graph_edges_edge ON graph_edges(edge, ord);
      CREATE INDEX graph_edges_day ON graph_edges(day);
      CREATE TABLE graph_nodes (id TEXT PRIMARY KEY, label TEXT NOT NULL, type TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE graph_refs (ref TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (ref, doc)) WITHOUT ROWID;
      CREATE INDEX graph_refs_doc ON graph_refs(doc);
      CREATE TABLE graph_docs (doc TEXT PRIMARY KEY, prefix TEXT NOT NULL) WITHOUT ROWID;
      CREATE INDEX graph_docs_prefix ON graph_docs(prefix);
    `,
  },
  {
    version: 8,
    name: "actor graph rows owned per incident, look-up keys, documents to index (issue #9)",
    // a fusion write redoes the graph rows of what it changed only (store/graph-keys.ts): incident rows move from
    // one shared owner to one owner per incident, refs name their owner (a document or an incident), the keys of
    // the fused records let it read just the records it looks up, and graph_pending lists the documents whose
    // facts were written since (instead of a scan of every document per write)
    fill: "graph",
    sql: `
      DROP TABLE graph_refs;
      CREATE TABLE graph_refs (ref TEXT NOT NULL, owner TEXT NOT NULL, PRIMARY KEY (ref, owner)) WITHOUT ROWID;
      CREATE INDEX graph_refs_owner ON graph_refs(owner);
      CREATE TABLE graph_keys (
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        id TEXT NOT NULL,
        PRIMARY KEY (kind, key, id)
      ) WITHOUT ROWID;
      CREATE INDEX graph_keys_id ON graph_keys(kind, id);
      CREATE TABLE graph_pending (doc TEXT PRIMARY KEY) WITHOUT ROWID;
    `,
  },
  {
    version: 9,
    name: "compact storage: facts blobs in a rowid table, fusion state rows with part ids, raw deflated values",
    // doc_facts WITHOUT ROWID put each ~1.5 KB blob on overflow pages (3.7 MB of pages for 1.5 MB of blobs at 1,000
    // bench documents); a rowid table packs them. fusion_state: see state-rows.ts (state_key_hash and state_pack are
    // the store's SQL functions). The rowids are kept: they are the engine's insertion order.
    sql: `
      CREATE TABLE doc_facts_compact (
        doc TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        data BLOB NOT NULL
      );
      INSERT INTO doc_facts_compact (doc, data) SELECT doc, data FROM doc_facts;
      DROP TABLE doc_facts;
      ALTER TABLE doc_facts_compact RENAME TO doc_facts;
      CREATE TABLE fusion_state_parts (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
      INSERT INTO fusion_state_parts (name) SELECT part FROM fusion_state GROUP BY part ORDER BY min(rowid);
      CREATE TABLE fusion_state_compact (part INTEGER NOT NULL, hash INTEGER NOT NULL, key TEXT NOT NULL, value NOT NULL);
      INSERT INTO fusion_state_compact (rowid, part, hash, key, value)
        SELECT s.rowid, p.id, state_key_hash(s.key), s.key, state_pack(s.value)
        FROM fusion_state s JOIN fusion_state_parts p ON p.name = s.part ORDER BY s.rowid;
      DROP TABLE fusion_state;
      ALTER TABLE fusion_state_compact RENAME TO fusion_state;
      CREATE INDEX fusion_state_key ON fusion_state(part, hash);
    `,
  },
];

export const latestVersion = migrations[migrations.length - 1]!.version;
