// Fills an event's arguments from its sentence: the date (in the sentence, else the nearest earlier
// one in the paragraph), the place, participants by role, and the counts whose kind fits the type.

import { reportDateSpans } from "../../ingest/published.js";
import type { CountKind, DateValue, EntityType, Mention, Participant } from "../../model/records.js";
import { speakerBefore } from "../claims/speaker.js";
import { type DateHit, type ExtractContext, entityOf, mentionsIn, type SentenceCtx } from "../context.js";
import { withoutFalseDoers } from "./actors.js";
import { ATTACHED_AFTER, datesAnotherWord, REFERRED_TO } from "./date-scope.js";
import { tokenRange } from "./noun-phrases.js";
import { frameParticipants, headClasses } from "./roles.js";

const ACTORS: ReadonlySet<string> = new Set<EntityType>(["person", "organization", "armed_group", "state"]);
const PLACES: ReadonlySet<string> = new Set<EntityType>(["place", "facility"]);

/** Which count kinds belong to which event type. */
export const COUNT_KINDS: Record<string, CountKind[]> = {
  attack: ["killed", "injured", "hostages", "attackers"],
  death: ["killed"],
  injury: ["injured"],
  arrest: ["arrested", "attacks_thwarted"],
  missile_strike: ["missiles", "killed", "injured"],
  air_strike: ["missiles", "killed", "injured"],
  armed_clash: ["killed", "injured"],
  execution: ["killed"],
};

/** Count kinds that must sit right after the trigger ("executed 5 prisoners") to belong to it. */
export const NEAR_COUNT_TYPES: ReadonlySet<string> = new Set(["execution"]);

/** "since 1979", "until 2020": a reference point, not the time of the event. */
function isBackground(ctx: ExtractContext, d: DateHit): boolean {
  const before = ctx.doc.text.slice(Math.max(0, d.mention.start - 8), d.mention.start);
  if (/^(?:since|until|till)\b/i.test(d.mention.text) || /\b(?:since|until|till|before)\s+$/i.test(before)) return true;
  // "only from 4 January did reports speak of bombers": a starting point, unless a range follows
  const after = ctx.doc.text.slice(d.mention.end, d.mention.end + 12);
  return /\b(?:only\s+)?from\s+$/i.test(before) && !/^\s*(?:(?:to|until|till|through|and)\b|[-–])/i.test(after);
}

/**
 * "IS claimed responsibility on Thursday for the attack of Wednesday": a date governed by a claim
 * or speech verb dates the statement, not the event it talks about. The date is kept only for the
 * trigger that is that verb phrase itself (the claim or statement event).
 */
const SPEECH_BEFORE_DATE =
  /\b(?:claim(?:ed|s)?|said|says|announced|announces|stated|declared|reported|told|confirmed|added|denied|wrote|posted|issued|published|acknowledged)(?:\s+(?:responsibility|credit|a\s+statement|reporters|journalists))?(?:\s+(?:late|early))?\s+(?:on|late\s+on|early\s+on)?\s*$/i;

/** "the Islamic State claim of 4 January", "a statement on Friday": a dated statement noun. */
const STATEMENT_NOUN_BEFORE_DATE =
  /\b(?:claim|statement|announcement|communiqu[ée]|remarks|speech|video|message|press\s+conference|briefing)\s+(?:of|on|dated|issued\s+on|released\s+on)\s*$/i;

function datesOtherSpeech(ctx: ExtractContext, d: DateHit, triggerStart: number, triggerEnd: number): boolean {
  const text = ctx.doc.text;
  const before = text.slice(Math.max(0, d.mention.start - 40), d.mention.start);
  const inside = triggerStart < d.mention.start && triggerEnd > d.mention.start - before.length;
  if (STATEMENT_NOUN_BEFORE_DATE.test(before) && !inside) return true;
  const m = SPEECH_BEFORE_DATE.exec(before);
  if (!m) return false;
  const verbStart = d.mention.start - before.length + m.index;
  // the trigger is the verb phrase the date hangs on ("claimed responsibility on Thursday")
  return !(triggerStart < d.mention.start && triggerEnd > verbStart);
}

