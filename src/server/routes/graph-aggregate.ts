// Cuts the full actor graph down to what a person can read: relation and incident filters, then the
// top actors by degree (distinct neighbours) with the edges among them and their incidents, then an edge
// cap. Runs on the server so a large store never ships every node to the browser.
import type { GraphEdge, GraphNode, Relation } from "../../fuse/actor-graph.js";

export interface GraphQuery {
  /** Keep only these relations (all when empty). */
  relations?: readonly Relation[];
  /** Keep an incident's neighbourhood: the incident, its actors, and their other links. */
  incident?: string;
  /** Most actors kept, by degree. */
  actors: number;
  /** Most edges kept, by mention count. */
  edges: number;
}

export interface AggregatedGraph {
  nodes: (GraphNode & { degree: number })[];
  edges: GraphEdge[];
  truncated: boolean;
  total: { nodes: number; edges: number };
}

const isIncident = (n: GraphNode | undefined): boolean => n?.type === "incident";

export function aggregateGraph(
  nodes: Map<string, GraphNode>,
  all: Iterable<GraphEdge>,
  q: GraphQuery,
): AggregatedGraph {
  const wanted = q.relations?.length ? new Set(q.relations) : undefined;
  let edges = [...all].filter((e) => !wanted || wanted.has(e.relation));
  const total = { nodes: new Set(edges.flatMap((e) => [e.source, e.target])).size, edges: edges.length };
  if (q.incident) {
    const around = new Set([q.incident]);
    for (const e of edges) {
      if (e.source === q.incident) around.add(e.target);
      if (e.target === q.incident) around.add(e.source);
    }
    edges = edges.filter((e) => around.has(e.source) || around.has(e.target));
  }
  const neighbours = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    const set = neighbours.get(a) ?? new Set<string>();
    set.add(b);
    neighbours.set(a, set);
  };
  for (const e of edges) {
    link(e.source, e.target);
    link(e.target, e.source);
  }
  const degree = (id: string) => neighbours.get(id)?.size ?? 0;
  const weight = new Map<string, number>();
  for (const e of edges) for (const id of [e.source, e.target]) weight.set(id, (weight.get(id) ?? 0) + e.count);
  const actors = [...neighbours.keys()]
    .filter((id) => !isIncident(nodes.get(id)))
    .sort((a, b) => degree(b) - degree(a) || (weight.get(b) ?? 0) - (weight.get(a) ?? 0) || a.localeCompare(b));
  const kept = new Set(actors.slice(0, q.actors));
  if (q.incident) kept.add(q.incident);
  // an edge stays when both ends are kept actors, or one end is a kept actor and the other an incident
  const keep = (id: string) => kept.has(id) || isIncident(nodes.get(id));
  let shown = edges.filter((e) => keep(e.source) && keep(e.target) && (kept.has(e.source) || kept.has(e.target)));
  const cut = shown.length > q.edges;
  shown = shown.sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)).slice(0, q.edges);
  const used = new Set(shown.flatMap((e) => [e.source, e.target]));
  if (q.incident && nodes.has(q.incident)) used.add(q.incident);
  const out = [...used].flatMap((id) => {
    const n = nodes.get(id);
    return n ? [{ ...n, degree: degree(id) }] : [];
  });
  return {
    nodes: out.sort((a, b) => b.degree - a.degree || a.id.localeCompare(b.id)),
    edges: shown,
    truncated: cut || actors.length > q.actors,
    total,
  };
}
