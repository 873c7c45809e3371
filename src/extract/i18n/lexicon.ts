// The per-language data under data/lexicons/i18n/<lang>.json (what words mean), the group names in other
// languages (data/groups/names-i18n.json) and country names in each language (i18n-iso-countries), compiled
// once per language into phrase matchers.
import { createRequire } from "node:module";
import type { CountKind, Qualifier } from "../../model/records.js";
import { loadData } from "../data.js";
import { armedGroups } from "../entities/groups.js";
import { PhraseMatcher } from "./tokens.js";

const require = createRequire(import.meta.url);

export type TriggerKind = "bombing" | "explosion" | "shooting" | "attack" | "strike" | "arrest" | "claim" | "blame";
type TollKind = Extract<CountKind, "killed" | "injured" | "arrested"> | "missing";

interface LexiconFile {
  language: string;
  script: "latin" | "cyrillic" | "arabic" | "devanagari" | "bengali" | "tamil";
  /** Case endings are written onto names ("কাবুলে", "பாகிஸ்தானில்"): names match by their start. */
  inflectedNames?: boolean;
  numbers: Record<string, number>;
  approxNumbers: Record<string, number>;
  numberJoiners: string[];
  qualifiers: Partial<Record<Qualifier, string[]>>;
  units: string[];
  counts: Record<TollKind, string[]>;
  triggers: Record<TriggerKind, string[]>;
  suicide: string[];
  months: Record<string, number>;
  solarMonths?: Record<string, number>;
  /** Dates are also written month first ("ஜனவரி 16"). */
  monthFirst?: boolean;
  weekdays: Record<string, number>;
  yesterday: string[];
  today: string[];
  /** Words after a day range that make it a night ("16-17 जनवरी की रात"): the night is dated by its first day. */
  nights?: string[];
  /** Words that label a page's own date ("Publié le", "تاریخ انتشار"): a date after one dates the report. */
  publishedLabels: string[];
  locatives: string[];
  /** Case markers of the doer written after a name ("ने"): a place so marked acts, it is not where things happen. */
  agentMarkers?: string[];
  places: Record<string, string[]>;
  /** Ordinary words that start like a place name matched by its start (Bengali "মালিক", owner, and "মালি", Mali). */
  notPlaces?: string[];
  demonyms: Record<string, string[]>;
  negations: string[];
  /** Words around a number that say a toll reached it ("s'élève à 12", "۱۵ نفر رسید"): the toll word may be further back. */
  tollReached: { before: string[]; after: string[] };
  /** Words that put a sentence in the past of the report ("l'année dernière", "یاد رہے"): its tolls are background. */
  background: string[];
  /** Past auxiliaries that do so only as a sentence's last word (Urdu "تھے", Hindi "थे": "had been …"). */
  backgroundFinal?: string[];
  /** "et", "و": a toll word before one of these belongs to the figure before it. */
  conjunctions: string[];
  /** Number words that are also indefinite articles ("un", "eine", "bir"): a toll word must follow closely. */
  articleNumbers: string[];
  /** Amounts that state no figure ("des dizaines", "درجنوں"): counts with qualifier `vague`. */
  vagueNumbers: Record<string, number>;
  /** Words that tie a group named after them to the one before ("affilié à", "membre du"): never the claimant. */
  affiliations?: string[];
}

export interface NumberWord {
  value: number;
  approx: boolean;
  vague?: boolean;
  article?: boolean;
}

/** A group name; `english` names must be capitalised in the text (a lower-case word is an ordinary word). */
export interface GroupRef {
  id: string;
  english: boolean;
}

export type PlaceRef = { kind: "name"; name: string } | { kind: "country"; code: string };

