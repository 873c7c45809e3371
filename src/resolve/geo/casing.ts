// How a place is named on an entity: in the document's own spelling ("Palmyra", not GeoNames'
// "Tadmur"), except when the text wrote it in capitals, as datelines do ("BEIRUT, Jan 2 -"). Those
// capitals are layout, not spelling, and used to become the canonical name of the place and the
// incident titles built on it. They take the gazetteer's casing when it is the same name, and are
// otherwise capitalised word by word. Short all-capital names (3 letters or fewer) are kept: they are
// abbreviations more often than shouted words.
import { geoKey } from "./normalise.js";

function inCapitals(s: string): boolean {
  const letters = s.match(/\p{L}/gu) ?? [];
  return letters.length > 3 && letters.every((c) => c === c.toUpperCase() && c !== c.toLowerCase());
}

/** "AL-HASAKAH" → "Al-Hasakah", "DEIR EZ-ZOR" → "Deir Ez-Zor". */
function capitaliseWords(s: string): string {
  return s.toLowerCase().replace(/(^|[\s\-‐'’(])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** The display name for a place written `surface`, given the gazetteer's name for it (if any). */
export function placeName(surface: string, gazetteerName?: string): string {
  if (!inCapitals(surface)) return surface;
  if (gazetteerName && !inCapitals(gazetteerName) && geoKey(gazetteerName) === geoKey(surface)) return gazetteerName;
  return capitaliseWords(surface);
}
