// Places, states, facilities, organisations by head noun, and nationalities, for the proper-noun
// chunks that no gazetteer or person rule claimed. A chunk is tried whole first; if nothing fits,
// it is split at hyphens ("Tajikistan-Iran") and then tried word by word for strong types only
// (countries, big cities, demonyms), so headline fragments ("Kerman Attacks") still yield "Kerman"
// while "Tragic Abbreviation" yields nothing.
// States: a country that is the subject of a verb ("Iran fired", "Iran has …", not after a
// preposition) marks its entity `state`; a country only mentioned stays `place`. One entity per
// country per document, so a single actor use makes the whole entity a state. Headline-like
// paragraphs (title case, no full stop) get only the strong rules: places, demonyms, gazetteers.
import type { Geo } from "../../model/records.js";
import { findCities } from "../../resolve/geo/cities.js";
import { countryByCode, demonym, type GeoMatch, lookupCountry } from "../../resolve/geo/index.js";
import { type Candidate, POSSESSIVE, type Work } from "./candidate.js";
import { lexicons } from "./lexicons.js";

const LOCATIVE = /\b(?:in|near|at|from|to|into|outside|across|city of|town of|village of|province of)\s+(?:the\s+)?$/i;
const PREPOSITIONS = new Set([
  "in",
  "on",
  "at",
  "to",
  "from",
  "against",
  "with",
  "of",
  "into",
  "by",
  "for",
  "near",
  "about",
]);
const BIG_CITY = 150_000;

/** Countries named in the document (by name or demonym): the geocoding context. */
export function documentCountries(w: Work): void {
  for (const [a, b] of w.chunks) {
    const whole = lookupCountry(w.slice(a, b));
    if (whole) w.countries.add(whole.code);
    for (let i = a; i < b; i++) {
      const t = w.tokens[i]!.text;
      const c = lookupCountry(t);
      if (c) w.countries.add(c.code);
      const d = demonym(t);
      if (d?.country) w.countries.add(d.country);
    }
  }
}

function geoKind(m: GeoMatch): string {
  return `geo:${m.kind === "admin1" ? "admin1" : m.kind}`;
}

/** Is a geocoder answer for this chunk believable here? Small foreign towns are usually names. */
function believable(w: Work, m: GeoMatch, text: string, start: number, words: number): boolean {
  if (m.kind !== "city") return true;
  if (lexicons().givenNames.has(text)) return false;
  // "Maj. Gen. Jane Doe said …; Doe added": a word of a person's name in this document is that person
  if (words === 1 && personNameWords(w).has(text)) return false;
  const pop = findCities(m.name)[0]?.population ?? 0;
  if (pop >= BIG_CITY) return true;
  const locative = LOCATIVE.test(w.text.slice(Math.max(0, start - 20), start));
  // Context countries help, but nearly every text mentions the US: a small one-word town still
  // needs a locative cue ("in Reform" vs the headline word "Reform").
  if (m.geo.country && w.countries.has(m.geo.country) && (pop >= 20_000 || words > 1 || locative)) return true;
  return locative && (words > 1 || pop >= 10_000);
}

/** The words of the names of people already found in the document (given names and surnames). */
function personNameWords(w: Work): Set<string> {
  const out = new Set<string>();
  for (const c of w.accepted)
    if (c.type === "person") for (const word of c.name.split(/\s+/)) if (word.length > 1) out.add(word);
  return out;
}

/** A country chunk followed by a verb reads as an actor ("Iran fired", "Iran has …"). */
function isActor(w: Work, a: number, b: number): boolean {
  const before = w.tokens[a - 1];
  if (before && (PREPOSITIONS.has(before.text.toLowerCase()) || before.pos === "DET")) return false;
  let k = b;
  if (w.tokens[k]?.pos === "ADV") k++;
  const next = w.tokens[k];
  return !!next && (next.pos === "VERB" || next.pos === "AUX");
}

function placeCandidate(w: Work, a: number, b: number, m: GeoMatch): Candidate {
  const start = w.tokens[a]!.start;
  const end = w.tokens[b - 1]!.end;
  const c: Candidate = {
    start,
    end,
    type: "place",
    key: m.kind === "country" ? `place:country:${m.geo.country}` : `place:${m.kind}:${m.name.toLowerCase()}`,
    name: m.name,
    rule: geoKind(m),
    confidence: m.kind === "country" ? 0.9 : 0.75,
    geo: m.geo,
  };
  if (m.kind === "country" && m.geo.country) {
    c.country = m.geo.country;
    if (isActor(w, a, b)) c.actor = true;
  }
  if (m.kind === "facility") c.type = "facility";
  return c;
}

