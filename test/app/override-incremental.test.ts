// Analyst overrides, undo and source grades without a rebuild: each change applied through fuseChange (the engine
// saved by the last fusion takes the new overrides or grades and rewrites what they reach) leaves the store as a
// `refuse` of the same store would — incidents, contradictions, entities, grades, identity rows. One chain of
// changes runs on one store; after each, a copy of the store is rebuilt and compared. Every other change re-opens the
// store so that the engine is loaded from its rows rather than held in memory.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { demoFiles } from "../../src/app/demo.js";
import { type FusionMode, fuseChange, OVERRIDES, refuse } from "../../src/app/fusion.js";
import { anchorOverride } from "../../src/app/overrides.js";
import { ingestAll, ingestDrafts } from "../../src/app/pipeline.js";
import type { Override } from "../../src/fuse/index.js";
import type { Incident } from "../../src/model/records.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import type { Store } from "../../src/store/types.js";
import { SHARED, tempDir } from "../helpers.js";
import { fusedState } from "./fused-state.js";

const FETCHED = new Date("2026-01-01T00:00:00Z");

/** The store after a rebuild, on a copy (the chain of changes goes on in the original). */
async function rebuiltCopy(store: SqliteStore, dir: string, k: number) {
  const copy = join(dir, `rebuilt-${k}.db`);
  store.db.exec(`VACUUM INTO '${copy}'`);
  const other = new SqliteStore(copy);
  try {
    await refuse(other);
    return await fusedState(other);
  } finally {
    await other.close();
  }
}

const byEvents = (a: Incident, b: Incident) => b.events.length - a.events.length || (a.id < b.id ? -1 : 1);

/**
 * The chain: merge the two largest incidents, split an event out of the largest, move an event between two
 * others, undo the merge, regrade an outlet, merge the split-off part into another incident, undo the move, undo
 * the split (the second merge then names a part that is gone), then merge two entities (kept on the rebuild path).
 */
async function chain(file: string, dir: string): Promise<FusionMode[]> {
  let store = new SqliteStore(file);
  const modes: FusionMode[] = [];
  let k = 0;
  const made: Override[] = [];
  const step = async (change: (s: SqliteStore) => Promise<void>) => {
    if (k % 2 === 1) {
      await store.close();
      store = new SqliteStore(file);
    }
    const s = store;
    modes.push((await fuseChange(s, () => change(s))).mode);
    expect(await fusedState(s), `change ${k}`).toEqual(await rebuiltCopy(s, dir, k));
    k++;
  };
  const at = (n: number) => `2026-02-01T00:00:0${n}.000Z`;
  const override = async (s: Store, o: Record<string, unknown>) => {
    const anchored = await anchorOverride(s, o as Override);
    made.push(anchored);
    await s.putRecord(OVERRIDES, anchored.id, anchored);
  };
  const incidents = async (s: Store) => (await s.listIncidents({ limit: 10_000 })).items.sort(byEvents);
  try {
    await step(async (s) => {
      const [a, b] = await incidents(s);
      if (!a || !b) throw new Error("fewer than two incidents");
      await override(s, { id: "ovr-merge", createdAt: at(1), kind: "merge-incidents", incidents: [a.id, b.id] });
    });
    await step(async (s) => {
      const [a] = await incidents(s);
      if (!a || a.events.length < 2) throw new Error("no incident to split");
      const events = a.events.slice(-1);
      await override(s, { id: "ovr-split", createdAt: at(2), kind: "split-incident", incident: a.id, events });
    });
    await step(async (s) => {
      const all = await incidents(s);
      // out of an incident other than the merged one, else (a corpus fused into one large incident and singletons)
      // out of the merged one
      const from = all.find((i) => i.events.length >= 2 && i !== all[0]) ?? all[0];
      const to = all.find((i) => i !== from && i !== all[0]) ?? all.find((i) => i !== from);
      if (!from || !to) throw new Error("no event to move");
      const event = from.events[0] as string;
      await override(s, { id: "ovr-move", createdAt: at(3), kind: "move-event", event, to: to.id });
    });
    await step((s) => s.deleteRecord(OVERRIDES, "ovr-merge"));
    await step(async (s) => {
      const outlet = (await s.listSources())[0]?.name;
      if (!outlet) throw new Error("no outlet to grade");
      const was = (await s.listSources()).find((x) => x.name === outlet)?.reliability;
      await s.upsertSource(outlet, was === "A" ? "D" : "A");
    });
    await step(async (s) => {
      // an override on an override's result: the split-off part merged into another incident
      const split = (await incidents(s)).find(
        (i) => i.explanation.some((x) => x.includes("ovr-split")) && i.events.length === 1,
      );
      const other = (await incidents(s)).find((i) => i !== split && !i.explanation.some((x) => x.includes("ovr-")));
      if (!split || !other) throw new Error("no split-off incident");
      await override(s, {
        id: "ovr-merge-2",
        createdAt: at(5),
        kind: "merge-incidents",
        incidents: [other.id, split.id],
      });
    });
    await step((s) => s.deleteRecord(OVERRIDES, "ovr-move"));
    // the second merge now names a part that no longer exists
    await step((s) => s.deleteRecord(OVERRIDES, "ovr-split"));
    await step(async (s) => {
      const people = (await s.getFusion()).entities.filter((e) => e.type === "person").slice(0, 2);
      if (people.length < 2) throw new Error("fewer than two people");
      const entities = people.map((e) => e.id);
      await override(s, { id: "ovr-entities", createdAt: at(4), kind: "merge-entities", entities });
    });
  } finally {
    await store.close();
  }
  return modes;
}

