// The main incident of an article, read as GVDB fields from the product's own coding: killed/injured are the
// coded totals `tessera export gtd` writes (GVDB has no "unknown": a blank total scores as 0 victims), the date
// is the coded day, the city the coded city.
import type { IncidentCoding } from "../../src/export/csv/coding.js";
import type { GvdbPrediction } from "./score.js";

export function gvdbPrediction(c: IncidentCoding | undefined): GvdbPrediction {
  if (!c) return { killed: 0, injured: 0 };
  const p: GvdbPrediction = { killed: c.nkill ?? 0, injured: c.nwound ?? 0 };
  if (c.datePrecision === "day" && c.dateStart) p.date = c.dateStart;
  if (c.city) p.city = c.city;
  return p;
}
