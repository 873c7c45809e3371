// Bulk ingest writes documents a batch at a time (Store.putDocuments): fewer transactions, the same outcomes in
// input order, and a document the store refuses reported alone while the rest of its batch is kept.
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ingestDrafts, STORE_BATCH } from "../../src/app/pipeline.js";
import type { DocumentDraft } from "../../src/model/document.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { tempDir } from "../helpers.js";

let tmp: ReturnType<typeof tempDir>;
let store: SqliteStore;
beforeEach(() => {
  tmp = tempDir();
  store = new SqliteStore(join(tmp.dir, "b.db"));
});
afterEach(async () => {
  await store.close();
  tmp.cleanup();
});

const draft = (k: number): DocumentDraft => ({
  origin: `test:${k}`,
  text: `Report number ${k}: a bridge on the coast road was closed for repairs on its ${k}th day of work.`,
  format: "text",
  language: "en",
});

const twin = (doc: string) => ({
  id: "m-twin",
  doc,
  start: 0,
  end: 6,
  text: "Report",
  kind: "place" as const,
  rule: "test",
  confidence: 1,
});

describe("batched ingest", () => {
  it("writes STORE_BATCH documents per transaction and reports each in input order", async () => {
    const spy = vi.spyOn(store, "putDocuments");
    const n = STORE_BATCH + 3;
    // the repeat comes after the first batch is written: found before extraction, never sent to the store
    const drafts = [...Array.from({ length: n }, (_, k) => draft(k)), draft(0)];
    const seen: string[] = [];
    const out = await ingestDrafts(store, drafts, { fuse: false, onOutcome: (o) => seen.push(o.input) });
    expect(spy).toHaveBeenCalledTimes(2);
    expect(spy.mock.calls.map((c) => c[0].length)).toEqual([STORE_BATCH, 3]);
    expect(out.map((o) => o.status)).toEqual([...Array(n).fill("ok"), "duplicate"]);
    expect(seen).toEqual(drafts.map((d) => d.origin));
    expect(await store.countDocuments()).toBe(n);
  });

  it("keeps the rest of a batch when the store refuses one document mid-write", async () => {
    const put = store.putDocuments.bind(store);
    // the third document's facts are made invalid (two mentions share an id): refused after its row is written
    vi.spyOn(store, "putDocuments").mockImplementation((items) =>
      put(
        items.map((it, k) =>
          k === 2 && it.facts ? { ...it, facts: { ...it.facts, mentions: [twin(it.doc.id), twin(it.doc.id)] } } : it,
        ),
      ),
    );
    const drafts = Array.from({ length: 5 }, (_, k) => draft(k));
    const out = await ingestDrafts(store, drafts, { fuse: false });
    expect(out.map((o) => o.status)).toEqual(["ok", "ok", "error", "ok", "ok"]);
    expect(out[2]?.stage).toBe("store");
    expect(await store.countDocuments()).toBe(4);
    expect(await store.getDocument(out[2]!.id!)).toBeUndefined();
    expect(await store.getFacts(out[2]!.id!)).toBeUndefined();
  });
});
