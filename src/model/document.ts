// Document identity: the id is the SHA-256 of the normalised clean text, so the same article
// read from a file, a URL or a feed is stored once.
import { createHash } from "node:crypto";
import type { DateValue, Document, DocumentFormat } from "./records.js";

type PublishedFrom = NonNullable<Document["publishedFrom"]>;
type PublishedEstimate = NonNullable<Document["publishedEstimate"]>;

/** Canonical text form: NFC, LF line ends, no trailing spaces, at most one blank line in a row. */
export function normaliseText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\t ]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export function documentId(normalisedText: string): string {
  return createHash("sha256").update(normalisedText, "utf8").digest("hex");
}

/** What a reader produces before the text is normalised and hashed. */
export interface DocumentDraft {
  origin: string;
  text: string;
  format: DocumentFormat;
  url?: string;
  title?: string;
  author?: string;
  outlet?: string;
  publishedAt?: DateValue;
  publishedFrom?: PublishedFrom;
  publishedEstimate?: PublishedEstimate;
  language?: string;
}

export function makeDocument(draft: DocumentDraft, fetchedAt: Date = new Date()): Document {
  const text = normaliseText(draft.text);
  const doc: Document = {
    id: documentId(text),
    origin: draft.origin,
    language: draft.language ?? "und",
    fetchedAt: fetchedAt.toISOString(),
    format: draft.format,
    text,
  };
  if (draft.url) doc.url = draft.url;
  if (draft.title) doc.title = draft.title;
  if (draft.author) doc.author = draft.author;
  if (draft.outlet) doc.outlet = draft.outlet;
  if (draft.publishedAt) doc.publishedAt = draft.publishedAt;
  if (draft.publishedAt && draft.publishedFrom) doc.publishedFrom = draft.publishedFrom;
  if (draft.publishedEstimate) doc.publishedEstimate = draft.publishedEstimate;
  return doc;
}

export function slug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
