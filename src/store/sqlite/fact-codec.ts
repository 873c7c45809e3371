// Compact storage for extracted facts. Every span repeats its document's 64-character id and a copy of the text
// it covers (a whole sentence for events and claims): measured on 300 GVDB articles, one JSON row per fact made
// the facts 13× the stored text and the database 24×. The document's id and text are already stored once, so a
// span's `doc` equal to the document is written as 0, and a `text` equal to the document's text at the span as 0;
// both are restored on reading (anything that differs, such as a normalised surface form, is kept). A document's
// facts are then one deflated blob: they are only ever read and written per document.
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { DocFacts } from "../../model/records.js";

type Json = unknown;

function walk(value: Json, fn: (o: Record<string, Json>) => Record<string, Json>): Json {
  if (Array.isArray(value)) return value.map((v) => walk(v, fn));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(value)) out[k] = walk(v, fn);
  return fn(out);
}

/** Whether an object is a span of the document whose text it repeats. */
const isSpan = (o: Record<string, Json>): boolean => typeof o.start === "number" && typeof o.end === "number";

export function encodeFact(fact: Json, doc: string, text: string): string {
  return JSON.stringify(compact(fact, doc, text));
}

function compact(fact: Json, doc: string, text: string): Json {
  return walk(fact, (o) => {
    if (o.doc === doc) o.doc = 0;
    if (isSpan(o) && typeof o.text === "string" && text.slice(o.start as number, o.end as number) === o.text) {
      o.text = 0;
    }
    return o;
  });
}

export function decodeFact<T>(data: string, doc: string, text: string): T {
  return expand(JSON.parse(data), doc, text) as T;
}

function expand(value: Json, doc: string, text: string): Json {
  return walk(value, (o) => {
    if (o.doc === 0) o.doc = doc;
    if (o.text === 0 && isSpan(o)) o.text = text.slice(o.start as number, o.end as number);
    return o;
  });
}

/** One document's facts as a compact deflated blob. */
export function encodeFacts(facts: DocFacts, text: string): Buffer {
  const { doc, ...rest } = facts;
  return deflateRawSync(Buffer.from(JSON.stringify(compact(rest, doc, text)), "utf8"));
}

export function decodeFacts(blob: Buffer, doc: string, text: string): DocFacts {
  const rest = expand(JSON.parse(inflateRawSync(blob).toString("utf8")), doc, text) as Omit<DocFacts, "doc">;
  return { doc, ...rest };
}

/**
 * Fused records (incidents) cite many documents; a span inside a value citing document D repeats D. Written as 0
 * under its citing object and restored from it on reading.
 */
function nest(value: Json, parent: string | undefined, fn: (o: Record<string, Json>, parent?: string) => void): Json {
  if (Array.isArray(value)) return value.map((v) => nest(v, parent, fn));
  if (value === null || typeof value !== "object") return value;
  const o = value as Record<string, Json>;
  const own = typeof o.doc === "string" ? o.doc : parent;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(o)) out[k] = k === "doc" ? v : nest(v, own, fn);
  fn(out, parent);
  return out;
}

export function encodeRecord(record: Json): string {
  return JSON.stringify(
    nest(record, undefined, (o, parent) => {
      if (parent !== undefined && o.doc === parent) o.doc = 0;
    }),
  );
}

export function decodeRecord<T>(data: string): T {
  return nest(JSON.parse(data), undefined, (o, parent) => {
    if (parent !== undefined && o.doc === 0) o.doc = parent;
  }) as T;
}
