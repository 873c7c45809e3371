// ISO 3166-1 alpha-2 → English short name, for tasks whose gold writes countries by name
// (MUC-4 locations "EL SALVADOR: SAN SALVADOR (CITY)").
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let names: Map<string, string> | undefined;

export function countryName(alpha2: string | undefined): string | undefined {
  if (!alpha2) return undefined;
  if (!names) {
    const list = require("world-countries") as { cca2: string; name: { common: string } }[];
    names = new Map(list.map((c) => [c.cca2.toUpperCase(), c.name.common]));
  }
  return names.get(alpha2.toUpperCase());
}
