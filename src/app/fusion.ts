// Re-fusion: replays every stored document's facts, in publication order, through the fusion
// engine with the analyst's overrides and the stored incident ids, and persists the result with
// the new ids. Replaying keeps fusion a pure function of (facts, overrides, previous ids), so an
// override always survives re-fusion and an incident keeps its id.
import { assessIncident, FusionEngine, type Override } from "../fuse/index.js";
import type { FusionSnapshot, Store } from "../store/types.js";

export const OVERRIDES = "overrides";

export async function buildEngine(store: Store): Promise<FusionEngine> {
  const overrides = await store.listRecords<Override>(OVERRIDES);
  // the previous fusion's ids: clusters keep them, so analyst work keyed by an incident id is never orphaned
  const engine = new FusionEngine({ overrides, identity: await store.getIdentity() });
  const sources = new Map((await store.listSources()).map((s) => [s.name, s]));
  for await (const facts of store.allFacts()) {
    const doc = await store.getDocument(facts.doc);
    if (!doc) continue;
    const source = doc.outlet ? sources.get(doc.outlet) : undefined;
    engine.add(source ? { doc, facts, source } : { doc, facts });
  }
  return engine;
}

export async function refuse(store: Store): Promise<FusionSnapshot> {
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
  await store.putFusion(snapshot);
  return snapshot;
}
