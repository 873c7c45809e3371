// End to end on both stores: the demo corpus (data/demo) ingested through ingestAll — read, extract,
// store, fuse — into SQLite and into PostgreSQL gives the same incidents, contradictions, entities,
// stable ids and grades.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoFiles } from "../../src/app/demo.js";
import { ingestAll } from "../../src/app/pipeline.js";
import { openStore } from "../../src/store/index.js";
import type { Store } from "../../src/store/types.js";
import { type Backend, backends, pgUnavailable } from "./backends.js";

const all = backends();
const stores = new Map<Backend["name"], Store>();

beforeAll(async () => {
  if (pgUnavailable) return; // nothing to compare with
  for (const b of all) {
    await b.setup();
    const store = openStore(await b.fresh());
    const outcomes = await ingestAll(store, demoFiles());
    expect(outcomes.filter((o) => o.status === "error")).toEqual([]);
    stores.set(b.name, store);
  }
}, 240_000);

afterAll(async () => {
  for (const s of stores.values()) await s.close();
  for (const b of all) await b.teardown();
});

async function state(store: Store) {
  const fusion = await store.getFusion();
  const assessments = await Promise.all(fusion.incidents.map((i) => store.getAssessment(i.id)));
  return {
    documents: await store.countDocuments(),
    sources: await store.listSources(),
    fusion,
    identity: await store.getIdentity(),
    assessments,
    places: [...(await store.incidentsPerPlace())].sort(),
    timeline: await store.listDatedEvents({ limit: 1000 }),
  };
}

describe.skipIf(pgUnavailable !== undefined)("demo corpus on SQLite and PostgreSQL", () => {
  it("fuses into the same incidents, contradictions and entities on both stores", async () => {
    const sqlite = await state(stores.get("sqlite")!);
    const postgres = await state(stores.get("postgres")!);
    expect(sqlite.fusion.incidents.length).toBeGreaterThan(1);
    expect(sqlite.fusion.contradictions.length).toBeGreaterThan(0);
    expect(sqlite.fusion.entities.length).toBeGreaterThan(5);
    expect(postgres.fusion.incidents.map((i) => i.id)).toEqual(sqlite.fusion.incidents.map((i) => i.id));
    expect(postgres.fusion.entities.map((e) => e.id)).toEqual(sqlite.fusion.entities.map((e) => e.id));
    expect(postgres).toEqual(sqlite);
  });
});
