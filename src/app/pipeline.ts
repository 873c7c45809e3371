// The ingest pipeline as one operation shared by the CLI, the HTTP API and the demo:
// read → normalise/hash → extract → store (a transaction per STORE_BATCH documents, a savepoint per document) → fuse
// what was stored (app/fusion.ts).

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

/**
 * A draft read, normalised and extracted but not yet stored: `doc` is set when there is something to store, else
 * `outcome` is final (no text, a duplicate). An ingest worker prepares jobs of a later batch this way while an
 * earlier batch is being fused, and stores them when their batch's turn comes (app/worker.ts).
 */
export interface Prepared {
  outcome: IngestOutcome;
  doc?: Document;
  facts?: DocFacts;
}

const storeFailure = (input: string, e: unknown): IngestOutcome => ({
  input,
  status: "error",
  error: (e as Error).message,
  stage: "store",
});

/** Normalise/hash, skip duplicates, extract: everything before the write. */
async function prepareDraft(
  store: Store,
  input: string,
  draft: DocumentDraft,
  opts: PipelineOptions,
): Promise<Prepared> {
  const doc = prepareDocument(draft, opts);
  const base: IngestOutcome = { input, status: "ok", id: doc.id };
  if (doc.title) base.title = doc.title;
  if (doc.outlet) base.outlet = doc.outlet;
  if (!doc.text) return { outcome: { ...base, status: "error", error: "no text left after cleaning", stage: "read" } };
  if (await store.getDocument(doc.id)) return { outcome: { ...base, status: "duplicate" } };
  if (opts.extract !== false) opts.onPhase?.("extracting", input);
  const { facts, warning } = opts.extract === false ? {} : safeExtract(doc);
  // the write itself happens with its batch (StoreBatch); the phase is told per document as before
  opts.onPhase?.("storing", input);
  const outcome = warning ? { ...base, warning } : base;
  return facts ? { doc, facts, outcome } : { doc, outcome };
}

/** Documents written per transaction on bulk ingest (each in its own savepoint: a failure rolls back alone). */
export const STORE_BATCH = 50;

/**
 * Collects prepared documents and writes them STORE_BATCH at a time (Store.putDocuments); outcomes are reported in
 * input order, each once its document's write is done.
 */
class StoreBatch {
  private pending: Prepared[] = [];
  readonly outcomes: IngestOutcome[] = [];

  constructor(
    private readonly store: Store,
    private readonly opts: PipelineOptions,
  ) {}

  async add(input: string, draft: DocumentDraft): Promise<void> {
    let item: Prepared;
    try {
      item = await prepareDraft(this.store, input, draft, this.opts);
    } catch (e) {
      item = { outcome: storeFailure(input, e) };
    }
    await this.push(item);
  }

  async push(item: Prepared): Promise<void> {
    this.pending.push(item);
    if (this.pending.filter((p) => p.doc).length >= STORE_BATCH) await this.flush();
  }

  async flush(): Promise<IngestOutcome[]> {
    const items = this.pending;
    this.pending = [];
    const writes = items.filter((p): p is Prepared & { doc: Document } => p.doc !== undefined);
    let results: Awaited<ReturnType<Store["putDocuments"]>> = [];
    if (writes.length) {
      try {
        results = await this.store.putDocuments(writes.map(({ doc, facts }) => (facts ? { doc, facts } : { doc })));
      } catch (e) {
        // the whole write failed (the store is unreachable): every document of it is an error, none is kept
        results = writes.map(({ doc }) => ({ id: doc.id, error: e as Error }));
      }
    }
    let k = 0;
    for (const item of items) {
      let o: IngestOutcome;
      if (item.doc) {
        const r = results[k++]!;
        o =
          "error" in r
            ? { input: item.outcome.input, status: "error", error: r.error.message, stage: "store" }
            : { ...item.outcome, status: r.status };
        if ("error" in r && item.outcome.id) o.id = item.outcome.id;
      } else o = item.outcome;
      this.outcomes.push(o);
      this.opts.onOutcome?.(o);
    }
    return this.outcomes;
  }
}

/**
 * Reads and prepares inputs (files, URLs) or one payload without storing anything: what `ingestAll` and
 * `ingestPayload` do before their writes. `commitPrepared` then stores them; neither fuses.
 */
export async function prepareInputs(
  store: Store,
  source: { inputs: string[] } | { bytes: Uint8Array; meta: PayloadMeta },
  opts: PipelineOptions = {},
): Promise<Prepared[]> {
  const out: Prepared[] = [];
  const one = async (input: string, draft: DocumentDraft): Promise<void> => {
    try {
      out.push(await prepareDraft(store, input, draft, opts));
    } catch (e) {
      out.push({ outcome: storeFailure(input, e) });
    }
  };
  if ("bytes" in source) {
    const read = await readBuffer(source.bytes, source.meta, opts);
    if (!read.ok)
      return [{ outcome: { input: source.meta.origin, status: "error", error: read.error, stage: "read" } }];
    for (const draft of read.value) await one(source.meta.origin, draft);
    return out;
  }
  for await (const item of ingestInputs(source.inputs, opts)) {
    if (item.result.ok) await one(item.input, item.result.value);
    else out.push({ outcome: { input: item.input, status: "error", error: item.result.error, stage: "read" } });
  }
  return out;
}

/** Stores what `prepareInputs` prepared, STORE_BATCH documents per transaction; one failed write never stops the rest. */
export async function commitPrepared(
  store: Store,
  prepared: Prepared[],
  opts: PipelineOptions = {},
): Promise<IngestOutcome[]> {
  const batch = new StoreBatch(store, opts);
  for (const p of prepared) await batch.push(p);
  return batch.flush();
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
  const batch = new StoreBatch(store, opts);
  const onInput = (input: string): void => {
    opts.onInput?.(input);
    opts.onPhase?.("reading", input);
  };
  for await (const item of ingestInputs(inputs, { ...opts, onInput })) {
    if (item.result.ok) await batch.add(item.input, item.result.value);
    else await batch.push({ outcome: { input: item.input, status: "error", error: item.result.error, stage: "read" } });
  }
  return finish(store, await batch.flush(), opts);
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
  const batch = new StoreBatch(store, opts);
  for (const draft of drafts) await batch.add(draft.origin, draft);
  return finish(store, await batch.flush(), opts);
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
  const batch = new StoreBatch(store, opts);
  for (const draft of read.value) await batch.add(meta.origin, draft);
  return finish(store, await batch.flush(), opts);
}
