// Fusion of the store. `refuse` rebuilds: it replays every stored document's facts, in publication order, through
// a new engine with the analyst's overrides and the stored incident ids, and stores the result with the engine's
// state. `fuseStored` is what ingest runs: it continues from the saved engine (kept in memory by a long-running
// process, else loaded from the store's rows — never replayed), adds only the new documents and writes what they
// changed in one transaction. Replaying stays the definition: fusion is a pure function of (facts in publication
// order, overrides, previous ids), so an incremental result equals a rebuild when documents arrive in publication
// order. A document published before the newest one fused, a store whose state is missing or was written under
// other overrides or source grades, or documents stored without fusing (counted), fall back to a rebuild.
// `fuseChange` is what an override, an undo or a grade runs: the saved engine takes the change without a replay.
import { randomUUID } from "node:crypto";
import { replayKey, STATE_FORMAT } from "../fuse/engine.js";
import { assessIncident, FusionEngine, type Override } from "../fuse/index.js";
import type { FusionInput } from "../fuse/types.js";
import type { DocFacts, Document, Source } from "../model/records.js";
import type { FusionSnapshot, FusionState, Store } from "../store/types.js";

export const OVERRIDES = "overrides";

/** An engine holding nothing yet, under the store's overrides and previous incident ids. */
async function emptyEngine(store: Store): Promise<FusionEngine> {
  const overrides = await store.listRecords<Override>(OVERRIDES);
  // the previous fusion's ids: clusters keep them, so analyst work keyed by an incident id is never orphaned
  return new FusionEngine({ overrides, identity: await store.getIdentity() });
}

/** A stored document as the engine takes it, with its outlet's grade when the outlet is known. */
function inputOf(doc: Document, facts: DocFacts, sources: Map<string, Source>): FusionInput {
  const source = doc.outlet ? sources.get(doc.outlet) : undefined;
  return source ? { doc, facts, source } : { doc, facts };
}

const sourcesOf = async (store: Store): Promise<Map<string, Source>> =>
  new Map((await store.listSources()).map((s) => [s.name, s]));

export async function buildEngine(store: Store): Promise<FusionEngine> {
  const engine = await emptyEngine(store);
  const sources = await sourcesOf(store);
  for await (const facts of store.allFacts()) {
    const doc = await store.getDocument(facts.doc);
    if (doc) engine.add(inputOf(doc, facts, sources));
  }
  return engine;
}

/** The engine a process holds for a store, with the state version it matches and the inputs it was built under. */
interface Held {
  engine: FusionEngine;
  version: string;
  stamp: string;
}
const held = new WeakMap<Store, Held>();
/** One fusion at a time per store in a process: an engine in memory must not take two batches at once. */
const queue = new WeakMap<Store, Promise<unknown>>();

function serial<T>(store: Store, fn: () => Promise<T>): Promise<T> {
  const run = (queue.get(store) ?? Promise.resolve()).then(fn, fn);
  queue.set(
    store,
    run.catch(() => undefined),
  );
  return run;
}

/**
 * What fusion reads besides the documents: the overrides and the source grades. An outlet first stored with a
 * new document has the default grade F and changes nothing fused before, so only other grades count. The state
 * format is in it too, so a state saved by an older engine is rebuilt once rather than continued.
 */
async function stampOf(store: Store): Promise<string> {
  const overrides = await store.listRecords<{ id: string }>(OVERRIDES);
  const graded = (await store.listSources()).filter((s) => s.reliability !== "F");
  return JSON.stringify([
    overrides.map((o) => o.id).sort(),
    graded.map((s) => `${s.name}:${s.reliability}`).sort(),
    STATE_FORMAT,
  ]);
}

export async function refuse(store: Store): Promise<FusionSnapshot> {
  return serial(store, () => rebuild(store));
}

async function rebuild(store: Store): Promise<FusionSnapshot> {
  const stamp = await stampOf(store);
  const documents = await store.countDocuments();
  const engine = await buildEngine(store);
  const incidents = engine.incidents();
  const snapshot: FusionSnapshot = {
    entities: engine.entities(),
    incidents,
    contradictions: engine.contradictions(),
    identity: engine.identity(),
    // grades are stored with the incidents so that no page view has to rebuild the engine
    assessments: incidents.map((i) => assessIncident(engine, i)),
  };
  await save(store, engine, stamp, documents, (state) => store.putFusion({ ...snapshot, state }));
  return snapshot;
}

