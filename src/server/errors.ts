// One error shape for every API failure: { error: { code, message } }.
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "not_found" }),
      message: z.string().openapi({ example: "No document matches that id." }),
    }),
  })
  .openapi("Error");

export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "too_many_requests"
  | "busy"
  | "internal";

/**
 * Error responses are declared per route through `errorResponses`; the result is typed `never` so
 * hono's per-status response typing accepts it in any handler.
 */
export function apiError(
  c: Context,
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 503,
  code: ErrorCode,
  message: string,
): never {
  return c.json({ error: { code, message } }, status) as never;
}

export const errorResponses = {
  400: { content: { "application/json": { schema: ErrorBody } }, description: "Invalid input" },
  404: { content: { "application/json": { schema: ErrorBody } }, description: "Not found" },
} as const;
