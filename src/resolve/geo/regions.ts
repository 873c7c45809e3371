// Regions (data/gazetteer/regions.json) and hand-placed points (aliases.json "places"): names the
// city and country data cannot resolve, such as "Middle East", "Khorasan" or a shrine.
import { readFileSync } from "node:fs";
import { dataUrl, geoKey } from "./normalise.js";

export interface RegionRecord {
  name: string;
  lat: number;
  lon: number;
  country?: string;
}

export type PlaceAlias =
  | { name: string; country: string }
  | { lat: number; lon: number; country: string; kind: "city" | "facility" | "region" };

let regions: Map<string, RegionRecord> | undefined;
let places: Map<string, { surface: string; targets: PlaceAlias[] }> | undefined;

function loadRegions(): Map<string, RegionRecord> {
  const list = JSON.parse(readFileSync(dataUrl("gazetteer/regions.json"), "utf8")) as (RegionRecord & {
    aliases: string[];
  })[];
  const m = new Map<string, RegionRecord>();
  for (const r of list) {
    const rec: RegionRecord = { name: r.name, lat: r.lat, lon: r.lon };
    if (r.country) rec.country = r.country;
    for (const n of [r.name, ...r.aliases]) m.set(geoKey(n).replace(/^the /, ""), rec);
  }
  return m;
}

function loadPlaces(): Map<string, { surface: string; targets: PlaceAlias[] }> {
  const data = JSON.parse(readFileSync(dataUrl("gazetteer/aliases.json"), "utf8")) as {
    places: Record<string, PlaceAlias[]>;
  };
  const m = new Map<string, { surface: string; targets: PlaceAlias[] }>();
  for (const [surface, targets] of Object.entries(data.places)) m.set(geoKey(surface), { surface, targets });
  return m;
}

export function findRegion(name: string): RegionRecord | undefined {
  if (!regions) regions = loadRegions();
  return regions.get(geoKey(name).replace(/^the /, ""));
}

export function findPlaceAlias(name: string): { surface: string; targets: PlaceAlias[] } | undefined {
  if (!places) places = loadPlaces();
  return places.get(geoKey(name).replace(/^the /, ""));
}
