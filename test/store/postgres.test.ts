// What only the PostgreSQL store has: migrations recorded in schema_migrations (and safe when two
// processes open a new database at once), the search table and its GIN index, ranking a bounded set of matches, trigram look-up of
// entity names, a clear error for an unreachable server, and the tsquery builder.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Entity } from "../../src/model/records.js";
import { isPostgresUrl, openStore, PgStore } from "../../src/store/index.js";
import { tsQuery } from "../../src/store/postgres/fts-query.js";
import { latestVersion, migrations } from "../../src/store/postgres/migrations.js";
import { doc } from "../helpers.js";
import { type PgServer, pgPlan, pgUnavailable, skipReason, startPg } from "./pg-server.js";

describe("tsQuery", () => {
  it("keeps only letters and digits, joins words with AND, honours OR and prefixes", () => {
    expect(tsQuery("kerman blasts")).toBe("kerman & blasts");
    expect(tsQuery("gas OR blast*")).toBe("gas | blast:*");
    expect(tsQuery('IS-K "claim" NEAR(')).toBe("(is <-> k) & claim & near");
    expect(tsQuery("OR a OR OR b OR")).toBe("or & a | or & b"); // as ftsQuery: a leading or doubled OR is a word
    expect(tsQuery("'); DROP TABLE x; --")).toBe("drop & table & x");
    expect(tsQuery(" !! ")).toBe("");
  });
});

describe("the PostgreSQL test server", () => {
  it("skips without a server or binaries, but fails under CI", async () => {
    const none = pgPlan({}, () => undefined);
    expect(skipReason(none, {})).toMatch(/no TESSERA_TEST_PG URL and no initdb/);
    expect(skipReason(none, { TESSERA_REQUIRE_PG: "1" })).toBeUndefined();
    await expect(startPg(none)).rejects.toThrow(/required \(TESSERA_REQUIRE_PG=1\)/);
    expect(pgPlan({ TESSERA_TEST_PG: "postgres://u@h/d" }, () => "/bin")).toEqual({ url: "postgres://u@h/d" });
    expect(
      skipReason(
        pgPlan({}, () => "/usr/lib/postgresql/15/bin"),
        {},
      ),
    ).toBeUndefined();
  });
});

describe("isPostgresUrl", () => {
  it("tells a PostgreSQL URL from a SQLite path", () => {
    expect(isPostgresUrl("postgres://u@h/db")).toBe(true);
    expect(isPostgresUrl("postgresql://u@h:5432/db")).toBe(true);
    expect(isPostgresUrl("postgres.db")).toBe(false);
    expect(isPostgresUrl("./tessera.db")).toBe(false);
  });
});

