import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DocFacts } from "../../src/model/records.js";
import { ftsQuery } from "../../src/store/sqlite/fts-query.js";
import { latestVersion } from "../../src/store/sqlite/migrations.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { doc, tempDir } from "../helpers.js";

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

function factsFor(id: string, mentionIds: string[]): DocFacts {
  return {
    doc: id,
    mentions: mentionIds.map((m) => ({
      id: m,
      doc: id,
      start: 0,
      end: 4,
      text: "Iran",
      kind: "place" as const,
      rule: "test",
      confidence: 1,
    })),
    entities: [],
    events: [],
    claims: [],
    judgments: [],
  };
}

describe("SqliteStore", () => {
  it("applies every migration and records the schema version", () => {
    expect(store.schemaVersion()).toBe(latestVersion);
    expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
  });

  it("stores a document once and reports the second copy as a duplicate", async () => {
    const d = doc("Officials in the port city counted the damage after the storm.", { outlet: "Harbour Post" });
    expect((await store.putDocument(d)).status).toBe("ok");
    expect((await store.putDocument({ ...d, origin: "elsewhere" })).status).toBe("duplicate");
    expect(await store.countDocuments()).toBe(1);
    expect((await store.listSources()).map((s) => [s.name, s.reliability])).toEqual([["Harbour Post", "F"]]);
  });

  it("rolls back the whole document when a fact fails mid-write", async () => {
    const d = doc("A short report that will fail while its facts are written.");
    // Two mentions with one id violate the primary key after the document row is already inserted.
    await expect(store.putDocument(d, factsFor(d.id, ["m1", "m1"]))).rejects.toThrow();
    expect(await store.countDocuments()).toBe(0);
    expect(await store.getDocument(d.id)).toBeUndefined();
    expect((await store.search("report")).total).toBe(0);
    // and the same document goes in cleanly afterwards
    expect((await store.putDocument(d, factsFor(d.id, ["m1", "m2"]))).status).toBe("ok");
    expect((await store.getFacts(d.id))?.mentions).toHaveLength(2);
  });

  it("finds documents by unique id prefix only", async () => {
    const a = doc("First text about a ceasefire.");
    await store.putDocument(a);
    expect((await store.getDocument(a.id.slice(0, 8)))?.id).toBe(a.id);
    expect(await store.getDocument("abc")).toBeUndefined(); // too short
    expect(await store.getDocument("not-hex!")).toBeUndefined();
  });

  it("searches titles and text with FTS5 and survives hostile query syntax", async () => {
    await store.putDocument(doc("Two blasts struck the memorial procession in Kerman.", { title: "Blasts in Kerman" }));
    await store.putDocument(doc("Flood waters receded from the delta villages.", { title: "Delta flood" }));
    const hits = await store.search("kerman blasts");
    expect(hits.total).toBe(1);
    expect(hits.items[0]!.snippet).toContain("[");
    expect((await store.search('"unbalanced AND (OR NEAR')).total).toBe(0);
    expect((await store.search("flood OR kerman")).total).toBe(2);
    expect((await store.search("memor*")).total).toBe(1);
  });

  it("pages and filters the document list by outlet and publication date", async () => {
    await store.putDocument(doc("Report one about talks.", { outlet: "Wire A", published: "2024-01-03" }));
    await store.putDocument(doc("Report two about talks.", { outlet: "Wire B", published: "2024-01-05" }));
    await store.putDocument(doc("Report three about talks.", { outlet: "Wire A", published: "2024-01-09" }));
    const page = await store.listDocuments({ limit: 2 });
    expect(page.total).toBe(3);
    expect(page.items.map((d) => d.published)).toEqual(["2024-01-03", "2024-01-05"]);
    expect((await store.listDocuments({ outlet: "Wire A" })).total).toBe(2);
    expect((await store.listDocuments({ from: "2024-01-04", to: "2024-01-06" })).total).toBe(1);
  });

  it("replaces facts atomically and exports every array", async () => {
    const d = doc("Text with facts.");
    await store.putDocument(d, factsFor(d.id, ["x1"]));
    await store.putFacts(factsFor(d.id, ["x2", "x3"]));
    const bundle = await store.exportAll();
    expect(bundle.mentions.map((m) => m.id)).toEqual(["x2", "x3"]);
    for (const key of ["documents", "entities", "events", "claims", "judgments", "incidents", "contradictions"]) {
      expect(Array.isArray((bundle as unknown as Record<string, unknown>)[key])).toBe(true);
    }
    await expect(store.putFacts(factsFor("f".repeat(64), ["y"]))).rejects.toThrow(/no document/);
  });

  it("keeps analyst records and source grades", async () => {
    await store.putRecord("overrides", "o1", { kind: "merge" });
    await store.putRecord("overrides", "o1", { kind: "split" });
    expect(await store.listRecords("overrides")).toEqual([{ kind: "split" }]);
    await store.deleteRecord("overrides", "o1");
    expect(await store.listRecords("overrides")).toEqual([]);
    const s = await store.upsertSource("State Daily", "D", "state-run");
    expect(s).toMatchObject({ id: "state-daily", reliability: "D", notes: "state-run" });
  });

  it("reopens an existing file without re-running migrations", async () => {
    const d = doc("Persistent text.");
    await store.putDocument(d);
    await store.close();
    store = new SqliteStore(join(tmp.dir, "t.db"));
    expect(await store.countDocuments()).toBe(1);
  });
});

describe("ftsQuery", () => {
  it("quotes every word so operators in input are inert", () => {
    expect(ftsQuery('IS-K "claim" NEAR(')).toBe('"IS-K" "claim" "NEAR"');
    expect(ftsQuery("gas OR blast*")).toBe('"gas" OR "blast"*');
    expect(ftsQuery("  ")).toBe("");
  });
});