export interface EventDate {
  value: DateValue;
  how: "sentence" | "paragraph" | "previous-paragraph";
}

/**
 * The event's date: a date in its sentence (the last one before the trigger, else the first);
 * else the nearest earlier date in the paragraph; else a date in the last sentence of the previous
 * paragraph (news copy often puts one or two sentences in each paragraph). Dates after "since" or
 * "until" are reference points and never date an event.
 */
export function eventDate(
  ctx: ExtractContext,
  s: SentenceCtx,
  triggerStart: number,
  triggerEnd = triggerStart,
  type?: string,
): EventDate | undefined {
  const usable = (i: number) =>
    ctx.dates.filter(
      (d) =>
        d.sentence === i &&
        d.value &&
        !isBackground(ctx, d) &&
        !datesOtherSpeech(ctx, d, triggerStart, triggerEnd) &&
        !datesAnotherWord(ctx.doc.text, d.mention, triggerStart, triggerEnd, type) &&
        // "DUBAI, Jan 4 (Wire) -": the dateline dates the report, not what it tells
        !(datelineMention(ctx) && inDateline(ctx, d.mention)) &&
        !inWireDateline(ctx, d.mention),
    );
  if (isBackReference(ctx, s, triggerStart)) {
    // "the Kerman bombings", "this attack": the event happened at some other time; only a date
    // inside the phrase or right after it ("the attack on 3 January") belongs to it.
    const attached = usable(s.index).find(
      (d) =>
        (d.mention.end <= triggerStart &&
          d.mention.start >= triggerStart - 40 &&
          MODIFIERS_ONLY.test(ctx.doc.text.slice(d.mention.end, triggerStart))) ||
        (d.mention.start >= triggerEnd && ATTACHED_AFTER.test(ctx.doc.text.slice(triggerEnd, d.mention.start))),
    );
    // "the bombing that killed 12 people … a day earlier": a day offset counted back from the
    // report's own date is told precisely to date the event referred to
    const offset = attached
      ? undefined
      : usable(s.index).find((d) => d.mention.start >= triggerEnd && d.mention.rule === "date:relative-day");
    const hit = attached ?? offset;
    return hit ? { value: hit.value!, how: "sentence" } : undefined;
  }
  const inSentence = usable(s.index);
  if (inSentence.length) {
    const before = inSentence.filter((d) => d.mention.start < triggerStart);
    const pick = before.length ? before[before.length - 1]! : inSentence[0]!;
    return { value: pick.value!, how: "sentence" };
  }
  for (let i = s.index - 1; i >= 0; i--) {
    const prev = ctx.sentences[i]!;
    // only a day carries over to a later sentence: a year or a season named earlier ("targeted Iran
    // in 2017 and 2022", "crossed the border in mid-December") is background, not this event's date
    const ds = usable(prev.index).filter((d) => d.value!.precision === "day" && !foretold(ctx, prev, d.mention.start));
    if (prev.paragraph !== s.paragraph) {
      // cross one paragraph boundary only: the last sentence of the paragraph just before
      return ds.length ? { value: ds[ds.length - 1]!.value!, how: "previous-paragraph" } : undefined;
    }
    if (ds.length) return { value: ds[ds.length - 1]!.value!, how: "paragraph" };
  }
  return undefined;
}

/** Before a date in its clause: what is yet to happen ("funerals are expected to be held on Friday"). */
const FORETOLD = /\b(?:will|shall|expected\s+to|due\s+to|scheduled|set\s+to|to\s+be\s+held|planned\s+for)\b[^,;]*$/i;

/** A date in a clause about what is yet to happen dates that, never an event told in a later sentence. */
function foretold(ctx: ExtractContext, s: SentenceCtx, dateStart: number): boolean {
  return FORETOLD.test(ctx.doc.text.slice(s.start, dateStart));
}

/**
 * A nominal trigger under a definite determiner or possessive ("the attack", "these bombings",
 * "the Kerman bombings", "Iran's response to the attack") refers back to an event told elsewhere.
 */
