// Noun phrases from the NLP tokens, so event arguments can be common nouns ("guerrillas", "an
// electric power substation", "two officers of the police") and not only named entities. A phrase
// is a run of determiner / adjective / number / noun tokens ending in a noun, optionally followed by
// "of" + another phrase ("members of the FMLN"); its head is the last noun before the "of".
import type { Token } from "../../nlp/types.js";
import { MONTHS } from "../dates/calendar.js";

export interface NounPhrase {
  start: number; // document offsets
  end: number;
  text: string;
  /** Token indexes [first, last) into the token array. */
  first: number;
  last: number;
  /** Index of the head token (last noun of the first chunk). */
  head: number;
  headText: string; // lower-cased
  /** Lower-cased heads of the "of" complements ("dynamite" in "300 kg of dynamite"). */
  ofHeads: string[];
  /** The last "of" complement on its own ("the attack" in "the US of the attack"). */
  lastComplement?: NounPhrase;
}

const CORE = new Set(["DET", "ADJ", "NUM", "NOUN", "PROPN"]);
const NOUNISH = new Set(["NOUN", "PROPN"]);
/** Possessive pronouns act as determiners ("their vehicle"). */
const POSSESSIVE = new Set(["his", "her", "their", "its", "our", "my", "your"]);
/** Words wink may tag as DET/NOUN that never start or head a participant phrase. */
const NOT_IN_NP = new Set([
  "who",
  "which",
  "whom",
  "whose",
  "what",
  "that",
  "this",
  "these",
  "those",
  // time adverbs wink tags as nouns ("attacked the farm yesterday")
  "yesterday",
  "today",
  "tonight",
  "tomorrow",
]);
/** Personal pronouns that can fill a role; the eval mappers decide whether a pronoun is useful. */
const PERSONAL = new Set(["he", "she", "they", "we", "him", "them", "us"]);
const QUOTES = /^["“”'‘’]$/;

/** The token index range [first, last) covering document offsets [start, end). */
export function tokenRange(tokens: Token[], start: number, end: number): [number, number] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  let j = lo;
  while (j < tokens.length && tokens[j]!.start < end) j++;
  return [lo, j];
}

