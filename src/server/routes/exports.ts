// Export endpoints: the STIX 2.1 bundle, GTD and ACLED CSV, and the cited incident briefing (Markdown or
// HTML). The briefing's HTML escapes all source text; it is served with the app's strict CSP like any page.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { exportBrief, exportCsv, exportStix } from "../../export/run.js";
import { TLP_LEVELS } from "../../export/stix/markings.js";
import { STIX_PROFILES } from "../../export/stix/profiles.js";
import { UserError } from "../../model/result.js";
import type { Store } from "../../store/types.js";
import { apiError, errorResponses } from "../errors.js";
import { JsonObject } from "../schemas.js";

const IncidentQuery = z.object({
  incident: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: "only this incident", example: "inc-1a2b3c4d5e6f" }),
});

const StixQuery = IncidentQuery.extend({
  profile: z
    .enum(STIX_PROFILES)
    .default("tessera")
    .openapi({ description: "bundle shape: tessera, opencti (no extension-definition), misp (one MISP event)" }),
  tlp: z.enum(TLP_LEVELS).default("clear").openapi({ description: "TLP 2.0 marking on every object" }),
});

const csvResponse = (description: string) => ({
  200: { content: { "text/csv": { schema: z.string() } }, description },
  ...errorResponses,
});

export function exportRoutes(app: OpenAPIHono, store: Store): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/export/stix",
      summary: "STIX 2.1 bundle of the store or of one incident (mapping in docs/stix.md)",
      request: { query: StixQuery },
      responses: {
        200: { content: { "application/json": { schema: JsonObject } }, description: "A STIX 2.1 bundle" },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { incident, profile, tlp } = c.req.valid("query");
      try {
        return c.json((await exportStix(store, incident, { profile, tlp })) as unknown as Record<string, unknown>, 200);
      } catch (e) {
        if (e instanceof UserError) return apiError(c, 404, "not_found", "No incident has that id.");
        throw e;
      }
    },
  );

  for (const format of ["gtd", "acled"] as const) {
    app.openapi(
      createRoute({
        method: "get",
        path: `/api/export/${format}.csv`,
        summary: `Incidents as ${format === "gtd" ? "GTD" : "ACLED"} codebook CSV`,
        request: { query: IncidentQuery },
        responses: csvResponse(`${format.toUpperCase()} CSV, one row per incident`),
      }),
      async (c) => {
        const { incident } = c.req.valid("query");
        try {
          const csv = await exportCsv(store, format, incident);
          return c.body(csv, 200, {
            "Content-Type": "text/csv; charset=utf-8",
            "Content-Disposition": `attachment; filename="tessera-${format}.csv"`,
          }) as never;
        } catch (e) {
          if (e instanceof UserError) return apiError(c, 404, "not_found", "No incident has that id.");
          throw e;
        }
      },
    );
  }

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/incidents/{id}/brief",
      summary: "Cited briefing for one incident (every sentence footnoted to document spans)",
      request: {
        params: z.object({
          id: z
            .string()
            .min(1)
            .max(200)
            .openapi({ param: { name: "id", in: "path" } }),
        }),
        query: z.object({ format: z.enum(["md", "html"]).default("md") }),
      },
      responses: {
        200: {
          content: { "text/markdown": { schema: z.string() }, "text/html": { schema: z.string() } },
          description: "The briefing",
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const { format } = c.req.valid("query");
      try {
        const text = (await exportBrief(store, id, format)) as string;
        const type = format === "html" ? "text/html; charset=utf-8" : "text/markdown; charset=utf-8";
        return c.body(text, 200, { "Content-Type": type }) as never;
      } catch (e) {
        if (e instanceof UserError) return apiError(c, 404, "not_found", "No incident has that id.");
        throw e;
      }
    },
  );
}
