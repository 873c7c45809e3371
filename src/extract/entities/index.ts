// Entity extraction for one document: people, organisations, armed groups, states, places,
// facilities and nationalities, each mention carrying its span, rule and confidence, grouped into
// document-local entities.
//
// Rule order matters because the first accepted span wins: gazetteers (armed groups, outlets,
// state bodies) → acronym expansions → possessive facilities → titled people → organisation +
// name → appositive/named people → given-name people → the remaining chunks (facility and org
// head nouns, geocoded places, demonyms) → nationality words → surname coreference.
import type { Document, Entity, Mention } from "../../model/records.js";
import type { Analysis } from "../../nlp/types.js";
import { geocode, placeName } from "../../resolve/geo/index.js";
import { type Candidate, Work } from "./candidate.js";
import { resolvePersons } from "./coref.js";
import { acronymDefinitions, gazetteerMatches } from "./gazetteers.js";
import { idMaker } from "./ids.js";
import { cuedPersons, givenNamePersons, orgAppositivePersons, titledPersons } from "./persons.js";
import { chunkEntities, demonymTokens, documentCountries, possessiveFacilities } from "./places.js";

export interface EntityResult {
  mentions: Mention[];
  entities: Entity[];
}

function clean(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** Extract entity mentions and document-local entities from an analysed document. */
export function extractEntities(a: Analysis, doc: Pick<Document, "id">): EntityResult {
  const w = new Work(a);
  documentCountries(w);
  gazetteerMatches(w);
  acronymDefinitions(w);
  possessiveFacilities(w);
  titledPersons(w);
  orgAppositivePersons(w);
  cuedPersons(w);
  givenNamePersons(w);
  const leftovers = chunkEntities(w);
  demonymTokens(w);
  resolvePersons(w, leftovers);
  return assemble(w, doc.id);
}

function assemble(w: Work, docId: string): EntityResult {
  const ids = idMaker(docId);
  const cands = [...w.accepted].sort((x, y) => x.start - y.start || y.end - x.end);
  const groups = new Map<string, Candidate[]>();
  for (const c of cands) groups.set(c.key, [...(groups.get(c.key) ?? []), c]);

  const entities: Entity[] = [];
  const entityOf = new Map<string, Entity>();
  for (const [key, list] of groups) {
    const best = [...list].sort((x, y) => y.confidence - x.confidence || y.name.length - x.name.length)[0]!;
    const e: Entity = {
      id: ids.entity(),
      type: best.type,
      name: best.name,
      aliases: [...new Set(list.map((c) => clean(w.text.slice(c.start, c.end))))],
      mentions: [],
      rule: best.rule,
    };
    // Places keep the document's spelling ("Palmyra", not GeoNames "Tadmur") but not its dateline capitals;
    // countries keep the canonical name.
    if (e.type === "place" && !best.key.startsWith("place:country:"))
      e.name = placeName(clean(w.text.slice(best.start, best.end)), best.name);
    if (!e.aliases.includes(e.name)) e.aliases.unshift(e.name);
    if (!e.aliases.includes(best.name)) e.aliases.push(best.name);
    if (e.type === "place" && list.some((c) => c.actor)) e.type = "state";
    const withRole = list.find((c) => c.role && c.title) ?? list.find((c) => c.role);
    if (withRole?.role) e.role = withRole.role;
    const withAff = list.find((c) => c.affiliation);
    if (withAff?.affiliation) e.affiliation = withAff.affiliation;
    const withCountry = list.find((c) => c.country);
    if (withCountry?.country) e.country = withCountry.country;
    const withGeo = list.find((c) => c.geo)?.geo;
    if (withGeo) e.geo = withGeo;
    else if (e.type === "place" || e.type === "facility") {
      const g = geocode(e.name, { countries: [...w.countries] });
      if (g) e.geo = g.geo;
    }
    entities.push(e);
    entityOf.set(key, e);
  }

  const mentions: Mention[] = [];
  for (const c of cands) {
    const e = entityOf.get(c.key)!;
    if (c.title) {
      const tm: Mention = {
        id: ids.mention(),
        doc: docId,
        start: c.title.start,
        end: c.title.end,
        text: w.text.slice(c.title.start, c.title.end),
        kind: "title",
        value: c.role,
        entity: e.id,
        rule: c.rule,
        confidence: c.confidence,
      };
      mentions.push(tm);
      e.mentions.push(tm.id);
    }
    const m: Mention = {
      id: ids.mention(),
      doc: docId,
      start: c.start,
      end: c.end,
      text: w.text.slice(c.start, c.end),
      kind: e.type,
      value: e.name,
      entity: e.id,
      rule: c.rule,
      confidence: c.confidence,
    };
    mentions.push(m);
    e.mentions.push(m.id);
  }
  mentions.sort((x, y) => x.start - y.start || y.end - x.end);
  return { mentions, entities };
}
