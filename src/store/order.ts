// The stored order of fused records, as a number each row carries (`fusion.seq`), so that incremental fusion can
// write one incident without renumbering the others. Incidents: by the day they start (undated last), then id —
// what `ORDER BY seq, id` gives. A contradiction: its incident's day × 1000 + its place among that incident's
// (at most one per attribute and kind), read back with `ORDER BY seq / 1000, incident, seq`. Entities: 0, read by
// id. Days are offset so every seq is positive and fits PostgreSQL's 32-bit INTEGER.
import { dayNumber } from "../fuse/days.js";
import type { Incident } from "../model/records.js";

const OFFSET = 1_000_000;
const UNDATED = 999_999;

export function incidentSeq(i: Pick<Incident, "date">): number {
  const day = i.date ? dayNumber(i.date.start) : Number.NaN;
  return (Number.isFinite(day) ? Math.min(UNDATED - 1, Math.max(-OFFSET + 1, day)) : UNDATED) + OFFSET;
}

/** Seqs of contradictions, given with their incident's records (the order findContradictions returned them in). */
export function contradictionSeqs(
  items: { incident: string }[],
  incidentById: (id: string) => Pick<Incident, "date"> | undefined,
): number[] {
  const k = new Map<string, number>();
  return items.map((c) => {
    const n = k.get(c.incident) ?? 0;
    k.set(c.incident, n + 1);
    const inc = incidentById(c.incident);
    return (inc ? incidentSeq(inc) : UNDATED + OFFSET) * 1000 + Math.min(n, 999);
  });
}