/** Engines whose every row has been written once (later saves write what changed). */
const saved = new WeakSet<FusionEngine>();

async function save(
  store: Store,
  engine: FusionEngine,
  stamp: string,
  documents: number,
  write: (state: FusionState) => Promise<void>,
): Promise<void> {
  engine.setMeta("stamp", stamp);
  engine.setMeta("documents", documents);
  const version = randomUUID();
  held.delete(store);
  const rows = engine.saveState(!saved.has(engine));
  await write({ version, rows });
  saved.add(engine);
  held.set(store, { engine, version, stamp });
}

/** The saved engine, when it fits the store as it is (same overrides and grades); undefined when there is none. */
async function savedEngine(store: Store, stamp: string): Promise<FusionEngine | undefined> {
  const version = await store.fusionStateVersion();
  if (version === undefined) return undefined;
  const h = held.get(store);
  if (h && h.version === version && h.stamp === stamp) return h.engine;
  const state = await store.getFusionState();
  if (!state) return undefined;
  const engine = await emptyEngine(store);
  engine.loadState(state.rows);
  saved.add(engine);
  return engine.meta("stamp") === stamp ? engine : undefined;
}

export type FusionMode = "incremental" | "rebuild";

/**
 * Fuses documents just stored (their ids): incrementally when the saved engine fits and they come after every
 * document it holds in publication order, else by a rebuild. Returns which it was.
 */
export async function fuseStored(store: Store, ids: string[]): Promise<FusionMode> {
  return serial(store, async () => {
    try {
      if (await incremental(store, ids)) return "incremental";
      await rebuild(store);
      return "rebuild";
    } catch (e) {
      held.delete(store);
      throw e;
    }
  });
}

async function incremental(store: Store, ids: string[]): Promise<boolean> {
  const stamp = await stampOf(store);
  const documents = await store.countDocuments();
  let engine = await savedEngine(store, stamp);
  if (!engine && documents === ids.length) {
    // nothing else stored: a new engine is what a rebuild would start from
    engine = await emptyEngine(store);
    engine.setMeta("documents", 0);
  }
  if (!engine || Number(engine.meta("documents")) + ids.length !== documents) return false;
  const sources = await sourcesOf(store);
  const inputs: FusionInput[] = [];
  for (const id of ids) {
    const doc = await store.getDocument(id);
    const facts = doc ? await store.getFacts(id) : undefined;
    if (doc && facts) inputs.push(inputOf(doc, facts, sources));
  }
  inputs.sort((a, b) => (replayKey(a.doc) < replayKey(b.doc) ? -1 : 1));
  const first = inputs[0];
  // published before the newest document fused: a replay would put it earlier, so only a rebuild gives its result
  if (first && replayKey(first.doc) <= String(engine.meta("last") ?? "")) return false;
  for (const input of inputs) engine.add(input);
  const changes = engine.changes();
  await save(store, engine, stamp, documents, (state) => store.putFusionUpdate({ ...changes, state }));
  return true;
}

/**
 * Makes a change to what fusion reads besides the documents — stores or deletes an analyst override, grades an
 * outlet (`change` does it) — and re-fuses. Incremental when the saved engine fits the store as it was before the
 * change: the engine takes the new overrides and grades and rewrites only the incidents they reach (see
 * FusionEngine.revise), with the result a rebuild gives. Entity overrides, and a store whose state does not fit,
 * are rebuilt.
 */
export async function fuseChange<T>(store: Store, change: () => Promise<T>): Promise<{ mode: FusionMode; value: T }> {
  return serial(store, async () => {
    try {
      const documents = await store.countDocuments();
      const engine = await savedEngine(store, await stampOf(store));
      const value = await change();
      if (engine && Number(engine.meta("documents")) === documents) {
        const changes = engine.revise({
          overrides: await store.listRecords<Override>(OVERRIDES),
          sources: await sourcesOf(store),
        });
        if (changes) {
          const stamp = await stampOf(store);
          await save(store, engine, stamp, documents, (state) => store.putFusionUpdate({ ...changes, state }));
          return { mode: "incremental" as const, value };
        }
      }
      await rebuild(store);
      return { mode: "rebuild" as const, value };
    } catch (e) {
      held.delete(store);
      throw e;
    }
  });
}
