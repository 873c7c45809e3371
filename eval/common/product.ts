// The product's own path for the evaluations: drafts go through `ingestDrafts` into a fresh in-memory store
// (normalising, extraction, fusion — exactly what `tessera ingest` does), and come back as the records every
// exporter reads. Nothing here makes an extraction or coding decision; it only finds which stored document and
// which incident a dataset item became.
import { ingestDrafts } from "../../src/app/pipeline.js";
import { codeIncident, type IncidentCoding } from "../../src/export/csv/coding.js";
import { type ExportInput, loadExportInput } from "../../src/export/input.js";
import { ExportIndex } from "../../src/export/view.js";
import type { DocumentDraft } from "../../src/model/document.js";
import type { Document, Incident } from "../../src/model/records.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";

/** A fixed fetch time keeps records identical across runs and makes an undated report visibly undated. */
export const FETCHED_AT = new Date("2000-01-01T00:00:00Z");

export interface ProductRun {
  input: ExportInput;
  ix: ExportIndex;
  incidents: Incident[];
  /** The stored document of each draft, in draft order (undefined when it was not stored). */
  docs: (Document | undefined)[];
  errors: string[];
}

/** Ingests drafts as one batch into a fresh store and reads back everything the exporters see. */
export async function runProduct(drafts: DocumentDraft[]): Promise<ProductRun> {
  const store = new SqliteStore(":memory:");
  try {
    const outcomes = await ingestDrafts(store, drafts, { fetchedAt: FETCHED_AT });
    const input = await loadExportInput(store);
    const ix = new ExportIndex(input);
    const errors = outcomes
      .filter((o) => o.status === "error" || o.warning)
      .map((o) => `${o.input}: ${o.error ?? o.warning}`);
    return {
      input,
      ix,
      incidents: input.fusion.incidents,
      docs: outcomes.map((o) => (o.id ? ix.docs.get(o.id) : undefined)),
      errors,
    };
  } finally {
    await store.close();
  }
}

/**
 * The incident holding a document's most salient event. The product marks salience on events when it knows it
 * (`attributes.salience === "main"`); otherwise the incident holding most of the document's events stands in for
 * it (ties: the incident whose first event from the document comes first in the text).
 */
export function mainIncidentOf(ix: ExportIndex, incidents: Incident[], docId: string): Incident | undefined {
  let best: { inc: Incident; main: boolean; n: number; first: number } | undefined;
  for (const inc of incidents) {
    if (!inc.documents.includes(docId)) continue;
    const evs = ix.eventsOf(inc).filter((e) => e.doc === docId);
    if (!evs.length) continue;
    const main = evs.some((e) => e.attributes?.salience === "main");
    const first = Math.min(...evs.map((e) => e.trigger.start));
    const cand = { inc, main, n: evs.length, first };
    if (
      !best ||
      (cand.main && !best.main) ||
      (cand.main === best.main && (cand.n > best.n || (cand.n === best.n && cand.first < best.first)))
    ) {
      best = cand;
    }
  }
  return best?.inc;
}

/** One document in, its main incident's export coding out (undefined when the product formed no incident). */
export async function codeOneDocument(
  draft: DocumentDraft,
): Promise<{ run: ProductRun; incident?: Incident; coding?: IncidentCoding }> {
  const run = await runProduct([draft]);
  const doc = run.docs[0];
  const incident = doc ? mainIncidentOf(run.ix, run.incidents, doc.id) : undefined;
  return incident ? { run, incident, coding: codeIncident(run.ix, incident) } : { run };
}