function inChunk(tokens: Token[], i: number, runStart: boolean): boolean {
  const t = tokens[i]!;
  const w = t.text.toLowerCase();
  if (NOT_IN_NP.has(w)) return false;
  if (CORE.has(t.pos)) return true;
  if (t.pos === "PRON" && runStart && POSSESSIVE.has(w)) return true;
  const next = tokens[i + 1];
  // a possessive 's inside a phrase: "the city's electric company"
  if (t.pos === "PART" && /^['’]s$/i.test(t.text) && !runStart) return !!next && CORE.has(next.pos);
  // a participle used as a modifier: "armed men", "unidentified individuals"
  const prev = tokens[i - 1];
  const afterNoun = !runStart && !!prev && NOUNISH.has(prev.pos);
  if ((t.pos === "VERB" || t.pos === "ADV") && /(?:ed|ing|ly)$/i.test(w) && next && !afterNoun) {
    return NOUNISH.has(next.pos) || next.pos === "ADJ" || (t.pos === "ADV" && /(?:ed)$/i.test(next.text));
  }
  // quote marks around a name inside a phrase: the "santo tomas" presidential farm
  if (t.pos === "PUNCT" && QUOTES.test(t.text) && !runStart) return !!next && CORE.has(next.pos);
  if (t.pos === "PUNCT" && QUOTES.test(t.text) && runStart) return !!next && NOUNISH.has(next.pos);
  // hyphenated compounds split by the tokenizer ("limon - covenas")
  if (t.pos === "PUNCT" && t.text === "-" && !runStart) return !!next && CORE.has(next.pos);
  return false;
}

/**
 * A new phrase starts after a common noun followed by a determiner, adjective or number
 * ("insurgents last night"), or after a name followed by a determiner; a name may take an
 * adjective ("the Santo Tomas presidential farm").
 */
function boundary(prev: Token, next: Token): boolean {
  // a time before the phrase it introduces: "at 0640 an FMLN unit", "on 1 November urban
  // guerrillas", "a few hours later" → "a few hours terrorists"
  if (prev.pos === "NUM") return next.pos === "DET";
  if (TIME_HEADS.has(prev.text.toLowerCase())) return next.pos !== "NUM";
  if (prev.pos === "NOUN") return next.pos === "DET" || next.pos === "ADJ" || next.pos === "NUM";
  if (prev.pos === "PROPN") return next.pos === "DET";
  return false;
}

/** Months and plural time units end a phrase: what follows them is another phrase. */
// "may" stays out: it is far more often the verb
const TIME_HEADS = new Set([
  ...MONTHS.filter((m) => m !== "may"),
  "minutes",
  "hours",
  "days",
  "weeks",
  "months",
  "years",
]);

/** Simple chunks (no "of" complements) inside token range [from, to). */
function chunks(tokens: Token[], from: number, to: number): { first: number; last: number; head: number }[] {
  const out: { first: number; last: number; head: number }[] = [];
  let i = from;
  while (i < to) {
    // a personal pronoun is a phrase of its own ("they killed", "she was arrested")
    if (tokens[i]!.pos === "PRON" && PERSONAL.has(tokens[i]!.text.toLowerCase())) {
      out.push({ first: i, last: i + 1, head: i });
      i++;
      continue;
    }
    if (!inChunk(tokens, i, true)) {
      i++;
      continue;
    }
    const first = i;
    let j = i + 1;
    while (j < to && inChunk(tokens, j, false) && !boundary(tokens[j - 1]!, tokens[j]!)) j++;
    // the head is the last noun; trailing adjectives/determiners without a noun are dropped
    let head = -1;
    for (let k = j - 1; k >= first; k--) {
      if (NOUNISH.has(tokens[k]!.pos)) {
        head = k;
        break;
      }
    }
    // "the Russian military", "the wounded": an adjective used as a noun heads the phrase it ends
    const tail = tokens[j - 1]!;
    if (
      tail.pos === "ADJ" &&
      SUBSTANTIVE.has(tail.text.toLowerCase()) &&
      (tokens[first]!.pos === "DET" || POSSESSIVE.has(tokens[first]!.text.toLowerCase())) &&
      tokens.slice(Math.max(first, head + 1), j).every((t) => t.pos === "ADJ")
    )
      head = j - 1;
    let last = -1;
    if (head < 0) {
      // "killing 84", "15 were injured", "injured another 20", "some 40 more": a number stands for
      // people (with a determiner before it, "more" after it); adjectives alone do not
      const num = numberHead(tokens, first, j);
      if (num < 0) {
        i = j;
        continue;
      }
      head = num;
      if (tokens[j - 1]!.text.toLowerCase() === "more") last = j;
    }
    // closing quote right after the head belongs to the phrase
    if (last < 0) last = head + 1;
    if (last < to && QUOTES.test(tokens[last]!.text) && tokens.slice(first, head).some((t) => QUOTES.test(t.text)))
      last++;
    out.push({ first, last, head });
    i = Math.max(j, last);
  }
  return out;
}

/** Adjectives that stand for people or a force after a determiner ("the military", "the injured"). */
const SUBSTANTIVE = new Set(["military", "injured", "wounded", "dead", "missing", "elderly", "accused", "deceased"]);

/** A noun-less chunk's number: a bare number, or one after a determiner ("another 20") and before "more". */
function numberHead(tokens: Token[], first: number, j: number): number {
  let k = first;
  if (j - first > 1 && tokens[k]!.pos === "DET") k++;
  if (tokens[k]?.pos !== "NUM") return -1;
  const rest = j - k - 1;
  return rest === 0 || (rest === 1 && tokens[k + 1]!.text.toLowerCase() === "more") ? k : -1;
}

/** Noun phrases in token range [from, to), each with its "of" complements attached. */
export function nounPhrases(tokens: Token[], from: number, to: number, text: string): NounPhrase[] {
  const cs = chunks(tokens, from, to);
  const out: NounPhrase[] = [];
  for (let k = 0; k < cs.length; k++) {
    const c = cs[k]!;
    let last = c.last;
    const ofHeads: string[] = [];
    let tail: { first: number; last: number; head: number } | undefined;
    // "members of the FMLN", "500 kg of dynamite": absorb up to three "of" complements
    for (let n = 0; n < 3; n++) {
      const nx = cs[k + 1];
      const of = tokens[last];
      if (!nx || !of || of.text.toLowerCase() !== "of" || nx.first !== last + 1) break;
      last = nx.last;
      ofHeads.push(tokens[nx.head]!.text.toLowerCase());
      tail = nx;
      k++;
    }
    const start = tokens[c.first]!.start;
    const end = tokens[last - 1]!.end;
    const np: NounPhrase = {
      start,
      end,
      text: text.slice(start, end),
      first: c.first,
      last,
      head: c.head,
      headText: tokens[c.head]!.text.toLowerCase(),
      ofHeads,
    };
    if (tail) np.lastComplement = simple(tokens, tail, text);
    out.push(np);
  }
  return out;
}

function simple(tokens: Token[], c: { first: number; last: number; head: number }, text: string): NounPhrase {
  const start = tokens[c.first]!.start;
  const end = tokens[c.last - 1]!.end;
  const headText = tokens[c.head]!.text.toLowerCase();
  return {
    start,
    end,
    text: text.slice(start, end),
    first: c.first,
    last: c.last,
    head: c.head,
    headText,
    ofHeads: [],
  };
}
