// What every exporter reads: the store's documents, per-document facts (with their document-local
// entities, which ExportBundle drops once fusion has run), the fusion snapshot and ACH matrices.
// Gathered once so STIX, CSV and the briefing all see the same records.
import type { AchModel } from "../ach/model.js";
import { outletScales } from "../app/outlet-scale.js";
import type { DocFacts, Document, Source } from "../model/records.js";
import type { FusionSnapshot, Store } from "../store/types.js";

export const ACH_COLLECTION = "ach";

export interface ExportInput {
  sources: Source[];
  /** In publication order (the store's export order). */
  documents: Document[];
  /** One entry per document that has facts, in document order. */
  facts: DocFacts[];
  fusion: FusionSnapshot;
  ach: AchModel[];
  /** Outlet name → ACLED source scale, where one is recorded (`tessera sources scale`). */
  scales?: Record<string, string>;
}

export async function loadExportInput(store: Store): Promise<ExportInput> {
  const bundle = await store.exportAll();
  const facts: DocFacts[] = [];
  for (const d of bundle.documents) {
    const f = await store.getFacts(d.id);
    if (f) facts.push(f);
  }
  let ach: AchModel[] = [];
  try {
    ach = await store.listRecords<AchModel>(ACH_COLLECTION);
  } catch {
    ach = [];
  }
  // a matrix saved on an incident that was merged away belongs to the surviving incident
  const live: AchModel[] = [];
  for (const m of ach) {
    if (!m || typeof m.incident !== "string") continue;
    live.push({ ...m, incident: (await store.resolveIncidentId(m.incident)) ?? m.incident });
  }
  return {
    sources: bundle.sources,
    documents: bundle.documents,
    facts,
    fusion: await store.getFusion(),
    ach: live,
    scales: await outletScales(store),
  };
}

/** The part of the input one incident rests on: its documents, their facts and sources, its contradictions. */
export function restrictToIncident(input: ExportInput, incidentId: string): ExportInput | undefined {
  const incident = input.fusion.incidents.find((i) => i.id === incidentId);
  if (!incident) return undefined;
  const docs = new Set(incident.documents);
  const documents = input.documents.filter((d) => docs.has(d.id));
  const outlets = new Set(documents.map((d) => d.outlet).filter((o): o is string => !!o));
  const facts = input.facts.filter((f) => docs.has(f.doc));
  const mentionIds = new Set(facts.flatMap((f) => f.mentions.map((m) => m.id)));
  const wanted = new Set<string>(incident.perpetrators.map((p) => p.entity));
  if (incident.place) wanted.add(incident.place);
  const entities = input.fusion.entities.filter((e) => wanted.has(e.id) || e.mentions.some((m) => mentionIds.has(m)));
  return {
    sources: input.sources.filter((s) => outlets.has(s.name)),
    documents,
    facts,
    fusion: {
      entities,
      incidents: [incident],
      contradictions: input.fusion.contradictions.filter((c) => c.incident === incidentId),
    },
    ach: input.ach.filter((m) => m.incident === incidentId),
    ...(input.scales ? { scales: input.scales } : {}),
  };
}
