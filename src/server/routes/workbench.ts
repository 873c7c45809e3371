// Analyst write paths of the workbench: extraction reviews and fusion overrides (merge / split /
// move-event / entity merge and unmerge, each undoable). Read-only views live in workbench-*.ts.
import { randomUUID } from "node:crypto";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { fuseChange, OVERRIDES } from "../../app/fusion.js";
import { withFusionLock } from "../../app/fusion-lock.js";
import { anchorOverride } from "../../app/overrides.js";
import { Override } from "../../fuse/index.js";
import { Review } from "../../model/records.js";
import type { Store } from "../../store/types.js";
import { audit, overrideChange, overrideScope, reviewSummary } from "../audited.js";
import { apiError, errorResponses } from "../errors.js";
import { JsonObject, PageQuery, pageOf } from "../schemas.js";
import { actorOf } from "../security.js";
import { achRoutes } from "./workbench-ach.js";
import { AnyId, body, json, page } from "./workbench-common.js";
import { incidentRoutes } from "./workbench-incident.js";
import { viewRoutes } from "./workbench-views.js";

export const REVIEWS = "reviews";

const ReviewInput = Review.omit({ id: true, createdAt: true });

/** One review per extracted item: re-reviewing replaces the verdict. Added spans get their own id. */
function reviewId(r: z.infer<typeof ReviewInput>): string {
  if (r.target.kind === "added") return `add-${randomUUID().slice(0, 12)}`;
  return `${r.doc.slice(0, 16)}:${r.target.kind}:${r.target.id}`;
}

/** Incidents that hold anything an override names, after re-fusion (so the UI can follow a split). */
function affected(o: Override, incidents: { id: string; events: string[] }[]): string[] {
  const names = new Set<string>();
  if (o.kind === "merge-incidents") for (const i of o.incidents) names.add(i);
  if (o.kind === "split-incident") {
    names.add(o.incident);
    for (const e of o.events) names.add(e);
  }
  if (o.kind === "move-event") names.add(o.event).add(o.to);
  return incidents.filter((i) => names.has(i.id) || i.events.some((e) => names.has(e))).map((i) => i.id);
}

