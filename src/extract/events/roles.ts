// Turns a trigger's syntactic frame (frame.ts) into participants with ontology role names: who
// attacked, what was targeted, who died, what weapon was used. Common-noun phrases are classified
// by their head word (data/lexicons/participant-heads.json); a phrase that overlaps an entity
// mention carries that entity, and the entity's type settles person vs facility vs group.
import type { EntityType, Mention, Participant } from "../../model/records.js";
import { type ExtractContext, mentionsIn, type SentenceCtx } from "../context.js";
import { loadData } from "../data.js";
import { type Controlled, controlledBy, predicateSubjects, UNDERGO } from "./controlled-roles.js";
import { describedAs } from "./description.js";
import { type TriggerFrame, triggerFrame } from "./frame.js";
import { type NounPhrase, tokenRange } from "./noun-phrases.js";

export type HeadClass = "attacker" | "organization" | "person" | "facility" | "weapon" | "event";

interface HeadLexicon {
  attacker: string[];
  organization: string[];
  person: string[];
  facility: string[];
  weapon: string[];
  event: string[];
}

let lexicon: Map<string, Set<HeadClass>> | undefined;

function heads(): Map<string, Set<HeadClass>> {
  if (lexicon) return lexicon;
  const raw = loadData<HeadLexicon>("lexicons/participant-heads.json");
  const m = new Map<string, Set<HeadClass>>();
  for (const cls of ["attacker", "organization", "person", "facility", "weapon", "event"] as const) {
    for (const w of raw[cls]) {
      const set = m.get(w) ?? new Set<HeadClass>();
      set.add(cls);
      m.set(w, set);
    }
  }
  lexicon = m;
  return m;
}

/** The classes of a head word ("gunmen" → attacker; "officers" → person; "bus" → facility). */
export function headClasses(word: string): Set<HeadClass> {
  return heads().get(word.toLowerCase()) ?? new Set();
}

const GROUPS: ReadonlySet<string> = new Set<EntityType>(["armed_group", "organization", "state"]);
const ENTITY_KINDS: ReadonlySet<string> = new Set<EntityType>([
  "person",
  "organization",
  "armed_group",
  "state",
  "place",
  "facility",
  "nationality",
]);

interface Classified {
  np: NounPhrase;
  mention?: Mention;
  /** The mention covers the phrase's head word (not just an "of" complement). */
  atHead: boolean;
  cls: Set<HeadClass>;
}

/** The entity mention a phrase stands for: the one at its head, else a group in an "of" complement. */
function mentionOf(ctx: ExtractContext, np: NounPhrase, headStart: number): Mention | undefined {
  const ms = mentionsIn(ctx, np.start, np.end).filter((m) => ENTITY_KINDS.has(m.kind));
  return ms.find((m) => m.start <= headStart && headStart < m.end) ?? ms.find((m) => GROUPS.has(m.kind));
}

function classify(ctx: ExtractContext, np: NounPhrase): Classified {
  const headTok = ctx.tokens?.[np.head];
  const mention = mentionOf(ctx, np, headTok?.start ?? np.start);
  const cls = new Set(headClasses(np.headText));
  // "500 kg of dynamite": the complement names the weapon
  for (const h of np.ofHeads) if (headClasses(h).has("weapon")) cls.add("weapon");
  const h = headTok?.start ?? np.start;
  const atHead = !!mention && mention.start <= h && h < mention.end;
  return { np, mention, atHead, cls };
}

/**
 * A phrase is a date when a date mention covers its head word: "1 month after the murder of
 * Antioquia" may overlap "Antioquia department governor X" without making the governor a date.
 */
function isDate(ctx: ExtractContext, np: NounPhrase): boolean {
  const h = ctx.tokens?.[np.head];
  const hs = h?.start ?? np.start;
  const he = h?.end ?? np.end;
  return ctx.dates.some((d) => d.mention.start < he && hs < d.mention.end);
}

function participant(ctx: ExtractContext, role: string, c: Classified): Participant {
  const span = { doc: ctx.doc.id, start: c.np.start, end: c.np.end, text: c.np.text };
  const p: Participant = { role, text: c.np.text, span };
  if (c.mention?.entity) p.entity = c.mention.entity;
  if ((role === "target" || role === "weapon") && ctx.tokens) {
    // a weapon named only in an "of" complement: "the wave of dynamite"
    const ofOnly = role === "weapon" && !headClasses(c.np.headText).has("weapon");
    const d = describedAs(ctx.tokens, ctx.doc.text, c.np, ofOnly);
    if (d) p.description = d;
  }
  return p;
}

