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
import { downgradeToV8 } from "./sqlite-v8.js";

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
    // back to the schema before the graph tables (migration 7), as a store of that version is
    downgradeToV8(store.db);
    store.db.exec("DROP TABLE graph_edges; DROP TABLE graph_nodes; DROP TABLE graph_refs; DROP TABLE graph_docs;");
    store.db.pragma("user_version = 6");
    await store.close();
    store = new SqliteStore(join(tmp.dir, "t.db"));
    expect(store.schemaVersion()).toBe(latestVersion);
    expect((await storedGraph(store)).edges).toEqual(want.edges);
  });

  it("upgrades a store of the previous layout (migration 9) and reads back the same facts, fusion and engine state", async () => {
    for (const b of [outletA(), outletB(), outletC(), distractor()]) await store.putDocument(b.doc, b.facts);
    await fuseStored(store, []);
    const before = { state: await store.getFusionState(), bundle: await store.exportAll() };
    expect(before.state?.rows.some((r) => r.value?.startsWith("~"))).toBe(true);
    downgradeToV8(store.db);
    const old = store.db.prepare("SELECT count(*) FROM fusion_state WHERE typeof(part) = 'text'").pluck().get();
    expect(old).toBe((before.state?.rows.length ?? 0) + 1);
    await store.close();
    store = new SqliteStore(join(tmp.dir, "t.db"));
    expect(store.schemaVersion()).toBe(latestVersion);
    const blobs = store.db.prepare("SELECT count(*) FROM fusion_state WHERE typeof(value) = 'blob'").pluck().get();
    expect(blobs).toBeGreaterThan(0);
    expect(await store.getFusionState()).toEqual(before.state);
    const after = await store.exportAll();
    expect({ ...after, exportedAt: "" }).toEqual({ ...before.bundle, exportedAt: "" });
    // the upgraded state takes incremental writes in the engine's order: an update keeps its place, a new key goes last
    const [first, second] = before.state?.rows ?? [];
    if (!first || !second) throw new Error("no state rows");
    await store.putFusionUpdate({
      incidents: [],
      removed: [],
      contradictions: [],
      entities: [],
      members: [],
      aliases: [],
      removedAliases: [],
      assessments: [],
      state: {
        version: "v-next",
        rows: [
          { part: first.part, key: first.key, value: "[1]" },
          { part: second.part, key: second.key, value: null },
          { part: "new.part", key: '"k"', value: "[2]" },
        ],
      },
    });
    const next = await store.getFusionState();
    expect(next?.version).toBe("v-next");
    expect(next?.rows[0]).toEqual({ part: first.part, key: first.key, value: "[1]" });
    expect(next?.rows.some((r) => r.part === second.part && r.key === second.key)).toBe(false);
    expect(next?.rows.at(-1)).toEqual({ part: "new.part", key: '"k"', value: "[2]" });
    expect(next?.rows.length).toBe(before.state!.rows.length);
  });
});

describe("ftsQuery", () => {
  it("quotes every word so operators in input are inert", () => {
    expect(ftsQuery('IS-K "claim" NEAR(')).toBe('"IS-K" "claim" "NEAR"');
    expect(ftsQuery("gas OR blast*")).toBe('"gas" OR "blast"*');
    expect(ftsQuery("  ")).toBe("");
  });
});
