// Pairwise decision "are these two entity descriptions the same real-world entity?", with the evidence in words.
// Kept separate from the incremental resolver so the rules can be tested on their own and reused by fusion.
import type { Entity, EntityType } from "../../model/records.js";
import { jaroWinkler } from "./jaro-winkler.js";
import {
  acronymLetters,
  acronymOf,
  canonicalGiven,
  comparableName,
  lightNormalise,
  looksLikeAcronym,
  personTokens,
  phoneticKey,
} from "./names.js";

/** Types that extractors may legitimately assign to the same thing. */
const TYPE_GROUP: Record<EntityType, string> = {
  person: "person",
  organization: "org",
  armed_group: "org",
  state: "geo",
  place: "geo",
  facility: "facility",
  nationality: "nationality",
};

export function typeGroup(t: EntityType): string {
  return TYPE_GROUP[t];
}

/** Minimum Jaro-Winkler similarity of two full person names whose phonetic keys agree. */
export const PERSON_JW_MIN = 0.84;

/** Everything the matcher needs about one entity, computed once. */
export interface EntityFeatures {
  type: EntityType;
  group: string;
  name: string;
  surfaces: string[];
  /** Organisation/place name keys: normalised, connectors dropped, plural s removed. */
  nameKeys: Set<string>;
  /** Letters of acronym surfaces ("irgc") and acronyms of multi-word names. */
  acronyms: Set<string>;
  expansionAcronyms: Set<string>;
  gazetteer?: string;
  geonamesId?: number;
  country?: string;
  role?: string;
  affiliation?: string;
  /** Person: tokens of the longest name, their phonetic keys. */
  personTokens?: string[];
  personKeys?: string[];
}

const GAZ_RULE = /gazetteer:(armed[-_]?groups?|state-bodies|media-outlets)(?::([A-Za-z0-9_.:-]+))?/;

/**
 * The gazetteer identity of an armed group, state body or outlet. The extractor marks such entities with the rule
 * "gazetteer:armed-groups" (optionally ":<id>") and gives them the gazetteer's canonical name, so without an
 * explicit id the canonical name identifies the entry: "Islamic State" and "Islamic State Khorasan Province" are
 * two entries and never merge.
 */
export function gazetteerId(e: Entity): string | undefined {
  const m = e.rule ? GAZ_RULE.exec(e.rule) : null;
  if (!m) return undefined;
  const list = (m[1] ?? "").startsWith("armed") ? "armed-groups" : m[1];
  return `${list}:${m[2] ?? orgNameKey(e.name)}`;
}

const CONNECT = new Set(["of", "the", "and", "for", "in", "on", "al", "el"]);

export function orgNameKey(surface: string): string {
  return lightNormalise(surface)
    .split(" ")
    .filter((w) => w && !CONNECT.has(w))
    .map((w) => (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w))
    .join(" ");
}

/** Facility head nouns that name the same kind of building in another language's loanword. */
const FACILITY_HEAD_SYNONYMS: Record<string, string> = { masjid: "mosque", masjed: "mosque", mosquee: "mosque" };

/**
 * A facility's transliteration-tolerant key: each word's phonetic key, head synonyms folded ("Madina Masjid",
 * "Medina Mosque" → one key). Facilities are named in many Latin spellings of Arabic and Persian, like people.
 */
export function facilityKey(surface: string): string {
  return orgNameKey(surface)
    .split(" ")
    .filter(Boolean)
    .map((w) => phoneticKey(FACILITY_HEAD_SYNONYMS[w] ?? w))
    .join(" ");
}

export function features(e: Entity): EntityFeatures {
  const surfaces = [...new Set([e.name, ...e.aliases].filter((s) => s?.trim()))];
  const group = typeGroup(e.type);
  const f: EntityFeatures = {
    type: e.type,
    group,
    name: e.name,
    surfaces,
    nameKeys: new Set(),
    acronyms: new Set(),
    expansionAcronyms: new Set(),
  };
  const gaz = gazetteerId(e);
  if (gaz) f.gazetteer = gaz;
  if (e.geo?.geonamesId !== undefined) f.geonamesId = e.geo.geonamesId;
  const country = e.country ?? e.geo?.country;
  if (country) f.country = country.toUpperCase();
  if (e.role) f.role = lightNormalise(e.role);
  if (e.affiliation) f.affiliation = lightNormalise(e.affiliation);
  for (const s of surfaces) {
    if (looksLikeAcronym(s)) f.acronyms.add(acronymLetters(s));
    else {
      const k = orgNameKey(s);
      if (k) f.nameKeys.add(k);
      if (group === "facility" && k.includes(" ")) f.nameKeys.add(`~${facilityKey(s)}`);
      const a = acronymOf(s);
      if (a.length >= 2) f.expansionAcronyms.add(a);
    }
  }
  if (group === "person") {
    let best: string[] = [];
    for (const s of surfaces) {
      const toks = personTokens(s);
      if (toks.length > best.length) best = toks;
    }
    f.personTokens = best;
    f.personKeys = best.map(phoneticKey);
  }
  return f;
}