/**
 * "the killing of attorney general Roberto Garcia": when the tagger cuts a title phrase short, the
 * person named right after it (only a space between) belongs to the victim phrase.
 */
function withNameAfter(ctx: ExtractContext, p: Participant): Participant {
  const end = p.span?.end ?? 0;
  const next = mentionsIn(ctx, end, Math.min(ctx.doc.text.length, end + 80)).find(
    (m) =>
      m.kind === "person" &&
      /^\s+(?:[a-z]+\s+)?$/.test(ctx.doc.text.slice(end, m.start)) &&
      // "the minister and Pedro Salas": a conjunction joins another victim, not the rest of this one's name
      !/\b(?:and|or|but|nor)\b/.test(ctx.doc.text.slice(end, m.start)),
  );
  if (!next || !p.span) return p;
  const text = ctx.doc.text.slice(p.span.start, next.end);
  const out: Participant = { ...p, text, span: { ...p.span, end: next.end, text } };
  if (next.entity) out.entity = next.entity;
  return out;
}

const PRONOUNS = new Set(["he", "she", "they", "we", "him", "them", "us"]);

/** Person-like: a person head word, a person / nationality entity at the head, a pronoun. */
function personLike(c: Classified): boolean {
  if (PRONOUNS.has(c.np.headText)) return true;
  if (c.mention && (c.mention.kind === "person" || c.mention.kind === "nationality")) return true;
  if (c.mention && c.atHead) return false;
  return c.cls.has("person") && !c.cls.has("facility");
}

const groupMention = (c: Classified) => !!c.mention && c.atHead && GROUPS.has(c.mention.kind);

function agentLike(c: Classified): boolean {
  if (c.cls.has("event") || c.cls.has("weapon")) return false;
  if (PRONOUNS.has(c.np.headText)) return true;
  if (c.mention && (GROUPS.has(c.mention.kind) || c.mention.kind === "person")) return true;
  return c.cls.has("attacker") || c.cls.has("organization") || c.cls.has("person");
}

/**
 * Patients of an attack: a person is a victim, anything else a target. For attacks on people
 * (assassination, kidnapping) a phrase with no telling head is taken as a person too.
 */
function patientRole(c: Classified, onPeople: boolean): "victim" | "target" | undefined {
  if (c.cls.has("event") || (c.cls.has("weapon") && !c.cls.has("facility"))) return undefined;
  // a town or country is where it happened (the event's place), not what was attacked
  if (c.mention && c.atHead && (c.mention.kind === "place" || c.mention.kind === "state")) return undefined;
  if (c.cls.has("facility") || (c.mention && c.atHead && c.mention.kind === "facility")) return "target";
  if (personLike(c) || c.cls.has("attacker") || c.cls.has("organization")) return "victim";
  if (c.mention && c.atHead && GROUPS.has(c.mention.kind)) return "target";
  if (onPeople && c.cls.size === 0 && !(c.mention && c.atHead)) return "victim";
  // a head the lexicon does not know ("alarm", "the outskirts") is too often not a target
  return undefined;
}

/** Attack subtypes whose patients are people. */
const ON_PEOPLE = new Set(["Assassination", "Hostage Taking (Kidnapping)", "Hostage Taking (Barricade Incident)"]);

/** Verbs of material damage: what they damage in an attack's sentence is a target. */
const DAMAGE_VERB =
  /^(?:damag(?:ed|es|ing)|destroy(?:ed|s|ing)?|hit|burn(?:ed|t|s)|wreck(?:ed|s)|sabotag(?:ed|es)|raz(?:ed|es)|blew|blown|dynamited|torched|struck|shattered)$/i;

/**
 * "the explosion damaged a book store", "the embassy was destroyed": facilities that a damage verb
 * in the attack's sentence acts on (active object, passive subject) are its targets.
 */
function damaged(
  ctx: ExtractContext,
  s: SentenceCtx,
  trigger: { start: number; end: number },
  c: (np: NounPhrase | undefined) => Classified | undefined,
): Classified[] {
  const tokens = ctx.tokens ?? [];
  const [a, b] = tokenRange(tokens, s.start, s.end);
  const out: Classified[] = [];
  for (let i = a; i < b; i++) {
    const t = tokens[i]!;
    if (t.pos !== "VERB" || !DAMAGE_VERB.test(t.text) || (t.start >= trigger.start && t.end <= trigger.end)) continue;
    const f = triggerFrame(tokens, ctx.doc.text, s, { start: t.start, end: t.end });
    const patients = f.passive ? [f.subject, ...f.moreSubjects] : f.objects;
    for (const p of patients) {
      const x = c(p);
      if (x && (x.cls.has("facility") || (x.mention && x.atHead && x.mention.kind === "facility"))) {
        if (!x.cls.has("event") && !x.cls.has("weapon")) out.push(x);
      }
    }
  }
  return out;
}