/** Between a date and the noun it modifies ("the 3 January twin bombings"): a few words, no verb or preposition. */
const MODIFIERS_ONLY =
  /^\s*(?!.*\b(?:over|for|of|on|in|at|by|with|to|that|which|who|and|or|was|were|is|are|had|has|have|\w+ed)\b)(?:[\w’'-]+\s+){0,3}$/i;

// case-sensitive for the capitalised modifiers; a demonstrative may open the sentence ("This attack underscores …"),
// while a sentence opening "The bombing took place on Tuesday" is often the event's own telling
const BACK_REFERENCE =
  /\b(?:the|this|these|that|those|its|their|his|her|This|These|That|Those)\s+(?:[A-Z][\w’'-]*\s+){0,3}$/;

function isBackReference(ctx: ExtractContext, s: SentenceCtx, triggerStart: number): boolean {
  const before = ctx.doc.text.slice(Math.max(s.start, triggerStart - 60), triggerStart);
  if (relativeVerb(ctx, before, triggerStart)) return false;
  return BACK_REFERENCE.test(before) || REFERRED_TO.test(before);
}

/** "a bomb that exploded near the border": "that" before a verb opens a relative clause, it points at nothing. */
function relativeVerb(ctx: ExtractContext, before: string, triggerStart: number): boolean {
  if (!/\b(?:that|which)\s+$/i.test(before) || !ctx.tokens) return false;
  const [first] = tokenRange(ctx.tokens, triggerStart, triggerStart + 1);
  return ctx.tokens[first]?.pos === "VERB";
}

// Up to three words may sit between the preposition and the place ("in the northern province of"),
// but not a clause boundary: "on Wednesday that the United States …" is no locative.
const LOCATIVE =
  /\b(?:in|at|on|near|outside|inside|into|across|targeting|against|of)\s+(?:the\s+)?(?:(?!(?:that|which|who|said|says|and|or|but|is|was|were|had|has|have|to|for|with|by|from|as|after|before|when|while)\b)[\w’'-]+\s+){0,3}$/i;

/**
 * A country blamed, accused, threatened or sanctioned is an actor, not where the event happened:
 * "Iran blamed Israel and the US for the attack" must not put the attack in Israel.
 */
const ACTOR_OBJECT =
  /\b(?:blam\w*|accus\w*|condemn\w*|denounc\w*|threaten\w*|warn\w*|sanction\w*|urg\w*|called\s+on|revenge\s+(?:on|against)|finger\s+at|retaliat\w*\s+against|vow\w*\s+(?:\w+\s+){0,2}(?:on|against)|held|hold\w*|responsib\w*\s+(?:on|to))\s+(?:the\s+)?(?:[\w’'.-]+\s+(?:and|or|,)?\s*(?:the\s+)?){0,4}$/i;

function isActorObject(ctx: ExtractContext, s: SentenceCtx, m: Mention): boolean {
  return ACTOR_OBJECT.test(ctx.doc.text.slice(Math.max(s.start, m.start - 60), m.start));
}

/**
 * A dateline place ("KERMAN, Iran —", "SAN SALVADOR, 5 Jan (ACAN) --") at the start of the
 * document's first sentence: where the story is filed, used when a sentence names no place.
 */
function datelineMention(ctx: ExtractContext): Mention | undefined {
  // the headline may come first: the dateline opens the first or second sentence
  for (const first of ctx.sentences.slice(0, 2)) {
    const m = datelineAt(ctx, first);
    if (m) return m;
  }
  return undefined;
}

function datelineAt(ctx: ExtractContext, first: SentenceCtx): Mention | undefined {
  const ms = mentionsIn(ctx, first.start, Math.min(first.end, first.start + 60)).filter((m) => PLACES.has(m.kind));
  const lead = ms[0];
  if (!lead || lead.start - first.start > 2) return undefined;
  const rest = ctx.doc.text.slice(lead.end, Math.min(ctx.doc.text.length, lead.end + 40));
  const header =
    /^(?:,\s*[\w .]+?)?\s*(?:,\s*(?:\d{1,2}\s+\w+|[A-Z][a-z]{2,8}\.?\s+\d{1,2})\s*)?(?:\([^)]*\)\s*)?(?:—|–|--|-\s)/.exec(
      rest,
    );
  if (header) datelineEnd.set(ctx, lead.end + header[0].length);
  return header ? lead : undefined;
}

const wireCache = new WeakMap<ExtractContext, { start: number; end: number }[]>();

/** A date inside the text's own date stamp or wire dateline ("Lagos, March 4:"), found from the text alone. */
function inWireDateline(ctx: ExtractContext, m: Mention): boolean {
  let w = wireCache.get(ctx);
  if (w === undefined) {
    w = reportDateSpans(ctx.doc.text);
    wireCache.set(ctx, w);
  }
  return w.some((x) => m.start >= x.start && m.end <= x.end);
}

/** Where the dateline header ("KERMAN, Iran, Jan 3 (Wire) -") ends: names inside it are no scene. */
const datelineEnd = new WeakMap<ExtractContext, number>();
const inDateline = (ctx: ExtractContext, m: Mention) => m.start < (datelineEnd.get(ctx) ?? 0);

const sameName = (a: Mention, b: Mention) =>
  (a.entity !== undefined && a.entity === b.entity) || a.text.toLowerCase() === b.text.toLowerCase();

/** A city or facility named in a locative phrase ("in the city of Kerman") somewhere in the lead. */
function isLocativeScene(ctx: ExtractContext, s: SentenceCtx, m: Mention): boolean {
  if (!PLACES.has(m.kind) || isActorObject(ctx, s, m)) return false;
  const precision = entityOf(ctx, m)?.geo?.precision;
  if (m.kind !== "facility" && precision !== "city" && precision !== "facility") return false;
  return LOCATIVE.test(ctx.doc.text.slice(Math.max(s.start, m.start - 40), m.start));
}

const datelineCache = new WeakMap<ExtractContext, Mention | null>();

/**
 * The dateline names where the report was filed ("DUBAI, Jan 4 (Wire) -"), which is the scene only
 * in local reporting. It stands in as the event place only when the document's lead (first three
 * sentences) names no other city or facility in a locative phrase: "DUBAI … in the Iranian city of
 * Kerman" puts the story in Kerman, and events without a place of their own get none.
 */
function datelinePlace(ctx: ExtractContext): Mention | undefined {
  const cached = datelineCache.get(ctx);
  if (cached !== undefined) return cached ?? undefined;
  let lead = datelineMention(ctx);
  if (lead) {
    const dl = lead;
    const other = ctx.sentences
      .slice(0, 3)
      .some((s) =>
        mentionsIn(ctx, s.start, s.end).some(
          (m) => !sameName(m, dl) && !inDateline(ctx, m) && isLocativeScene(ctx, s, m),
        ),
      );
    if (other) lead = undefined;
  }
  datelineCache.set(ctx, lead ?? null);
  return lead;
}

/** Whether a sentence (or, for "paragraph", its paragraph) names a place other than the dateline. */
function namesOtherPlace(ctx: ExtractContext, s: SentenceCtx): boolean {
  const dl = datelineMention(ctx);
  const para = ctx.sentences.filter((t) => t.paragraph === s.paragraph);
  const start = para.length ? para[0]!.start : s.start;
  const end = para.length ? para[para.length - 1]!.end : s.end;
  return mentionsIn(ctx, start, end).some(
    (m) => PLACES.has(m.kind) && !inDateline(ctx, m) && (!dl || !sameName(m, dl)) && !isActorObject(ctx, s, m),
  );
}

function fallbackPlace(ctx: ExtractContext, s: SentenceCtx): Mention | undefined {
  return namesOtherPlace(ctx, s) ? undefined : datelinePlace(ctx);
}

/** A place name followed by a speech or stance verb stands for its government. */
// "Kabul and Dushanbe routinely blame one another": a second capital and an adverb may come between
const METONYM_AFTER =
  /^\s*(?:and\s+\p{Lu}[\p{L}-]+\s+)?(?:\p{Ll}+ly\s+)?(?:['’]s\b|(?:has|had|have)\s+(?!been\b)\w+|(?:has\s+|had\s+|have\s+)?(?:said|says|say|accuse|accused|accuses|blame|blamed|blames|warned|warns|denied|denies|claimed|claims|vowed|vows|condemned|condemns|announced|announces|stated|recalled|demanded|summoned|rejected|responded|insisted|urged|threatened|retaliated)\b)/iu;

/** "U.S. officials", "Iraqi forces": a place name used as a modifier of people is no location. */
function modifiesPeople(ctx: ExtractContext, m: Mention): boolean {
  // a city before "police" is where it happened ("Chicago police said …"); a country is not
  const precision = entityOf(ctx, m)?.geo?.precision;
  if (precision === "city" || precision === "facility" || m.kind === "facility") return false;
  const next = /^\s+([A-Za-z-]+)/.exec(ctx.doc.text.slice(m.end, m.end + 30))?.[1];
  if (!next) return false;
  const cls = headClasses(next);
  return cls.has("person") || cls.has("organization") || cls.has("attacker");
}

/**
 * Before a place in its clause: the wounded being carried or treated ("transported to Peshawar", "admitted to
 * hospitals in Quetta", "referred to the hospital in Timargarh"): where victims were taken, not where it happened.
 */
const CARRIED_TO =
  /(?:\b(?:taken|transported|rushed|shifted|referred|sent|airlifted|flown|evacuated|admitted|brought|moved|transferred)\b[^.;,]{0,60}\b(?:to|in|at)|\bhospitals?\s+(?:in|at|of))\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}$/i;
/** "taken to <hospital> where he died": the event is told in a where-clause of the place, so it happened there. */
const diedThere = (text: string, m: Mention, triggerEnd: number): boolean =>
  m.end < triggerEnd && /^[\s,]*where\b[^.;]*$/i.test(text.slice(m.end, triggerEnd));
/**
 * Between an event's trigger and a later place: a speech verb — the place is in what was said after it — or a
 * meeting told in its own clause ("came on the day when both envoys met in Geneva").
 */
// case-sensitive: a capitalised "Said" mid-sentence is a name ("the bomber, Said …, detonated himself in …")
const SPEECH_BEFORE_PLACE =
  /,[^.;]*\b(?:said|says|adding|added|told|announced|stated)\b|\b(?:[Ww]hen|[Ww]hile|[Aa]s)\b[^.;]*\b(?:met|meets|meeting|visited|visiting|held\s+talks)\b/;
/** Between an event's trigger and another event's trigger: the second event is told in its own clause. */
const CLAUSE_LINK = /\b(?:after|before|following|since|while|when|and|as)\b|[,;]/i;

/**
 * The place of the event triggered before `triggerEnd`. `others` are the spans of other events' triggers in the
 * sentence: a place after one of them, past a clause link, is that event's ("The strike comes after the Guards
 * carried out attacks in Iraq" does not put the strike in Iraq).
 */
export function eventPlace(
  ctx: ExtractContext,
  s: SentenceCtx,
  triggerEnd: number,
  others: { start: number; end: number }[] = [],
): Mention | undefined {
  const dl = datelineMention(ctx);
  const text0 = ctx.doc.text;
  const otherClause = (m: Mention) =>
    m.start > triggerEnd &&
    (SPEECH_BEFORE_PLACE.test(text0.slice(triggerEnd, m.start)) ||
      others.some(
        (o) => o.start >= triggerEnd && o.end <= m.start && CLAUSE_LINK.test(text0.slice(triggerEnd, o.start)),
      ));
  const places = mentionsIn(ctx, s.start, s.end).filter(
    (m) =>
      PLACES.has(m.kind) &&
      !otherClause(m) &&
      !(CARRIED_TO.test(text0.slice(Math.max(s.start, m.start - 90), m.start)) && !diedThere(text0, m, triggerEnd)) &&
      // the dateline itself is only a fallback (datelinePlace), never a place in its sentence
      m !== dl &&
      !(dl && inDateline(ctx, m)) &&
      !isActorObject(ctx, s, m) &&
      !modifiesPeople(ctx, m),
  );
  if (!places.length) return fallbackPlace(ctx, s);
  const text = ctx.doc.text;
  const locative = places.filter((m) => LOCATIVE.test(text.slice(Math.max(s.start, m.start - 40), m.start)));
  // A locative phrase places an event. Without one, a city or facility named in the sentence
  // may (headlines: "Kerman blasts kill 103"), but never a country and never a name used for its
  // government ("Washington said the attack …", "the United States blamed …").
  const cityLike = places.filter((m) => {
    if (m.kind === "facility") return true;
    const precision = entityOf(ctx, m)?.geo?.precision;
    if (precision !== "city" && precision !== "facility") return false;
    // "recalled its ambassador from Tehran": a source or destination, not the scene
    if (/\b(?:from|to)\s+$/i.test(text.slice(Math.max(s.start, m.start - 6), m.start))) return false;
    return !METONYM_AFTER.test(text.slice(m.end, Math.min(s.end, m.end + 50)));
  });
  const pool = locative.length ? locative : cityLike;
  if (!pool.length) return fallbackPlace(ctx, s);
  // prefer a facility, then the place nearest the trigger
  return [...pool].sort(
    (a, b) =>
      Number(b.kind === "facility") - Number(a.kind === "facility") ||
      Math.abs(a.start - triggerEnd) - Math.abs(b.start - triggerEnd),
  )[0];
}

function participant(role: string, m: Mention, doc: string): Participant {
  const p: Participant = { role, text: m.text, span: { doc, start: m.start, end: m.end, text: m.text } };
  if (m.entity) p.entity = m.entity;
  return p;
}

/** The actor nearest before `pos` in the sentence, optionally limited to some entity types. */
export function actorBefore(ctx: ExtractContext, s: SentenceCtx, pos: number, types = ACTORS): Mention | undefined {
  // "anti-IS drill": the group named in a modifier is not the actor
  const ms = mentionsIn(ctx, s.start, pos).filter(
    (m) =>
      types.has(m.kind) &&
      !/(?:anti|pro|counter)-$/i.test(ctx.doc.text.slice(Math.max(0, m.start - 8), m.start)) &&
      !ctx.quotes.some((q) => q.start <= m.start && m.end <= q.end),
  );
  return ms[ms.length - 1];
}

/**
 * A clause boundary ends the search for an actor after a word: in "according to officials, and
 * were claimed by the Islamic State" the group is the claimant, not the source of the figure.
 */
const CLAUSE_BOUNDARY = /;|,\s+(?:and|but|while|whereas|which|who|although|though)\b|\s[—–]\s/;

export function actorAfter(ctx: ExtractContext, s: SentenceCtx, pos: number, types = ACTORS): Mention | undefined {
  const boundary = CLAUSE_BOUNDARY.exec(ctx.doc.text.slice(pos, s.end));
  const end = boundary ? pos + boundary.index : s.end;
  return mentionsIn(ctx, pos, end).find((m) => types.has(m.kind));
}

const GROUPS: ReadonlySet<string> = new Set(["armed_group"]);
const STATE_ACTORS: ReadonlySet<string> = new Set(["state", "organization", "armed_group"]);
const PEOPLE: ReadonlySet<string> = new Set(["person", "nationality"]);

const DOER_ROLES: ReadonlySet<string> = new Set(["attacker", "agent", "participant"]);

/**
 * Participants of an event: noun phrases in subject / object / prepositional positions around the
 * trigger (roles.ts), then the entity-only rules below for any role the phrases left empty.
 */
export function eventParticipants(
  ctx: ExtractContext,
  s: SentenceCtx,
  type: string,
  trigger: { start: number; end: number },
): Participant[] {
  // the trigger match carries its lexicon entry: an assassination's patient is a person
  const subtype = (trigger as { pattern?: { entry?: { subtype?: string } } }).pattern?.entry?.subtype;
  const fromPhrases = frameParticipants(ctx, s, type, trigger, subtype);
  // a common-noun doer ("militants") leaves room for the named group the entity rules find
  const filled = new Set(fromPhrases.filter((p) => p.entity || !DOER_ROLES.has(p.role)).map((p) => p.role));
  // "target" and "victim" are one slot for the fallback: a phrase found either role
  if (filled.has("victim")) filled.add("target");
  const covered = (p: Participant) =>
    fromPhrases.some((q) => q.span && p.span && q.span.start < p.span.end && p.span.start < q.span.end);
  const extra = entityParticipants(ctx, s, type, trigger).filter((p) => !filled.has(p.role) && !covered(p));
  return withoutFalseDoers(ctx, [...fromPhrases, ...extra], trigger.start, type);
}

/** The entity-only rules: the nearest group before the trigger, a person after "killed", … */
function entityParticipants(
  ctx: ExtractContext,
  s: SentenceCtx,
  type: string,
  trigger: { start: number; end: number },
): Participant[] {
  const doc = ctx.doc.id;
  const out: Participant[] = [];
  const text = ctx.doc.text;
  const after = (m: Mention | undefined, re: RegExp) =>
    m !== undefined && re.test(text.slice(trigger.end, m.start)) && m.start - trigger.end < 40;
  switch (type) {
    case "attack":
    case "missile_strike":
    case "air_strike":
    case "armed_clash": {
      const groupTypes = type === "attack" ? GROUPS : STATE_ACTORS;
      const by = actorAfter(ctx, s, trigger.end, groupTypes);
      const attacker = after(by, /^\s*(?:\w+\s+){0,3}(?:by|from)\s+(?:the\s+)?$/i)
        ? by
        : actorBefore(ctx, s, trigger.start, groupTypes);
      if (attacker) out.push(participant(type === "armed_clash" ? "participant" : "attacker", attacker, doc));
      const target = actorAfter(ctx, s, trigger.end, new Set([...ACTORS, "facility", "place"]));
      if (
        target &&
        target !== attacker &&
        after(target, /^\s*(?:on|against|targeting|at)\s+(?:the\s+|a\s+)?(?:[\w’'-]+\s+){0,2}$/i)
      )
        out.push(participant("target", target, doc));
      break;
    }
    case "death":
    case "injury":
    case "execution": {
      const victim = actorAfter(ctx, s, trigger.end, new Set(["person"]));
      if (victim && after(victim, /^\s*(?:of\s+)?(?:[\w’'-]+\s+){0,3}$/i)) out.push(participant("victim", victim, doc));
      if (type === "execution") {
        const agent = actorBefore(ctx, s, trigger.start, STATE_ACTORS);
        if (agent) out.push(participant("agent", agent, doc));
      }
      break;
    }
    case "arrest": {
      const agent = actorBefore(ctx, s, trigger.start, STATE_ACTORS);
      if (agent) out.push(participant("agent", agent, doc));
      const detainee = actorAfter(ctx, s, trigger.end, new Set([...PEOPLE, "armed_group"]));
      if (detainee && detainee.start - trigger.end < 60) out.push(participant("detainee", detainee, doc));
      break;
    }
    case "claim_of_responsibility": {
      // the subject must be a group: a person "taking credit" is not claiming an attack
      const subject = speakerBefore(ctx, s, trigger.start);
      const claimant =
        subject && (subject.kind === "armed_group" || subject.kind === "organization")
          ? subject
          : subject
            ? undefined
            : actorBefore(ctx, s, trigger.start, new Set(["armed_group"]));
      if (claimant) out.push(participant("claimant", claimant, doc));
      break;
    }
    case "meeting": {
      for (const m of mentionsIn(ctx, s.start, s.end)) {
        if (m.kind === "person" || m.kind === "organization" || m.kind === "state" || m.kind === "armed_group")
          out.push(participant("participant", m, doc));
      }
      break;
    }
    case "military_exercise":
    case "border_crossing": {
      const who = actorBefore(ctx, s, trigger.start);
      if (who) out.push(participant("participant", who, doc));
      break;
    }
    default: {
      // statement, accusation, threat, denial
      const speaker = speakerBefore(ctx, s, trigger.start);
      if (speaker) out.push(participant("speaker", speaker, doc));
      if (type === "accusation" || type === "threat") {
        const target = actorAfter(ctx, s, trigger.end);
        if (target) out.push(participant("target", target, doc));
      }
    }
  }
  return out;
}