export interface MatchResult {
  match: boolean;
  /** Strong evidence is enough alone; weak evidence needs a second, independent cue. */
  strength: "strong" | "weak" | "none";
  reason: string;
  /** Set when a hard conflict forbids the merge (different gazetteer ids, types, places). */
  blocked?: boolean;
}

const NO = (reason: string, blocked = false): MatchResult => ({ match: false, strength: "none", reason, blocked });

function firstNamesAgree(a: string, b: string): boolean {
  if (a === b) return true;
  // an initial ("Q. Soleimani") agrees with any name starting with that letter
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  const ga = canonicalGiven(a);
  const gb = canonicalGiven(b);
  if (ga && gb) return ga === gb;
  return phoneticKey(a) === phoneticKey(b);
}

function personMatch(a: EntityFeatures, b: EntityFeatures): MatchResult {
  const ta = a.personTokens ?? [];
  const tb = b.personTokens ?? [];
  if (ta.length === 0 || tb.length === 0) return NO("no person name");
  const ka = a.personKeys ?? [];
  const kb = b.personKeys ?? [];
  const lastA = ka[ka.length - 1];
  const lastB = kb[kb.length - 1];
  if (lastA !== lastB) return NO(`surnames differ (${ta[ta.length - 1]} / ${tb[tb.length - 1]})`);
  if (ta.length >= 2 && tb.length >= 2) {
    if (!firstNamesAgree(ta[0] ?? "", tb[0] ?? "")) return NO(`given names differ (${ta[0]} / ${tb[0]})`, true);
    const jw = jaroWinkler(comparableName(ta), comparableName(tb));
    if (jw < PERSON_JW_MIN) return NO(`names too far apart (Jaro-Winkler ${jw.toFixed(2)})`);
    const same = ta.join(" ") === tb.join(" ");
    return {
      match: true,
      strength: "strong",
      reason: same
        ? `same person name "${ta.join(" ")}"`
        : `transliteration variants "${ta.join(" ")}" ~ "${tb.join(" ")}" (key ${ka.join(" ")}, Jaro-Winkler ${jw.toFixed(2)})`,
    };
  }
  // One side is a single token (usually a surname): an ambiguous alias, never enough alone.
  return {
    match: false,
    strength: "weak",
    reason: `only the single name "${ta.length === 1 ? ta[0] : tb[0]}" is shared`,
  };
}

function shared<T>(a: Set<T>, b: Set<T>): T | undefined {
  for (const x of a) if (b.has(x)) return x;
  return undefined;
}

/** Decide whether two entities are the same; `ambiguous(alias)` tells whether an alias is claimed by several. */
export function matchFeatures(
  a: EntityFeatures,
  b: EntityFeatures,
  ambiguous: (key: string) => boolean = () => false,
): MatchResult {
  if (a.group !== b.group) return NO(`types ${a.type} and ${b.type} are incompatible`, true);
  if (a.gazetteer && b.gazetteer) {
    return a.gazetteer === b.gazetteer
      ? { match: true, strength: "strong", reason: `same gazetteer id ${a.gazetteer}` }
      : NO(`different gazetteer ids ${a.gazetteer} / ${b.gazetteer}`, true);
  }
  if (a.geonamesId !== undefined && b.geonamesId !== undefined) {
    return a.geonamesId === b.geonamesId
      ? { match: true, strength: "strong", reason: `same GeoNames id ${a.geonamesId}` }
      : NO(`different GeoNames ids ${a.geonamesId} / ${b.geonamesId}`, true);
  }
  if (a.country && b.country && a.country !== b.country && (a.group === "geo" || a.group === "facility")) {
    return NO(`different countries ${a.country} / ${b.country}`, true);
  }
  if (a.group === "person") return personMatch(a, b);
  const name = shared(a.nameKeys, b.nameKeys);
  if (name) {
    if (ambiguous(`n:${name}`)) return { match: false, strength: "weak", reason: `shared name "${name}" is ambiguous` };
    return { match: true, strength: "strong", reason: `same name "${name}"` };
  }
  const acr = shared(a.acronyms, b.expansionAcronyms) ?? shared(b.acronyms, a.expansionAcronyms);
  if (acr) {
    if (ambiguous(`a:${acr}`)) return { match: false, strength: "weak", reason: `acronym ${acr} is ambiguous` };
    return { match: true, strength: "strong", reason: `acronym ${acr.toUpperCase()} matches its expansion` };
  }
  const sameAcr = shared(a.acronyms, b.acronyms);
  if (sameAcr) {
    if (ambiguous(`a:${sameAcr}`)) return { match: false, strength: "weak", reason: `acronym ${sameAcr} is ambiguous` };
    return { match: true, strength: "strong", reason: `same acronym ${sameAcr.toUpperCase()}` };
  }
  return NO("no shared name");
}

export function sameEntity(a: Entity, b: Entity): MatchResult {
  return matchFeatures(features(a), features(b));
}
