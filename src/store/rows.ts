// Row → record mapping both stores share: a documents row (SQLite and PostgreSQL name the columns alike) as a
// DocumentSummary or a Document, a sources row as a Source, and the page limit clamp. The drivers differ only in
// value types, handled here: PostgreSQL returns count(*)/length() as strings for bigint and JSONB as objects.
import type { DatePrecision, Document, LanguageSpan, Reliability, Source } from "../model/records.js";
import type { DocumentSummary } from "./types.js";

export type Row = Record<string, unknown>;

export function toSummary(r: Row): DocumentSummary {
  const s: DocumentSummary = {
    id: r.id as string,
    origin: r.origin as string,
    language: r.language as string,
    format: r.format as string,
    chars: Number(r.chars),
    fetchedAt: r.fetched_at as string,
  };
  if (r.title) s.title = r.title as string;
  if (r.outlet) s.outlet = r.outlet as string;
  if (r.author) s.author = r.author as string;
  if (r.url) s.url = r.url as string;
  if (r.published_iso) {
    s.published = r.published_iso as string;
    s.publishedPrecision = r.published_precision as string;
  }
  return s;
}

export function toDocument(r: Row): Document {
  const d: Document = {
    id: r.id as string,
    origin: r.origin as string,
    language: r.language as string,
    fetchedAt: r.fetched_at as string,
    format: r.format as Document["format"],
    text: r.text as string,
  };
  if (r.url) d.url = r.url as string;
  if (r.title) d.title = r.title as string;
  if (r.author) d.author = r.author as string;
  if (r.outlet) d.outlet = r.outlet as string;
  // SQLite keeps the language stretches as JSON text, PostgreSQL as JSONB (already parsed)
  if (r.languages)
    d.languages = (typeof r.languages === "string" ? JSON.parse(r.languages) : r.languages) as LanguageSpan[];
  if (r.published_iso) {
    d.publishedAt = {
      iso: r.published_iso as string,
      precision: r.published_precision as DatePrecision,
      start: r.published_start as string,
      end: r.published_end as string,
    };
  }
  return d;
}

export function toSource(r: Row): Source {
  const s: Source = { id: r.id as string, name: r.name as string, reliability: r.reliability as Reliability };
  if (r.notes) s.notes = r.notes as string;
  return s;
}

/** A page size: the default when absent, else a whole number in 1..max. */
export function clampLimit(n: number | undefined, dflt = 50, max = 500): number {
  if (n === undefined || !Number.isFinite(n)) return dflt;
  return Math.max(1, Math.min(max, Math.floor(n)));
}
