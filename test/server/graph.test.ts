// The actor graph: the server-side aggregation on a hand-built graph, then the API over the demo corpus.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataDir } from "../../src/app/paths.js";
import { ingestAll } from "../../src/app/pipeline.js";
import type { GraphEdge, GraphNode, Relation } from "../../src/fuse/actor-graph.js";
import { createApp } from "../../src/server/app.js";
import { aggregateGraph } from "../../src/server/routes/graph-aggregate.js";
import { openStore } from "../../src/store/index.js";
import type { Store } from "../../src/store/types.js";
import { tempDir } from "../helpers.js";
import { replayedGraph } from "../store/graph-replay.js";

const node = (id: string, type = "armed_group"): GraphNode => ({ id, label: `Name of ${id}`, type });
const edge = (source: string, target: string, relation: Relation, count = 1): GraphEdge => ({
  id: `${relation}|${source}|${target}`,
  source,
  target,
  relation,
  count,
  docs: [],
});

// a hub actor linked to five others, one pair of minor actors, two incidents
const nodes = new Map(
  [node("hub"), node("a"), node("b"), node("c"), node("d"), node("e"), node("x"), node("y")]
    .concat([node("inc1", "incident"), node("inc2", "incident")])
    .map((n) => [n.id, n]),
);
const edges = [
  edge("hub", "a", "attacked", 3),
  edge("hub", "b", "attacked"),
  edge("hub", "c", "blamed"),
  edge("d", "hub", "blamed", 2),
  edge("hub", "inc1", "claimed"),
  edge("e", "inc1", "attributed"),
  edge("x", "y", "met"),
  edge("x", "inc2", "suspected"),
];

describe("graph aggregation", () => {
  it("keeps the top actors by degree and says it cut", () => {
    const g = aggregateGraph(nodes, edges, { actors: 2, edges: 100 });
    const actors = g.nodes.filter((n) => n.type !== "incident").map((n) => n.id);
    expect(actors).toHaveLength(2);
    expect(actors[0]).toBe("hub");
    expect(g.nodes.find((n) => n.id === "hub")?.degree).toBe(5);
    expect(g.truncated).toBe(true);
    expect(g.total).toEqual({ nodes: 10, edges: 8 });
    for (const e of g.edges) expect(actors.includes(e.source) || actors.includes(e.target)).toBe(true);
  });

  it("caps the edges, strongest first", () => {
    const g = aggregateGraph(nodes, edges, { actors: 100, edges: 2 });
    expect(g.edges.map((e) => e.count)).toEqual([3, 2]);
    expect(g.truncated).toBe(true);
    expect(new Set(g.nodes.map((n) => n.id))).toEqual(new Set(["hub", "a", "d"]));
  });

  it("filters by relation", () => {
    const g = aggregateGraph(nodes, edges, { relations: ["blamed"], actors: 100, edges: 100 });
    expect(g.edges.map((e) => e.relation)).toEqual(["blamed", "blamed"]);
    expect(g.total.edges).toBe(2);
  });

  it("keeps an incident's neighbourhood: its actors and their links, nothing unrelated", () => {
    const g = aggregateGraph(nodes, edges, { incident: "inc1", actors: 100, edges: 100 });
    const ids = new Set(g.nodes.map((n) => n.id));
    expect(ids.has("inc1") && ids.has("hub") && ids.has("e")).toBe(true);
    expect(ids.has("a")).toBe(true); // the hub's other link
    expect(ids.has("x") || ids.has("y") || ids.has("inc2")).toBe(false);
  });
});

/** The graph as the endpoint built it before the store kept it: every document's facts replayed per request. */
async function replayed(s: Store, q: { from?: string; to?: string; relations?: Relation[]; incident?: string }) {
  const { nodes, edges } = await replayedGraph(s, {
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
  });
  return aggregateGraph(nodes, edges, {
    ...(q.relations ? { relations: q.relations } : {}),
    ...(q.incident ? { incident: q.incident } : {}),
    actors: 1000,
    edges: 5000,
  });
}

const demo = dataDir("demo");
const haveDemo = existsSync(demo);
if (!haveDemo) console.warn(`demo graph test skipped: no demo corpus at ${demo}`);
const tmp = tempDir("tessera-graph-");
let store: Store;
let app: ReturnType<typeof createApp>;

