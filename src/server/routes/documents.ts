// Documents, search, facts and sources.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { fuseChange } from "../../app/fusion.js";
import { withFusionLock } from "../../app/fusion-lock.js";
import { ingestPayload } from "../../app/pipeline.js";
import { DEFAULT_MAX_BYTES } from "../../ingest/index.js";
import { describeBytes } from "../../ingest/types.js";
import { DocFacts, Document, Reliability, Source } from "../../model/records.js";
import type { Store } from "../../store/types.js";
import { audit } from "../audited.js";
import { readBodyCapped } from "../body-limit.js";
import { apiError, ErrorBody, errorResponses } from "../errors.js";
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
      method: "post",
      path: "/api/documents",
      summary: "Ingest one uploaded file (text, HTML, PDF or an RSS/Atom feed); extracts and re-fuses",
      request: {
        query: z.object({
          filename: z.string().min(1).max(300).default("upload").openapi({ example: "report.html" }),
          outlet: z.string().min(1).max(200).optional(),
        }),
        body: {
          content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } },
          description:
            "The raw file; Content-Type (text/plain, text/html, application/pdf, application/rss+xml …) helps choose the reader",
        },
      },
      responses: {
        200: json(
          z.object({
            results: z.array(
              z.object({
                input: z.string(),
                status: z.enum(["ok", "duplicate", "error"]),
                id: z.string().optional(),
                title: z.string().optional(),
                error: z.string().optional(),
              }),
            ),
          }),
          "One result per document read (ok / duplicate / error with the reason)",
        ),
        413: { content: { "application/json": { schema: ErrorBody } }, description: "Payload too large" },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { filename, outlet } = c.req.valid("query");
      const bytes = await readBodyCapped(c.req.raw, DEFAULT_MAX_BYTES);
      if (bytes === "too_large") {
        // the rest of the upload is not read: close the connection rather than drain it
        c.header("Connection", "close");
        return apiError(
          c,
          413,
          "payload_too_large",
          `The upload is over the size cap of ${describeBytes(DEFAULT_MAX_BYTES)}.`,
        );
      }
      if (!bytes.byteLength) return apiError(c, 400, "bad_request", "The upload is empty.");
      const contentType = c.req.header("content-type");
      const results = await ingestPayload(
        store,
        bytes,
        { origin: `upload:${filename}`, ...(contentType ? { contentType } : {}) },
        outlet ? { outlet } : {},
      );
      const stored = results.filter((r) => r.status === "ok");
      await audit(c, store, {
        action: "document.ingest",
        subject: { kind: "upload", id: filename },
        summary: `uploaded ${filename}: ${stored.length} new document${stored.length === 1 ? "" : "s"}${
          stored.length
            ? ` (${stored
                .map((r) => `"${r.title ?? "Untitled document"}"`)
                .join(", ")
                .slice(0, 300)})`
            : ""
        }`,
        refs: stored.flatMap((r) => (r.id ? [r.id] : [])),
        after: results,
      });
      return c.json({ results }, 200);
    },
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
      const { before, s } = await withFusionLock(store, async () => {
        const before = (await store.listSources()).find((x) => x.name === name);
        const { value: s } = await fuseChange(store, () => store.upsertSource(name, reliability, notes));
        return { before, s };
      });
      await audit(c, store, {
        action: "source.grade",
        subject: { kind: "source", id: s.id },
        summary: `graded ${s.name} ${s.reliability}${before ? ` (was ${before.reliability})` : " (new outlet)"}`,
        refs: [s.id],
        ...(before ? { before: { reliability: before.reliability, notes: before.notes } } : {}),
        after: { reliability: s.reliability, notes: s.notes },
      });
      return c.json(s, 200);
    },
  );
}
