// A single-incident summary of one document's facts, shared by the article-level tasks (GVDB,
// GTD), whose documents each report one incident: facts are pooled over the document's factual
// violent events (attack, strikes, clashes, deaths, injuries) — the most specific place, the first
// known attack type and weapon, the largest casualty counts — since an article spreads one
// incident's details over several sentences and triggers.
import type { DateValue, DocFacts, Entity, Event } from "../../src/model/records.js";
import { attackEvents, countsOf, entityIndex, isFactual, isViolent, maxCount } from "./facts.js";

export interface IncidentSummary {
  main?: Event;
  date?: DateValue;
  place?: Entity;
  killed?: number;
  injured?: number;
  attackType?: string;
  weapon?: string;
  suicide: boolean;
  /** Attacker entities (any type) in order of appearance. */
  attackers: Entity[];
  /** Target/victim participant texts (entity names when linked). */
  targets: string[];
}

const CASUALTY = /death|die|kill|execution|injur|wound/i;
/** GTD codes rocket, missile, mortar and air strikes as Bombing/Explosion (codebook, attack type 3). */
const TYPE_DEFAULT_ATTACK: Record<string, string> = {
  missile_strike: "Bombing/Explosion",
  air_strike: "Bombing/Explosion",
};

const known = (v: unknown): string | undefined =>
  typeof v === "string" && v && v.toLowerCase() !== "unknown" ? v : undefined;

/** Place precision rank: the smaller, the more specific. */
function rank(e: Entity): number {
  if (e.type === "facility") return 1;
  const p = e.geo?.precision;
  if (p === "city" || p === "facility") return 0;
  if (p === "admin1" || p === "region") return 2;
  if (p === "country") return 3;
  return e.type === "place" ? 2 : 4;
}

export function summarise(f: DocFacts): IncidentSummary {
  const ents = entityIndex(f);
  const attacks = attackEvents(f);
  const violent = f.events.filter((e) => isFactual(e) && (isViolent(e) || CASUALTY.test(e.type)));
  const typed = attacks.find((e) => known(e.attributes?.attackType) ?? TYPE_DEFAULT_ATTACK[e.type]);
  const main = typed ?? attacks[0] ?? violent[0];
  const ordered = main ? [main, ...violent.filter((e) => e !== main)] : violent;
  const out: IncidentSummary = { main, suicide: false, attackers: [], targets: [] };
  out.date = ordered.find((e) => e.date?.precision === "day")?.date ?? ordered.find((e) => e.date)?.date;
  const places = ordered.map((e) => (e.place ? ents.get(e.place) : undefined)).filter((p): p is Entity => !!p);
  out.place = places.reduce<Entity | undefined>((best, p) => (!best || rank(p) < rank(best) ? p : best), undefined);
  // No event carries a city: the first city-level place the document mentions (datelines and
  // headlines name the incident's city first in single-incident reports).
  if (!out.place || rank(out.place) > 0) {
    const firstCity = f.mentions
      .filter((m) => m.kind === "place" && m.entity)
      .map((m) => ents.get(m.entity!))
      .find((e) => e?.geo?.precision === "city");
    if (firstCity) out.place = firstCity;
  }
  // A reported death or injury with no number still means at least one victim ("a man was shot
  // and killed"): the count falls back to 1 when such an event exists.
  const has = (re: RegExp) => violent.some((e) => re.test(e.type));
  out.killed = maxCount(countsOf(f, "killed")) ?? (has(/death|die|kill|execution/i) ? 1 : undefined);
  // Wounds of someone who died are not an injury count, so the injury fallback needs no death.
  out.injured = maxCount(countsOf(f, "injured")) ?? (has(/injur|wound/i) && out.killed === undefined ? 1 : undefined);
  out.attackType = typed ? (known(typed.attributes?.attackType) ?? TYPE_DEFAULT_ATTACK[typed.type]) : undefined;
  out.weapon = ordered.map((e) => known(e.attributes?.weapon)).find((w) => w);
  out.suicide = attacks.some((e) => e.attributes?.suicide === true);
  const seen = new Set<string>();
  for (const e of ordered) {
    for (const p of e.participants) {
      if (/attacker|perpetrator/i.test(p.role) && p.entity && ents.has(p.entity) && !seen.has(p.entity)) {
        seen.add(p.entity);
        out.attackers.push(ents.get(p.entity)!);
      }
      if (/target|victim/i.test(p.role)) out.targets.push(p.entity ? (ents.get(p.entity)?.name ?? p.text) : p.text);
    }
  }
  return out;
}

/** The city name of a place entity: itself when city-level (or not geocoded), else undefined. */
export function cityOf(place: Entity | undefined): string | undefined {
  if (place?.type !== "place") return undefined;
  if (!place.geo || place.geo.precision === "city") return place.name;
  return undefined;
}