export interface Lexicon {
  language: string;
  arabic: boolean;
  /** Latin and Cyrillic place names must be capitalised in the text. */
  capitalisedPlaces: boolean;
  /** English group names must be capitalised (in Latin and Cyrillic text, and Latin words in Indic-script text). */
  capitalisedEnglishNames: boolean;
  /** Case endings are written onto words, digits included ("কাবুলে", "50க்கும்"). */
  inflectedNames: boolean;
  numbers: PhraseMatcher<NumberWord>;
  joiners: PhraseMatcher<true>;
  qualifiers: PhraseMatcher<Qualifier>;
  units: PhraseMatcher<true>;
  counts: PhraseMatcher<TollKind>;
  triggers: PhraseMatcher<TriggerKind>;
  suicide: PhraseMatcher<true>;
  months: PhraseMatcher<number>;
  solarMonths: PhraseMatcher<number>;
  monthFirst: boolean;
  weekdays: PhraseMatcher<number>;
  relative: PhraseMatcher<number>; // days before the reference date: yesterday 1, today 0
  nights: PhraseMatcher<true>;
  publishedLabels: PhraseMatcher<true>;
  locatives: PhraseMatcher<true>;
  agentMarkers: PhraseMatcher<true>;
  places: PhraseMatcher<PlaceRef>;
  notPlaces: PhraseMatcher<true>;
  /** Adjectives of nationality: with inflected names, "ইরানি" (Iranian) starts like "ইরান" and is no place. */
  demonyms: PhraseMatcher<string>; // → ISO country code
  groups: PhraseMatcher<GroupRef>;
  negations: PhraseMatcher<true>;
  reachedBefore: PhraseMatcher<true>;
  reachedAfter: PhraseMatcher<true>;
  background: PhraseMatcher<true>;
  backgroundFinal: PhraseMatcher<true>;
  conjunctions: PhraseMatcher<true>;
  affiliations: PhraseMatcher<true>;
}

const SUPPORTED = ["fr", "es", "pt", "de", "ru", "tr", "ar", "fa", "ur", "it", "hi", "bn", "ta"] as const;
const cache = new Map<string, Lexicon | null>();

/** Languages with a lexicon. */
export const i18nLanguages = (): readonly string[] => SUPPORTED;

const flag = (list: string[]): [string, true][] => list.map((w) => [w, true]);
const flat = <T>(rec: Partial<Record<string, string[]>>, map: (k: string) => T): [string, T][] =>
  Object.entries(rec).flatMap(([k, list]) => (list ?? []).map((w): [string, T] => [w, map(k)]));

function countryNames(language: string): [string, PlaceRef][] {
  const countries = require("i18n-iso-countries") as {
    registerLocale(data: unknown): void;
    getNames(lang: string, opts?: { select: "all" }): Record<string, string[]>;
  };
  countries.registerLocale(require(`i18n-iso-countries/langs/${language}.json`));
  return Object.entries(countries.getNames(language, { select: "all" })).flatMap(([code, names]) =>
    names.map((n): [string, PlaceRef] => [n, { kind: "country", code }]),
  );
}

/**
 * In a language that writes case endings onto names, a name of at least four letters matches by its start
 * ("কাবুল" in "কাবুলে"); shorter ones stay exact, being the start of too many words.
 */
function inflected<T>(entries: [string, T][], on: boolean | undefined): [string, T][] {
  if (!on) return entries;
  const long = (n: string): boolean => (/[\p{L}\p{M}]+$/u.exec(n)?.[0].length ?? 0) >= 4;
  return entries.map(([n, v]): [string, T] => [long(n) ? `${n}*` : n, v]);
}

function groupNames(language: string): [string, GroupRef][] {
  const i18n = loadData<Record<string, Record<string, string[]> | string>>("groups/names-i18n.json");
  const out: [string, GroupRef][] = [];
  for (const g of armedGroups()) {
    // English names and acronyms appear in other languages' reporting too ("ISIS", "JNIM"); names of three
    // letters or fewer are left out, being ordinary words in some language
    for (const a of [g.name, ...g.aliases]) if (a.length > 3) out.push([a, { id: g.id, english: true }]);
    const local = i18n[g.id];
    if (typeof local === "object") for (const n of local[language] ?? []) out.push([n, { id: g.id, english: false }]);
  }
  return out;
}

