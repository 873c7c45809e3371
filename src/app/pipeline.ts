// The ingest pipeline as one operation shared by the CLI, the HTTP API and the demo:
// read → normalise/hash → extract → store (one transaction per document) → fuse what was stored (app/fusion.ts).

import { extractFacts } from "../extract/index.js";
import { type IngestOptions, ingestInputs, type PayloadMeta, readBuffer } from "../ingest/index.js";
import { languageSpans } from "../ingest/language.js";
import { completePublication, parsePublished } from "../ingest/published.js";
import { type DocumentDraft, makeDocument } from "../model/document.js";
import type { DocFacts, Document } from "../model/records.js";
import type { Store } from "../store/types.js";
import { type FusionMode, fuseStored } from "./fusion.js";
import { withFusionLock } from "./fusion-lock.js";

export interface IngestOutcome {
  input: string;
  status: "ok" | "duplicate" | "error";
  id?: string;
  title?: string;
  outlet?: string;
  error?: string;
  /** For an error: whether reading the input failed or storing what was read (the store threw). */
  stage?: "read" | "store";
  /** Set when the document was stored but extraction failed on it (the text is kept). */
  warning?: string;
}

/** What the pipeline is doing now, for a progress display. */
export type Phase = "reading" | "extracting" | "storing" | "fusing";

export interface PipelineOptions extends IngestOptions {
  extract?: boolean; // default true
  fuse?: boolean; // default true
  onOutcome?: (o: IngestOutcome) => void;
  /** Fixes the fetch time of every document (reproducible records in evaluations and tests). */
  fetchedAt?: Date;
  /** Called as each phase begins, with the input it concerns (none for fusing). */
  onPhase?: (phase: Phase, input?: string) => void;
  /** Overrides the author the reader found (metadata the analyst gives on the command line). */
  author?: string;
  /** Overrides the publication date the reader found (as parsePublished reads it). */
  published?: string;
  /** Called once fusion is done: whether it continued from the saved engine or rebuilt (app/fusion.ts). */
  onFused?: (mode: FusionMode) => void;
}

function safeExtract(doc: Document): { facts?: DocFacts; warning?: string } {
  try {
    return { facts: extractFacts(doc) };
  } catch (e) {
    return { warning: `extraction failed: ${(e as Error).message}` };
  }
}

/**
 * The document the pipeline stores for a draft (metadata from the options, publication completed, normalised
 * and hashed, language lines marked), before any extraction. Exported so a bench can store copies the same way.
 */
export function prepareDocument(draft: DocumentDraft, opts: PipelineOptions = {}): Document {
  if (opts.outlet) draft.outlet = opts.outlet;
  if (opts.author) draft.author = opts.author;
  const published = parsePublished(opts.published);
  if (published) {
    draft.publishedAt = published;
    draft.publishedFrom = "metadata";
    delete draft.publishedEstimate; // an estimate from the text is moot once the date is given
  }
  // drafts from any reader (files, uploads, importers, evaluations) get the same publication-date completion
  completePublication(draft);
  const doc = makeDocument(draft, opts.fetchedAt);
  // lines in another language than the document's are marked, so each language's rules read only their own text
  const languages = languageSpans(doc.text, doc.language);
  if (languages) doc.languages = languages;
  return doc;
}

/** Stores one read draft: normalise/hash, skip duplicates, extract, write in one transaction. */
async function storeDraft(
  store: Store,
  input: string,
  draft: DocumentDraft,
  opts: PipelineOptions,
): Promise<IngestOutcome> {
  const doc = prepareDocument(draft, opts);
  const base: IngestOutcome = { input, status: "ok", id: doc.id };
  if (doc.title) base.title = doc.title;
  if (doc.outlet) base.outlet = doc.outlet;
  if (!doc.text) return { ...base, status: "error", error: "no text left after cleaning", stage: "read" };
  if (await store.getDocument(doc.id)) return { ...base, status: "duplicate" };
  if (opts.extract !== false) opts.onPhase?.("extracting", input);
  const { facts, warning } = opts.extract === false ? {} : safeExtract(doc);
  opts.onPhase?.("storing", input);
  const { status } = await store.putDocument(doc, facts);
  return warning ? { ...base, status, warning } : { ...base, status };
}

async function finish(store: Store, outcomes: IngestOutcome[], opts: PipelineOptions): Promise<IngestOutcome[]> {
  const stored = outcomes.flatMap((o) => (o.status === "ok" && o.id ? [o.id] : []));
  if (opts.fuse !== false && stored.length) {
    opts.onPhase?.("fusing");
    const mode = await withFusionLock(store, () => fuseStored(store, stored));
    opts.onFused?.(mode);
  }
  return outcomes;
}

/** Ingests every input; one bad input never stops the batch. */
export async function ingestAll(store: Store, inputs: string[], opts: PipelineOptions = {}): Promise<IngestOutcome[]> {
  const outcomes: IngestOutcome[] = [];
  const onInput = (input: string): void => {
    opts.onInput?.(input);
    opts.onPhase?.("reading", input);
  };
  for await (const item of ingestInputs(inputs, { ...opts, onInput })) {
    let o: IngestOutcome;
    try {
      o = item.result.ok
        ? await storeDraft(store, item.input, item.result.value, opts)
        : { input: item.input, status: "error", error: item.result.error, stage: "read" };
    } catch (e) {
      o = { input: item.input, status: "error", error: (e as Error).message, stage: "store" };
    }
    outcomes.push(o);
    opts.onOutcome?.(o);
  }
  return finish(store, outcomes, opts);
}

/**
 * Ingests drafts already read by the caller (an evaluation reader, an importer): the same normalise → extract →
 * store → fuse path as files and URLs take. `fetchedAt` fixes the fetch time so records are reproducible.
 */
export async function ingestDrafts(
  store: Store,
  drafts: DocumentDraft[],
  opts: PipelineOptions = {},
): Promise<IngestOutcome[]> {
  const outcomes: IngestOutcome[] = [];
  for (const draft of drafts) {
    let o: IngestOutcome;
    try {
      o = await storeDraft(store, draft.origin, draft, opts);
    } catch (e) {
      o = { input: draft.origin, status: "error", error: (e as Error).message, stage: "store" };
    }
    outcomes.push(o);
    opts.onOutcome?.(o);
  }
  return finish(store, outcomes, opts);
}

/** Ingests one uploaded payload (a file body sent to the HTTP API); a feed yields several documents. */
export async function ingestPayload(
  store: Store,
  bytes: Uint8Array,
  meta: PayloadMeta,
  opts: PipelineOptions = {},
): Promise<IngestOutcome[]> {
  const read = await readBuffer(bytes, meta, opts);
  if (!read.ok) return [{ input: meta.origin, status: "error", error: read.error, stage: "read" }];
  const outcomes: IngestOutcome[] = [];
  for (const draft of read.value) {
    try {
      outcomes.push(await storeDraft(store, meta.origin, draft, opts));
    } catch (e) {
      outcomes.push({ input: meta.origin, status: "error", error: (e as Error).message, stage: "store" });
    }
  }
  return finish(store, outcomes, opts);
}
