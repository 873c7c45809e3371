// Places and nationalities as typed STIX locations. OpenCTI reads the location type from
// `x_opencti_location_type` (otherwise it guesses City when `city` is set, else Country when `country`
// is set, which turns a province or a village into a country named after it), and it does not read
// `country` or `administrative_area` at all; so every location says its type, and the country and
// province it lies in travel as their own Country / Administrative-Area locations linked to it.
import type { Entity } from "../../model/records.js";
import { countryName } from "../countries.js";

/** OpenCTI's location entity types (`x_opencti_location_type`). */
export type LocationType = "City" | "Country" | "Region" | "Administrative-Area" | "Position";

export interface LocationShape {
  locationType: LocationType;
  name: string;
  props: Record<string, unknown>;
  /** ISO alpha-2 of the country it lies in, to link it to that Country. */
  country?: string;
  /** First-level administrative area it lies in (cities and positions). */
  admin1?: string;
}

/**
 * How a place, facility or nationality entity is exported as a location, or undefined when it cannot
 * be one (an ungeocoded place without a country, a people without a state).
 */
export function locationShape(e: Entity): LocationShape | undefined {
  if (e.type === "nationality") {
    // A nationality word names the people of a state: in OpenCTI the closest home is that Country.
    if (!e.country) return undefined;
    const cc = e.country.toUpperCase();
    const name = countryName(cc) ?? e.name;
    return {
      locationType: "Country",
      name,
      props: { country: cc, description: `Nationality: ${e.aliases.join(", ") || e.name}.` },
      country: cc,
    };
  }
  if (e.type !== "place" && e.type !== "facility") return undefined;
  const g = e.geo;
  const cc = (g?.country ?? e.country)?.toUpperCase();
  if (!g) {
    if (!cc) return undefined;
    const isCountry = countryName(cc)?.toLowerCase() === e.name.toLowerCase();
    return isCountry
      ? { locationType: "Country", name: e.name, props: { country: cc }, country: cc }
      : { locationType: "Position", name: e.name, props: { country: cc }, country: cc };
  }
  const coords = { latitude: g.lat, longitude: g.lon };
  const where = { country: cc, administrative_area: g.admin1 };
  if (e.type === "facility" && g.precision !== "facility") {
    // The coordinates are the town's, not the building's: a named position in that town.
    return {
      locationType: "Position",
      name: e.name,
      props: {
        ...where,
        description: `Coordinates known at ${g.precision} precision only: ${g.lat}, ${g.lon}.`,
      },
      ...(cc ? { country: cc } : {}),
      ...(g.admin1 ? { admin1: g.admin1 } : {}),
    };
  }
  switch (g.precision) {
    case "country":
      return {
        locationType: "Country",
        name: e.name,
        props: { ...coords, country: cc },
        ...(cc ? { country: cc } : {}),
      };
    case "admin1":
      return {
        locationType: "Administrative-Area",
        name: e.name,
        props: { ...coords, country: cc, administrative_area: e.name },
        ...(cc ? { country: cc } : {}),
      };
    case "region":
      return {
        locationType: "Region",
        name: e.name,
        props: { ...coords, region: e.name, country: cc },
        ...(cc ? { country: cc } : {}),
      };
    case "city":
      return {
        locationType: "City",
        name: e.name,
        props: { ...coords, ...where, city: e.name },
        ...(cc ? { country: cc } : {}),
        ...(g.admin1 ? { admin1: g.admin1 } : {}),
      };
    default:
      return {
        locationType: "Position",
        name: e.name,
        props: { ...coords, ...where },
        ...(cc ? { country: cc } : {}),
        ...(g.admin1 ? { admin1: g.admin1 } : {}),
      };
  }
}
