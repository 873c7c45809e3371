// Grades and corroboration are stored by every fusion (fuse/assessment.ts); only a store fused before that
// needs a live FusionEngine for them. Rebuilding it replays the whole store, so one engine is kept per store
// and rebuilt only when the inputs fusion depends on (documents, overrides, source grades) have changed.
import { buildEngine, OVERRIDES } from "../../app/fusion.js";
import { assessIncident, type FusionEngine, type IncidentAssessment } from "../../fuse/index.js";
import type { Incident } from "../../model/records.js";
import type { Store } from "../../store/types.js";

const cache = new WeakMap<Store, { stamp: string; engine: Promise<FusionEngine> }>();

async function stampOf(store: Store): Promise<string> {
  const overrides = await store.listRecords<{ id: string }>(OVERRIDES);
  const sources = await store.listSources();
  return JSON.stringify([
    await store.countDocuments(),
    overrides.map((o) => o.id).sort(),
    sources.map((s) => `${s.name}:${s.reliability}`).sort(),
  ]);
}

export async function liveEngine(store: Store): Promise<FusionEngine> {
  const stamp = await stampOf(store);
  const hit = cache.get(store);
  if (hit && hit.stamp === stamp) return hit.engine;
  const engine = buildEngine(store);
  cache.set(store, { stamp, engine });
  engine.catch(() => cache.delete(store));
  return engine;
}

/** Grades of an incident the store holds none for (fused by an older version), from the live engine. */
export async function liveAssessment(store: Store, incident: Incident): Promise<IncidentAssessment> {
  const engine = await liveEngine(store);
  if (engine.incident(incident.id)) return assessIncident(engine, incident);
  const grades = Object.fromEntries(Object.entries(incident.attributes).map(([a, vs]) => [a, vs.map(() => "")]));
  return { incident: incident.id, grades, corroboration: {} };
}
