// The records every stage exchanges, defined once. Each zod schema is the single definition;
// the TypeScript type is inferred from it, so the edges (CLI, API, import) validate with the
// same shape the code is typed with.
import { z } from "zod";

/** Admiralty source reliability: A completely reliable … E unreliable, F cannot be judged. */
export const Reliability = z.enum(["A", "B", "C", "D", "E", "F"]);
export type Reliability = z.infer<typeof Reliability>;

/** Admiralty information credibility: 1 confirmed … 5 improbable, 6 cannot be judged. */
export const Credibility = z.union([
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
  z.literal(5),
  z.literal(6),
]);
export type Credibility = z.infer<typeof Credibility>;

export const DatePrecision = z.enum(["day", "month", "year", "range", "decade", "unknown"]);
export type DatePrecision = z.infer<typeof DatePrecision>;

/**
 * A calendar date as precise as the source allows. `start`/`end` are inclusive day bounds
 * (YYYY-MM-DD) so two values of different precision compare as intervals.
 */
export const DateValue = z.object({
  iso: z.string(), // "2024-01-03", "2024-01", "2024", or "2024-01-03/2024-01-05"
  precision: DatePrecision,
  start: z.string(),
  end: z.string(),
});
export type DateValue = z.infer<typeof DateValue>;

export const Source = z.object({
  id: z.string(), // slug of the outlet name
  name: z.string(),
  reliability: Reliability.default("F"),
  notes: z.string().optional(),
});
export type Source = z.infer<typeof Source>;

export const DocumentFormat = z.enum(["text", "html", "pdf", "feed-item"]);
export type DocumentFormat = z.infer<typeof DocumentFormat>;

/** A stretch of a document in one language (ISO 639-1), for documents that mix languages. */
export const LanguageSpan = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  language: z.string(),
});
export type LanguageSpan = z.infer<typeof LanguageSpan>;

export const Document = z.object({
  id: z.string(), // SHA-256 hex of the normalised clean text
  origin: z.string(), // path or URL it was read from
  url: z.string().optional(),
  title: z.string().optional(),
  author: z.string().optional(),
  outlet: z.string().optional(), // Source.name
  publishedAt: DateValue.optional(),
  /** Where `publishedAt` was read: page metadata or front matter, the URL's path, or a dateline in the text. */
  publishedFrom: z.enum(["metadata", "url", "dateline"]).optional(),
  /**
   * For a document that states no day of publication: the window it was probably written in, inferred
   * from its content and URL. It only places yearless dates in a year; it is never shown as a date.
   */
  publishedEstimate: z.object({ value: DateValue, confidence: z.number().min(0).max(1), basis: z.string() }).optional(),
  language: z.string(), // BCP-47 primary tag, "und" when unknown
  /** Set only when the text mixes languages: its lines by language, covering the text in order. */
  languages: z.array(LanguageSpan).optional(),
  fetchedAt: z.string(), // ISO timestamp of the read
  format: DocumentFormat,
  text: z.string(),
});
export type Document = z.infer<typeof Document>;