export function workbenchRoutes(app: OpenAPIHono, store: Store): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/reviews",
      summary: "Analyst reviews of extractions (paginated; filter by document)",
      request: { query: PageQuery.extend({ doc: z.string().max(64).optional() }) },
      responses: { 200: json(pageOf(Review, "ReviewPage"), "A page of reviews"), ...errorResponses },
    }),
    async (c) => {
      const { doc, limit, offset } = c.req.valid("query");
      const all = (await store.listRecords<Review>(REVIEWS)).filter((r) => !doc || r.doc.startsWith(doc));
      return c.json(page(all, limit, offset), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/api/reviews",
      summary: "Accept, reject or edit an extraction, or add a span the extractor missed",
      request: body(ReviewInput),
      responses: { 200: json(Review, "The stored review"), ...errorResponses },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const doc = await store.getDocument(input.doc);
      if (!doc) return apiError(c, 404, "not_found", "No single document matches that id.");
      if (
        input.start !== undefined &&
        (input.end === undefined || input.end <= input.start || input.end > doc.text.length)
      ) {
        return apiError(c, 400, "bad_request", "The span lies outside the document text.");
      }
      const id = reviewId(input);
      const target = input.target.kind === "added" ? { kind: "added" as const, id } : input.target;
      const review: Review = { ...input, target, doc: doc.id, id, createdAt: new Date().toISOString() };
      if (review.start !== undefined && review.end !== undefined)
        review.text = doc.text.slice(review.start, review.end);
      const before = (await store.listRecords<Review>(REVIEWS)).find((r) => r.id === review.id);
      await store.putRecord(REVIEWS, review.id, review);
      await audit(c, store, {
        action: "review.set",
        subject: { kind: "review", id: review.id },
        summary: reviewSummary(review, doc.title),
        refs: [doc.id, review.target.id],
        ...(before ? { before } : {}),
        after: review,
      });
      return c.json(review, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/reviews/{id}",
      summary: "Withdraw a review (the extraction returns to unreviewed)",
      request: { params: AnyId },
      responses: { 200: json(z.object({ deleted: z.string() }), "Deleted"), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const review = (await store.listRecords<Review>(REVIEWS)).find((r) => r.id === id);
      if (!review) return apiError(c, 404, "not_found", "No review has that id.");
      await store.deleteRecord(REVIEWS, id);
      const doc = await store.getDocument(review.doc);
      await audit(c, store, {
        action: "review.withdraw",
        subject: { kind: "review", id },
        summary: `withdrew a review: ${reviewSummary(review, doc?.title)}`,
        refs: [review.doc, review.target.id],
        before: review,
      });
      return c.json({ deleted: id }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/overrides",
      summary: "Analyst fusion overrides, oldest first (paginated)",
      request: { query: PageQuery },
      responses: { 200: json(pageOf(JsonObject, "OverridePage"), "A page of overrides"), ...errorResponses },
    }),
    async (c) => {
      const { limit, offset } = c.req.valid("query");
      const all = (await store.listRecords<Override>(OVERRIDES)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      return c.json(page(all as unknown as Record<string, unknown>[], limit, offset), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/overrides",
      summary:
        "Apply an override (merge-incidents, split-incident, move-event, merge-entities, unmerge-entity) and re-fuse",
      request: body(JsonObject),
      responses: {
        200: json(
          z.object({
            override: JsonObject,
            affected: z.array(z.string()),
            /** The affected incidents with their titles, so messages can name them. */
            incidents: z.array(z.object({ id: z.string(), title: z.string() })),
          }),
          "Applied",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const raw = c.req.valid("json");
      const parsed = Override.safeParse({
        ...raw,
        id: `ovr-${randomUUID().slice(0, 12)}`,
        createdAt: new Date().toISOString(),
        author: actorOf(c).name,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return apiError(
          c,
          400,
          "bad_request",
          `${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid override"}`,
        );
      }
      // anchored, stored and fused under the fusion lock: a worker's fusion cannot land in between
      const { override, before, snapshot } = await withFusionLock(store, async () => {
        const override = await anchorOverride(store, parsed.data);
        const before = await overrideScope(store, override);
        await fuseChange(store, () => store.putRecord(OVERRIDES, override.id, override));
        return { override, before, snapshot: await overrideScope(store, override) };
      });
      await audit(c, store, overrideChange(override, before, snapshot, "override.apply"));
      const ids = affected(override, snapshot.incidents);
      const titled = snapshot.incidents.filter((i) => ids.includes(i.id)).map((i) => ({ id: i.id, title: i.title }));
      return c.json({ override: override as Record<string, unknown>, affected: ids, incidents: titled }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/overrides/{id}",
      summary: "Undo an override: delete it and re-fuse",
      request: { params: AnyId },
      responses: {
        200: json(z.object({ deleted: z.string(), incidents: z.number().int() }), "Undone"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const override = (await store.listRecords<Override>(OVERRIDES)).find((o) => o.id === id);
      if (!override) return apiError(c, 404, "not_found", "No override has that id.");
      const { before, snapshot, total } = await withFusionLock(store, async () => {
        const before = await overrideScope(store, override);
        await fuseChange(store, () => store.deleteRecord(OVERRIDES, id));
        const total = (await store.listIncidents({ limit: 1 })).total;
        return { before, snapshot: await overrideScope(store, override), total };
      });
      await audit(c, store, overrideChange(override, before, snapshot, "override.undo"));
      return c.json({ deleted: id, incidents: total }, 200);
    },
  );

  incidentRoutes(app, store);
  achRoutes(app, store);
  viewRoutes(app, store);
}
