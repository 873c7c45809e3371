// Facts from text in languages other than English, on the per-language data of data/lexicons/i18n/: per
// stretch of one language, the main event (the first attack-like trigger: type, date, place, counts), the
// armed groups named, and responsibility claims / blame. Same records as the English rules, so they fuse with
// English facts of the same incident; every span points into the stored text. Confidence is below the English
// rules' until these rules are measured on more than the dev clusters (docs/accuracy.md).
import type {
  Claim,
  CountValue,
  DateValue,
  DocFacts,
  Document,
  Entity,
  Event,
  Mention,
  Participant,
  Span,
} from "../../model/records.js";
import { countryByCode, countryGeo, geocode } from "../../resolve/geo/index.js";
import { armedGroup } from "../entities/groups.js";
import { referenceOf } from "../reference-date.js";
import { findCounts } from "./counts.js";
import { findDates, reportStamps } from "./dates.js";
import { type Lexicon, lexiconFor, type PlaceRef, type TriggerKind } from "./lexicon.js";
import type { Stretch } from "./stretches.js";
import { type Match, type Token, tokenize } from "./tokens.js";

/** Default confidence of a fact read by these rules. */
export const I18N_CONFIDENCE = 0.5;
/** Sentences from the first trigger in which the main event's kind, date and counts are looked for. */
const LEAD_SENTENCES = 3;

const ATTACK_KINDS: TriggerKind[] = ["bombing", "explosion", "shooting", "strike", "attack"];

interface Built {
  mentions: Mention[];
  entities: Entity[];
  events: Event[];
  claims: Claim[];
}

class FactBuilder implements Built {
  mentions: Mention[] = [];
  entities: Entity[] = [];
  events: Event[] = [];
  claims: Claim[] = [];
  private readonly prefix: string;
  private readonly byKey = new Map<string, Entity>();

  constructor(readonly doc: Document) {
    this.prefix = doc.id.slice(0, 12);
  }

  span(start: number, end: number): Span {
    return { doc: this.doc.id, start, end, text: this.doc.text.slice(start, end) };
  }

  mention(kind: Mention["kind"], start: number, end: number, rule: string, value?: unknown, entity?: Entity): Mention {
    const m: Mention = {
      id: `${this.prefix}:xm${this.mentions.length}`,
      doc: this.doc.id,
      start,
      end,
      text: this.doc.text.slice(start, end),
      kind,
      rule,
      confidence: I18N_CONFIDENCE,
    };
    if (value !== undefined) m.value = value;
    if (entity) {
      m.entity = entity.id;
      entity.mentions.push(m.id);
      if (!entity.aliases.includes(m.text)) entity.aliases.push(m.text);
    }
    this.mentions.push(m);
    return m;
  }

  /** One entity per canonical key in the document. */
  entity(key: string, make: () => Omit<Entity, "id" | "mentions" | "aliases">): Entity {
    const hit = this.byKey.get(key);
    if (hit) return hit;
    const e: Entity = { id: `${this.prefix}:xe${this.entities.length}`, aliases: [], mentions: [], ...make() };
    this.entities.push(e);
    this.byKey.set(key, e);
    return e;
  }

  eventId(): string {
    return `${this.prefix}:xev${this.events.length}`;
  }

  claimId(): string {
    return `${this.prefix}:xcl${this.claims.length}`;
  }
}

const tokenSpan = (tokens: Token[], from: number, to: number): [number, number] => [
  tokens[from]!.start,
  tokens[to - 1]!.end,
];

function capitalised(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text);
}

interface PlaceHit {
  entity: Entity;
  from: number;
  sentence: number;
  precision: string;
  /** Named as the doer ("भारत ने", "ایران نے"): a state that acts, not where the event is. */
  agent: boolean;
}

function resolvePlace(ref: PlaceRef, countries: string[]): { name: string; geo: Entity["geo"] } | undefined {
  if (ref.kind === "country") {
    const geo = countryGeo(ref.code);
    const info = countryByCode(ref.code);
    return geo && info ? { name: info.name, geo } : undefined;
  }
  const m = geocode(ref.name, { countries });
  return m ? { name: m.name, geo: m.geo } : undefined;
}

