// Shared helpers for the ingest tests: encode a string, read it through readBuffer, unwrap.
import { expect } from "vitest";
import { readBuffer } from "../../src/ingest/index.js";
import type { IngestOptions } from "../../src/ingest/types.js";
import type { DocumentDraft } from "../../src/model/document.js";

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

export async function readOne(
  bytes: Uint8Array | string,
  meta: { origin: string; contentType?: string; url?: string },
  opts?: IngestOptions,
): Promise<DocumentDraft> {
  const r = await readBuffer(typeof bytes === "string" ? utf8(bytes) : bytes, meta, opts);
  if (!r.ok) throw new Error(`expected a document, got error: ${r.error}`);
  expect(r.value).toHaveLength(1);
  return r.value[0]!;
}

export async function readError(
  bytes: Uint8Array | string,
  meta: { origin: string; contentType?: string },
  opts?: IngestOptions,
): Promise<string> {
  const r = await readBuffer(typeof bytes === "string" ? utf8(bytes) : bytes, meta, opts);
  if (r.ok) throw new Error("expected an error, got a document");
  return r.error;
}
