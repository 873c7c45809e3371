// Names written in Cyrillic or Arabic script, for the shared-names cue (names.ts): a word or run of up to three
// words whose transliteration key (src/resolve/translit.ts) is the key of one known name gives that name's Latin
// words — the tokens an English report naming it yields — so "شاهچراغ" in a Persian report and "Shah Cheragh" in an
// English one are one shared name. Known names only (the gazetteer's place aliases and regions, the armed groups,
// demonyms): a key is a consonant skeleton, and matched against every word of a language it would find names in
// ordinary words. A key two known names share is not used. Places the language's lexicon names (its place table,
// country names) are left out: extraction already reads them as the report's places, which fusion compares as
// places, and counting them again here weighed one name twice (news dev: Urdu reports placed at Mastung diluted the
// name for the English reports, B³ 63.5 → 63.3; without them 64.4).
import aliases from "../../data/gazetteer/aliases.json" with { type: "json" };
import demonyms from "../../data/gazetteer/demonyms.json" with { type: "json" };
import regions from "../../data/gazetteer/regions.json" with { type: "json" };
import { loadData } from "../extract/data.js";
import { armedGroups } from "../extract/entities/groups.js";
import { i18nLanguages } from "../extract/i18n/lexicon.js";
import { arabicVariants, keyOf } from "../extract/i18n/normalise.js";
import { latinKey, MIN_KEY_LENGTH, scriptOf, wordKeys } from "../resolve/translit.js";

/** Words of the lexicons (toll words, triggers, months …) are vocabulary, never names. */
interface LexiconWords {
  places: Record<string, string[]>;
  demonyms: Record<string, string[]>;
  [k: string]: unknown;
}

/** What a key names: one place, group or country (`id`) and its Latin spellings with that key. */
interface Known {
  id: string;
  spellings: Set<string>;
}

let index: { byKey: Map<string, Known | null>; vocabulary: Set<string> } | undefined;

/** The key of a run of words, word by word ("br btn"): a run only matches a name of as many words. */
const runKey = (words: string[]): string => wordKeys(words.join(" ")).join(" ");

function build(): NonNullable<typeof index> {
  const byKey = new Map<string, Known | null>();
  const put = (k: string, id: string, name: string): void => {
    const prev = byKey.get(k);
    if (prev === undefined) byKey.set(k, { id, spellings: new Set([name]) });
    else if (prev?.id === id) prev.spellings.add(name);
    // two known names share the key: it tells them apart from nothing (one spelling in two tables is one name)
    else if (prev && ![...prev.spellings].some((x) => x.toLowerCase() === name.toLowerCase())) byKey.set(k, null);
  };
  const add = (id: string, name: string): void => {
    if (scriptOf(name) !== "latin") return;
    // one word in the other script may write a name of several ("شاهچراغ" for Shah Cheragh): the whole key
    const k = latinKey(name);
    if (k.length >= MIN_KEY_LENGTH) put(k, id, name);
    const keys = wordKeys(name);
    if (keys.length > 1) put(keys.join(" "), id, name);
  };
  const vocabulary = new Set<string>();
  const words = (v: unknown): void => {
    if (typeof v === "string") for (const w of v.split(/\s+/)) vocabulary.add(keyOf(w.replace(/\*/g, "")));
    else if (Array.isArray(v)) for (const x of v) words(x);
    else if (v && typeof v === "object")
      for (const [k, x] of Object.entries(v)) {
        words(k);
        words(x);
      }
  };
  for (const lang of i18nLanguages()) {
    const lex = loadData<LexiconWords>(`lexicons/i18n/${lang}.json`);
    const { places: _p, demonyms: _d, ...vocab } = lex;
    words(vocab);
  }
  const places = aliases.places as Record<string, { name?: string }[]>;
  for (const [name, targets] of Object.entries(places)) add(`place:${targets[0]?.name ?? name}`, name);
  for (const r of regions as { name: string; aliases: string[] }[])
    for (const n of [r.name, ...r.aliases]) add(`region:${r.name}`, n);
  for (const g of armedGroups()) for (const n of [g.name, ...g.aliases]) if (n.length > 3) add(`group:${g.id}`, n);
  for (const [n, code] of Object.entries((demonyms as { countries: Record<string, string | null> }).countries))
    add(`demonym:${code ?? n}`, n);
  return { byKey, vocabulary };
}

const WORD = /[\p{L}\p{M}\u200c]+/gu;

/** Latin spellings of the known places and groups the text writes in Cyrillic or Arabic script. */
export function scriptNames(text: string): string[] {
  if (!/[\p{Script=Cyrillic}\p{Script=Arabic}]/u.test(text)) return [];
  index ??= build();
  const { byKey, vocabulary } = index;
  const words: { text: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(WORD)) {
    const s = scriptOf(m[0]);
    // Cyrillic names are capitalised; Arabic script has no case, so every word is tried
    if (s === "arabic" || (s === "cyrillic" && /^\p{Lu}/u.test(m[0])))
      words.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  const out: string[] = [];
  const lookup = (run: string[]): Known | undefined => {
    const k = run.length > 1 ? runKey(run) : latinKey(run[0]!);
    return k.length >= MIN_KEY_LENGTH ? (byKey.get(k) ?? undefined) : undefined;
  };
  for (let i = 0; i < words.length; ) {
    let hit: { known: Known; n: number } | undefined;
    for (let n = 3; n >= 1 && !hit; n--) {
      const run = words.slice(i, i + n);
      if (run.length < n) continue;
      // the words of a run stand next to each other (a space or a hyphen between)
      if (run.some((w, j) => j > 0 && !/^[\s\-‐]{1,2}$/.test(text.slice(run[j - 1]!.end, w.start)))) continue;
      const first = run[0]!.text;
      // a word of the language's vocabulary is not a name; an Arabic word may carry a proclitic (و ب ل ال)
      if (n === 1 && vocabulary.has(keyOf(first))) continue;
      const forms = scriptOf(first) === "arabic" ? arabicVariants(keyOf(first)) : [first];
      for (const f of forms) {
        const known = lookup([f, ...run.slice(1).map((w) => w.text)]);
        if (known) {
          hit = { known, n };
          break;
        }
      }
    }
    if (hit) {
      out.push(...hit.known.spellings);
      i += hit.n;
    } else i++;
  }
  return out;
}