function findPlaces(tokens: Token[], lex: Lexicon, b: FactBuilder): PlaceHit[] {
  const raw: { m: Match<PlaceRef> }[] = [];
  for (const m of lex.places.all(tokens)) {
    if (lex.capitalisedPlaces && !capitalised(tokens[m.from]!)) continue;
    // a name matched by its start may be the nationality adjective ("ইরানি", "ஈரானிய")
    if (lex.inflectedNames && lex.demonyms.at(tokens, m.from)?.to === m.to) continue;
    if (lex.inflectedNames && lex.notPlaces.at(tokens, m.from)) continue;
    raw.push({ m });
  }
  const countries = raw.flatMap(({ m }) => (m.value.kind === "country" ? [m.value.code] : []));
  // capitalised names after a locative ("à Bamako", "in Kabul") that the gazetteer knows in a country the text names
  for (const loc of lex.locatives.all(tokens)) {
    const t = tokens[loc.to];
    if (!t || t.sentence !== tokens[loc.from]!.sentence || !capitalised(t)) continue;
    if (raw.some(({ m }) => m.from <= loc.to && loc.to < m.to)) continue;
    const g = geocode(t.text, { countries });
    if (g?.geo.country && countries.includes(g.geo.country) && g.kind !== "country") {
      raw.push({ m: { value: { kind: "name", name: g.name }, from: loc.to, to: loc.to + 1, source: t.text } });
    }
  }
  const out: PlaceHit[] = [];
  for (const { m } of raw.sort((x, y) => x.m.from - y.m.from)) {
    const r = resolvePlace(m.value, countries);
    if (!r?.geo) continue;
    const geo = r.geo;
    const e = b.entity(`place:${r.name}`, () => ({ type: "place", name: r.name, geo, rule: "i18n:place" }));
    const [s, t] = tokenSpan(tokens, m.from, m.to);
    b.mention("place", s, t, "i18n:place", r.name, e);
    const agent = !!lex.agentMarkers.at(tokens, m.to);
    out.push({ entity: e, from: m.from, sentence: tokens[m.from]!.sentence, precision: geo.precision, agent });
  }
  return out;
}

interface GroupHit {
  entity: Entity;
  from: number;
  to: number;
  sentence: number;
}

function findGroups(tokens: Token[], lex: Lexicon, b: FactBuilder): GroupHit[] {
  const out: GroupHit[] = [];
  for (const m of lex.groups.all(tokens)) {
    if (m.value.english && lex.capitalisedEnglishNames && !capitalised(tokens[m.from]!)) continue;
    const g = armedGroup(m.value.id);
    if (!g) continue;
    const e = b.entity(`group:${g.id}`, () => ({ type: "armed_group", name: g.name, rule: "i18n:armed-groups" }));
    const [s, t] = tokenSpan(tokens, m.from, m.to);
    b.mention("armed_group", s, t, "i18n:armed-groups", g.name, e);
    out.push({ entity: e, from: m.from, to: m.to, sentence: tokens[m.from]!.sentence });
  }
  return out;
}

const ATTACK_TYPE: Record<string, { type: string; subtype?: string; weapon?: string }> = {
  bombing: { type: "attack", subtype: "Bombing/Explosion", weapon: "Explosives" },
  explosion: { type: "attack", subtype: "Bombing/Explosion", weapon: "Explosives" },
  shooting: { type: "attack", subtype: "Armed Assault", weapon: "Firearms" },
  strike: { type: "air_strike" },
  attack: { type: "attack", subtype: "Unknown" },
};

/** The kind named in the lead: a bombing or shooting word beats a strike word, any of them beats "attack". */
function leadKind(triggers: Match<TriggerKind>[]): TriggerKind | undefined {
  for (const k of ["bombing", "shooting", "strike", "explosion", "attack"] as TriggerKind[])
    if (triggers.some((t) => t.value === k)) return k;
  return undefined;
}

function sentenceSpan(tokens: Token[], sentence: number): [number, number] {
  const ts = tokens.filter((t) => t.sentence === sentence);
  return [ts[0]!.start, ts[ts.length - 1]!.end];
}

/** Tokens before a group in which an affiliation phrase may end ("affilié à Al-Qaïda", "membre du JNIM"). */
const AFFILIATION_REACH = 3;

