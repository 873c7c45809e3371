// ACH matrices, one per incident, saved as "ach" records; every response carries the current scores so
// the UI never re-implements the scoring.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { AchModel, emptyAch, scoreAch } from "../../ach/index.js";
import type { Store } from "../../store/types.js";
import { audit } from "../audited.js";
import { apiError, errorResponses } from "../errors.js";
import { AnyId, body, json } from "./workbench-common.js";

export const ACH = "ach";

const Score = z.object({ hypothesis: z.string(), inconsistency: z.number(), weighted: z.number(), rank: z.number() });
const AchResponse = z.object({ model: AchModel, scores: z.array(Score) }).openapi("AchMatrix");

export function achRoutes(app: OpenAPIHono, store: Store): void {
  // an incident's id never changes; an id merged away is an alias that still finds the surviving incident
  const live = (id: string) => store.resolveIncidentId(id);
  const incident = async (id: string) => store.getIncident(id);

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/incidents/{id}/ach",
      summary: "The incident's ACH matrix with Heuer weighted-inconsistency scores (empty when none is saved)",
      request: { params: AnyId },
      responses: { 200: json(AchResponse, "Matrix and scores"), ...errorResponses },
    }),
    async (c) => {
      const { id: asked } = c.req.valid("param");
      const id = await live(asked);
      if (id === undefined) return apiError(c, 404, "not_found", "No incident has that id.");
      const all = await store.listRecords<AchModel>(ACH);
      // the live incident's matrix, else the one saved under the id asked for (or any id) merged into it
      let saved = all.find((m) => m.incident === id) ?? all.find((m) => m.incident === asked);
      for (const m of all) if (!saved && (await live(m.incident)) === id) saved = m;
      const model = saved ? AchModel.parse(saved) : emptyAch(id);
      return c.json({ model, scores: scoreAch(model) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/api/incidents/{id}/ach",
      summary: "Save the incident's ACH matrix; returns it with fresh scores",
      request: { params: AnyId, ...body(AchModel) },
      responses: { 200: json(AchResponse, "Saved matrix and scores"), ...errorResponses },
    }),
    async (c) => {
      const id = await live(c.req.valid("param").id);
      const target = id === undefined ? undefined : await incident(id);
      if (id === undefined || !target) return apiError(c, 404, "not_found", "No incident has that id.");
      const model: AchModel = { ...c.req.valid("json"), incident: id, updatedAt: new Date().toISOString() };
      const hyp = new Set(model.hypotheses.map((h) => h.id));
      const ev = new Set(model.evidence.map((e) => e.id));
      if (hyp.size !== model.hypotheses.length || ev.size !== model.evidence.length) {
        return apiError(c, 400, "bad_request", "Hypothesis and evidence ids must be unique.");
      }
      // Drop ratings of rows or columns that no longer exist, so deleted items cannot score.
      const ratings: AchModel["ratings"] = {};
      for (const [e, row] of Object.entries(model.ratings)) {
        if (!ev.has(e)) continue;
        ratings[e] = Object.fromEntries(Object.entries(row).filter(([h]) => hyp.has(h)));
      }
      model.ratings = ratings;
      const before = (await store.listRecords<AchModel>(ACH)).find((m) => m.incident === id);
      await store.putRecord(ACH, id, model);
      await audit(c, store, {
        action: "ach.edit",
        subject: { kind: "ach", id },
        summary: `edited the ACH matrix of "${target.title}" (${model.hypotheses.length} hypotheses, ${model.evidence.length} evidence items)`,
        refs: [id],
        ...(before ? { before } : {}),
        after: model,
      });
      return c.json({ model, scores: scoreAch(model) }, 200);
    },
  );
}
