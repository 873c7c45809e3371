// One report is about one incident. Its main event (extraction's salience) often comes without a date or a place
// ("the blast", "the suicide bomber") while other sentences of the same report date and place the attack. Before
// the main event is matched against the store, it takes what its report says elsewhere about the same attack:
// the day most of the report's other dated attack-like events give, and its most specific well-supported place.
// Background events (history) never lend anything.
import type { EventFeatures } from "./clusterer.js";

const CORE = new Set(["attack", "accident"]);
const PRECISION_RANK: Record<string, number> = { facility: 4, city: 3, admin1: 2, region: 1, country: 1 };

/** The report's main event: the one extraction marks main, else its first attack-like event, else its first. */
export function mainEventOf(feats: EventFeatures[]): EventFeatures | undefined {
  return (
    feats.find((f) => f.salience === "main") ??
    feats.find((f) => CORE.has(f.family) && f.salience !== "background") ??
    feats.find((f) => f.salience !== "background")
  );
}

/**
 * A copy of `main` completed with the report's date and place when it lacks them (`inferred` dates count as
 * lacking). Only the report's other non-background attack-like events lend; a lent place must be given by at
 * least as many of them as any other place, and among those the most specific wins.
 */
export function withReportContext(main: EventFeatures, others: EventFeatures[]): EventFeatures {
  const lenders = others.filter((f) => f !== main && CORE.has(f.family) && f.salience !== "background");
  const out: EventFeatures = { ...main };
  if (!main.date || main.date.inferred) {
    const votes = new Map<number, { n: number; date: NonNullable<EventFeatures["date"]> }>();
    for (const f of lenders) {
      const d = f.date;
      if (!d || d.inferred || !d.precise) continue;
      const v = votes.get(d.start) ?? { n: 0, date: d };
      v.n++;
      votes.set(d.start, v);
    }
    const best = [...votes.entries()].sort((a, b) => b[1].n - a[1].n || a[0] - b[0])[0];
    if (best) out.date = { ...best[1].date, inferred: false };
  }
  if (!main.place) {
    const votes = new Map<string, { n: number; f: EventFeatures }>();
    for (const f of lenders) {
      if (!f.place) continue;
      const v = votes.get(f.place) ?? { n: 0, f };
      v.n++;
      votes.set(f.place, v);
    }
    const top = Math.max(0, ...[...votes.values()].map((v) => v.n));
    const rank = (f: EventFeatures) => PRECISION_RANK[f.geo?.precision ?? ""] ?? 0;
    const pick = [...votes.values()].filter((v) => v.n === top).sort((a, b) => rank(b.f) - rank(a.f))[0]?.f;
    if (pick) {
      for (const k of ["place", "placeName", "geo", "country", "admin1"] as const) {
        if (pick[k] !== undefined) (out as unknown as Record<string, unknown>)[k] = pick[k];
      }
    }
  }
  return out;
}