/** A character range in one document's `text`. `text` repeats the covered characters. */
export const Span = z.object({
  doc: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Span = z.infer<typeof Span>;

export const EntityType = z.enum([
  "person",
  "organization",
  "armed_group",
  "state",
  "place",
  "facility",
  "nationality",
]);
export type EntityType = z.infer<typeof EntityType>;

export const MentionKind = z.enum([
  ...EntityType.options,
  "date",
  "count",
  "quote",
  "title", // a role/title cue attached to a person
]);
export type MentionKind = z.infer<typeof MentionKind>;

/** Every extracted value: where it is, what it is, which rule produced it, how sure. */
export const Mention = z.object({
  id: z.string(),
  doc: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  kind: MentionKind,
  value: z.unknown().optional(), // normalised value: DateValue, CountValue, canonical name …
  entity: z.string().optional(), // Entity.id for entity mentions
  rule: z.string(),
  confidence: z.number().min(0).max(1),
});
export type Mention = z.infer<typeof Mention>;

export const GeoPrecision = z.enum(["country", "admin1", "city", "facility", "region"]);
export const Geo = z.object({
  lat: z.number(),
  lon: z.number(),
  country: z.string().optional(), // ISO 3166-1 alpha-2
  admin1: z.string().optional(),
  geonamesId: z.number().int().optional(),
  precision: GeoPrecision,
});
export type Geo = z.infer<typeof Geo>;

export const Entity = z.object({
  id: z.string(),
  type: EntityType,
  name: z.string(), // canonical name
  aliases: z.array(z.string()), // every surface form seen
  role: z.string().optional(), // people: "Special Envoy for Afghanistan"
  affiliation: z.string().optional(), // people: "Iran"
  country: z.string().optional(), // nationality/state: ISO alpha-2
  geo: Geo.optional(),
  mentions: z.array(z.string()), // Mention ids
  rule: z.string().optional(), // the rule or lexicon entry that classified it
});
export type Entity = z.infer<typeof Entity>;

export const CountKind = z.enum([
  "killed",
  "injured",
  "arrested",
  "missiles",
  "attacks_thwarted",
  "hostages",
  "attackers",
  "other",
]);
export type CountKind = z.infer<typeof CountKind>;

export const Qualifier = z.enum(["exact", "at_least", "more_than", "at_most", "less_than", "about", "range", "vague"]);
export type Qualifier = z.infer<typeof Qualifier>;

/** A count as an interval: "at least 95" → {min: 95, max: null}; "84" → {min: 84, max: 84}. */
export const CountValue = z.object({
  kind: CountKind,
  value: z.number(), // the printed number (lower bound of a range)
  min: z.number(),
  max: z.number().nullable(), // null = unbounded above
  qualifier: Qualifier,
  span: Span,
  /** A figure the text gives as superseded: "the toll rose from 90 to 170" → 90. */
  earlier: z.boolean().optional(),
  /**
   * The group the count is about when it is not all the victims of its kind: "attackers", or the words
   * naming a part ("including 23 children" → "children", "13 US service members"). Never the total.
   */
  subset: z.string().optional(),
  /** A count about one person told in passing ("the death of a young woman"), not a toll. */
  individual: z.boolean().optional(),
});
export type CountValue = z.infer<typeof CountValue>;

export const Modality = z.enum(["asserted", "reported", "claimed", "denied", "hypothetical", "negated"]);
export type Modality = z.infer<typeof Modality>;

export const Participant = z.object({
  role: z.string(), // attacker, target, victim, detainee, speaker, participant, place …
  entity: z.string().optional(), // Entity.id
  text: z.string(),
  span: Span.optional(),
  /** A target's or weapon's description without its quantity or owner ("vehicles" in "nine vehicles"). */
  description: z.string().optional(),
  /** For a pronoun ("they"), the earlier phrase it refers to; `span` stays where the role is stated. */
  antecedent: Span.optional(),
});
export type Participant = z.infer<typeof Participant>;

export const Event = z.object({
  id: z.string(),
  doc: z.string(),
  type: z.string(), // id from data/ontology/events.json
  subtype: z.string().optional(), // e.g. GTD attack type "Bombing/Explosion"
  trigger: Span,
  sentence: Span.optional(),
  date: DateValue.optional(),
  place: z.string().optional(), // Entity.id
  participants: z.array(Participant),
  counts: z.array(CountValue),
  modality: Modality,
  reportedBy: z.string().optional(), // Entity.id of the speaker when modality is reported/claimed
  attributes: z.record(z.string(), z.unknown()).default({}), // weapon, suicide …
  rule: z.string(),
  confidence: z.number().min(0).max(1),
});
export type Event = z.infer<typeof Event>;

export const ClaimKind = z.enum(["speech", "responsibility", "attribution", "denial", "accusation"]);
export const Claim = z.object({
  id: z.string(),
  doc: z.string(),
  kind: ClaimKind,
  speaker: z.string().optional(), // Entity.id
  speakerText: z.string().optional(),
  cue: Span, // the speech verb or cue phrase
  content: Span, // what was said (the quote or the indirect clause)
  quoted: z.boolean(),
  about: z.array(z.string()).default([]), // Event / Entity ids
  target: z.string().optional(), // attribution: the entity blamed or credited
  stance: z.enum(["assert", "deny", "doubt"]).default("assert"),
  rule: z.string(),
  confidence: z.number().min(0).max(1),
});
export type Claim = z.infer<typeof Claim>;

/** ICD-203 probability bands. */
export const Icd203Band = z.enum([
  "almost no chance",
  "very unlikely",
  "unlikely",
  "roughly even chance",
  "likely",
  "very likely",
  "almost certain",
]);
export type Icd203Band = z.infer<typeof Icd203Band>;

export const Judgment = z.object({
  id: z.string(),
  doc: z.string(),
  term: Span, // the estimative expression
  sentence: Span, // the judgment it qualifies
  band: Icd203Band,
  probability: z.tuple([z.number(), z.number()]), // the band's range, e.g. [0.55, 0.80]
  rule: z.string(),
  confidence: z.number().min(0).max(1),
});
export type Judgment = z.infer<typeof Judgment>;

export const AttributeValue = z.object({
  value: z.unknown(),
  doc: z.string(),
  span: Span.optional(),
  publishedAt: z.string().optional(),
  speaker: z.string().optional(),
  event: z.string().optional(),
  /** Set on a count its document restates as an earlier figure: the day it held (fusion compares it as such). */
  asOf: z.string().optional(),
});
export type AttributeValue = z.infer<typeof AttributeValue>;

export const PerpetratorBasis = z.enum(["claimed", "attributed", "suspected"]);
export const Incident = z.object({
  id: z.string(),
  type: z.string(),
  title: z.string(),
  date: DateValue.optional(),
  place: z.string().optional(), // Entity.id
  perpetrators: z.array(
    z.object({ entity: z.string(), basis: PerpetratorBasis, by: z.string().optional(), doc: z.string() }),
  ),
  attributes: z.record(z.string(), z.array(AttributeValue)),
  events: z.array(z.string()),
  documents: z.array(z.string()),
  explanation: z.array(z.string()),
  /**
   * Links to other incidents. `response_to`: this incident is a strike or retaliation answering that one (told as
   * such by `docs`); the two stay separate incidents.
   */
  relations: z
    .array(z.object({ kind: z.enum(["response_to"]), incident: z.string(), docs: z.array(z.string()) }))
    .optional(),
});
export type Incident = z.infer<typeof Incident>;

export const Contradiction = z.object({
  id: z.string(),
  incident: z.string(),
  attribute: z.string(),
  kind: z.enum(["dispute", "revision"]),
  values: z.array(
    z.object({
      value: z.unknown(),
      doc: z.string(),
      publishedAt: z.string().optional(),
      speaker: z.string().optional(),
      docs: z.array(z.string()).optional(), // every document that gave this value (first one is `doc`)
    }),
  ),
  severity: z.enum(["low", "medium", "high"]),
  explanation: z.string(),
});
export type Contradiction = z.infer<typeof Contradiction>;

/** Everything extraction finds in one document; entity ids here are document-local. */
export const DocFacts = z.object({
  doc: z.string(),
  mentions: z.array(Mention),
  entities: z.array(Entity),
  events: z.array(Event),
  claims: z.array(Claim),
  judgments: z.array(Judgment),
});
export type DocFacts = z.infer<typeof DocFacts>;

/**
 * An analyst's verdict on one extraction (accept / reject / edit), or a span the extractor missed
 * (`added`). Stored by the workbench as a "reviews" record; `target.id` is the extracted item's id
 * (for `added`, the review's own id).
 */
export const Review = z.object({
  id: z.string(),
  doc: z.string(),
  target: z.object({ kind: z.enum(["mention", "entity", "event", "claim", "judgment", "added"]), id: z.string() }),
  status: z.enum(["accepted", "rejected", "edited", "added"]),
  value: z.string().max(2000).optional(), // the corrected value (edited) or the label of an added span
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
  text: z.string().optional(),
  note: z.string().max(2000).optional(),
  createdAt: z.string(),
});
export type Review = z.infer<typeof Review>;
