// Candidate indexes are bounded: an undated incident is found through its place and country keys, and a country
// key would otherwise gather every undated incident of the store, so the cost of one event would grow with it.
import { describe, expect, it } from "vitest";
import { type EventFeatures, IncidentClusterer } from "../../src/fuse/clusterer.js";

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