describe.skipIf(!haveDemo)("GET /api/graph on the demo corpus", { timeout: 180_000 }, () => {
  beforeAll(async () => {
    store = openStore(join(tmp.dir, "demo.db"));
    await ingestAll(store, [demo]);
    app = createApp(store);
  }, 180_000);
  afterAll(async () => {
    await store?.close();
    tmp.cleanup();
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests read loosely shaped JSON responses
  const graph = async (q: string): Promise<any> => (await app.request(`/api/graph${q}`)).json();

  it("has blamed and attributed edges for the blame the incident pages list", async () => {
    const g = await graph("");
    const relations = new Set(g.edges.map((e: GraphEdge) => e.relation));
    expect(relations.has("blamed")).toBe(true);
    expect(relations.has("attributed")).toBe(true);
    expect(relations.has("claimed")).toBe(true);
    // every attributed perpetrator that is an actor (not a nationality) appears as an edge to its incident
    const { incidents, entities } = await store.getFusion();
    const actor = new Set(
      entities.filter((e) => ["person", "organization", "armed_group", "state"].includes(e.type)).map((e) => e.id),
    );
    const attributed = incidents.flatMap((i) =>
      i.perpetrators
        .filter((p) => p.basis === "attributed" && actor.has(p.entity))
        .map((p) => `attributed|${p.entity}|${i.id}`),
    );
    expect(attributed.length).toBeGreaterThan(0);
    const all = await graph("?actors=1000&limit=5000");
    const ids = new Set(all.edges.map((e: GraphEdge) => e.id));
    expect(attributed.filter((id) => !ids.has(id))).toEqual([]);
  });

  it("respects the actor and edge limits and the relation filter", async () => {
    const small = await graph("?actors=3&limit=4");
    expect(small.nodes.filter((n: GraphNode) => n.type !== "incident").length).toBeLessThanOrEqual(3);
    expect(small.edges.length).toBeLessThanOrEqual(4);
    expect(small.truncated).toBe(true);
    const blamed = await graph("?relation=blamed");
    expect(blamed.edges.length).toBeGreaterThan(0);
    expect(blamed.edges.every((e: GraphEdge) => e.relation === "blamed")).toBe(true);
    expect((await app.request("/api/graph?relation=friends")).status).toBe(400);
  });

  it("answers from the store's graph rows exactly as a replay of every document's facts does", async () => {
    const { incidents } = await store.getFusion();
    const days = incidents.flatMap((i) => (i.date ? [i.date.start] : [])).sort();
    expect(days.length).toBeGreaterThan(1);
    const mid = days[Math.floor(days.length / 2)]!;
    const busiest = [...incidents].sort((a, b) => b.perpetrators.length - a.perpetrators.length)[0]!;
    const cases: { q: string; as: Parameters<typeof replayed>[1] }[] = [
      { q: "", as: {} },
      { q: `&from=${mid}`, as: { from: mid } },
      { q: `&to=${mid}`, as: { to: mid } },
      { q: "&relation=blamed,claimed", as: { relations: ["blamed", "claimed"] } },
      { q: `&incident=${busiest.id}`, as: { incident: busiest.id } },
    ];
    for (const { q, as } of cases) {
      const { titles, ...served } = await graph(`?actors=1000&limit=5000${q}`);
      const want = await replayed(store, as);
      expect(want.edges.length, q).toBeGreaterThan(0);
      expect(served, q).toEqual(JSON.parse(JSON.stringify(want)));
      expect(Object.keys(titles).sort(), q).toEqual([...new Set(want.edges.flatMap((e) => e.docs))].sort());
    }
  });

  it("focuses one incident and names every node and source", async () => {
    const { incidents } = await store.getFusion();
    const busiest = [...incidents].sort((a, b) => b.perpetrators.length - a.perpetrators.length)[0]!;
    const g = await graph(`?incident=${busiest.id}`);
    const ids = new Set(g.nodes.map((n: GraphNode) => n.id));
    expect(ids.has(busiest.id)).toBe(true);
    for (const e of g.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    for (const n of g.nodes) expect(n.label).not.toMatch(/^(inc|ent)-|^[0-9a-f]{12}/);
    for (const d of g.edges.flatMap((e: GraphEdge) => e.docs)) expect(g.titles[d]).toBeTruthy();
    expect((await app.request("/api/graph?incident=inc-none")).status).toBe(404);
  });
});
