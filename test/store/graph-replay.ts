// The actor graph two ways, for tests that the store's graph rows hold what a replay gives: GraphBuilder over the
// fused records and every document's facts (what /api/graph computed on each request before the store kept the
// rows), and the store's own grouped rows with each edge's first documents.
import { GraphBuilder, type GraphEdge, type GraphNode, type Relation } from "../../src/fuse/actor-graph.js";
import type { Store, Window } from "../../src/store/types.js";

export interface PlainGraph {
  nodes: Map<string, GraphNode>;
  edges: GraphEdge[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function replayedGraph(store: Store, window: Window = {}): Promise<PlainGraph> {
  const fusion = await store.getFusion();
  const builder = new GraphBuilder(fusion.entities, fusion.incidents, window);
  builder.addIncidents(fusion.incidents);
  for await (const facts of store.allFacts())
    builder.add(facts, (await store.getDocument(facts.doc))?.publishedAt?.start);
  return { nodes: builder.nodes, edges: [...builder.edges.values()].sort(byId) };
}

export async function storedGraph(store: Store, window: Window & { relations?: Relation[] } = {}): Promise<PlainGraph> {
  const { nodes, edges } = await store.graphEdges(window);
  const docs = await store.graphEdgeDocs(
    edges.map((e) => e.id),
    window,
  );
  for (const e of edges) e.docs = docs.get(e.id) ?? [];
  return { nodes: new Map(nodes.map((n) => [n.id, n])), edges: edges.sort(byId) };
}

/** The nodes at the ends of the edges, as plain objects sorted by id (the builder also holds nodes no edge kept). */
export function endNodes(g: PlainGraph): GraphNode[] {
  const ids = [...new Set(g.edges.flatMap((e) => [e.source, e.target]))].sort();
  return ids.map((id) => ({ ...g.nodes.get(id)! }));
}
