// Nationality and ethnicity words → country. The custom table (data/gazetteer/demonyms.json) comes
// first because world-countries lacks "Tajik"/"Uzbek" and gives "American" two codes; the
// remaining world-countries demonyms fill in the rest when they map to a single country.
import { readFileSync } from "node:fs";
import { worldCountries } from "./countries.js";
import { dataUrl } from "./normalise.js";

export interface DemonymInfo {
  word: string;
  country?: string; // ISO alpha-2 for nationalities
  ethnicity?: string; // for peoples that are not a state ("Kurdish" → "Kurds")
}

let table: Map<string, DemonymInfo> | undefined;

function build(): Map<string, DemonymInfo> {
  const data = JSON.parse(readFileSync(dataUrl("gazetteer/demonyms.json"), "utf8")) as {
    countries: Record<string, string>;
    ethnicities: Record<string, string>;
  };
  const m = new Map<string, DemonymInfo>();
  for (const [w, code] of Object.entries(data.countries)) m.set(w, { word: w, country: code });
  for (const [w, eth] of Object.entries(data.ethnicities)) m.set(w, { word: w, ethnicity: eth });
  // world-countries: add unambiguous demonyms only (one country per word).
  const seen = new Map<string, Set<string>>();
  for (const c of worldCountries()) {
    const d = c.demonyms?.eng;
    if (!d) continue;
    for (const w of new Set([d.m, d.f])) {
      if (!w) continue;
      const set = seen.get(w) ?? new Set<string>();
      set.add(c.cca2);
      seen.set(w, set);
    }
  }
  for (const [w, codes] of seen) {
    if (m.has(w) || codes.size !== 1) continue;
    m.set(w, { word: w, country: [...codes][0]! });
  }
  return m;
}

/** Nationality/ethnicity info for a capitalised word ("Tajik", "Kurdish"), or undefined. */
export function demonym(word: string): DemonymInfo | undefined {
  if (!table) table = build();
  return table.get(word);
}
