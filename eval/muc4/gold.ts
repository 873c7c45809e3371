// Answer-key templates turned into response templates: the gold-vs-gold check of the slot scorer
// (must score 100) and a ceiling reference for the mapping from keys to our response shape.
import { keyDates, keyLocations, setFillers, stringFillers, victimFillers } from "./key-fills.js";
import type { KeyTemplate } from "./raw-keys.js";
import type { ResponseTemplate } from "./slots.js";

export function keyAsResponse(k: KeyTemplate): ResponseTemplate {
  const first = (fs: { alternatives: string[] }[]) => fs.map((f) => f.alternatives[0]!).filter(Boolean);
  const r: ResponseTemplate = {
    incidentType: setFillers(k, 4)[0]?.alternatives[0] ?? "",
    weapon: first(stringFillers(k, 6)),
    perpInd: first(stringFillers(k, 9)),
    perpOrg: first(stringFillers(k, 10)),
    target: first(stringFillers(k, 12)),
    victim: first(victimFillers(k)),
    effect: [...new Set(setFillers(k, 23).flatMap((f) => f.alternatives.slice(0, 1)))],
  };
  const d = keyDates(k)?.dates[0];
  if (d) r.date = { start: d.start ?? "", end: d.end };
  const loc = keyLocations(k)?.locs[0];
  if (loc) r.location = [loc.country, ...loc.places];
  return r;
}