function compile(f: LexiconFile): Lexicon {
  const groups = groupNames(f.language);
  return {
    language: f.language,
    arabic: f.script === "arabic",
    capitalisedPlaces: f.script === "latin" || f.script === "cyrillic",
    capitalisedEnglishNames: f.script !== "arabic",
    inflectedNames: f.inflectedNames ?? false,
    numbers: new PhraseMatcher<NumberWord>([
      ...Object.entries(f.numbers).map(([w, value]): [string, NumberWord] => [
        w,
        { value, approx: false, article: f.articleNumbers.includes(w) },
      ]),
      // "une vingtaine", like "des dizaines", states no exact figure: the gold protocol and the English rules call it vague
      ...Object.entries(f.approxNumbers).map(([w, value]): [string, NumberWord] => [
        w,
        { value, approx: true, vague: true },
      ]),
      ...Object.entries(f.vagueNumbers).map(([w, value]): [string, NumberWord] => [
        w,
        { value, approx: true, vague: true },
      ]),
    ]),
    joiners: new PhraseMatcher(flag(f.numberJoiners)),
    qualifiers: new PhraseMatcher(flat(f.qualifiers, (k) => k as Qualifier)),
    units: new PhraseMatcher(flag(f.units)),
    counts: new PhraseMatcher(flat(f.counts, (k) => k as TollKind)),
    triggers: new PhraseMatcher(flat(f.triggers, (k) => k as TriggerKind)),
    suicide: new PhraseMatcher(flag(f.suicide)),
    // "মার্চের", "ஜனவரியில்": month names take case endings too
    months: new PhraseMatcher(inflected(Object.entries(f.months), f.inflectedNames)),
    solarMonths: new PhraseMatcher(Object.entries(f.solarMonths ?? {})),
    monthFirst: f.monthFirst ?? false,
    weekdays: new PhraseMatcher(Object.entries(f.weekdays)),
    relative: new PhraseMatcher<number>([
      ...f.yesterday.map((w): [string, number] => [w, 1]),
      ...f.today.map((w): [string, number] => [w, 0]),
    ]),
    nights: new PhraseMatcher(flag(f.nights ?? [])),
    publishedLabels: new PhraseMatcher(flag(f.publishedLabels)),
    locatives: new PhraseMatcher(flag(f.locatives)),
    agentMarkers: new PhraseMatcher(flag(f.agentMarkers ?? [])),
    places: new PhraseMatcher<PlaceRef>(
      inflected(
        [...countryNames(f.language), ...flat(f.places, (name): PlaceRef => ({ kind: "name", name }))],
        f.inflectedNames,
      ),
    ),
    notPlaces: new PhraseMatcher(flag(f.notPlaces ?? [])),
    demonyms: new PhraseMatcher(flat(f.demonyms, (code) => code)),
    // English names are written in Latin letters, without the language's endings
    groups: new PhraseMatcher(
      groups.map(([n, g]): [string, GroupRef] => (g.english ? [n, g] : inflected([[n, g]], f.inflectedNames)[0]!)),
    ),
    negations: new PhraseMatcher(flag(f.negations)),
    reachedBefore: new PhraseMatcher(flag(f.tollReached.before)),
    reachedAfter: new PhraseMatcher(flag(f.tollReached.after)),
    background: new PhraseMatcher(flag(f.background)),
    backgroundFinal: new PhraseMatcher(flag(f.backgroundFinal ?? [])),
    affiliations: new PhraseMatcher(flag(f.affiliations ?? [])),
    conjunctions: new PhraseMatcher(flag(f.conjunctions)),
  };
}

/** The compiled lexicon of a language, or undefined when there is none. */
export function lexiconFor(language: string): Lexicon | undefined {
  if (!cache.has(language)) {
    cache.set(
      language,
      (SUPPORTED as readonly string[]).includes(language)
        ? compile(loadData<LexiconFile>(`lexicons/i18n/${language}.json`))
        : null,
    );
  }
  return cache.get(language) ?? undefined;
}

export type { TollKind };