/**
 * The group a claim word in `sentence` is about: the nearest one named before it ("la Katiba Macina, … a
 * revendiqué"; "le GSIM, qui a revendiqué"), skipping a group told as another's affiliation ("JNIM, affilié à
 * Al-Qaïda, a revendiqué": JNIM); else the first one after it ("revendiquée par le Jnim", verb-first languages).
 */
function claimantIn(groups: GroupHit[], tokens: Token[], lex: Lexicon, sentence: number, cue: number) {
  const inSentence = groups.filter((g) => g.sentence === sentence);
  const affiliated = (g: GroupHit): boolean => {
    for (let i = Math.max(0, g.from - AFFILIATION_REACH - 2); i < g.from; i++) {
      const m = lex.affiliations.at(tokens, i);
      if (m && m.to <= g.from && g.from - m.to <= AFFILIATION_REACH) return true;
    }
    return false;
  };
  const before = inSentence.filter((g) => g.to <= cue && !affiliated(g)).sort((a, b) => b.from - a.from);
  return before[0] ?? inSentence.find((g) => g.from >= cue) ?? inSentence[0];
}

function negated(tokens: Token[], lex: Lexicon, sentence: number): boolean {
  return tokens.some((t, i) => t.sentence === sentence && lex.negations.at(tokens, i));
}