describe.skipIf(pgUnavailable !== undefined)("PgStore", () => {
  let server: PgServer;
  beforeAll(async () => {
    server = await startPg();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("ranks only the most recent matches of a search, and lists the older ones after them, newest first", async () => {
    const store = new PgStore(await server.createDatabase());
    try {
      const old = doc("A storm, then a second storm, then a third storm reached the coast.", {
        published: "2020-01-01",
      });
      const mid = doc("The storm reached the hills.", { published: "2021-01-01" });
      const recent = doc("A storm and another storm flooded the valley.", { published: "2022-01-01" });
      const undated = doc("Nobody dated this storm report.");
      for (const d of [old, mid, recent, undated]) await store.putDocument(d);
      const ids = async (q: { limit?: number; offset?: number } = {}) =>
        (await store.search("storm", q)).items.map((h) => h.id);
      // every match ranked: the report with the most storms comes first
      expect((await ids())[0]).toBe(old.id);
      store.searchCandidates = 2;
      // the two newest ranked (two storms before one), then the rest by date, undated last
      expect(await ids()).toEqual([recent.id, mid.id, old.id, undated.id]);
      expect(await ids({ offset: 1, limit: 2 })).toEqual([mid.id, old.id]);
      expect((await store.search("storm")).total).toBe(4);
    } finally {
      await store.close();
    }
  });

  it("records every migration once, even when two stores open a new database together", async () => {
    const url = await server.createDatabase();
    const [a, b] = [new PgStore(url), new PgStore(url)];
    try {
      expect(await a.schemaVersion()).toBe(latestVersion);
      expect(await b.schemaVersion()).toBe(latestVersion);
      const rows = await a.pool.query("SELECT version, name FROM schema_migrations ORDER BY version");
      expect(rows.rows).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
      const idx = await a.pool.query("SELECT indexdef FROM pg_indexes WHERE indexname = 'doc_search_fts'");
      expect(idx.rows[0]?.indexdef).toMatch(/USING gin \(fts\)/);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("names a failed migration and applies none of it (DDL is transactional)", async () => {
    const url = await server.createDatabase();
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    await setup.query("CREATE TABLE fusion (unrelated INTEGER)"); // in the way of migration 1
    const store = new PgStore(url);
    await expect(store.countDocuments()).rejects.toThrow(
      /schema migration 1 \(.*\) failed: relation "fusion" already exists/,
    );
    const left = await setup.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(left.rows.map((r) => r.table_name)).toEqual(["fusion", "schema_migrations"]);
    expect((await setup.query("SELECT count(*)::int AS n FROM schema_migrations")).rows[0].n).toBe(0);
    await setup.end();
    await store.close();
  });

  it("moves the documents of a store made before migration 7 into the search table", async () => {
    const url = await server.createDatabase();
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    // a store as schema version 6 left it, holding one document
    await setup.query(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
    );
    for (const m of migrations.filter((m) => m.version <= 6)) {
      await setup.query(m.sql);
      await setup.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [m.version, m.name]);
    }
    await setup.query(
      `INSERT INTO documents (id, origin, language, fetched_at, format, text, ingested_at, title)
       VALUES ('ab12cd34ef56ab12cd34ef56', 'test', 'en', '2025-01-01', 'text', 'Hail flattened the orchards.', '2025-01-01', 'Hail')`,
    );
    await setup.end();
    const store = new PgStore(url);
    try {
      expect(await store.schemaVersion()).toBe(latestVersion);
      expect((await store.search("orchards")).items.map((h) => h.id)).toEqual(["ab12cd34ef56ab12cd34ef56"]);
      // and documents stored after it are found through the trigger
      await store.putDocument(doc("Frost came early to the orchards."));
      expect((await store.search("orchards")).total).toBe(2);
    } finally {
      await store.close();
    }
  });

  it("opens through openStore and looks entity names up by trigram similarity", async () => {
    const store = openStore(await server.createDatabase());
    expect(store).toBeInstanceOf(PgStore);
    const place = (id: string, name: string): Entity => ({ id, type: "place", name, aliases: [name], mentions: [] });
    await store.putFusion({
      entities: [
        place("p1", "Port Halvard"),
        place("p2", "Halvard Bay"),
        { ...place("p3", "Mirrin Valley"), aliases: ["Mirrin Valley", "Old Carrowfield"] },
      ],
      incidents: [],
      contradictions: [],
    });
    const hits = await (store as PgStore).lookupEntities("Port Halvad");
    expect(hits[0]?.id).toBe("p1");
    expect(hits.map((e) => e.id)).not.toContain("p3");
    // an alias counts too
    expect((await (store as PgStore).lookupEntities("Old Carowfield"))[0]?.id).toBe("p3");
    expect(await (store as PgStore).lookupEntities("Qqzzx")).toEqual([]);
    await store.close();
  });

  it("refuses a document with a NUL character, which PostgreSQL cannot hold, and keeps nothing of it", async () => {
    const store = new PgStore(await server.createDatabase());
    const bad = doc("A report with a stray \u0000 byte in it.", { outlet: "Null Wire" });
    await expect(store.putDocument(bad)).rejects.toThrow(/NUL character/);
    expect(await store.countDocuments()).toBe(0);
    expect(await store.listSources()).toEqual([]);
    // the six characters of an escaped NUL are ordinary text
    expect((await store.putDocument(doc("A note quoting the escape \\u0000 literally."))).status).toBe("ok");
    await store.close();
  });

  it("leaves nothing of a failed fusion write", async () => {
    const store = new PgStore(await server.createDatabase());
    const e: Entity = { id: "e1", type: "place", name: "Somewhere", aliases: [], mentions: [] };
    await store.putFusion({ entities: [e], incidents: [], contradictions: [] });
    // two entities with one id break the primary key half-way through the write
    await expect(
      store.putFusion({ entities: [{ ...e, name: "Other" }, e], incidents: [], contradictions: [] }),
    ).rejects.toThrow();
    expect((await store.getFusion()).entities).toEqual([e]);
    await store.close();
  });
});

describe("PgStore without a server", () => {
  it("reports an unreachable server on first use and still closes", async () => {
    const store = new PgStore("postgres://nobody:s3cret@127.0.0.1:1/none");
    const err = await store.countDocuments().catch((e: Error) => e);
    expect(String(err)).toMatch(
      /cannot open the PostgreSQL store postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none: .*ECONNREFUSED/,
    );
    expect(String(err)).not.toContain("s3cret");
    await store.close();
  });
});
