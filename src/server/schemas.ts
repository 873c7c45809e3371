// API-level schemas (pagination, summaries). Record shapes come from src/model/records.ts.
import { z } from "@hono/zod-openapi";

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50).openapi({ example: 50 }),
  offset: z.coerce.number().int().min(0).default(0).openapi({ example: 0 }),
});

export const DocumentSummary = z
  .object({
    id: z.string(),
    title: z.string().optional(),
    outlet: z.string().optional(),
    author: z.string().optional(),
    url: z.string().optional(),
    origin: z.string(),
    published: z.string().optional(),
    publishedPrecision: z.string().optional(),
    language: z.string(),
    format: z.string(),
    chars: z.number(),
    fetchedAt: z.string(),
  })
  .openapi("DocumentSummary");

export const SearchHit = DocumentSummary.extend({ snippet: z.string(), rank: z.number() }).openapi("SearchHit");

export function pageOf<T extends z.ZodTypeAny>(item: T, name: string) {
  return z
    .object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() })
    .openapi(name);
}

export const IdParam = z.object({
  id: z
    .string()
    .regex(/^[0-9a-fA-F]{6,64}$/)
    .openapi({ param: { name: "id", in: "path" }, example: "3f2a9c01b7d4" }),
});

/** Loose JSON payload for records whose full schema lives in src/model (kept out of the document to stay small). */
export const JsonObject = z.record(z.string(), z.unknown());