function facilityGeo(w: Work, words: string[]): Geo | undefined {
  for (const word of words) {
    const m = w.geocode(word);
    // a word of a facility's name is a town only in a country the report names ("Santa Maria Draperis Church"
    // in a Turkish report is not in Santa, Philippines)
    if (m && (m.kind !== "city" || foreignTownOk(w, m))) return m.geo;
    const d = demonym(word);
    if (d?.country) {
      const c = countryByCode(d.country);
      if (c) return { lat: c.lat, lon: c.lon, country: c.code, precision: "country" };
    }
  }
  return undefined;
}

/** A town of fewer people than this, in a facility's name, is more likely a namesake than the facility's town. */
const FACILITY_TOWN = 20_000;

/**
 * A city match that may stand for a word of a facility's name: in a country the report names (any big city when it
 * names none), and not a small town ("Barton Hotel" is not in Barton, Wisconsin, though the report names the US).
 * GeoNames gives 0 for an unknown population: such a town is kept.
 */
function foreignTownOk(w: Work, m: GeoMatch): boolean {
  const pop = findCities(m.name)[0]?.population ?? 0;
  if (!w.countries.size) return pop >= BIG_CITY;
  return !!m.geo.country && w.countries.has(m.geo.country) && (pop === 0 || pop >= FACILITY_TOWN);
}

/**
 * "Santa Maria church", "Medina Masjid", "the Bab al-Mahdi door": a name right before (or ending in) a facility noun
 * names the facility; when the name is also a town abroad, in no country the report names, it is the facility's
 * name, not that town. Returns the facility (without coordinates), else undefined.
 */
function namedFacility(w: Work, a: number, b: number): Candidate | undefined {
  const lex = lexicons();
  const next = w.tokens[b];
  const last = w.tokens[b - 1]!;
  const after = !!next && /^\p{Ll}/u.test(next.text) && lex.facilityAfter.has(next.text);
  const headed = b - a > 1 && (lex.facilityHeads.has(last.text) || lex.facilityAfter.has(last.text.toLowerCase()));
  if (!after && !headed) return undefined;
  const nameEnd = headed ? b - 1 : b;
  const words = w.tokens.slice(a, nameEnd).map((t) => t.text);
  const towns = [w.slice(a, nameEnd), ...words].map((x) => w.geocode(x)).filter((m) => m?.kind === "city");
  if (!towns.length || towns.some((m) => m && foreignTownOk(w, m))) return undefined;
  const start = w.tokens[a]!.start;
  const end = after ? next!.end : last.end;
  const name = w.text.slice(start, end).replace(/\s+/g, " ");
  const c: Candidate = {
    start,
    end,
    type: "facility",
    key: `facility:${name.toLowerCase()}`,
    name,
    rule: "cue:named-facility",
    confidence: 0.65,
  };
  // the one country the report names is the facility's (it has no coordinates of its own)
  const [only] = w.countries;
  if (w.countries.size === 1 && only) c.country = only;
  return c;
}

/** Classify tokens [a, b) as one thing, or return undefined. */
function classifyWhole(w: Work, a: number, b: number): Candidate | undefined {
  const lex = lexicons();
  const start = w.tokens[a]!.start;
  const end = w.tokens[b - 1]!.end;
  const text = w.text.slice(start, end).replace(/\s+/g, " ");
  const words = text.split(" ");
  const ofAt = words.indexOf("of");
  const head = ofAt > 0 ? words[ofAt - 1]! : words[words.length - 1]!;
  // Head-noun rules are off in headlines, where every word is capitalised ("Explosion Rocks Market").
  const headline = w.inHeadline(a);
  if (!headline && words.length > 1 && (lex.facilityHeads.has(head) || lex.facilityOverOrg.has(head))) {
    const direct = w.geocode(text);
    const c: Candidate = {
      start,
      end,
      type: "facility",
      key: `facility:${text.toLowerCase()}`,
      name: text,
      rule: "cue:facility-head",
      confidence: 0.75,
    };
    const geo = direct?.geo ?? facilityGeo(w, words.slice(0, ofAt > 0 ? ofAt - 1 : -1));
    if (geo) c.geo = geo;
    return c;
  }
  if (!headline && words.length > 1 && lex.orgHeads.has(head)) {
    return {
      start,
      end,
      type: "organization",
      key: `org:${text.toLowerCase()}`,
      name: text,
      rule: "cue:org-head",
      confidence: 0.7,
    };
  }
  // Months, weekdays and page furniture are never places ("March" is a town in England).
  const stop = words.length === 1 && lex.titles.nameStop.has(text);
  const m = stop ? undefined : w.geocode(text);
  if (m && believable(w, m, text, start, words.length)) return placeCandidate(w, a, b, m);
  if (b - a === 1) {
    const d = demonym(text);
    if (d) {
      const c: Candidate = {
        start,
        end,
        type: "nationality",
        key: `nationality:${d.country ?? d.ethnicity}`,
        name: text,
        rule: d.country ? "demonym" : "demonym:ethnicity",
        confidence: 0.85,
      };
      if (d.country) c.country = d.country;
      return c;
    }
  }
  return undefined;
}

