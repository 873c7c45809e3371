// What only the SQLite store has: PRAGMA user_version migrations, WAL, and the FTS5 query builder.
// Everything behind the Store interface is in contract.test.ts, run against SQLite and PostgreSQL.
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ftsQuery } from "../../src/store/sqlite/fts-query.js";
import { latestVersion } from "../../src/store/sqlite/migrations.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { tempDir } from "../helpers.js";

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
});

describe("ftsQuery", () => {
  it("quotes every word so operators in input are inert", () => {
    expect(ftsQuery('IS-K "claim" NEAR(')).toBe('"IS-K" "claim" "NEAR"');
    expect(ftsQuery("gas OR blast*")).toBe('"gas" OR "blast"*');
    expect(ftsQuery("  ")).toBe("");
  });
});
