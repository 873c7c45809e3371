// Country names → ISO 3166-1 alpha-2 with a centroid. Names come from world-countries (common,
// official, alternative spellings) and i18n-iso-countries (English names, which know "Turkey"),
// plus data/gazetteer/aliases.json ("US", "U.S.", "UK", "Britain"). Short or capitalised keys
// ("US", "UK") match case-sensitively so the French town "Us" or the word "us" never matches.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dataUrl, geoKey } from "./normalise.js";

const require = createRequire(import.meta.url);

export interface CountryInfo {
  code: string;
  name: string;
  lat: number;
  lon: number;
}

interface WorldCountry {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  latlng: number[];
  demonyms?: { eng?: { f: string; m: string } };
}

interface CountryIndex {
  byCode: Map<string, CountryInfo>;
  exact: Map<string, string>; // case-sensitive short keys → code
  folded: Map<string, string>; // geoKey → code
}

let index: CountryIndex | undefined;

function isCaseSensitiveKey(name: string): boolean {
  return name.length <= 4 || name === name.toUpperCase();
}

function add(ix: CountryIndex, name: string, code: string): void {
  if (!name) return;
  if (isCaseSensitiveKey(name)) {
    if (!ix.exact.has(name)) ix.exact.set(name, code);
  } else {
    const k = geoKey(name);
    if (!ix.folded.has(k)) ix.folded.set(k, code);
  }
}

export function worldCountries(): WorldCountry[] {
  return require("world-countries") as WorldCountry[];
}

function build(): CountryIndex {
  const ix: CountryIndex = { byCode: new Map(), exact: new Map(), folded: new Map() };
  const aliases = JSON.parse(readFileSync(dataUrl("gazetteer/aliases.json"), "utf8")) as {
    countries: Record<string, string>;
  };
  // Custom aliases first so they win over any generic spelling.
  for (const [name, code] of Object.entries(aliases.countries)) add(ix, name, code);
  const wc = worldCountries();
  for (const c of wc) {
    ix.byCode.set(c.cca2, { code: c.cca2, name: c.name.common, lat: c.latlng[0] ?? 0, lon: c.latlng[1] ?? 0 });
    add(ix, c.name.common, c.cca2);
    add(ix, c.name.official, c.cca2);
    // altSpellings include bare ISO codes ("IR"); those are too ambiguous in running text.
    for (const a of c.altSpellings) if (a.length > 3) add(ix, a, c.cca2);
  }
  const en = require("i18n-iso-countries/langs/en.json") as { countries: Record<string, string | string[]> };
  for (const [code, names] of Object.entries(en.countries)) {
    for (const n of Array.isArray(names) ? names : [names]) if (n.length > 3) add(ix, n, code);
  }
  return ix;
}

function ix(): CountryIndex {
  if (!index) index = build();
  return index;
}

/** The country a name denotes, or undefined. */
export function lookupCountry(name: string): CountryInfo | undefined {
  const i = ix();
  const code = i.exact.get(name) ?? (isCaseSensitiveKey(name) ? undefined : i.folded.get(geoKey(name)));
  return code ? i.byCode.get(code) : undefined;
}

/** Country record by ISO alpha-2 code. */
export function countryByCode(code: string): CountryInfo | undefined {
  return ix().byCode.get(code);
}
