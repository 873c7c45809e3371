// Deterministic STIX identifiers and timestamps. Ids are UUIDv5 over a stable key under one namespace,
// so exporting the same store twice (or re-exporting an imported bundle) gives the same ids; timestamps
// come from document dates, never from the clock.
import { v5 as uuidv5 } from "uuid";

/** Tessera's UUIDv5 namespace for STIX ids. Never change it: every exported id depends on it. */
export const TESSERA_STIX_NAMESPACE = "610578be-28d5-420b-8139-3f5c469898c7";

/** `<type>--<uuid v5 of the key parts>`. */
export function stixId(type: string, ...key: string[]): string {
  return `${type}--${uuidv5(`${type}|${key.join("|")}`, TESSERA_STIX_NAMESPACE)}`;
}

/** Fixed time for objects that rest on no document (the extension definition, the Tessera identity). */
export const FIXED_TIME = "2024-01-01T00:00:00.000Z";

/** A STIX timestamp (UTC, millisecond precision) from a day ("2024-01-03") or an ISO timestamp. */
export function stixTime(dayOrIso: string | undefined): string {
  if (!dayOrIso) return FIXED_TIME;
  const t = /^\d{4}-\d{2}-\d{2}$/.test(dayOrIso) ? Date.parse(`${dayOrIso}T00:00:00Z`) : Date.parse(dayOrIso);
  return Number.isNaN(t) ? FIXED_TIME : new Date(t).toISOString();
}

/** Earliest and latest of a set of STIX timestamps, for created/modified of objects built from several documents. */
export function timeSpan(times: string[]): { created: string; modified: string } {
  if (!times.length) return { created: FIXED_TIME, modified: FIXED_TIME };
  const sorted = [...times].sort();
  return { created: sorted[0]!, modified: sorted.at(-1)! };
}

/**
 * A stable offset below one minute (in ms) for a key. OpenCTI merges reports with the same name and
 * publication time, and notes, opinions and incidents with the same text/name and creation time; the
 * day stays the document's, the offset inside its first minute keeps distinct records apart in
 * OpenCTI while the same record always gets the same time.
 */
export function offsetMs(...key: string[]): number {
  return Number.parseInt(uuidv5(`offset|${key.join("|")}`, TESSERA_STIX_NAMESPACE).slice(0, 8), 16) % 60_000;
}

/** A STIX timestamp moved by `ms` milliseconds. */
export function shiftTime(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}
