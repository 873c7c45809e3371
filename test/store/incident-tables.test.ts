// Incident reads from the store's rows agree with the whole fusion result: pages, one incident, windows,
// dated events with their incident, and places.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { seed } from "../e2e/fixtures.js";
import { tempDir } from "../helpers.js";

const tmp = tempDir();
let store: SqliteStore;

beforeAll(async () => {
  store = new SqliteStore(join(tmp.dir, "tables.db"));
  await seed(store);
});
afterAll(async () => {
  await store.close();
  tmp.cleanup();
});

describe("incident tables", () => {
  it("pages through the incidents in the fusion order", async () => {
    const all = (await store.getFusion()).incidents;
    expect(all.length).toBeGreaterThan(1);
    const first = await store.listIncidents({ limit: 1 });
    const rest = await store.listIncidents({ limit: 10, offset: 1 });
    expect(first.total).toBe(all.length);
    expect([...first.items, ...rest.items].map((i) => i.id)).toEqual(all.map((i) => i.id));
    expect((await store.getIncident(all[1]!.id))?.title).toBe(all[1]!.title);
    expect(await store.getIncident("inc-none")).toBeUndefined();
  });

  it("keeps a window to the incidents and events dated in it, with each event's incident", async () => {
    const { incidents } = await store.getFusion();
    expect((await store.listIncidents({ from: "2024-01-03", to: "2024-01-03" })).total).toBe(
      incidents.filter((i) => i.date && i.date.start <= "2024-01-03" && i.date.end >= "2024-01-03").length,
    );
    expect((await store.listIncidents({ from: "2025-01-01" })).total).toBe(0);
    const events = await store.listDatedEvents({ from: "2024-01-01", to: "2024-01-31", limit: 100 });
    expect(events.total).toBeGreaterThan(0);
    for (const e of events.items) {
      const owner = incidents.find((i) => i.events.includes(e.event.id));
      expect(e.incident).toBe(owner?.id);
    }
    expect((await store.listDatedEvents({ from: "2030-01-01", limit: 10 })).items).toEqual([]);
  });

  it("counts incidents per place and lists geocoded places", async () => {
    const { incidents, entities } = await store.getFusion();
    const counts = await store.incidentsPerPlace();
    for (const i of incidents) if (i.place) expect(counts.get(i.place)).toBeGreaterThan(0);
    const geo = await store.listGeocodedEntities();
    expect(geo.map((e) => e.id)).toEqual(entities.filter((e) => e.geo && e.type !== "state").map((e) => e.id));
  });
});