/** Free (unclaimed) maximal token runs inside a chunk. */
function freeRuns(w: Work, a: number, b: number): [number, number][] {
  const runs: [number, number][] = [];
  let s = -1;
  for (let i = a; i <= b; i++) {
    const t = w.tokens[i];
    const free = i < b && t !== undefined && !w.blocked(t.start, t.end);
    if (free && s < 0) s = i;
    if (!free && s >= 0) {
      runs.push([s, i]);
      s = -1;
    }
  }
  // Trim connectors and hyphens at the edges of each run.
  return runs
    .map(([x, y]): [number, number] => {
      while (x < y && /^(?:of|-|al-|e-|bin)$/.test(w.tokens[x]!.text)) x++;
      while (y > x && /^(?:of|-|al-|e-|bin)$/.test(w.tokens[y - 1]!.text)) y--;
      return [x, y];
    })
    .filter(([x, y]) => y > x);
}

/** Classify every unclaimed part of every chunk; returns single words left over (for coreference). */
export function chunkEntities(w: Work): [number, number][] {
  const leftovers: [number, number][] = [];
  for (const [ca, cb] of w.chunks) {
    for (const [a, b] of freeRuns(w, ca, cb)) {
      const whole = namedFacility(w, a, b) ?? classifyWhole(w, a, b);
      if (whole) {
        w.accept(whole);
        continue;
      }
      // Split at hyphens: "Tajikistan-Iran", "Iran-Afghanistan".
      const parts: [number, number][] = [];
      let s = a;
      for (let i = a; i <= b; i++) {
        if (i === b || w.tokens[i]!.text === "-") {
          if (i > s) parts.push([s, i]);
          s = i + 1;
        }
      }
      for (const [x, y] of parts) {
        const c = parts.length > 1 ? classifyWhole(w, x, y) : undefined;
        if (c) {
          w.accept(c);
          continue;
        }
        // Word by word, strong types only.
        for (let i = x; i < y; i++) {
          const c1 = classifyWhole(w, i, i + 1);
          const strong =
            c1 &&
            (c1.type === "nationality" ||
              (c1.type === "place" && (c1.rule !== "geo:admin1" || w.countries.has(c1.geo?.country ?? ""))));
          if (c1 && strong) w.accept(c1);
          else if (!c1) leftovers.push([i, i + 1]);
        }
      }
    }
  }
  return leftovers;
}

/** "Khomeini's mausoleum": a name, a possessive and a facility noun. */
export function possessiveFacilities(w: Work): void {
  const lex = lexicons();
  for (const [a, b] of w.chunks) {
    const poss = w.tokens[b];
    const noun = w.tokens[b + 1];
    if (!poss || !noun || !POSSESSIVE.has(poss.text) || !lex.facilityLower.has(noun.text.toLowerCase())) continue;
    const start = w.tokens[a]!.start;
    const name = w.text.slice(start, noun.end).replace(/\s+/g, " ");
    const c: Candidate = {
      start,
      end: noun.end,
      type: "facility",
      key: `facility:${name.toLowerCase().replace(/’/g, "'")}`,
      name,
      rule: "cue:possessive-facility",
      confidence: 0.65,
      container: true,
    };
    w.accept(c);
  }
}

/** Nationality words outside chunks ("a Tajik national", "Iranian officials" when tagged ADJ). */
export function demonymTokens(w: Work): void {
  for (const t of w.tokens) {
    if (!/^\p{Lu}/u.test(t.text) || w.blocked(t.start, t.end)) continue;
    const d = demonym(t.text);
    if (!d) continue;
    const c: Candidate = {
      start: t.start,
      end: t.end,
      type: "nationality",
      key: `nationality:${d.country ?? d.ethnicity}`,
      name: t.text,
      rule: d.country ? "demonym" : "demonym:ethnicity",
      confidence: 0.85,
    };
    if (d.country) c.country = d.country;
    w.accept(c);
  }
}
