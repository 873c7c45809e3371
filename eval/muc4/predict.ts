// Mapping from Tessera's DocFacts to MUC-4 outputs: one response template per distinct attack
// (incident type from the event's GTD-style subtype/type, perpetrators from attacker participants
// and responsibility claims, targets/victims from participants, weapon from attributes), and the
// document-level role fillers for REE as the union over those templates.

import { headClasses } from "../../src/extract/events/roles.js";
import type { DocFacts, Entity, Event } from "../../src/model/records.js";
import { countryName } from "../common/countries.js";
import { attackEvents, entityIndex, isFactual } from "../common/facts.js";
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

function roleOf(role: string): "attacker" | "target" | "victim" | "weapon" | undefined {
  const r = role.toLowerCase();
  if (/weapon|instrument/.test(r)) return "weapon";
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

/**
 * Victim strings that are descriptions, not names, per template. The 1992 keys score names and
 * descriptions in one slot, but the REE gold (GRIT's processed files) lists only named victims, so
 * predictRoles leaves descriptions out of the Victim role. Kept beside the template rather than in
 * it because ResponseTemplate is the scorer's type.
 */
const victimDescriptions = new WeakMap<ResponseTemplate, Set<string>>();

function descriptionsOf(t: ResponseTemplate): Set<string> {
  const found = victimDescriptions.get(t);
  if (found) return found;
  const set = new Set<string>();
  victimDescriptions.set(t, set);
  return set;
}

/**
 * "several urban guerrillas" → "urban guerrillas": vague quantifiers are not part of a filler
 * (numbers are: the keys keep "three heavily armed men"); a leading clock time ("0640 an fmln
 * unit") is a chunking leftover; a possessive pronoun is dropped like an article.
 */
export function withoutQuantifier(text: string): string {
  return (
    text
      .replace(/^\d{4}\s+/, "")
      // "1 November urban guerrillas", "few hours terrorists": a time phrase left in front by the chunker
      .replace(
        /^(?:(?:\d{1,2}\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+\d{1,4})?|(?:(?:last|few|next|past)\s+)+(?:hours?|days?|weeks?|months?|years?))\s+(?=\S)/i,
        "",
      )
      .replace(/^(?:several|various|some|many|both|all|any|other|the other)\s+(?=\S)/i, "")
      // "his car" → "car": a possessive pronoun is a determiner, which the keys leave out like articles
      .replace(/^(?:his|her|their|its|our|my|your)\s+(?=\S)/i, "")
  );
}

/**
 * "2 grenades" → "grenades", "another bomb" → "bomb", "the wave of dynamite" → "dynamite": counts and
 * vague quantities are not part of a weapon filler (measures stay: "300 kg of dynamite").
 */
export function weaponFiller(text: string): string {
  const of = /^(?:the\s+|a\s+)?(?:wave|series|number|lot|kind|type)s?\s+of\s+(.+)$/i.exec(text);
  // a verb left in front by a trigger-led phrase ("fired automatic weapons") is not part of the weapon
  const t = (of ? of[1]! : text).replace(
    /^(?:fired|firing|staged|used|using|hurled|threw|planted|placed|detonated|exploded|launched)\s+(?=\S)/i,
    "",
  );
  // "a powerful dynamite charge" → "dynamite charge", "the January dynamite" → "dynamite": size words
  // and a month left in front by the chunker are no part of the weapon's name
  const bare = t.replace(
    /^(?:the\s+|a\s+|an\s+)?(?:(?:powerful|large|small|big|huge|strong|crude|january|february|march|april|may|june|july|august|september|october|november|december)\s+)+(?=\S)/i,
    "",
  );
  return bare.replace(
    /^(?:the\s+|a\s+|an\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|another|several|some)\s+(?!(?:kg|kilos?|kilograms?|pounds?|lbs?|tons?|grams?|sticks?)\b)(?=\S)/i,
    "",
  );
}

/** The head word of a phrase: the last word before an "of" complement. */
function headWord(text: string): string {
  const words = text.split(/\s+/);
  const of = words.findIndex((w) => w.toLowerCase() === "of");
  return (of > 0 ? words[of - 1]! : words[words.length - 1]!).replace(/[^\w-]/g, "");
}

const FUNCTION_WORDS =
  /^(?:the|a|an|this|that|these|those|his|her|their|its|our|of|and|or|no|some|several|many|all|both|any|other|others|another|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|dozens?|hundreds?|\d.*)$/i;

/**
 * A person's name inside a victim phrase that has no entity: the words after the last title or
 * description word ("the governor antonio roldan betancur" → "antonio roldan betancur"). Undefined
 * when the phrase is a description ("a peasant", "two officers of the police").
 */
export function nameIn(text: string): string | undefined {
  const words = text.split(/\s+/).filter(Boolean);
  let cut = -1;
  words.forEach((w, i) => {
    const lw = w.toLowerCase().replace(/[^\w-]/g, "");
    if (FUNCTION_WORDS.test(lw) || headClasses(lw).size || /^(?:dr|mr|mrs|ms|col|gen|capt|lt|sgt|msgr|fr)\.?$/.test(lw))
      cut = i;
  });
  const tail = words.slice(cut + 1);
  if (!tail.length || tail.length > 5) return undefined;
  // a bare description like "soldiers" leaves no tail; a lone lower-case adjective is no name either
  if (tail.length === 1 && /^[a-z]/.test(tail[0]!)) return undefined;
  // "soviet marines", "mormon missionaries": a lower-case plural ends a description, not a name
  // (plural suffixes only: surnames such as "rivas" or "torres" also end in s)
  if (/^[a-z].*(?:ies|ers|ors|ists|ants|ents|ines|ades|ians)$/.test(tail[tail.length - 1]!)) return undefined;
  return tail.join(" ");
}

/**
 * "honduran army troops" → "honduran army", "national police members" → "national police": a group
 * word modifying the doers' head names the organisation they belong to.
 */
export function orgModifier(text: string): string | undefined {
  const words = text.replace(/^(?:the|a|an)\s+/i, "").split(/\s+/);
  const of = words.findIndex((w) => w.toLowerCase() === "of");
  const pre = of > 0 ? words.slice(0, of) : words;
  for (let i = pre.length - 2; i >= 0; i--) {
    if (headClasses(pre[i]!.toLowerCase()).has("organization")) {
      const org = pre.slice(0, i + 1).filter((w) => !/^\d+$/.test(w));
      return org.length ? org.join(" ") : undefined;
    }
  }
  return undefined;
}

/** True when a participant's text is just its entity's name ("FMLN"), not a phrase around it. */
function isBareName(text: string, ent: Entity): boolean {
  const norm = (x: string) =>
    x
      .toLowerCase()
      .replace(/^(?:the|a|an)\s+/, "")
      .trim();
  return [ent.name, ...ent.aliases].some((a) => norm(a) === norm(text));
}

/**
 * Fillers from an event's participants. A phrase around a group ("members of the FMLN") is a
 * perpetrator individual and its group the organisation; a bare group name is the organisation.
 */
function addParticipants(t: ResponseTemplate, e: Event, ents: Map<string, Entity>): void {
  for (const p of e.participants) {
    // a pronoun is never a key filler (the keys name the referent)
    if (/^(?:he|she|they|we|him|them|us|it)$/i.test(p.text.trim())) continue;
    const role = roleOf(p.role);
    const ent = p.entity ? ents.get(p.entity) : undefined;
    const text = ent && isBareName(p.text, ent) ? surfaceOf(ent) : p.text;
    if (role === "attacker") {
      if (ent && GROUP_TYPES.has(ent.type)) {
        t.perpOrg.push(surfaceOf(ent));
        if (!isBareName(p.text, ent)) t.perpInd.push(withoutQuantifier(p.text));
      } else if (!ent && headClasses(headWord(p.text)).has("organization")) t.perpOrg.push(p.text);
      else {
        t.perpInd.push(withoutQuantifier(p.text));
        const org = ent ? undefined : orgModifier(withoutQuantifier(p.text));
        if (org) t.perpOrg.push(org);
      }
    } else if (role === "victim" || (role === "target" && ent && PERSON_LIKE.has(ent.type))) {
      // a named person is the victim's name; any other phrase ("a peasant") is a description
      // the phrase's name part beats a shorter entity form ("dr jose antonio rodriguez porth")
      const inPhrase = nameIn(p.text);
      const entName = ent?.type === "person" ? surfaceOf(ent) : undefined;
      const name =
        entName && inPhrase?.toLowerCase().includes(entName.toLowerCase())
          ? inPhrase
          : (entName ?? (ent ? undefined : inPhrase));
      if (name) t.victim.push(name);
      else {
        t.victim.push(text);
        descriptionsOf(t).add(text.toLowerCase());
      }
    } else if (role === "target" && ent && (ent.type === "place" || ent.type === "state")) {
      // a town, region or country after "attack on" is where the attack was, which the keys give as
      // the location, never as the physical target
    } else if (role === "target") {
      // "seven private bank branches" → "private bank branches": the keys name the kind of target
      t.target.push(
        withoutQuantifier(p.text).replace(/^(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?=\S)/i, ""),
      );
    } else if (role === "weapon") {
      t.weapon.push(weaponFiller(p.text));
    }
  }
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
  addParticipants(t, e, ents);
  // Claims of responsibility name the perpetrating organisation.
  for (const c of f.claims) {
    if (c.kind !== "responsibility" || c.stance === "deny") continue;
    if (c.about.length && !c.about.includes(e.id)) continue;
    const who = c.speaker ? ents.get(c.speaker) : undefined;
    if (who && GROUP_TYPES.has(who.type)) t.perpOrg.push(surfaceOf(who));
  }
  // No perpetrator organisation from the frame: an armed group named in the event's own sentence
  // ("accused the FMLN of the attack", "an FMLN attack") is the likeliest one.
  if (!t.perpOrg.length && e.sentence) {
    for (const m of f.mentions) {
      if (m.kind !== "armed_group" || !m.entity || m.start < e.sentence.start || m.end > e.sentence.end) continue;
      const ent = ents.get(m.entity);
      if (ent) t.perpOrg.push(surfaceOf(ent));
    }
  }
  for (const w of [...asStrings(e.attributes?.weaponText), ...asStrings(e.attributes?.instrument)]) t.weapon.push(w);
  // a weapon-word trigger ("fired rockets", "staged several dynamite attacks"): the weapon word itself
  const inTrigger = WEAPON_WORDS.exec(e.trigger.text)?.[0];
  if (!t.weapon.length && inTrigger) t.weapon.push(inTrigger);
  for (const k of ["weapon", "perpInd", "perpOrg", "target", "victim"] as const) t[k] = dedupe(t[k]);
  if (e.counts.some((c) => c.kind === "killed" && c.min > 0)) t.effect.push("DEATH");
  if (e.counts.some((c) => c.kind === "injured" && c.min > 0)) t.effect.push("INJURY");
  return t;
}

/** Case- and article-insensitive key: "a car bomb" and "car bomb" are one filler. */
const fillerKey = (x: string) => x.toLowerCase().replace(/^(?:the|a|an)\s+/, "");
const dedupe = (xs: string[]): string[] => [...new Map(xs.map((x) => [fillerKey(x), x])).values()];

function mergeInto(a: ResponseTemplate, b: ResponseTemplate): void {
  for (const d of victimDescriptions.get(b) ?? []) descriptionsOf(a).add(d);
  a.date ??= b.date;
  a.location ??= b.location;
  for (const k of ["weapon", "perpInd", "perpOrg", "target", "victim", "effect"] as const) {
    for (const v of b[k]) if (!a[k].some((x) => fillerKey(x) === fillerKey(v))) a[k].push(v);
  }
}

/**
 * Entities whose aliases are only the forms that occur in this document's text: a gazetteer's
 * canonical name ("National Liberation Army (Colombia)") is never a string the key can contain.
 */
function textualEntities(f: DocFacts): Map<string, Entity> {
  const forms = new Map<string, string[]>();
  for (const m of f.mentions) {
    if (!m.entity) continue;
    const list = forms.get(m.entity) ?? [];
    list.push(m.text);
    forms.set(m.entity, list);
  }
  const out = entityIndex(f);
  for (const [id, e] of out) {
    const seen = forms.get(id);
    if (seen?.length) out.set(id, { ...e, aliases: [...new Set(seen)] });
  }
  return out;
}

/**
 * Response templates for a document. Events of the same incident type are merged unless they
 * have different places or different days, because articles mention one attack several times.
 */
export function predictTemplates(f: DocFacts): ResponseTemplate[] {
  const ents = textualEntities(f);
  const out: ResponseTemplate[] = [];
  const attacks = attackEvents(f);
  const byEvent = new Map<string, ResponseTemplate>();
  for (const e of attacks) {
    const t = templateOf(e, f, ents);
    byEvent.set(e.id, t);
    const same = out.find(
      (o) =>
        o.incidentType === t.incidentType &&
        (!o.location || !t.location || o.location.join() === t.location.join()) &&
        (!o.date || !t.date || (o.date.start === t.date.start && o.date.end === t.date.end)),
    );
    if (same) {
      mergeInto(same, t);
      byEvent.set(e.id, same);
    } else out.push(t);
  }
  // Deaths and injuries name the victims (and often the killers) of the attack they report: the
  // attack in the same sentence, else the nearest one before it, else the first after it.
  for (const e of f.events) {
    if ((e.type !== "death" && e.type !== "injury") || !isFactual(e)) continue;
    if (!attacks.length) {
      // a killing reported with no attack word ("X was killed by Y") is itself the attack
      if (!e.participants.some((p) => p.role === "attacker")) continue;
      const t = templateOf(e, f, ents);
      const same = out[0];
      if (same) mergeInto(same, t);
      else out.push(t);
      continue;
    }
    const start = e.sentence?.start ?? e.trigger.start;
    const host =
      attacks.find((a) => (a.sentence?.start ?? a.trigger.start) === start) ??
      [...attacks].reverse().find((a) => a.trigger.start < e.trigger.start) ??
      attacks[0]!;
    const t = byEvent.get(host.id);
    if (!t) continue;
    const extra: ResponseTemplate = { ...emptyTemplate(t.incidentType) };
    addParticipants(extra, e, ents);
    mergeInto(t, extra);
  }
  for (const t of out) {
    const desc = descriptionsOf(t);
    const named = t.victim.filter((v) => !desc.has(v.toLowerCase()));
    t.victim = dedupe([...t.victim.filter((v) => desc.has(v.toLowerCase())), ...fullNames(named, f)]);
  }
  return out;
}

function emptyTemplate(incidentType: string): ResponseTemplate {
  return { incidentType, weapon: [], perpInd: [], perpOrg: [], target: [], victim: [], effect: [] };
}

/**
 * "Torres" → "julio torres": a victim named by a short form stands for the longest person mention
 * in the document whose words include all of its words (the keys give the full name). Applied
 * after prediction, so it only lengthens names and never adds a filler.
 */
export function fullNames(victims: string[], f: DocFacts): string[] {
  const people = f.mentions.filter((m) => m.kind === "person").map((m) => m.text);
  const words = (x: string) => x.toLowerCase().split(/\s+/).filter(Boolean);
  return victims.map((v) => {
    const vw = words(v);
    const longer = people.filter((p) => {
      const pw = words(p);
      return pw.length > vw.length && pw.length <= 5 && vw.every((w) => pw.includes(w));
    });
    return longer.reduce((a, b) => (b.length > a.length ? b : a), v);
  });
}

/** REE fillers: the union of the templates' fillers, per role. */
export function predictRoles(templates: ResponseTemplate[]): RolePrediction {
  const u = (k: keyof Pick<ResponseTemplate, "perpInd" | "perpOrg" | "target" | "victim" | "weapon">) =>
    dedupe(templates.flatMap((t) => t[k]));
  const described = (v: string) => templates.some((t) => victimDescriptions.get(t)?.has(v.toLowerCase()));
  return {
    PerpInd: u("perpInd"),
    PerpOrg: u("perpOrg"),
    Target: u("target"),
    Victim: u("victim").filter((v) => !described(v)),
    Weapon: u("weapon"),
  };
}