const EXPECTED: FusionMode[] = [
  "incremental", // merge
  "incremental", // split
  "incremental", // move
  "incremental", // undo the merge
  "incremental", // a grade
  "incremental", // merge the split-off part into another
  "incremental", // undo the move
  "incremental", // undo the split
  "rebuild", // entity merge: entities vanish, and only a replay resolves them under the override
];

describe("overrides, undo and grades re-fuse incrementally with the rebuild's result", () => {
  it("on the demo corpus", async () => {
    const tmp = tempDir();
    try {
      const file = join(tmp.dir, "demo.db");
      const store = new SqliteStore(file);
      await ingestAll(store, demoFiles(), { fetchedAt: FETCHED });
      await store.close();
      expect(await chain(file, tmp.dir)).toEqual(EXPECTED);
    } finally {
      tmp.cleanup();
    }
  }, 600_000);

  const NEWS = join(SHARED, "research-data", "news-clusters", "clusters");
  it.skipIf(!existsSync(NEWS))(
    "on two news clusters from ../shared (skipped when absent)",
    async () => {
      const tmp = tempDir();
      try {
        // two clusters in one store: the chain needs incidents to spare after a merge and a split, and one
        // cluster may fuse into as few as its gold incidents
        const dirs = readdirSync(NEWS)
          .sort()
          .slice(0, 2)
          .map((c) => join(NEWS, c, "articles"));
        const drafts = dirs
          .flatMap((dir) =>
            readdirSync(dir)
              .filter((f) => f.endsWith(".md") || f.endsWith(".txt"))
              .sort()
              .map((f) => join(dir, f)),
          )
          // three outlets, so that there is one to grade
          .map((path, i) => ({
            origin: path,
            text: readFileSync(path, "utf8"),
            format: "text" as const,
            outlet: `outlet ${i % 3}`,
          }));
        const file = join(tmp.dir, "news.db");
        const store = new SqliteStore(file);
        await ingestDrafts(store, drafts, { fetchedAt: FETCHED });
        await store.close();
        expect(await chain(file, tmp.dir)).toEqual(EXPECTED);
      } finally {
        tmp.cleanup();
      }
    },
    600_000,
  );
});
