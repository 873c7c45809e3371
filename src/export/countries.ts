// ISO 3166-1 alpha-2 → common English name and alpha-3, for the country columns of GTD/ACLED rows.
// world-countries gives the short common names ("Iran", not "Islamic Republic of Iran") the codebooks use.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

interface WorldCountry {
  cca2: string;
  cca3: string;
  name: { common: string };
}

let byCode: Map<string, WorldCountry> | undefined;

function table(): Map<string, WorldCountry> {
  if (!byCode) byCode = new Map((require("world-countries") as WorldCountry[]).map((c) => [c.cca2, c]));
  return byCode;
}

export function countryName(alpha2: string | undefined): string | undefined {
  return alpha2 ? table().get(alpha2.toUpperCase())?.name.common : undefined;
}

export function countryAlpha3(alpha2: string | undefined): string | undefined {
  return alpha2 ? table().get(alpha2.toUpperCase())?.cca3 : undefined;
}
