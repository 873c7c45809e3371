// The system under test, loaded lazily: extraction is written in parallel, so the harness must
// start (and its scorers be testable) even when src/extract/index.ts is missing or broken.
import { type DocumentDraft, makeDocument } from "../../src/model/document.js";
import type { DocFacts, Document } from "../../src/model/records.js";
import { UserError } from "../../src/model/result.js";

export type Extractor = (doc: Document) => DocFacts;

let cached: Extractor | undefined;

/** Import `extractFacts` from src/extract/index.ts once; a clear error if it is not there yet. */
export async function loadExtractor(): Promise<Extractor> {
  if (cached) return cached;
  // A computed specifier keeps type-checking independent of the module's presence; the file URL
  // resolves the same way under tsx and vitest.
  const path = new URL("../../src/extract/index.js", import.meta.url).href;
  let mod: { extractFacts?: unknown };
  try {
    mod = (await import(path)) as { extractFacts?: unknown };
  } catch (e) {
    throw new UserError(`Cannot load the extractor (src/extract/index.ts): ${(e as Error).message}`);
  }
  if (typeof mod.extractFacts !== "function") {
    throw new UserError("src/extract/index.ts does not export extractFacts(doc).");
  }
  const fn = mod.extractFacts as (doc: Document) => DocFacts;
  cached = (doc) => fn(doc);
  return cached;
}

/** A fixed fetch time keeps document records identical across runs. */
const FETCHED = new Date("2000-01-01T00:00:00Z");

export function evalDocument(draft: Omit<DocumentDraft, "format"> & { format?: DocumentDraft["format"] }): Document {
  return makeDocument({ format: "text", language: "en", ...draft }, FETCHED);
}

/** Run the extractor, turning a crash on one document into empty facts plus a counted failure. */
export function safeExtract(extract: Extractor, doc: Document, failures: string[]): DocFacts {
  try {
    return extract(doc);
  } catch (e) {
    failures.push(`${doc.origin}: ${(e as Error).message}`);
    return { doc: doc.id, mentions: [], entities: [], events: [], claims: [], judgments: [] };
  }
}
