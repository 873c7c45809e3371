// One report is about one incident. Its main event (extraction's salience) often comes without a place ("the
// blast", "the suicide bomber") while other sentences of the same report place the attack. Before the main event
// is matched against the store, it takes the report's most specific well-supported place. Dates are not lent:
// a report telling several attacks on several days (MUC-4 bulletins) would give its main event another's day
// (measured: MUC-4 slot F 31.7 without date lending, 30.4 with). Background events (history) never lend.
// A main event placed in a country the report names only there, while the report keeps naming another, carries a
// geocoding slip (a church name read as a Brazilian town, a citizen's country read as the scene): its place gives
// way to the report's own.
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

/** `f` names attackers and none of them is among `main`'s. */
function otherAttacker(main: EventFeatures, f: EventFeatures): boolean {
  return !!f.attackers?.size && ![...f.attackers].some((a) => main.attackers?.has(a));
}

/** A place the report names, as the engine resolved it, with how often the report names it. */
export interface ReportPlace {
  place: string;
  placeName: string;
  geo: { lat: number; lon: number; precision: string };
  country: string;
  admin1?: string;
  mentions: number;
}

/** A country the report names at least this often outweighs a country it names once. */
const HOME_MENTIONS = 3;

/**
 * The country the report is about when `main`'s place lies in a country the report names nowhere else (one
 * mention in all) and another country is named at least HOME_MENTIONS times; else undefined.
 */
export function slipCountry(main: EventFeatures, places: ReportPlace[]): string | undefined {
  if (!main.country) return undefined;
  const byCountry = new Map<string, number>();
  // a state that carries out the attack is named as the doer, not the scene ("strikes conducted by Pakistan")
  for (const p of places) {
    if (!main.attackers?.has(p.place)) byCountry.set(p.country, (byCountry.get(p.country) ?? 0) + p.mentions);
  }
  if ((byCountry.get(main.country) ?? 0) > 1) return undefined;
  const [home, n] = [...byCountry.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  return home && home !== main.country && (n ?? 0) >= HOME_MENTIONS ? home : undefined;
}

/**
 * A copy of `main` completed with the report's place when it has none. Only the report's other non-background
 * attack-like events lend; a lent place must be given by at least as many of them as any other place, and among
 * those the most specific wins.
 */
export function withReportContext(
  main: EventFeatures,
  others: EventFeatures[],
  places: ReportPlace[] = [],
): EventFeatures {
  const out: EventFeatures = { ...main };
  const home = slipCountry(main, places);
  let lenders = others.filter((f) => f !== main && CORE.has(f.family) && f.salience !== "background");
  // a response's report also tells the attack it answers: that attack's place is not the response's
  if (main.response && main.attackers?.size) lenders = lenders.filter((f) => !otherAttacker(main, f));
  if (home) {
    for (const k of ["place", "placeName", "geo", "country", "admin1"] as const) delete out[k];
    lenders = lenders.filter((f) => f.country === home);
  }
  if (!out.place) {
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
    const named = home
      ? places
          .filter((p) => p.country === home)
          .sort(
            (a, b) =>
              (PRECISION_RANK[b.geo.precision] ?? 0) - (PRECISION_RANK[a.geo.precision] ?? 0) ||
              b.mentions - a.mentions,
          )[0]
      : undefined;
    const from: Partial<EventFeatures> | undefined = pick ?? named;
    if (from) {
      for (const k of ["place", "placeName", "geo", "country", "admin1"] as const) {
        if (from[k] !== undefined) (out as unknown as Record<string, unknown>)[k] = from[k];
      }
    }
  }
  return out;
}
