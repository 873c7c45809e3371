// Small helpers shared by the workbench routes: JSON response declarations, slicing a list into a
// page, and the path parameters the workbench uses.
import { z } from "@hono/zod-openapi";

export const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

export function page<T>(items: T[], limit: number, offset: number) {
  return { items: items.slice(offset, offset + limit), total: items.length, limit, offset };
}

export const AnyId = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: "id", in: "path" } }),
});

export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const body = <T extends z.ZodTypeAny>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});