function extractStretch(doc: Document, st: Stretch, lex: Lexicon, b: FactBuilder, sentenceBase: number): number {
  const tokens = tokenize(doc.text, st.start, st.end, lex.arabic, sentenceBase);
  if (!tokens.length) return sentenceBase;
  const lastSentence = tokens[tokens.length - 1]!.sentence;
  const ref = referenceOf(doc);
  // relative days ("hier", "on Tuesday") need a stated publication day; an estimate only places yearless dates
  const reference = ref?.value.precision === "day" ? ref.value.start : undefined;
  const found = findDates(tokens, lex, doc.text, reference).filter((d) => d.explicit || ref?.stated);
  const dateTokens = new Set(found.flatMap((d) => Array.from({ length: d.to - d.from }, (_, k) => d.from + k)));
  // the report's own date stamp ("Publié le …", a line holding only a date) dates the report, not its events
  const stamps = st.start < 600 ? reportStamps(doc.text, lex) : [];
  const isStamp = (d: (typeof found)[number]): boolean =>
    stamps.some((x) => x.start <= tokens[d.from]!.start && tokens[d.from]!.start < x.end);
  for (const d of found) {
    const [s, t] = tokenSpan(tokens, d.from, d.to);
    const rule = isStamp(d) ? "i18n:date:report" : d.explicit ? "i18n:date" : "i18n:date:relative";
    b.mention("date", s, t, rule, d.value);
  }
  const dates = found.filter((d) => !isStamp(d));
  const counts = findCounts(tokens, lex, doc.text, dateTokens);
  const countValues = counts.map((c) => {
    const [s, t] = tokenSpan(tokens, c.from, c.to);
    const bounded = c.qualifier === "at_least" || c.qualifier === "more_than";
    const cv: CountValue = {
      kind: c.kind === "missing" ? "other" : c.kind,
      value: c.value,
      min: c.qualifier === "more_than" ? c.value + 1 : c.value,
      max: bounded ? null : c.value,
      qualifier: c.qualifier,
      span: b.span(s, t),
    };
    if (c.kind === "missing") cv.subset = "missing";
    b.mention("count", s, t, `i18n:count:${c.kind}`, cv);
    return { c, cv, sentence: tokens[c.from]!.sentence };
  });
  const places = findPlaces(tokens, lex, b);
  const groups = findGroups(tokens, lex, b);
  const triggers = lex.triggers.all(tokens).filter((m) => !dateTokens.has(m.from));
  const main = doc.language.toLowerCase().split(/[-_]/)[0] === st.language;
  const background = backgroundSentences(tokens, lex, reference);

  // the main event: the first sentence with an attack-like trigger, its kind read from the lead sentences
  const first = triggers.find((t) => ATTACK_KINDS.includes(t.value) && !background.has(tokens[t.from]!.sentence));
  let mainEvent: Event | undefined;
  if (first) {
    const s0 = tokens[first.from]!.sentence;
    const lead = triggers.filter((t) => {
      const s = tokens[t.from]!.sentence;
      return s >= s0 && s < s0 + LEAD_SENTENCES && ATTACK_KINDS.includes(t.value);
    });
    const kind = leadKind(lead) ?? first.value;
    const trig = lead.find((t) => t.value === kind) ?? first;
    const shape = ATTACK_TYPE[kind]!;
    const [ts, te] = tokenSpan(tokens, trig.from, trig.to);
    const [ss, se] = sentenceSpan(tokens, tokens[trig.from]!.sentence);
    const inLead = (s: number): boolean => s >= s0 - 1 && s < s0 + LEAD_SENTENCES;
    const suicide = tokens.some((t, i) => inLead(t.sentence) && lex.suicide.at(tokens, i));
    const attributes: Record<string, unknown> = { language: st.language };
    if (shape.subtype) attributes.attackType = shape.subtype;
    if (shape.weapon) attributes.weapon = shape.weapon;
    if (shape.type === "attack") attributes.suicide = suicide;
    if (main) {
      attributes.salience = "main";
      attributes.salienceReason = "the first attack the report names";
    }
    const ev: Event = {
      id: b.eventId(),
      doc: doc.id,
      type: shape.type,
      trigger: b.span(ts, te),
      sentence: b.span(ss, se),
      participants: [],
      // short reports tell one incident: every toll they give is taken as the main event's
      counts: countValues.filter((x) => !background.has(x.sentence)).map((x) => x.cv),
      modality: "asserted",
      attributes,
      rule: `i18n:${st.language}:${kind}`,
      confidence: I18N_CONFIDENCE,
    };
    if (shape.subtype) ev.subtype = shape.subtype;
    const attacks = triggers.filter((t) => ATTACK_KINDS.includes(t.value) && !background.has(tokens[t.from]!.sentence));
    const date = attachedDate(dates, attacks, tokens) ?? pickDate(dates, tokens, s0, background);
    if (date) ev.date = date;
    const place = pickPlace(places, s0);
    // the nationals of another country than the attack's are a part of its toll ("12 US soldiers" in Kabul)
    const country = place?.entity.geo?.country;
    for (const { c, cv } of countValues)
      if (country && c.nationality && c.nationality !== country && !cv.subset)
        cv.subset = `nationals of ${countryByCode(c.nationality)?.name ?? c.nationality}`;
    if (place) {
      ev.place = place.entity.id;
      const p: Participant = { role: "place", entity: place.entity.id, text: place.entity.name };
      ev.participants.push(p);
    }
    b.events.push(ev);
    mainEvent = ev;
  }

  // responsibility claims and blame: a claim word and a group in one sentence
  for (const t of triggers) {
    if (t.value !== "claim" && t.value !== "blame") continue;
    const s = tokens[t.from]!.sentence;
    if (negated(tokens, lex, s)) continue;
    const g =
      claimantIn(groups, tokens, lex, s, t.from) ??
      (t.value === "claim" ? groups.find((x) => x.sentence === s - 1) : undefined);
    if (!g) continue;
    const [cs, ce] = tokenSpan(tokens, t.from, t.to);
    const [ss, se] = sentenceSpan(tokens, s);
    // one claim per group and sentence, however many claim words it has
    const kind = t.value === "claim" ? "responsibility" : "attribution";
    if (b.claims.some((c) => c.kind === kind && c.target === g.entity.id && c.content.start === ss)) continue;
    const claim: Claim = {
      id: b.claimId(),
      doc: doc.id,
      kind,
      cue: b.span(cs, ce),
      content: b.span(ss, se),
      quoted: false,
      about: mainEvent ? [mainEvent.id] : [],
      target: g.entity.id,
      stance: "assert",
      rule: `i18n:${st.language}:${t.value}`,
      confidence: I18N_CONFIDENCE,
    };
    if (t.value === "claim") {
      claim.speaker = g.entity.id;
      claim.speakerText = doc.text.slice(...tokenSpan(tokens, g.from, g.to));
    }
    b.claims.push(claim);
    if (t.value === "claim" && mainEvent) {
      const [gs, ge] = tokenSpan(tokens, g.from, g.to);
      mainEvent.participants.push({ role: "attacker", entity: g.entity.id, text: g.entity.name, span: b.span(gs, ge) });
      mainEvent.modality = "claimed";
      mainEvent.reportedBy = g.entity.id;
    }
  }
  return lastSentence + 1;
}