/** Links over which a verb shares its governor's subject: a participle clause, a resultative, a conjunct. */
const SHARED_SUBJECT = new Set(["advcl", "xcomp", "conj"]);

const BE_FORMS = /^(?:was|were|is|are|been|be|being|remain(?:ed|s)?)$/i;

/**
 * Cheap signs, from the words before a trigger, of a clause the positional rules cannot read, so the
 * parser is asked only then: a conjunction or an "-ing" form (a shared subject: "…, killing five"), a copula ("were dead"), a verb right before an adjective ("shot dead"), "suffered".
 */
function clauseCues(ctx: ExtractContext, s: SentenceCtx, trigger: { start: number; end: number }) {
  const tokens = ctx.tokens ?? [];
  const [sa] = tokenRange(tokens, s.start, s.end);
  const [ta, tb] = tokenRange(tokens, trigger.start, trigger.end);
  let k = ta - 1;
  while (k > sa && tokens[k]!.pos === "ADV") k--;
  const prev = k >= sa ? tokens[k] : undefined;
  const comma = prev?.text === ",";
  const word = (tokens[tb - 1]?.text ?? "").toLowerCase();
  const before = tokens.slice(Math.max(sa, ta - 5), ta);
  return {
    comma,
    linked: /^(?:and|or|but|then)$/i.test(prev?.text ?? "") || word.endsWith("ing"),
    copula: !!prev && BE_FORMS.test(prev.text),
    resultative: tokens[tb - 1]?.pos === "ADJ" && prev?.pos === "VERB",
    undergo: before.some((t) => UNDERGO.test(t.text.toLowerCase())),
  };
}

/** Attack triggers that name a killing or abduction: their patients are people. */
const KILL_WORD = /^(?:murder|assassinat|kill|slay|slain|kidnap|abduct)/i;

const ATTACK_TYPES = new Set(["attack", "missile_strike", "air_strike"]);
const DEATH_TYPES = new Set(["death", "injury", "execution"]);
const INSTRUMENT_PREPS = new Set(["with", "using"]);
const PATIENT_PREPS = new Set(["on", "against", "at", "targeting", "upon"]);
const NEAR_PREPS = new Set(["near", "outside", "inside", "in"]);
/** Intransitive death words: their subject is the one who died ("one person died"). */
const INTRANSITIVE_DEATH = /^(?:die[sd]?|dying|perish(?:ed|es|ing)?|dead|succumb(?:ed|s)?)$/i;

/**
 * Participants read from the noun phrases around the trigger. Returns nothing when the context
 * has no tokens (hand-built test contexts), so callers fall back to entity-only rules.
 */
