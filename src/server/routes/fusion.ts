// Fused records: incidents, canonical entities, contradictions, and the JSON export.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { Contradiction, Entity, Incident } from "../../model/records.js";
import type { Store } from "../../store/types.js";
import { apiError, errorResponses } from "../errors.js";
import { JsonObject, PageQuery, pageOf } from "../schemas.js";

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

function page<T>(items: T[], limit: number, offset: number) {
  return { items: items.slice(offset, offset + limit), total: items.length, limit, offset };
}

export function fusionRoutes(app: OpenAPIHono, store: Store): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/incidents",
      summary: "Fused incidents (paginated)",
      request: { query: PageQuery },
      responses: { 200: json(pageOf(Incident, "IncidentPage"), "A page of incidents") },
    }),
    async (c) => {
      const { limit, offset } = c.req.valid("query");
      return c.json(await store.listIncidents({ limit, offset }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/incidents/{id}",
      summary: "One incident with its contradictions",
      request: {
        params: z.object({
          id: z
            .string()
            .min(1)
            .max(200)
            .openapi({ param: { name: "id", in: "path" } }),
        }),
      },
      responses: {
        200: json(z.object({ incident: Incident, contradictions: z.array(Contradiction) }), "The incident"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const incident = await store.getIncident(id);
      if (!incident) return apiError(c, 404, "not_found", "No incident has that id.");
      // a retired id (merged away) answers with the incident it now belongs to, under the live id
      return c.json({ incident, contradictions: await store.incidentContradictions(incident.id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/entities",
      summary: "Canonical entities across documents (paginated)",
      request: { query: PageQuery.extend({ type: z.string().optional() }) },
      responses: { 200: json(pageOf(Entity, "EntityPage"), "A page of entities") },
    }),
    async (c) => {
      const { limit, offset, type } = c.req.valid("query");
      const all = (await store.getFusion()).entities.filter((e) => !type || e.type === type);
      return c.json(page(all, limit, offset), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/contradictions",
      summary: "Disputes and revisions across sources (paginated)",
      request: { query: PageQuery },
      responses: { 200: json(pageOf(Contradiction, "ContradictionPage"), "A page of contradictions") },
    }),
    async (c) => {
      const { limit, offset } = c.req.valid("query");
      return c.json(page((await store.getFusion()).contradictions, limit, offset), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/export/json",
      summary: "The whole store in the documented export format (docs/export-format.md)",
      responses: { 200: json(JsonObject, "Export bundle") },
    }),
    async (c) => c.json((await store.exportAll()) as unknown as Record<string, unknown>, 200),
  );
}