/**
 * Sentences about the past of the report: a background cue, or a year that is neither the reference year nor
 * the one before it. Their tolls and triggers are not the main event's.
 */
function backgroundSentences(tokens: Token[], lex: Lexicon, reference: string | undefined): Set<number> {
  const out = new Set<number>();
  const years = reference ? [Number(reference.slice(0, 4)), Number(reference.slice(0, 4)) - 1] : undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (lex.background.at(tokens, i)) out.add(t.sentence);
    // "… زخمی ہوئے تھے۔": the past auxiliary ends its sentence; mid-sentence ("دھماکہ اتنا شدید تھا کہ") it is plain past
    const last = !tokens[i + 1] || tokens[i + 1]!.sentence !== t.sentence;
    if (last && lex.backgroundFinal.at(tokens, i)) out.add(t.sentence);
    const k = t.keys[0]!;
    if (years && /^(?:19|20)\d\d$/.test(k) && !years.includes(Number(k))) out.add(t.sentence);
  }
  return out;
}

/**
 * A date written onto an attack word — "l'attaque terroriste du 26 octobre", "los ataques del domingo", "حمله روز
 * سه‌شنبه" (at most two words after it), "28 Ocak'taki saldırı" (just before it) — names that attack's day, wherever
 * the report mentions it: the first such calendar date, else the first such weekday or "yesterday".
 */
function attachedDate(
  dates: ReturnType<typeof findDates>,
  attacks: Match<TriggerKind>[],
  tokens: Token[],
): DateValue | undefined {
  const attached = dates.filter((d) =>
    attacks.some((t) => {
      if (tokens[t.from]!.sentence !== tokens[d.from]!.sentence) return false;
      const after = d.from - t.to;
      const before = t.from - d.to;
      return (after >= 0 && after <= 2) || (before >= 0 && before <= 1);
    }),
  );
  return (attached.find((d) => d.explicit) ?? attached[0])?.value;
}

/**
 * The main event's date: an explicit date in its lead, else a relative day there, else the first explicit one
 * elsewhere — never one in a sentence about the report's past ("इसकी शुरुआत 7 अक्टूबर 2023 को … हुई थी").
 */
function pickDate(
  all: ReturnType<typeof findDates>,
  tokens: Token[],
  s0: number,
  background: Set<number>,
): DateValue | undefined {
  const dates = all.filter((d) => !background.has(tokens[d.from]!.sentence));
  const inLead = dates.filter((d) => {
    const s = tokens[d.from]!.sentence;
    return s >= s0 - 1 && s < s0 + LEAD_SENTENCES;
  });
  return (inLead.find((d) => d.explicit) ?? inLead[0] ?? dates.find((d) => d.explicit))?.value;
}

/** The main event's place: the most precise place in its lead, else the first place named; doers last. */
function pickPlace(all: PlaceHit[], s0: number): PlaceHit | undefined {
  const rank = (p: PlaceHit): number => (p.precision === "country" ? 0 : p.precision === "region" ? 1 : 2);
  const places = all.some((p) => !p.agent) ? all.filter((p) => !p.agent) : all;
  const lead = places.filter((p) => p.sentence >= s0 - 1 && p.sentence < s0 + LEAD_SENTENCES);
  const pool = lead.length ? lead : places;
  return [...pool].sort((a, b) => rank(b) - rank(a) || a.from - b.from)[0];
}

/** Facts of a document's non-English stretches (those of languages without a lexicon yield none). */
export function extractForeign(doc: Document, stretches: Stretch[]): DocFacts {
  const b = new FactBuilder(doc);
  let sentence = 0;
  for (const st of stretches) {
    const lex = lexiconFor(st.language);
    if (lex) sentence = extractStretch(doc, st, lex, b, sentence);
  }
  return { doc: doc.id, mentions: b.mentions, entities: b.entities, events: b.events, claims: b.claims, judgments: [] };
}

/** The facts of two readings of one document as one record. */
export function mergeFacts(a: DocFacts, b: DocFacts): DocFacts {
  return {
    doc: a.doc,
    mentions: [...a.mentions, ...b.mentions].sort((x, y) => x.start - y.start || x.end - y.end),
    entities: [...a.entities, ...b.entities],
    events: [...a.events, ...b.events],
    claims: [...a.claims, ...b.claims],
    judgments: [...a.judgments, ...b.judgments],
  };
}
