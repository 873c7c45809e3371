// Incremental fusion equals a rebuild: documents ingested one at a time in publication order (each continuing from
// the saved engine, in memory or loaded from the store's rows) give the same incidents — ids, members, attribute
// values, contradictions, grades, identity rows — as one `refuse` over the same store, and as a rebuild of a store
// that held them all before fusing. Runs the product path (ingestAll / ingestDrafts → fuseStored).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { demoFiles } from "../../src/app/demo.js";
import { type FusionMode, fuseStored, refuse } from "../../src/app/fusion.js";
import { ingestAll, ingestDrafts } from "../../src/app/pipeline.js";
import { replayKey } from "../../src/fuse/engine.js";
import type { DocumentDraft } from "../../src/model/document.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import type { Store } from "../../src/store/types.js";
import { distractor, outletA, outletB, outletC, outletD } from "../fuse/kerman-fixture.js";
import { SHARED, tempDir } from "../helpers.js";
import { fusedState } from "./fused-state.js";

const FETCHED = new Date("2026-01-01T00:00:00Z");

/** A store's documents, oldest publication first (the order a rebuild replays them in). */
async function inPublicationOrder(store: Store): Promise<string[]> {
  const page = await store.listDocuments({ limit: 10_000 });
  const docs = await Promise.all(page.items.map((d) => store.getDocument(d.id)));
  const keyed = docs.flatMap((d) => (d ? [{ key: replayKey(d), origin: d.origin }] : []));
  return keyed.sort((a, b) => (a.key < b.key ? -1 : 1)).map((d) => d.origin);
}

/**
 * Ingests `inputs` one at a time (in the order given) into a new store, re-opening the store every other document so
 * that half the steps load the saved engine from rows instead of the one in memory; returns the fusion modes used.
 */
async function oneByOne(
  file: string,
  inputs: string[],
  ingest: (store: Store, input: string, onFused: (mode: FusionMode) => void) => Promise<void>,
): Promise<FusionMode[]> {
  const modes: FusionMode[] = [];
  let store = new SqliteStore(file);
  for (const [k, input] of inputs.entries()) {
    if (k % 2 === 1) {
      await store.close();
      store = new SqliteStore(file);
    }
    await ingest(store, input, (m) => modes.push(m));
  }
  await store.close();
  return modes;
}

async function compareWithRebuilds(file: string, all: (store: Store) => Promise<unknown>, tmp: string): Promise<void> {
  const store = new SqliteStore(file);
  const incremental = await fusedState(store);
  expect(incremental.incidents.length).toBeGreaterThan(0);
  // the same store rebuilt in place (what `tessera refuse` does)
  await refuse(store);
  expect(await fusedState(store)).toEqual(incremental);
  await store.close();
  // a store that held every document before its first fusion
  const fresh = new SqliteStore(join(tmp, "rebuilt.db"));
  await all(fresh);
  await refuse(fresh);
  expect(await fusedState(fresh)).toEqual(incremental);
  await fresh.close();
}

describe("incremental fusion equals a rebuild", () => {
  it("on the demo corpus, one file at a time in publication order", async () => {
    const tmp = tempDir();
    try {
      const files = demoFiles();
      const probe = new SqliteStore(join(tmp.dir, "probe.db"));
      await ingestAll(probe, files, { fuse: false, fetchedAt: FETCHED });
      const order = await inPublicationOrder(probe);
      await probe.close();
      expect(order.length).toBe(files.length);
      const file = join(tmp.dir, "inc.db");
      const modes = await oneByOne(file, order, async (s, f, onFused) => {
        await ingestAll(s, [f], { fetchedAt: FETCHED, onFused });
      });
      // every step continued from the saved engine (the first from an empty one): no replay
      expect(modes).toEqual(order.map(() => "incremental"));
      await compareWithRebuilds(file, (s) => ingestAll(s, files, { fuse: false, fetchedAt: FETCHED }), tmp.dir);
    } finally {
      tmp.cleanup();
    }
  }, 240_000);

  it("continues incrementally in order and rebuilds for an earlier-published document", async () => {
    const tmp = tempDir();
    try {
      const store = new SqliteStore(join(tmp.dir, "order.db"));
      const b = [outletA(), outletB(), outletC(), outletD(), distractor()];
      const put = async (k: number) => {
        const x = b[k];
        if (!x) throw new Error("no fixture");
        if (x.source) await store.upsertSource(x.source.name, x.source.reliability);
        await store.putDocument(x.doc, x.facts);
        return fuseStored(store, [x.doc.id]);
      };
      // fixture days: A, D and the distractor on 2024-01-03, B on 01-04, C on 01-06 (see kerman-fixture.ts)
      const key = (i: number) => (b[i] ? replayKey(b[i].doc) : "");
      const byKey = [...b.keys()].sort((i, j) => (key(i) < key(j) ? -1 : 1));
      const [last, ...rest] = [byKey[byKey.length - 1] ?? 0, ...byKey.slice(0, -1)];
      // the newest first, then an older one: the older one needs a rebuild
      expect(await put(last)).toBe("incremental");
      expect(await put(rest[0] ?? 0)).toBe("rebuild");
      await store.close();
    } finally {
      tmp.cleanup();
    }
  });
});

/** A news cluster's articles as drafts (front matter read by the ordinary reader through ingestDrafts). */
function clusterDrafts(dir: string): DocumentDraft[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".md") || f.endsWith(".txt"))
    .sort()
    .map((f) => ({ origin: join(dir, f), text: readFileSync(join(dir, f), "utf8"), format: "text", language: "en" }));
}

const NEWS = join(SHARED, "research-data", "news-clusters", "clusters");
const SEEDS = join(SHARED, "seeds");

describe.skipIf(!existsSync(NEWS) || !existsSync(SEEDS))("incremental fusion on ../shared data", () => {
  it.each([
    ["seeds", SEEDS],
    ["a news cluster", ""],
  ])(
    "%s, one document at a time",
    async (_name, given) => {
      const tmp = tempDir();
      try {
        const dir = given || join(NEWS, readdirSync(NEWS).sort()[0] ?? "", "articles");
        const paths = given
          ? readdirSync(dir)
              .filter((f) => f.endsWith(".txt"))
              .sort()
              .map((f) => join(dir, f))
          : [];
        const drafts = given ? [] : clusterDrafts(dir);
        const ingestAllOf = (s: Store) =>
          (given
            ? ingestAll(s, paths, { fuse: false, fetchedAt: FETCHED })
            : ingestDrafts(s, drafts, { fuse: false, fetchedAt: FETCHED })
          ).then();
        const probe = new SqliteStore(join(tmp.dir, "probe.db"));
        await ingestAllOf(probe);
        const order = await inPublicationOrder(probe);
        await probe.close();
        const file = join(tmp.dir, "inc.db");
        const modes = await oneByOne(file, order, async (s, origin, onFused) => {
          const opts = { fetchedAt: FETCHED, onFused };
          if (given) await ingestAll(s, [origin], opts);
          else await ingestDrafts(s, [drafts.find((d) => d.origin === origin) as DocumentDraft], opts);
        });
        expect(modes).toEqual(order.map(() => "incremental"));
        await compareWithRebuilds(file, ingestAllOf, tmp.dir);
      } finally {
        tmp.cleanup();
      }
    },
    600_000,
  );
});
