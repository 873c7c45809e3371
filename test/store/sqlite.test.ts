// What only the SQLite store has: PRAGMA user_version migrations, WAL, and the FTS5 query builder.
// Everything behind the Store interface is in contract.test.ts, run against SQLite and PostgreSQL.
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fuseChange, fuseStored, OVERRIDES, refuse } from "../../src/app/fusion.js";
import { anchorOverride } from "../../src/app/overrides.js";
import type { Incident } from "../../src/model/records.js";
import { ftsQuery } from "../../src/store/sqlite/fts-query.js";
import { latestVersion } from "../../src/store/sqlite/migrations.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { distractor, outletA, outletB, outletC, outletD } from "../fuse/kerman-fixture.js";
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
    // back to the schema before the graph tables (migration 6), as a store of that version is
    downgradeToV8(store.db);
    for (const t of ["graph_edges", "graph_nodes", "graph_refs", "graph_docs", "graph_keys", "graph_pending"])
      store.db.exec(`DROP TABLE ${t}`);
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

describe("SqliteStore graph rows", () => {
  /** The graph tables as rows (nodes aside: a rebuild drops the nodes no edge reaches any longer). */
  const tables = () =>
    Object.fromEntries(
      ["graph_edges", "graph_refs", "graph_keys", "graph_docs"].map((t) => [
        t,
        (store.db.prepare(`SELECT * FROM ${t}`).all() as object[]).map((r) => JSON.stringify(r)).sort(),
      ]),
    );
  const fuseInOrder = async () => {
    const builders = [outletA(), outletB(), outletC(), outletD(), distractor()].sort((a, b) =>
      `${a.doc.publishedAt?.start}${a.doc.id}` < `${b.doc.publishedAt?.start}${b.doc.id}` ? -1 : 1,
    );
    for (const b of builders) {
      await store.putDocument(b.doc, b.facts);
      await fuseStored(store, [b.doc.id]);
    }
  };

  it("leaves after one-at-a-time ingests and an override chain the very rows a rebuild writes", async () => {
    await fuseInOrder();
    const [a, b] = (await store.listIncidents({ limit: 10 })).items;
    if (!a || !b) throw new Error("fixture: two incidents expected");
    const merge = await anchorOverride(store, {
      id: "ovr-rows",
      createdAt: "2026-02-01T00:00:00.000Z",
      kind: "merge-incidents",
      incidents: [b.id, a.id],
    });
    await fuseChange(store, () => store.putRecord(OVERRIDES, merge.id, merge));
    await fuseChange(store, () => store.deleteRecord(OVERRIDES, merge.id));
    await fuseChange(store, () => store.putRecord(OVERRIDES, merge.id, merge));
    const incremental = tables();
    expect(incremental.graph_edges?.length).toBeGreaterThan(0);
    expect(store.db.prepare("SELECT count(*) FROM graph_pending").pluck().get()).toBe(0);
    await refuse(store);
    expect(tables()).toEqual(incremental);
  });

  it("leaves the rows of the incidents and documents a write did not reach as they were", async () => {
    await fuseInOrder();
    const owners = store.db.prepare("SELECT DISTINCT owner FROM graph_edges ORDER BY owner").pluck().all() as string[];
    const incidentOwners = owners.filter((o) => o.startsWith("i:"));
    expect(incidentOwners.length).toBeGreaterThan(0);
    // mark every row: a row the next write rewrites loses its mark
    store.db.prepare("UPDATE graph_edges SET day = 'marked'").run();
    const marked = (owner: string) =>
      new Set(store.db.prepare("SELECT day = 'marked' AS m FROM graph_edges WHERE owner = ?").pluck().all(owner));
    const retitle = (i: Incident) =>
      store.putFusionUpdate({
        incidents: [{ ...i, title: "A retitled incident" }],
        removed: [],
        contradictions: [],
        entities: [],
        members: [],
        aliases: [],
        removedAliases: [],
        assessments: [],
        state: { version: "v", rows: [] },
      });
    const incidents = (await store.listIncidents({ limit: 10 })).items;
    const withRows = incidents.find((i) => incidentOwners.includes(`i:${i.id}`))!;
    const without = incidents.find((i) => !incidentOwners.includes(`i:${i.id}`))!;
    expect(without).toBeDefined();
    // a write of an incident without rows rewrites none of the other incident's, nor any document's
    await retitle(without);
    for (const o of owners) expect(marked(o)).toEqual(new Set([1]));
    // a write of the incident with rows rewrites just those, and its node's label follows the new title
    await retitle(withRows);
    for (const o of owners) expect(marked(o)).toEqual(new Set([o === `i:${withRows.id}` ? 0 : 1]));
    expect(store.db.prepare("SELECT label FROM graph_nodes WHERE id = ?").pluck().get(withRows.id)).toBe(
      "A retitled incident",
    );
  });
});

describe("ftsQuery", () => {
  it("quotes every word so operators in input are inert", () => {
    expect(ftsQuery('IS-K "claim" NEAR(')).toBe('"IS-K" "claim" "NEAR"');
    expect(ftsQuery("gas OR blast*")).toBe('"gas" OR "blast"*');
    expect(ftsQuery("  ")).toBe("");
  });
});
