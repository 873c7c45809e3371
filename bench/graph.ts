// `npm run bench -- graph [--sizes 1000,10000]`: /api/graph latency over HTTP on loopback (p50 / p95 over a mix
// of the workbench's queries: the default view, a relation filter, a time window) on stores of synthetic reports
// (bench/fusion.ts's generator, fused once), next to the cost of the replay the endpoint ran on every request
// before the store kept the graph's rows (every document's facts through GraphBuilder), and the re-fusion time
// that now includes writing those rows. graphLatency is also called by bench/scale-http.ts. Not a test.
import { refuse } from "../src/app/fusion.js";
import { GraphBuilder } from "../src/fuse/actor-graph.js";
import { aggregateGraph } from "../src/server/routes/graph-aggregate.js";
import { startServer } from "../src/server/serve.js";
import { SqliteStore } from "../src/store/sqlite/store.js";
import type { Store } from "../src/store/types.js";
import { tempDir } from "../test/helpers.js";
import { makeDoc, world } from "./fusion.js";
import { quantiles, timed } from "./timing.js";

const SAMPLES = 20;

/** p50 / p95 of /api/graph at `base` (a server URL without the trailing slash); `tag` ends every key. */
export async function graphLatency(base: string, tag = ""): Promise<Record<string, number>> {
  const first = (await (await fetch(`${base}/api/incidents?limit=1`)).json()) as {
    items: { date?: { start: string } }[];
  };
  const day = first.items[0]?.date?.start;
  const queries = ["", "?relation=attacked,blamed,claimed", ...(day ? [`?from=${day}&to=${day}`] : [])];
  const ms: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const q = queries[i % queries.length]!;
    ms.push(
      await timed(async () => {
        const r = await fetch(`${base}/api/graph${q}`);
        if (!r.ok) throw new Error(`/api/graph${q}: ${r.status}`);
        await r.arrayBuffer();
      }),
    );
  }
  const { p50, p95 } = quantiles(ms);
  return { [`graph_p50_ms${tag}`]: Number(p50.toFixed(1)), [`graph_p95_ms${tag}`]: Number(p95.toFixed(1)) };
}

/** The graph as the endpoint built it on each request before the rows were kept (for the before number). */
async function replay(store: Store): Promise<number> {
  return timed(async () => {
    const fusion = await store.getFusion();
    const builder = new GraphBuilder(fusion.entities, fusion.incidents, {});
    builder.addIncidents(fusion.incidents);
    for await (const facts of store.allFacts())
      builder.add(facts, (await store.getDocument(facts.doc))?.publishedAt?.start);
    aggregateGraph(builder.nodes, builder.edges.values(), { actors: 40, edges: 400 });
  });
}

export async function benchGraph(sizes: number[]): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  const tmp = tempDir("tessera-graph-bench-");
  const store = new SqliteStore(`${tmp.dir}/graph.db`);
  const w = world();
  let held = 0;
  try {
    for (const size of sizes) {
      for (; held < size; held++) {
        // the generator's ids ("doc-…") are not hex, which stored ids are (getDocument would not find them)
        const { doc, facts } = JSON.parse(JSON.stringify(makeDoc(held, w)).replaceAll('"doc-', '"d0c0')) as ReturnType<
          typeof makeDoc
        >;
        await store.putDocument(doc, facts);
      }
      out[`refuse_ms@${size}`] = Math.round(await timed(() => refuse(store)));
      out[`edges@${size}`] = (await store.graphEdges({})).edges.length;
      out[`replay_ms@${size}`] = Math.round(await replay(store));
      const server = await startServer(store, 0);
      try {
        Object.assign(out, await graphLatency(server.url.replace(/\/$/, ""), `@${size}`));
      } finally {
        await server.close();
      }
    }
    out.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  } finally {
    await store.close();
    tmp.cleanup();
  }
  return out;
}
