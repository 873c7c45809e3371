// The cost of adding one document whose text or entity is frequent, early and late in a store (issue #9: a
// candidate index must not make that cost grow with the store). Two workloads through the incremental path that
// ingest runs (add, changes, saveState of what changed): every document a wire copy of one text, and every
// incident at one place. The ratio late/early is what matters; on a bounded engine it stays near 1. Last, the
// entity → incidents index alone, the old list beside the new Set in the same run.
// `npx tsx bench/bounds.ts [docs]` (default 2000; keep it at most 2000 on the shared machine).
import { EntityIncidents } from "../src/fuse/entity-incidents.js";
import { FusionEngine } from "../src/fuse/index.js";
import { stateRows, TrackedMap } from "../src/fuse/state.js";
import type { DocFacts, Document } from "../src/model/records.js";
import { makeDoc, world } from "./fusion.js";

const WINDOW = 50;

type Input = { doc: Document; facts: DocFacts };

/** One report per incident, 60 days apart; `sameText` makes every text one wire story, else one place. */
function frequent(k: number, w: ReturnType<typeof world>, sameText: boolean): Input {
  // makeDoc puts 4 reports on an incident and 20 incidents on a day: k·4·20·60 gives each report its own
  // incident 60 days after the last, so reports at one place do not join into one incident
  const b = makeDoc(k * 80 * 60, w);
  if (sameText) {
    b.doc.text = makeDoc(0, w).doc.text;
  } else {
    const p = b.facts.entities.find((e) => e.type === "place");
    if (p) {
      p.name = "Central Market";
      p.aliases = [p.name];
      p.geo = { lat: 12, lon: 45, country: "C1", precision: "city" };
    }
  }
  return b;
}

function run(total: number, sameText: boolean): Record<string, number> {
  const w = world();
  const engine = new FusionEngine();
  engine.saveState(true);
  const inputs = Array.from({ length: total }, (_, k) => frequent(k, w, sameText));
  // incidents re-fused per document: a changed entity re-fuses every incident that reads it
  let refused = 0;
  const step = (k: number): void => {
    const b = inputs[k];
    if (!b) return;
    engine.add(b);
    refused += engine.changes().incidents.length;
    engine.saveState(false);
  };
  const timed = (from: number): number => {
    (globalThis as { gc?: () => void }).gc?.();
    refused = 0;
    const t0 = performance.now();
    for (let k = from; k < from + WINDOW; k++) step(k);
    return (performance.now() - t0) / WINDOW;
  };
  let k = 0;
  for (; k < 2 * WINDOW; k++) step(k);
  const early = timed(k);
  k += WINDOW;
  for (; k < total - WINDOW; k++) step(k);
  const late = timed(k);
  const refusedLate = refused / WINDOW;
  return { earlyAt: 3 * WINDOW, msEarly: early, lateAt: total, msLate: late, ratio: late / early, refusedLate };
}

/**
 * The entity → incidents index alone, the engine's other costs left out: one entity read by `total` incidents,
 * the µs to add one more incident and save what changed, as a list (the index before: scan, copy, row rewritten
 * whole) and as EntityIncidents (a Set, one row per pair).
 */
function entityIndex(total: number): Record<string, number> {
  const list = new TrackedMap<string, string[]>(undefined, false);
  const listParts = [{ name: "inc", obj: { list } }];
  const pairs = new EntityIncidents();
  const pairParts = [{ name: "ei", obj: pairs, skip: EntityIncidents.derived }];
  stateRows(listParts, true);
  stateRows(pairParts, true);
  const time = (fn: (k: number) => void, from: number): number => {
    const t0 = performance.now();
    for (let k = from; k < from + WINDOW; k++) fn(k);
    return ((performance.now() - t0) / WINDOW) * 1000;
  };
  const addList = (k: number): void => {
    const cur = list.get("ent-x") ?? [];
    if (!cur.includes(`layer-${k}`)) list.set("ent-x", [...cur, `layer-${k}`]);
    stateRows(listParts, false);
  };
  const addPair = (k: number): void => {
    pairs.add("ent-x", `layer-${k}`);
    stateRows(pairParts, false);
  };
  const out: Record<string, number> = {};
  for (const [name, fn] of [
    ["list", addList],
    ["set", addPair],
  ] as const) {
    let k = 0;
    for (; k < 2 * WINDOW; k++) fn(k);
    const early = time(fn, k);
    for (k += WINDOW; k < total - WINDOW; k++) fn(k);
    const late = time(fn, k);
    out[`${name}Early`] = early;
    out[`${name}Late`] = late;
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const total = Math.min(2000, Number(process.argv[2] ?? 2000));
  for (const [name, sameText] of [
    ["one text", true],
    ["one place", false],
  ] as const) {
    const r = run(total, sameText);
    console.log(
      `${name.padEnd(10)} ms/doc at ${r.earlyAt}: ${r.msEarly?.toFixed(3)}  at ${r.lateAt}: ${r.msLate?.toFixed(3)}  ratio ${r.ratio?.toFixed(2)}  incidents re-fused per doc ${r.refusedLate?.toFixed(2)}`,
    );
  }
  const e = entityIndex(total);
  console.log(
    `entity index alone, µs per incident added at ${3 * WINDOW} / ${total}: list ${e.listEarly?.toFixed(1)} / ${e.listLate?.toFixed(1)} (ratio ${((e.listLate ?? 0) / (e.listEarly ?? 1)).toFixed(2)}), set ${e.setEarly?.toFixed(1)} / ${e.setLate?.toFixed(1)} (ratio ${((e.setLate ?? 0) / (e.setEarly ?? 1)).toFixed(2)})`,
  );
}
