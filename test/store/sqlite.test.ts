// What only the SQLite store has: PRAGMA user_version migrations, WAL, and the FTS5 query builder.
// Everything behind the Store interface is in contract.test.ts, run against SQLite and PostgreSQL.
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fuseStored } from "../../src/app/fusion.js";
import { ftsQuery } from "../../src/store/sqlite/fts-query.js";
import { latestVersion } from "../../src/store/sqlite/migrations.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { distractor, outletA, outletB, outletC } from "../fuse/kerman-fixture.js";
import { tempDir } from "../helpers.js";
import { replayedGraph, storedGraph } from "./graph-replay.js";

let tmp: ReturnType<typeof tempDir>;
let store: SqliteStore;

beforeEach(() => {
  tmp = tempDir();
  store = new SqliteStore(join(tmp.dir, "t.db"));
});
afterEach(async () => {
  await store.close();
  tmp.cleanup();
});

describe("SqliteStore", () => {
  it("applies every migration and records the schema version", () => {
    expect(store.schemaVersion()).toBe(latestVersion);
    expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
  });

  it("fills the actor graph rows of a store made before they existed when it upgrades", async () => {
    for (const b of [outletA(), outletB(), outletC(), distractor()]) await store.putDocument(b.doc, b.facts);
    await fuseStored(store, []);
    const want = await replayedGraph(store);
    expect(want.edges.length).toBeGreaterThan(0);
    // back to the schema before the graph tables, as a store of the previous version is
    for (const t of ["graph_edges", "graph_nodes", "graph_refs", "graph_docs", "graph_keys", "graph_pending"])
      store.db.exec(`DROP TABLE ${t}`);
    store.db.pragma("user_version = 6");
    await store.close();
    store = new SqliteStore(join(tmp.dir, "t.db"));
    expect(store.schemaVersion()).toBe(latestVersion);
    expect((await storedGraph(store)).edges).toEqual(want.edges);
  });
});

describe("ftsQuery", () => {
  it("quotes every word so operators in input are inert", () => {
    expect(ftsQuery('IS-K "claim" NEAR(')).toBe('"IS-K" "claim" "NEAR"');
    expect(ftsQuery("gas OR blast*")).toBe('"gas" OR "blast"*');
    expect(ftsQuery("  ")).toBe("");
  });
});
