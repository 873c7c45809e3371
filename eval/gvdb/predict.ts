// DocFacts → GVDB fields via the incident summary: counts default to 0 (the article reports no
// such victims), date = the incident's day, city = the incident place when it is a city.
import type { DocFacts } from "../../src/model/records.js";
import { cityOf, summarise } from "../common/incident.js";
import type { GvdbPrediction } from "./score.js";

export function predictGvdb(f: DocFacts): GvdbPrediction {
  const s = summarise(f);
  const p: GvdbPrediction = { killed: s.killed ?? 0, injured: s.injured ?? 0 };
  if (s.date?.precision === "day") p.date = s.date.start;
  const city = cityOf(s.place);
  if (city) p.city = city;
  return p;
}
