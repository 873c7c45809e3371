// Mapping from Tessera's DocFacts to MUC-4 outputs: one response template per distinct attack
// (incident type from the event's GTD-style subtype/type, perpetrators from attacker participants
// and responsibility claims, targets/victims from participants, weapon from attributes), and the
// document-level role fillers for REE as the union over those templates.
import type { DocFacts, Entity, Event } from "../../src/model/records.js";
import { countryName } from "../common/countries.js";
import { attackEvents, entityIndex } from "../common/facts.js";
import type { RolePrediction } from "./ree.js";
import type { ResponseTemplate } from "./slots.js";

/** MUC-4 incident types from Tessera event type/subtype (GTD attack types), most specific first. */
export function mucIncidentType(e: Event): string {
  const s = `${e.subtype ?? ""} ${e.type} ${String(e.attributes?.weapon ?? "")}`.toLowerCase();
  if (/kidnap|hostage|abduct/.test(s)) return "KIDNAPPING";
  if (/robber|theft|loot/.test(s)) return "ROBBERY";
  if (/arson|incendiar|fire\b|burn/.test(s)) return "ARSON";
  if (/bomb|explo|grenade|dynamite|ied/.test(s)) return "BOMBING";
  return "ATTACK";
}

const GROUP_TYPES = new Set<Entity["type"]>(["armed_group", "organization", "state"]);
const PERSON_LIKE = new Set<Entity["type"]>(["person", "nationality"]);
const WEAPON_WORDS =
  /\b(bombs?|car bombs?|grenades?|dynamite|explosives?|mines?|rockets?|missiles?|mortars?|rifles?|guns?|machineguns?|pistols?|revolvers?|knives|knife|molotov|ied|bazookas?|shells?|charges?)\b/i;

/**
 * One string per entity, so an entity found by several events is predicted once: the longest form
 * seen in the text (gold strings are text spans; a canonical gazetteer name may not occur).
 */
export function surfaceOf(ent: Entity): string {
  const forms = ent.aliases.length ? ent.aliases : [ent.name];
  return forms.reduce((a, b) => (b.length > a.length ? b : a));
}

function roleOf(role: string): "attacker" | "target" | "victim" | undefined {
  const r = role.toLowerCase();
  if (/attacker|perpetrator|agent|killer|kidnapper|assailant/.test(r)) return "attacker";
  if (/victim|hostage|casualt|killed|injured|wounded/.test(r)) return "victim";
  if (/target|artifact|facility/.test(r)) return "target";
  return undefined;
}

function asStrings(v: unknown): string[] {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.flatMap(asStrings);
  if (v && typeof v === "object" && "text" in v) return asStrings((v as { text: unknown }).text);
  return [];
}

/** The response template for one attack event. */
export function templateOf(e: Event, f: DocFacts, ents: Map<string, Entity>): ResponseTemplate {
  const t: ResponseTemplate = {
    incidentType: mucIncidentType(e),
    weapon: [],
    perpInd: [],
    perpOrg: [],
    target: [],
    victim: [],
    effect: [],
  };
  if (e.date) t.date = { start: e.date.start, end: e.date.end };
  const place = e.place ? ents.get(e.place) : undefined;
  if (place) {
    const country = countryName(place.geo?.country ?? place.country);
    t.location = country && country.toLowerCase() !== place.name.toLowerCase() ? [country, place.name] : [place.name];
  }
  for (const p of e.participants) {
    const role = roleOf(p.role);
    const ent = p.entity ? ents.get(p.entity) : undefined;
    const text = ent ? surfaceOf(ent) : p.text;
    if (role === "attacker") {
      if (ent && GROUP_TYPES.has(ent.type)) t.perpOrg.push(surfaceOf(ent));
      else t.perpInd.push(p.text);
    } else if (role === "victim" || (role === "target" && ent && PERSON_LIKE.has(ent.type))) {
      t.victim.push(text);
    } else if (role === "target") {
      t.target.push(p.text);
    }
  }
  // Claims of responsibility name the perpetrating organisation.
  for (const c of f.claims) {
    if (c.kind !== "responsibility" || c.stance === "deny") continue;
    if (c.about.length && !c.about.includes(e.id)) continue;
    const who = c.speaker ? ents.get(c.speaker) : undefined;
    if (who && GROUP_TYPES.has(who.type)) t.perpOrg.push(surfaceOf(who));
  }
  for (const w of [...asStrings(e.attributes?.weaponText), ...asStrings(e.attributes?.instrument)]) t.weapon.push(w);
  if (!t.weapon.length && WEAPON_WORDS.test(e.trigger.text)) t.weapon.push(e.trigger.text);
  for (const k of ["weapon", "perpInd", "perpOrg", "target", "victim"] as const) t[k] = dedupe(t[k]);
  if (e.counts.some((c) => c.kind === "killed" && c.min > 0)) t.effect.push("DEATH");
  if (e.counts.some((c) => c.kind === "injured" && c.min > 0)) t.effect.push("INJURY");
  return t;
}

const dedupe = (xs: string[]): string[] => [...new Map(xs.map((x) => [x.toLowerCase(), x])).values()];

function mergeInto(a: ResponseTemplate, b: ResponseTemplate): void {
  a.date ??= b.date;
  a.location ??= b.location;
  for (const k of ["weapon", "perpInd", "perpOrg", "target", "victim", "effect"] as const) {
    for (const v of b[k]) if (!a[k].some((x) => x.toLowerCase() === v.toLowerCase())) a[k].push(v);
  }
}

/**
 * Response templates for a document. Events of the same incident type are merged unless they
 * have different places or different days, because articles mention one attack several times.
 */
export function predictTemplates(f: DocFacts): ResponseTemplate[] {
  const ents = entityIndex(f);
  const out: ResponseTemplate[] = [];
  for (const e of attackEvents(f)) {
    const t = templateOf(e, f, ents);
    const same = out.find(
      (o) =>
        o.incidentType === t.incidentType &&
        (!o.location || !t.location || o.location.join() === t.location.join()) &&
        (!o.date || !t.date || (o.date.start === t.date.start && o.date.end === t.date.end)),
    );
    if (same) mergeInto(same, t);
    else out.push(t);
  }
  return out;
}

/** REE fillers: the union of the templates' fillers, per role. */
export function predictRoles(templates: ResponseTemplate[]): RolePrediction {
  const u = (k: keyof Pick<ResponseTemplate, "perpInd" | "perpOrg" | "target" | "victim" | "weapon">) => [
    ...new Set(templates.flatMap((t) => t[k])),
  ];
  return {
    PerpInd: u("perpInd"),
    PerpOrg: u("perpOrg"),
    Target: u("target"),
    Victim: u("victim"),
    Weapon: u("weapon"),
  };
}
