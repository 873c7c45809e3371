// `--verbose` listing for protocol step 2: what each spurious incident (matched to no gold group) rests on —
// its articles and their events with type, date, salience and trigger sentence — so the cause (a background
// mention, a distractor split, an unjoined follow-up) can be read off. Reads records only; decides nothing.
import type { Incident } from "../../src/model/records.js";
import type { SystemCluster } from "./system.js";

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function describeSpurious(slug: string, s: SystemCluster, spurious: Incident[]): string[] {
  const out: string[] = [];
  for (const inc of spurious) {
    const place = inc.place ? (s.ix.entities.get(inc.place)?.name ?? inc.place) : "no place";
    const day = inc.date?.start ?? "undated";
    out.push(`${slug}: spurious ${inc.id} ${inc.type} ${day} ${place} (${inc.documents.length} documents)`);
    for (const ev of s.ix.eventsOf(inc)) {
      const article = s.articleOfDoc.get(ev.doc) ?? ev.doc;
      const text = s.ix.docs.get(ev.doc)?.text ?? "";
      const span = ev.sentence ?? ev.trigger;
      const sentence = clip(text.slice(span.start, span.end).replace(/\s+/g, " "), 160);
      const salience = String(ev.attributes?.salience ?? "-");
      const when = ev.date?.start ?? "undated";
      out.push(`    ${article} ${ev.type} ${when} salience=${salience}: ${sentence}`);
    }
  }
  return out;
}
