// The ingest pipeline as one operation shared by the CLI, the HTTP API and the demo:
// read → normalise/hash → extract → store (one transaction per document) → re-fuse.

import { extractFacts } from "../extract/index.js";
import { type IngestOptions, ingestInputs } from "../ingest/index.js";
import { makeDocument } from "../model/document.js";
import type { DocFacts, Document } from "../model/records.js";
import type { Store } from "../store/types.js";
import { refuse } from "./fusion.js";

export interface IngestOutcome {
  input: string;
  status: "ok" | "duplicate" | "error";
  id?: string;
  title?: string;
  outlet?: string;
  error?: string;
  /** Set when the document was stored but extraction failed on it (the text is kept). */
  warning?: string;
}

export interface PipelineOptions extends IngestOptions {
  extract?: boolean; // default true
  fuse?: boolean; // default true
  onOutcome?: (o: IngestOutcome) => void;
}

function safeExtract(doc: Document): { facts?: DocFacts; warning?: string } {
  try {
    return { facts: extractFacts(doc) };
  } catch (e) {
    return { warning: `extraction failed: ${(e as Error).message}` };
  }
}

/** Ingests every input; one bad input never stops the batch. */
export async function ingestAll(store: Store, inputs: string[], opts: PipelineOptions = {}): Promise<IngestOutcome[]> {
  const outcomes: IngestOutcome[] = [];
  const emit = (o: IngestOutcome): void => {
    outcomes.push(o);
    opts.onOutcome?.(o);
  };
  for await (const item of ingestInputs(inputs, opts)) {
    if (!item.result.ok) {
      emit({ input: item.input, status: "error", error: item.result.error });
      continue;
    }
    try {
      const draft = item.result.value;
      if (opts.outlet) draft.outlet = opts.outlet;
      const doc = makeDocument(draft);
      const base: IngestOutcome = { input: item.input, status: "ok", id: doc.id };
      if (doc.title) base.title = doc.title;
      if (doc.outlet) base.outlet = doc.outlet;
      if (!doc.text) {
        emit({ ...base, status: "error", error: "no text left after cleaning" });
        continue;
      }
      if (await store.getDocument(doc.id)) {
        emit({ ...base, status: "duplicate" });
        continue;
      }
      const { facts, warning } = opts.extract === false ? {} : safeExtract(doc);
      const { status } = await store.putDocument(doc, facts);
      emit(warning ? { ...base, status, warning } : { ...base, status });
    } catch (e) {
      emit({ input: item.input, status: "error", error: (e as Error).message });
    }
  }
  if (opts.fuse !== false && outcomes.some((o) => o.status === "ok")) await refuse(store);
  return outcomes;
}
