// Documents, search, facts and sources.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { refuse } from "../../app/fusion.js";
import { DocFacts, Document, Reliability, Source } from "../../model/records.js";
import type { Store } from "../../store/types.js";
import { apiError, errorResponses } from "../errors.js";
import { DocumentSummary, IdParam, PageQuery, pageOf, SearchHit } from "../schemas.js";

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

export function documentRoutes(app: OpenAPIHono, store: Store): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/documents",
      summary: "List documents (paginated, oldest publication first)",
      request: {
        query: PageQuery.extend({
          outlet: z.string().optional(),
          language: z.string().optional(),
          from: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .optional(),
          to: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .optional(),
        }),
      },
      responses: { 200: json(pageOf(DocumentSummary, "DocumentPage"), "A page of documents"), ...errorResponses },
    }),
    async (c) => c.json(await store.listDocuments(c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/documents/{id}",
      summary: "One document with its clean text",
      request: { params: IdParam },
      responses: { 200: json(Document, "The document"), ...errorResponses },
    }),
    async (c) => {
      const doc = await store.getDocument(c.req.valid("param").id);
      if (!doc) return apiError(c, 404, "not_found", "No single document matches that id.");
      return c.json(doc, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/documents/{id}/facts",
      summary: "Everything extracted from one document, each item with its span and rule",
      request: { params: IdParam },
      responses: { 200: json(DocFacts, "Mentions, entities, events, claims and judgments"), ...errorResponses },
    }),
    async (c) => {
      const doc = await store.getDocument(c.req.valid("param").id);
      if (!doc) return apiError(c, 404, "not_found", "No single document matches that id.");
      const facts = (await store.getFacts(doc.id)) ?? {
        doc: doc.id,
        mentions: [],
        entities: [],
        events: [],
        claims: [],
        judgments: [],
      };
      return c.json(facts, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/search",
      summary: "Full-text search over titles and texts",
      request: { query: PageQuery.extend({ q: z.string().min(1).max(500) }) },
      responses: { 200: json(pageOf(SearchHit, "SearchPage"), "Matches, best first"), ...errorResponses },
    }),
    async (c) => {
      const { q, limit, offset } = c.req.valid("query");
      return c.json(await store.search(q, { limit, offset }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/sources",
      summary: "Outlets with their Admiralty reliability grade",
      responses: { 200: json(z.array(Source), "All outlets") },
    }),
    async (c) => c.json(await store.listSources(), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/api/sources/{name}",
      summary: "Set an outlet's reliability grade (A–F); re-fuses so credibility grades follow",
      request: {
        params: z.object({
          name: z
            .string()
            .min(1)
            .max(200)
            .openapi({ param: { name: "name", in: "path" } }),
        }),
        body: {
          content: {
            "application/json": {
              schema: z.object({ reliability: Reliability, notes: z.string().max(2000).optional() }),
            },
          },
        },
      },
      responses: { 200: json(Source, "The updated outlet"), ...errorResponses },
    }),
    async (c) => {
      const { name } = c.req.valid("param");
      const { reliability, notes } = c.req.valid("json");
      const s = await store.upsertSource(name, reliability, notes);
      await refuse(store);
      return c.json(s, 200);
    },
  );
}