export function frameParticipants(
  ctx: ExtractContext,
  s: SentenceCtx,
  type: string,
  trigger: { start: number; end: number },
  subtype?: string,
): Participant[] {
  if (!ctx.tokens?.length) return [];
  const f: TriggerFrame = triggerFrame(ctx.tokens, ctx.doc.text, s, trigger);
  const out: Participant[] = [];
  const c = (np: NounPhrase | undefined) => (np && !isDate(ctx, np) ? classify(ctx, np) : undefined);
  const add = (role: string, x: Classified | undefined) => {
    if (!x || out.some((p) => p.span?.start === x.np.start && p.role === role)) return;
    out.push(role === "victim" ? withNameAfter(ctx, participant(ctx, role, x)) : participant(ctx, role, x));
  };
  const subject = c(f.subject);
  // every subject conjunct and apposition the parse found ("the mayor, his driver and a councillor")
  const subjects = [subject, ...f.moreSubjects.map((x) => c(x))];
  const objects = f.objects.map((o) => c(o)).filter((x): x is Classified => !!x);
  const pp = (preps: Set<string> | string) =>
    f.pps
      .filter((p) => (typeof preps === "string" ? p.prep === preps : preps.has(p.prep)))
      .map((p) => c(p.np))
      .filter((x): x is Classified => !!x);
  const by = pp("by")[0];
  const of = f.verbal ? undefined : pp("of")[0];
  const instrument = pp(INSTRUMENT_PREPS).find((x) => x.cls.has("weapon"));
  let ctlMemo: Controlled | null | undefined;
  const control = (): Controlled | undefined => {
    if (ctlMemo === undefined) ctlMemo = controlledBy(ctx.tokens!, ctx.doc.text, s, trigger) ?? null;
    return ctlMemo ?? undefined;
  };

  // "army troops attacked in the hamlet": a bare "-ed" verb whose subject is a doer noun is active
  if (
    f.reduced &&
    subject &&
    ATTACK_TYPES.has(type) &&
    (subject.cls.has("attacker") || subject.cls.has("organization"))
  ) {
    f.passive = false;
  }
  if (ATTACK_TYPES.has(type)) {
    // the doer: active subject, passive by-agent, support-verb subject, possessor or pre-modifier
    const doers: (Classified | undefined)[] = [];
    const cue = clauseCues(ctx, s, trigger);
    const ctl = f.verbal && !f.passive && (!subject || cue.comma) && cue.linked ? control() : undefined;
    // "gunmen stormed the hotel, shooting two guards": a participle clause or conjunct shares the main subject
    const shared = ctl && SHARED_SUBJECT.has(ctl.link) && !ctl.passive ? ctl.subjects.map((x) => c(x)) : [];
    // "the convoy ambushed near the border": a reduced relative's noun is the patient, not the doer
    const reduced = ctl?.link === "acl" && /(?:ed|en|wn)$/i.test(ctx.doc.text.slice(trigger.start, trigger.end));
    if (shared.some((x) => x && agentLike(x))) doers.push(...shared);
    else if (f.verbal && !f.passive && !reduced) doers.push(...subjects);
    else if (!f.verbal) doers.push(subject);
    // every conjunct of the by-phrase: "murdered by soldiers or paramilitaries"
    doers.push(...pp("by"));
    if (f.attributed) doers.push(pp("to")[0]);
    if (!f.verbal) {
      const mod = c(f.modifier ?? f.possessor);
      const groupish = mod && (mod.cls.has("organization") || (mod.mention && GROUPS.has(mod.mention.kind)));
      // "an FMLN attack" names its doer; "terrorist attacks", "a guerrilla attack" only describe it
      if (mod && groupish) doers.push(mod);
      else if (mod?.cls.has("weapon")) add("weapon", mod);
    }
    // agent-noun and weapon-noun triggers: "gunmen opened fire", "a car bomb exploded"
    // "Iran fires missiles": an actor named before the trigger is no part of the weapon phrase
    const actorBefore =
      f.self && mentionsIn(ctx, f.self.start, trigger.start).some((m) => m.kind !== "place" && m.kind !== "facility");
    const self = actorBefore ? undefined : c(f.self);
    if (self?.cls.has("attacker")) doers.push(self);
    else if (self?.cls.has("weapon")) add("weapon", self);
    for (const d of doers) {
      if (!d) continue;
      if (d.cls.has("weapon") && !d.cls.has("attacker")) add("weapon", d);
      else if (agentLike(d)) add("attacker", d);
    }
    // the patient: active object, passive subject, "attack on X", "bombing of X"
    const patients: (Classified | undefined)[] = [];
    if ((f.verbal && !f.passive) || f.selfIsSubject) patients.push(...objects);
    if (f.verbal && f.passive) patients.push(...subjects);
    if (reduced) patients.push(...ctl!.subjects.map((x) => c(x)));
    patients.push(...pp(PATIENT_PREPS));
    // "a bomb exploded near the embassy": for a bombing the building next to the blast is the target
    const bombing = subtype === "Bombing/Explosion" || (f.self?.headText && headClasses(f.self.headText).has("weapon"));
    if (bombing) patients.push(...pp(NEAR_PREPS).filter((x) => x.cls.has("facility")));
    if (!f.verbal) patients.push(of);
    // "murdered university student mario flores": a kill word's patient is a person even when
    // its lower-case name has no entity and no lexicon head
    const onPeople = ON_PEOPLE.has(subtype ?? "") || KILL_WORD.test(ctx.doc.text.slice(trigger.start, trigger.end));
    // "the candidate's murder": the possessor of a kill noun is its victim, unless it names a doer
    const owner =
      !f.verbal && KILL_WORD.test(ctx.doc.text.slice(trigger.start, trigger.end)) ? c(f.possessor) : undefined;
    const doerOwner = owner && (owner.cls.has("attacker") || owner.cls.has("organization") || groupMention(owner));
    if (owner && !doerOwner) patients.push(owner);
    for (const p of patients) {
      const role = p ? patientRole(p, onPeople) : undefined;
      if (p && role) add(role, p);
    }
    if (instrument) add("weapon", instrument);
    for (const x of damaged(ctx, s, trigger, c)) add("target", x);
  } else if (type === "armed_clash") {
    for (const x of [...subjects, ...pp("with")]) if (x && agentLike(x)) add("participant", x);
  } else if (DEATH_TYPES.has(type)) {
    const victims: (Classified | undefined)[] = [];
    if (f.verbal && !f.passive) victims.push(...objects);
    const intransitive = INTRANSITIVE_DEATH.test(ctx.doc.text.slice(trigger.start, trigger.end));
    if ((f.verbal && f.passive) || intransitive) victims.push(...subjects);
    if (!f.verbal) {
      victims.push(of);
      if (f.possessor) victims.push(c(f.possessor));
      // "left 40 dead", "12 wounded": a number or person phrase right before the word
      const mod = c(f.modifier);
      if (mod && (ctx.tokens[mod.np.head]?.pos === "NUM" || personLike(mod))) victims.push(mod);
    }
    // the patient of a kill / death word is a person unless its head says otherwise ("the
    // death of jaime pardo leal": a lower-case name has no entity and no lexicon head)
    const notPerson = (v: Classified) =>
      !personLike(v) &&
      !v.cls.has("attacker") &&
      !v.cls.has("organization") &&
      (v.cls.size > 0 || (v.mention !== undefined && v.atHead));
    // the parse is asked only when the positions found no victim, or no doer for an active verb
    // the parser is slow: it is asked only where a cheap cue shows a clause the positions cannot read
    const participle = /(?:ed|en|wn)$/i.test(ctx.doc.text.slice(trigger.start, trigger.end));
    const noVictim = !victims.some((v) => v && !notPerson(v));
    const cue = clauseCues(ctx, s, trigger);
    const gap =
      (f.verbal && !f.passive && (!subject || cue.comma) && cue.linked) ||
      (f.verbal && participle && !!subject?.np.lastComplement) ||
      (noVictim && (cue.resultative || cue.undergo));
    const ctl = gap ? control() : undefined;
    // "the soldiers killed in the raid": a reduced relative is passive, its noun the victim
    const reduced = ctl?.link === "acl" && participle;
    // "relatives of the two guards killed in the raid": the participle hangs on the complement, not the phrase
    if (reduced && ctl.subjects[0]) {
      const noun = ctl.subjects[0];
      const k = victims.findIndex((v) => v && v.np.start < noun.start && noun.end <= v.np.end);
      if (k >= 0) victims[k] = c(noun);
    }
    if (noVictim) {
      if (reduced || (ctl?.link === "xcomp" && ctl.passive) || (ctl?.link === "obj" && UNDERGO.test(ctl.governor)))
        victims.push(...ctl!.subjects.map((x) => c(x)));
      if (cue.copula) victims.push(...predicateSubjects(ctx.tokens, ctx.doc.text, s, trigger).map((x) => c(x)));
    }
    for (let v of victims) {
      // "the murder of X, who was killed": the relative clause's phrase is the event; X is its patient
      if (v?.cls.has("event") && v.np.lastComplement) v = c(v.np.lastComplement);
      if (v && !notPerson(v) && !v.cls.has("event")) add("victim", v);
    }
    const active = f.verbal && !f.passive && !intransitive && !reduced;
    let killer = active ? subject : (by ?? (f.verbal ? undefined : subject));
    // "a bomber blew himself up, killing five": a participle clause or conjunct shares the main subject
    if (active && (!killer || cue.comma) && ctl && SHARED_SUBJECT.has(ctl.link) && !ctl.passive)
      killer = ctl.subjects.map((x) => c(x)).find((x) => x && agentLike(x)) ?? killer;
    if (killer && agentLike(killer) && !out.some((p) => p.span?.start === killer.np.start)) {
      add(type === "execution" ? "agent" : "attacker", killer);
    }
    if (killer?.cls.has("weapon") && type !== "execution") add("weapon", killer);
    if (instrument && type !== "execution") add("weapon", instrument);
  } else if (type === "arrest") {
    const agent = f.verbal && !f.passive ? subject : by;
    if (agent && agentLike(agent)) add("agent", agent);
    const held = f.verbal && !f.passive ? objects : f.verbal ? subjects : [of];
    for (const h of held) if (h && (personLike(h) || h.cls.has("attacker"))) add("detainee", h);
  }
  return out;
}
