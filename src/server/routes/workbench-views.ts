// Read-only aggregates for the timeline, actor graph and map views. Each is bounded by a limit so a
// large store cannot hang the browser.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { RELATIONS, type Relation } from "../../fuse/actor-graph.js";
import type { Store } from "../../store/types.js";
import { apiError, errorResponses } from "../errors.js";
import { aggregateGraph } from "./graph-aggregate.js";
import { Day, json } from "./workbench-common.js";

const Window = z.object({
  from: Day.optional(),
  to: Day.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

const Span = z.object({ start: z.string(), end: z.string(), precision: z.string() });
const Timeline = z.object({
  incidents: z.array(z.object({ id: z.string(), title: z.string(), type: z.string(), events: z.number() }).merge(Span)),
  events: z.array(
    z
      .object({ id: z.string(), type: z.string(), incident: z.string().optional(), doc: z.string(), label: z.string() })
      .merge(Span),
  ),
  undated: z.number(),
  truncated: z.boolean(),
});

const GraphQuery = z.object({
  from: Day.optional(),
  to: Day.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(400).openapi({ description: "most edges returned" }),
  actors: z.coerce.number().int().min(1).max(1000).default(40).openapi({ description: "top actors by degree" }),
  relation: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: `comma-separated: ${RELATIONS.join(", ")}` }),
  incident: z.string().max(200).optional().openapi({ description: "only this incident's neighbourhood" }),
});

const Graph = z.object({
  nodes: z.array(z.object({ id: z.string(), label: z.string(), type: z.string(), degree: z.number() })),
  edges: z.array(
    z.object({
      id: z.string(),
      source: z.string(),
      target: z.string(),
      relation: z.string(),
      date: z.string().optional(),
      count: z.number(),
      docs: z.array(z.string()),
    }),
  ),
  truncated: z.boolean(),
  total: z.object({ nodes: z.number(), edges: z.number() }),
  /** Titles of the documents the shown edges cite, so the UI names its sources. */
  titles: z.record(z.string(), z.string()),
});

const Point = z.object({ id: z.string(), name: z.string(), type: z.string(), lat: z.number(), lon: z.number() });
const MapData = z.object({
  places: z.array(Point.extend({ incidents: z.number() })),
  incidents: z.array(Point.extend({ date: z.string().optional(), place: z.string(), documents: z.number() })),
});

export function viewRoutes(app: OpenAPIHono, store: Store): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/timeline",
      summary: "Dated incidents and events in a window, each as a day range of its precision",
      request: { query: Window },
      responses: { 200: json(Timeline, "Timeline items"), ...errorResponses },
    }),
    async (c) => {
      const { from, to, limit } = c.req.valid("query");
      const window = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
      const page = await store.listIncidents({ ...window, limit });
      const incidents = page.items
        .filter((i) => i.date)
        .map((i) => ({
          id: i.id,
          title: i.title,
          type: i.type,
          events: i.events.length,
          start: i.date!.start,
          end: i.date!.end,
          precision: i.date!.precision,
        }));
      const dated = await store.listDatedEvents({ ...window, limit });
      const events: z.infer<typeof Timeline>["events"] = dated.items.map(({ doc, event: ev, incident }) => {
        const item = {
          id: ev.id,
          type: ev.type,
          doc,
          label: ev.trigger.text,
          start: ev.date!.start,
          end: ev.date!.end,
          precision: ev.date!.precision,
        };
        return incident ? { ...item, incident } : item;
      });
      return c.json(
        { incidents, events, undated: dated.undated, truncated: dated.total > limit || page.total > limit },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/graph",
      summary:
        "Actor graph: people, groups, states and incidents linked by attacked / claimed / attributed / suspected / blamed / met; the top actors by degree, filtered by window, relation and incident",
      request: { query: GraphQuery },
      responses: { 200: json(Graph, "Nodes and edges"), ...errorResponses },
    }),
    async (c) => {
      const { from, to, limit, actors, relation, incident } = c.req.valid("query");
      const relations = (relation ?? "")
        .split(",")
        .map((r) => r.trim())
        .filter(Boolean);
      const unknown = relations.find((r) => !(RELATIONS as readonly string[]).includes(r));
      if (unknown)
        return apiError(
          c,
          400,
          "bad_request",
          `relation: unknown relation "${unknown.slice(0, 40)}"; use ${RELATIONS.join(", ")}.`,
        );
      if (incident && (await store.resolveIncidentId(incident)) !== incident)
        return apiError(c, 404, "not_found", "No incident has that id.");
      const window = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
      // the store keeps the graph's rows with every fusion write; only the shown edges' documents are read
      const all = await store.graphEdges({ ...window, relations });
      const graph = aggregateGraph(new Map(all.nodes.map((n) => [n.id, n])), all.edges, {
        relations: relations as Relation[],
        ...(incident ? { incident } : {}),
        actors,
        edges: limit,
      });
      const docs = await store.graphEdgeDocs(
        graph.edges.map((e) => e.id),
        window,
      );
      for (const e of graph.edges) e.docs = docs.get(e.id) ?? [];
      const cited = [...new Set(graph.edges.flatMap((e) => e.docs))];
      const titles: Record<string, string> = Object.fromEntries(cited.map((id) => [id, "Untitled document"]));
      for (const d of await store.getSummaries(cited))
        titles[d.id] = d.title ?? (d.outlet ? `${d.outlet} report` : "Untitled document");
      return c.json({ ...graph, titles }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/map",
      summary: "Geocoded places and incidents (by their place entity) for the offline map",
      request: { query: Window },
      responses: { 200: json(MapData, "Map points"), ...errorResponses },
    }),
    async (c) => {
      const { from, to, limit } = c.req.valid("query");
      const window = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
      const geocoded = await store.listGeocodedEntities();
      const byId = new Map(geocoded.map((e) => [e.id, e]));
      const incidents: z.infer<typeof MapData>["incidents"] = [];
      // incidents page by page until enough have a geocoded place (undated ones are on the map too)
      for (let offset = 0; incidents.length < limit; offset += 500) {
        const page = await store.listIncidents({ ...window, undated: true, limit: 500, offset });
        for (const i of page.items) {
          const place = i.place ? byId.get(i.place) : undefined;
          if (!place?.geo || incidents.length >= limit) continue;
          const p = {
            id: i.id,
            name: i.title,
            type: i.type,
            lat: place.geo.lat,
            lon: place.geo.lon,
            place: place.name,
            documents: i.documents.length,
          };
          incidents.push(i.date ? { ...p, date: i.date.iso } : p);
        }
        if (offset + 500 >= page.total) break;
      }
      const counts = await store.incidentsPerPlace(window);
      const places = geocoded
        .map((e) => ({
          id: e.id,
          name: e.name,
          type: e.type,
          lat: e.geo!.lat,
          lon: e.geo!.lon,
          incidents: counts.get(e.id) ?? 0,
        }))
        .sort((a, b) => b.incidents - a.incidents)
        .slice(0, limit);
      return c.json({ places, incidents }, 200);
    },
  );
}
