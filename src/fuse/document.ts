// One report is about one incident. Its main event (extraction's salience) often comes without a place ("the
// blast", "the suicide bomber") while other sentences of the same report place the attack. Before the main event
// is matched against the store, it takes the report's most specific well-supported place. Dates are not lent:
// a report telling several attacks on several days (MUC-4 bulletins) would give its main event another's day
// (measured: MUC-4 slot F 31.7 without date lending, 30.4 with). Background events (history) never lend.
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
 * A copy of `main` completed with the report's place when it has none. Only the report's other non-background
 * attack-like events lend; a lent place must be given by at least as many of them as any other place, and among
 * those the most specific wins.
 */
export function withReportContext(main: EventFeatures, others: EventFeatures[]): EventFeatures {
  const lenders = others.filter((f) => f !== main && CORE.has(f.family) && f.salience !== "background");
  const out: EventFeatures = { ...main };
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
