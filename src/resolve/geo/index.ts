// Offline geocoding: a place name (plus the countries the document mentions) → coordinates,
// ISO country, admin1 and GeoNames id. Order of preference, and why:
//   1. countries ("Turkey", "US") — a country beats a same-named town ("Lebanon", Missouri);
//   2. regions ("Middle East", "Khorasan") and hand-placed points (shrines, rivers, missing towns);
//   3. names with an admin word ("Kerman Province", "Idlib Governorate") → admin1 first;
//   4. cities ranked by population, boosted by the document's own countries and by the alias
//      table (Palmyra → Tadmur), then admin1 units with the bare name ("Alborz").
// Matching is case-sensitive at the edges: all-caps short names are only countries/aliases ("US"
// is never the French town "Us") and lower-case words are never places.
//
// Cost: the city index loads lazily on the first lookup — measured ~0.5 s and +118 MB RSS
// (see cities.ts); countries/regions/demonyms load in ~0.1 s together.
import type { Geo } from "../../model/records.js";
import { admin1Of, type CityRecord, findAdmin1, findCities } from "./cities.js";
import { countryByCode, lookupCountry } from "./countries.js";
import { geoKey } from "./normalise.js";
import { findPlaceAlias, findRegion } from "./regions.js";

export { placeName } from "./casing.js";
export { countryByCode, lookupCountry } from "./countries.js";
export { type DemonymInfo, demonym } from "./demonyms.js";

export interface GeoMatch {
  name: string;
  geo: Geo;
  kind: "country" | "admin1" | "city" | "region" | "facility";
}

export interface GeoContext {
  /** ISO alpha-2 codes of countries the document mentions; they boost same-country candidates. */
  countries?: string[];
}

const ADMIN_WORD = /\b(?:province|governorate|oblast|prefecture|krai|kray|wilayah|muhafazah)\b/i;
const CONTEXT_BOOST = 4;
const ALIAS_BOOST = 2;

function cityScore(c: CityRecord, ctx: Set<string>, aliasBoost: number): number {
  return Math.log10(c.population + 10) + (ctx.has(c.country) ? CONTEXT_BOOST : 0) + (c.capital ? 0.5 : 0) + aliasBoost;
}

function cityMatch(c: CityRecord): GeoMatch {
  const geo: Geo = { lat: c.lat, lon: c.lon, country: c.country, geonamesId: c.id, precision: "city" };
  const adm = admin1Of(c);
  if (adm) geo.admin1 = adm.name;
  return { name: c.name, geo, kind: "city" };
}

function cleanName(name: string): string {
  return name
    .trim()
    .replace(/^the\s+/i, "")
    .replace(/['’]s?$/, "")
    .trim();
}

/** Resolve a place name to coordinates, or undefined when nothing fits. */
export function geocode(name: string, context: GeoContext = {}): GeoMatch | undefined {
  const q = cleanName(name);
  if (!q) return undefined;
  // Lower-case words are not places ("us", "hall"), apart from Arabic-article names ("al-Hasakah").
  if (!/^\p{Lu}/u.test(q) && !/^(?:al|el|ad|ar|as)[- ]\p{Lu}/u.test(q)) return undefined;
  const ctx = new Set(context.countries ?? []);

  const country = lookupCountry(q);
  if (country) {
    return {
      name: country.name,
      geo: { lat: country.lat, lon: country.lon, country: country.code, precision: "country" },
      kind: "country",
    };
  }

  const region = findRegion(q);
  if (region) {
    const geo: Geo = { lat: region.lat, lon: region.lon, precision: "region" };
    if (region.country) geo.country = region.country;
    return { name: region.name, geo, kind: "region" };
  }

  // Short all-caps tokens are acronyms, never towns.
  if (/^[A-Z.]{1,4}$/.test(q)) return undefined;

  const alias = findPlaceAlias(q);
  const candidates: { c: CityRecord; score: number }[] = [];
  if (alias) {
    for (const t of alias.targets) {
      if ("lat" in t) {
        return {
          name: alias.surface,
          geo: { lat: t.lat, lon: t.lon, country: t.country, precision: t.kind },
          kind: t.kind,
        };
      }
      for (const c of findCities(t.name)) {
        if (c.country === t.country) candidates.push({ c, score: cityScore(c, ctx, ALIAS_BOOST) });
      }
    }
  }

  const admins = findAdmin1(q);
  // "Moscow Oblast" must pick the oblast, not the city-region "Moscow": exact names first.
  const exact = admins.filter((a) => geoKey(a.name) === geoKey(q));
  const pool = ADMIN_WORD.test(q) && exact.length > 0 ? exact : admins;
  const adminPick = pool.find((a) => ctx.has(a.country)) ?? pool[0];
  const adminMatch = (): GeoMatch | undefined =>
    adminPick && {
      name: adminPick.name,
      geo: {
        lat: adminPick.lat,
        lon: adminPick.lon,
        country: adminPick.country,
        admin1: adminPick.name,
        precision: "admin1",
      },
      kind: "admin1",
    };
  if (ADMIN_WORD.test(q) && adminPick) return adminMatch();

  for (const c of findCities(q)) candidates.push({ c, score: cityScore(c, ctx, 0) });
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0];
  if (!best) return adminMatch();
  // Prefer an admin1 in a context country over a city elsewhere ("Alborz" in an Iranian text).
  if (adminPick && ctx.has(adminPick.country) && !ctx.has(best.c.country)) return adminMatch();
  // A city with no population and no context is weaker evidence than a same-named province.
  if (adminPick && best.c.population === 0 && !ctx.has(best.c.country)) return adminMatch();
  return cityMatch(best.c);
}

/** Country centroid as a Geo, for entities that only know their ISO code. */
export function countryGeo(code: string): Geo | undefined {
  const c = countryByCode(code);
  return c ? { lat: c.lat, lon: c.lon, country: c.code, precision: "country" } : undefined;
}
