// Protocol step 3: the main incident's fields, read from the same GTD coding `tessera export gtd` writes.
// The only mapping here renames the product's vocabulary to the gold one (GTD attack types and the product's
// strike event types → the gold `type` names); matching is alias-aware through the gold `entities` spellings.
import { codeIncident } from "../../src/export/csv/coding.js";
import { gtdRow } from "../../src/export/csv/gtd.js";
import type { Incident } from "../../src/model/records.js";
import type { GoldCluster, GoldIncident } from "./gold.js";
import type { SystemCluster } from "./system.js";

/** Field → right (true), wrong (false), or not scored (undefined: gold gives no value). */
export type FieldScores = Record<
  "date" | "place" | "type" | "suicide" | "claimed" | "killed" | "injured",
  boolean | undefined
>;

export const FIELD_NAMES = ["date", "place", "type", "suicide", "claimed", "killed", "injured"] as const;

const GTD_TO_GOLD: Record<string, string> = {
  "Bombing/Explosion": "bombing",
  "Armed Assault": "armed_assault",
  Assassination: "assassination",
  "Hostage Taking (Kidnapping)": "hostage_kidnapping",
  "Hostage Taking (Barricade Incident)": "hostage_kidnapping",
  "Facility/Infrastructure Attack": "facility_attack",
  "Unarmed Assault": "unarmed_assault",
  Hijacking: "hijacking",
};
/** Product event types that the gold set names `air_missile_strike` (GTD has no such attack type). */
const STRIKE_TYPES = new Set(["missile_strike", "air_strike"]);

export function norm(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .replace(/^(the|al|el) /, "")
    .trim();
}

/** Every spelling gold lists for a name (the name itself plus its `entities` item, when one holds it). */
export function spellingsOf(c: GoldCluster, name: string): Set<string> {
  const out = new Set([norm(name)]);
  for (const item of c.gold.entities ?? []) {
    if (item.names.some((n) => norm(n) === norm(name))) for (const n of item.names) out.add(norm(n));
  }
  return out;
}

/** The parts of a gold place name ("Facility, District, City (note)") without notes and admin words. */
function placeParts(c: GoldCluster, name: string): Set<string> {
  const out = new Set<string>();
  const bare = name.replace(/\([^)]*\)/g, " ");
  for (const part of bare.split(/[,;/]/)) {
    const p = norm(part.replace(/\b(district|agency|province|city)\b/gi, " "));
    if (p) for (const s of spellingsOf(c, p)) out.add(s);
  }
  return out;
}

export function scoreFields(
  c: GoldCluster,
  s: SystemCluster,
  gold: GoldIncident,
  inc: Incident | undefined,
): FieldScores {
  const out: FieldScores = {
    date: undefined,
    place: undefined,
    type: undefined,
    suicide: undefined,
    claimed: undefined,
    killed: undefined,
    injured: undefined,
  };
  const coding = inc ? codeIncident(s.ix, inc) : undefined;
  const row = coding ? gtdRow(coding, 1) : undefined;
  if (gold.date) out.date = !!coding && coding.datePrecision === "day" && coding.dateStart === gold.date;
  if (gold.place) {
    const place = inc?.place ? s.ix.entities.get(inc.place) : undefined;
    const country = (place?.geo?.country ?? place?.country ?? "").toUpperCase();
    const parts = placeParts(c, gold.place.name);
    const city = coding?.city ? norm(coding.city) : undefined;
    out.place = !!city && parts.has(city) && (!gold.place.country || country === gold.place.country.toUpperCase());
  }
  if (gold.type) {
    const type = inc && STRIKE_TYPES.has(inc.type) ? "air_missile_strike" : GTD_TO_GOLD[coding?.attackType ?? ""];
    out.type = type === gold.type;
  }
  if (gold.suicide !== null && gold.suicide !== undefined)
    out.suicide = !!row && row.suicide === (gold.suicide ? 1 : 0);
  const claimed = gold.perpetrator?.claimed;
  if (claimed) {
    const names = (coding?.groups ?? [])
      .filter((g) => g.basis === "claimed")
      .flatMap((g) => [g.name, g.gtdName])
      .map(norm);
    if (!claimed.length) out.claimed = names.length === 0;
    else {
      const wanted = claimed.flatMap((n) => [...spellingsOf(c, n)]);
      out.claimed = names.some((n) => wanted.includes(n));
    }
  }
  if (gold.killed?.accepted.length)
    out.killed = typeof row?.nkill === "number" && gold.killed.accepted.includes(row.nkill);
  if (gold.injured?.accepted.length) {
    out.injured = typeof row?.nwound === "number" && gold.injured.accepted.includes(row.nwound);
  }
  return out;
}
