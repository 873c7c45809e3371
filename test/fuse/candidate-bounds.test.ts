// Candidate indexes are bounded: an undated incident is found through its place and country keys, and a country
// key would otherwise gather every undated incident of the store, so the cost of one event would grow with it.
// Likewise the near-duplicate buckets (copies of one text) and the entity → incidents index (a frequent entity).
import { describe, expect, it } from "vitest";
import { type EventFeatures, IncidentClusterer } from "../../src/fuse/clusterer.js";
import { EntityIncidents } from "../../src/fuse/entity-incidents.js";
import { IndependenceGroups } from "../../src/fuse/independence.js";
import { FusionEngine } from "../../src/fuse/index.js";
import { BUCKET_CAP, NearDuplicateIndex } from "../../src/fuse/neardup.js";
import { loadRows, packValue, stateRows, trackMaps } from "../../src/fuse/state.js";
import { distractor, outletA, outletB, outletC } from "./kerman-fixture.js";

/** An undated attack at its own place in one country (places far apart: no two join). */
function undatedAttack(k: number): EventFeatures {
  return {
    id: `d${k}:ev1`,
    doc: `d${k}`,
    type: "bombing",
    family: "attack",
    trigger: "blast",
    participants: new Map(),
    docEntities: new Set(),
    place: `ent-place-${k}`,
    placeName: `Town ${k}`,
    geo: { lat: 10 + k, lon: 60, precision: "city" },
    country: "ZZ",
  };
}

describe("clusterer candidate indexes", () => {
  it("keeps the latest 64 undated incidents per country key as candidates", () => {
    const c = new IncidentClusterer((e) => `inc-${e.id}`);
    for (let k = 0; k < 100; k++) c.add(undatedAttack(k), []);
    expect(c.clusters.size).toBe(100);
    const index = Reflect.get(c, "undatedByPlace") as Map<string, Set<string>>;
    const country = [...(index.get("c:ZZ") ?? [])];
    expect(country).toHaveLength(64);
    // the oldest left the index, the newest are in it
    expect(country).not.toContain("inc-d0:ev1");
    expect(country).toContain("inc-d99:ev1");
    // each place key still holds its own incident
    expect([...(index.get("p:ent-place-0") ?? [])]).toEqual(["inc-d0:ev1"]);
  });
});

describe("near-duplicate buckets", () => {
  const wire =
    "Flood water cut the coastal road north of the harbour town overnight and the regional council said three " +
    "villages were reachable only by boat while engineers checked the old bridge for cracks before reopening it.";
  const parts = (idx: NearDuplicateIndex) => [{ name: "dups", obj: idx, explicit: new Set(["sigs", "buckets"]) }];

  it("keeps each bucket at the cap while every copy of a popular text is still linked", () => {
    const idx = new NearDuplicateIndex();
    const groups = new IndependenceGroups();
    for (let k = 0; k < 500; k++) {
      const hits = idx.add(`copy-${k}`, wire);
      if (k > 0) expect(hits.length).toBeGreaterThan(0);
      expect(hits.length).toBeLessThanOrEqual(BUCKET_CAP);
      for (const h of hits) groups.union(`copy-${k}`, h.doc);
    }
    const buckets = Reflect.get(idx, "buckets") as Map<string, string[]>;
    expect(buckets.size).toBe(16);
    for (const ids of buckets.values()) {
      expect(ids).toHaveLength(BUCKET_CAP);
      expect(ids.at(-1)).toBe("copy-499");
    }
    // the copies form one independence group, as they would with every pair compared
    expect(groups.groupOf("copy-0")).toHaveLength(500);
  });

  it("round-trips through the saved state and continues as the original does", () => {
    const a = new NearDuplicateIndex();
    for (let k = 0; k < 40; k++) a.add(`copy-${k}`, wire);
    trackMaps(parts(a));
    const b = new NearDuplicateIndex();
    trackMaps(parts(b));
    loadRows(parts(b), stateRows(parts(a), true));
    expect(b.add("copy-40", wire)).toEqual(a.add("copy-40", wire));
    // after one more copy only the 16 buckets and its signature are written
    const rows = stateRows(parts(a), false);
    expect(rows.filter((r) => r.part === "dups.buckets")).toHaveLength(16);
    expect(rows.filter((r) => r.part === "dups.sigs")).toHaveLength(1);
  });
});

describe("entity → incidents index", () => {
  const part = (ei: EntityIncidents) => [
    { name: "ei", obj: ei, skip: EntityIncidents.derived, explicit: new Set(["pairs"]) },
  ];

  it("adds an incident to a frequent entity with one saved row", () => {
    const ei = new EntityIncidents();
    for (let k = 0; k < 1000; k++) ei.add("ent-capital", `layer-${k}`);
    stateRows(part(ei), true);
    ei.add("ent-capital", "layer-1000");
    ei.add("ent-capital", "layer-5"); // already there: nothing changes
    const rows = stateRows(part(ei), false).filter((r) => r.part === "ei.pairs");
    expect(rows).toHaveLength(1);
    expect(ei.of("ent-capital").size).toBe(1001);
  });

  it("loads pairs back in the order they were added, and reads the old per-entity lists", () => {
    const ei = new EntityIncidents();
    for (const l of ["z", "a", "m"]) ei.add("ent-1", l);
    ei.add("ent-2", "a");
    const loaded = new EntityIncidents();
    loadRows(part(loaded), stateRows(part(ei), true));
    loaded.reindex([["ent-3", ["q", "b"]]]);
    expect([...loaded.of("ent-1")]).toEqual(["z", "a", "m"]);
    expect([...loaded.of("ent-2")]).toEqual(["a"]);
    expect([...loaded.of("ent-3")]).toEqual(["q", "b"]);
    loaded.add("ent-1", "b");
    expect([...loaded.of("ent-1")]).toEqual(["z", "a", "m", "b"]);
  });
});

describe("engine state saved before entity → incident pairs", () => {
  it("loads the old per-entity lists into the same index", () => {
    const engine = new FusionEngine();
    for (const b of [outletA(), outletB(), outletC(), distractor()]) engine.add(b.input());
    engine.incidents();
    const rows = engine.saveState(true);
    const index = (e: FusionEngine) => Reflect.get(e, "entityIncidents") as EntityIncidents;
    const pairs = rows.filter((r) => r.part === "entityIncidents.pairs");
    expect(pairs.length).toBeGreaterThan(0);
    // the old layout: one "inc.entityIncidents" row per entity holding its incident list
    const lists = new Map<string, string[]>();
    for (const r of pairs) {
      const [entity, incident] = (JSON.parse(r.key) as string).split("\u0000") as [string, string];
      lists.set(entity, [...(lists.get(entity) ?? []), incident]);
    }
    const old = rows
      .filter((r) => !r.part.startsWith("entityIncidents."))
      .concat(
        [...lists].map(([e, l]) => ({ part: "inc.entityIncidents", key: JSON.stringify(e), value: packValue(l) })),
      );
    const loaded = new FusionEngine();
    loaded.loadState(old);
    for (const e of lists.keys()) expect([...index(loaded).of(e)]).toEqual([...index(engine).of(e)]);
  });
});
