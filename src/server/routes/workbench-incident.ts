// The incident page's data in one request: the fused record, every source value with its outlet,
// publication date and Admiralty grade, corroboration per attribute, the incident's documents and the
// claims/events an analyst can pick as ACH evidence.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Document, Incident as IncidentT } from "../../model/records.js";
import { Contradiction, Incident } from "../../model/records.js";
import type { Store } from "../../store/types.js";
import { apiError, errorResponses } from "../errors.js";
import { PageQuery, pageOf } from "../schemas.js";
import { AnyId, json, page } from "./workbench-common.js";
import { liveAssessment } from "./workbench-engine.js";

const DocInfo = z.object({
  id: z.string(),
  title: z.string().optional(),
  outlet: z.string().optional(),
  published: z.string().optional(),
  reliability: z.string(),
  language: z.string(),
});
type DocInfo = z.infer<typeof DocInfo>;

const Corrob = z.object({
  independentSources: z.number(),
  copies: z.number(),
  contradictingSources: z.number(),
  credibility: z.number(),
});

const IncidentView = z
  .object({
    incident: Incident,
    contradictions: z.array(Contradiction),
    documents: z.record(z.string(), DocInfo),
    names: z.record(z.string(), z.string()),
    grades: z.record(z.string(), z.array(z.string())), // parallel to incident.attributes[attr]
    corroboration: z.record(z.string(), Corrob),
  })
  .openapi("IncidentView");

const EvidenceItem = z.object({
  kind: z.enum(["claim", "event"]),
  id: z.string(),
  doc: z.string(),
  start: z.number(),
  end: z.number(),
  text: z.string(),
  label: z.string(),
  outlet: z.string().optional(),
  published: z.string().optional(),
});

/** Entity ids an incident mentions anywhere, so the page can print names instead of ids. */
function entityIds(inc: IncidentT): Set<string> {
  const ids = new Set<string>();
  if (inc.place) ids.add(inc.place);
  for (const p of inc.perpetrators) {
    ids.add(p.entity);
    if (p.by) ids.add(p.by);
  }
  for (const values of Object.values(inc.attributes)) {
    for (const v of values) {
      if (v.speaker) ids.add(v.speaker);
      if (typeof v.value === "string") ids.add(v.value);
      const ent = (v.value as { entity?: unknown } | null)?.entity;
      if (typeof ent === "string") ids.add(ent);
    }
  }
  return ids;
}

export async function docInfo(store: Store, ids: string[]): Promise<Record<string, DocInfo>> {
  const grades = new Map((await store.listSources()).map((s) => [s.name, s.reliability]));
  const out: Record<string, DocInfo> = {};
  for (const id of ids.slice(0, 1000)) {
    const d: Document | undefined = await store.getDocument(id);
    if (!d) continue;
    const info: DocInfo = { id: d.id, reliability: (d.outlet && grades.get(d.outlet)) || "F", language: d.language };
    if (d.title) info.title = d.title;
    if (d.outlet) info.outlet = d.outlet;
    if (d.publishedAt) info.published = d.publishedAt.iso;
    out[d.id] = info;
  }
  return out;
}

export function incidentRoutes(app: OpenAPIHono, store: Store): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/incidents/{id}/view",
      summary: "An incident with graded source values, corroboration and contradictions (workbench page)",
      request: { params: AnyId },
      responses: { 200: json(IncidentView, "The incident page"), ...errorResponses },
    }),
    async (c) => {
      const incident = await store.getIncident(c.req.valid("param").id);
      if (!incident) return apiError(c, 404, "not_found", "No incident has that id.");
      const id = incident.id;
      // stored by the last fusion; a store fused before grades were stored falls back to the live engine
      const assessment = (await store.getAssessment(id)) ?? (await liveAssessment(store, incident));
      const { grades, corroboration } = assessment;
      const wanted = entityIds(incident);
      const names: Record<string, string> = {};
      for (const e of await store.getEntities([...wanted])) names[e.id] = e.name;
      return c.json(
        {
          incident,
          contradictions: await store.incidentContradictions(id),
          documents: await docInfo(store, incident.documents),
          names,
          grades,
          corroboration,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/incidents/{id}/documents",
      summary: "The documents an incident was fused from (paginated)",
      request: { params: AnyId, query: PageQuery },
      responses: { 200: json(pageOf(DocInfo, "IncidentDocumentPage"), "A page of documents"), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const { limit, offset } = c.req.valid("query");
      const incident = await store.getIncident(id);
      if (!incident) return apiError(c, 404, "not_found", "No incident has that id.");
      const slice = incident.documents.slice(offset, offset + limit);
      const info = await docInfo(store, slice);
      const items = slice.map((d) => info[d]).filter((x): x is DocInfo => x !== undefined);
      return c.json({ items, total: incident.documents.length, limit, offset }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/incidents/{id}/evidence",
      summary: "Extracted claims and events of an incident, with spans, for use as ACH evidence (paginated)",
      request: {
        params: AnyId,
        query: PageQuery.extend({
          // true: one row per sentence (ACH evidence); false: every event on its own (split / move controls)
          distinct: z.enum(["true", "false"]).default("true"),
        }),
      },
      responses: {
        200: json(pageOf(EvidenceItem, "EvidencePage"), "A page of evidence candidates"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const { limit, offset, distinct } = c.req.valid("query");
      const incident = await store.getIncident(id);
      if (!incident) return apiError(c, 404, "not_found", "No incident has that id.");
      const info = await docInfo(store, incident.documents);
      const events = new Set(incident.events);
      const items: z.infer<typeof EvidenceItem>[] = [];
      for (const docId of incident.documents.slice(0, 1000)) {
        const facts = await store.getFacts(docId);
        const d = info[docId];
        if (!facts || !d) continue;
        const extra = { ...(d.outlet ? { outlet: d.outlet } : {}), ...(d.published ? { published: d.published } : {}) };
        for (const ev of facts.events) {
          if (!events.has(ev.id)) continue;
          const s = ev.sentence ?? ev.trigger;
          items.push({
            kind: "event",
            id: ev.id,
            doc: docId,
            start: s.start,
            end: s.end,
            text: s.text,
            label: ev.type,
            ...extra,
          });
        }
        for (const cl of facts.claims) {
          const label = `${cl.kind}${cl.speakerText ? ` — ${cl.speakerText}` : ""}`;
          const s = cl.content;
          items.push({
            kind: "claim",
            id: cl.id,
            doc: docId,
            start: s.start,
            end: s.end,
            text: s.text,
            label,
            ...extra,
          });
        }
      }
      return c.json(page(distinct === "true" ? sameSpanOnce(items) : items, limit, offset), 200);
    },
  );
}

/** One candidate per sentence span: several events read from one sentence become one row with joined labels. */
function sameSpanOnce<T extends { doc: string; start: number; end: number; label: string; kind: string }>(
  items: T[],
): T[] {
  const seen = new Map<string, T>();
  for (const it of items) {
    const key = `${it.kind}|${it.doc}|${it.start}|${it.end}`;
    const prior = seen.get(key);
    if (!prior) seen.set(key, { ...it });
    else if (!prior.label.split(", ").includes(it.label)) prior.label = `${prior.label}, ${it.label}`;
  }
  return [...seen.values()];
}
