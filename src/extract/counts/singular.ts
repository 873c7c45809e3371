// Victims reported without a number: a singular person phrase ("a 30-year-old driver", "the clerk",
// a named person) in front of a wounding or killing verb, or headline style without an auxiliary
// ("teen shot near school"). Local news seldom prints "one person was hurt", so such a phrase is
// itself a count of 1 (2 when two such phrases are coordinated: "a woman and her son were wounded").
// Cues: data/lexicons/victims.json.
import type { CountKind, CountValue, Span } from "../../model/records.js";
import { loadData } from "../data.js";
import type { CountHit } from "./link.js";
import { isPunct, phraseAt, phraseEndingAt, type Word, words } from "./words.js";

interface VictimLexicon {
  heads: string[];
  male: string[];
  female: string[];
  objectVerbs: { injured: string[]; killed: string[] };
  reflexive: string[];
  others: string[];
  notVictims: string[];
  pronouns: string[];
  auxiliaries: string[];
  adverbs: string[];
  killed: string[];
  injured: string[];
  laterDeath: string[];
}

interface Compiled {
  heads: Set<string>;
  male: Set<string>;
  female: Set<string>;
  objInjured: Set<string>;
  objKilled: Set<string>;
  reflexive: Set<string>;
  others: Set<string>;
  notVictims: Set<string>;
  pronouns: Set<string>;
  aux: Set<string>;
  adverbs: Set<string>;
  killed: Set<string>;
  injured: Set<string>;
  laterDeath: Set<string>;
}

let compiled: Compiled | undefined;
function lexicon(): Compiled {
  if (compiled) return compiled;
  const raw = loadData<VictimLexicon>("lexicons/victims.json");
  compiled = {
    heads: new Set(raw.heads),
    male: new Set(raw.male),
    female: new Set(raw.female),
    objInjured: new Set(raw.objectVerbs.injured),
    objKilled: new Set(raw.objectVerbs.killed),
    reflexive: new Set(raw.reflexive),
    others: new Set(raw.others),
    notVictims: new Set(raw.notVictims),
    pronouns: new Set(raw.pronouns),
    aux: new Set(raw.auxiliaries),
    adverbs: new Set(raw.adverbs),
    killed: new Set(raw.killed),
    injured: new Set(raw.injured),
    laterDeath: new Set(raw.laterDeath),
  };
  return compiled;
}

/** A singular-victim count plus who it is about, so one victim shot and later dead counts once. */
export interface VictimHit extends CountHit {
  /** Lower-case head noun or surname; "" for pronouns and "the victim" (whoever was named before). */
  victim: string;
}

const PLURAL_AUX = new Set(["were", "are", "have been"]);
const DETERMINERS = new Set(["a", "an", "the", "one", "another", "his", "her", "their", "its", "this", "that"]);
const CLAUSE_STARTS = new Set([
  "and",
  "but",
  "when",
  "after",
  "as",
  "while",
  "where",
  "that",
  "before",
  "said",
  "says",
]);
const AGE = /^\d{1,3}-years?-old$/i;
const ORDINAL_VICTIM = new Set(["second", "third", "fourth"]);
const BODY = /^(?:body|bodies|remains|corpse)$/;
/** Words that may follow a passive participle used without "was" (headline style). */
const AFTER_PASSIVE =
  /^(?:in|at|on|near|outside|inside|by|while|during|after|following|before|and|or|early|late|overnight|twice|multiple|several|again|sunday|monday|tuesday|wednesday|thursday|friday|saturday|last|this|over|along|behind|across|dies|died|remains|is|has|was|critically|seriously|fatally|accidentally|[\p{P}])$/iu;
/** Verb phrases that take no object, so no passive check is needed ("the victim died"). */
const INTRANSITIVE =
  /^(?:dies|died|has died|had died|is dead|was dead|dead|found dead|pronounced dead|declared dead|deceased|found deceased|(?:suffered|sustained|received)(?: .*)?)$/;

/** A count of victims read from a phrase, not a printed number: exact, its interval a single value. */
export function exactCount(kind: CountKind, n: number, span: Span): CountValue {
  return { kind, value: n, min: n, max: n, qualifier: "exact", span };
}

function isCapitalised(w: Word | undefined): boolean {
  return w !== undefined && /^\p{Lu}[\p{Ll}'’.-]+$/u.test(w.text);
}

interface Subject {
  victim: string;
  start: number; // word index of the phrase's first word
  named: boolean;
}

/** The singular victim phrase ending at word index j (inclusive), or undefined. */
function subjectEndingAt(ws: Word[], j: number, hasAux: boolean): Subject | undefined {
  const lex = lexicon();
  const w = ws[j];
  if (!w) return undefined;
  // a pronoun with an auxiliary is a victim ("she was wounded"); without one it is the doer ("he shot her")
  if (lex.pronouns.has(w.lower)) return hasAux ? { victim: "", start: j, named: false } : undefined;
  // an ordinal standing alone for a further victim ("… and a second was hurt")
  if (hasAux && ORDINAL_VICTIM.has(w.lower) && j > 0 && /^(?:a|the)$/i.test(ws[j - 1]!.text))
    return { victim: `other:${w.lower}`, start: j - 1, named: false };
  // "another" alone is a further victim ("one died, another was hurt"); without an auxiliary only
  // right after "and" or a comma (else it may be the shooter)
  const prev = ws[j - 1]?.lower;
  if (w.lower === "another" && (hasAux || prev === "and" || prev === ","))
    return { victim: "other:another", start: j, named: false };
  const h = phraseEndingAt(ws, j, lex.heads, 2);
  const ageOnly = AGE.test(w.text);
  if (h || ageOnly) {
    if (lex.notVictims.has(w.lower)) return undefined;
    // walk back over modifiers (an age, a town name, "off-duty") to a determiner
    let k = j - (h || 1);
    let mods = 0;
    while (k >= 0 && mods < 3 && !isPunct(ws[k]) && !DETERMINERS.has(ws[k]!.lower)) {
      const x = ws[k]!;
      if (CLAUSE_STARTS.has(x.lower) || lex.aux.has(x.lower) || lex.notVictims.has(x.lower)) break;
      if (!AGE.test(x.text) && !/^[\p{L}-]+$/u.test(x.text)) break;
      k--;
      mods++;
    }
    const det = k >= 0 && DETERMINERS.has(ws[k]!.lower);
    const start = det ? k : k + 1;
    // "another" or an ordinal among the modifiers: someone other than the victim named before
    const other = ws.slice(start, j).some((x) => lex.others.has(x.lower));
    // a possessive just before the phrase ("the driver's cousin") makes it someone else's relative
    if (start > 0 && /^['’]s?$/.test(ws[start - 1]!.text)) return undefined;
    const victim = other
      ? `other:${w.lower}`
      : w.lower === "victim" && (det ? ws[k]!.lower === "the" : true)
        ? ""
        : w.lower;
    return { victim, start, named: false };
  }
  // a named person: one to three capitalised words right before the verb group
  if (!hasAux || !isCapitalised(w) || lex.notVictims.has(w.lower)) return undefined;
  let k = j;
  while (k - 1 >= 0 && j - k < 2 && isCapitalised(ws[k - 1]) && !DETERMINERS.has(ws[k - 1]!.lower)) k--;
  if (k === j && j === 0) return undefined; // one capitalised word opening a sentence may be anything
  return { victim: w.lower, start: k, named: true };
}

function later(ws: Word[], from: number): boolean {
  const lex = lexicon();
  for (let i = from; i < Math.min(ws.length, from + 14); i++) {
    const t = ws[i]!.text;
    if (t === ";" || t === "." || t === ":") return false;
    if (phraseAt(ws, i, lex.laterDeath, 4)) return true;
    // a killing verb joined to the wounding one by a comma or "and" (headline "X shot, killed")
    if (ws[i]!.lower === "killed" && (ws[i - 1]?.text === "," || ws[i - 1]?.lower === "and")) return true;
  }
  return false;
}

/**
 * "found … with a gunshot wound" later in the clause: "found" stands for the wound phrase (one word
 * long, so the victim is read left of "found").
 */
function foundWithWound(ws: Word[], i: number): number {
  // "suffered/sustained/received" + a number or quantifier + wounds: the number counts wounds, not people
  if (/^(?:suffered|sustained|received)$/.test(ws[i]!.lower)) {
    const tail = ws
      .slice(i + 1, i + 5)
      .map((w) => w.lower)
      .join(" ");
    return /^(?:\S+ ){1,2}(?:gunshot |stab |bullet )?(?:wounds|injuries)\b/.test(tail) ? 1 : 0;
  }
  if (ws[i]!.lower !== "found") return 0;
  const lex = lexicon();
  for (let j = i + 1; j < Math.min(ws.length, i + 14); j++) {
    const t = ws[j]!.text;
    if (t === "." || t === ";" || t === ":") return 0;
    if (ws[j]!.lower === "with" && phraseAt(ws, j, lex.injured, 4)) return 1;
  }
  return 0;
}

/** Singular victims in one sentence; `base` is the sentence's document offset. */
export function singularVictims(text: string, base: number, doc: string): VictimHit[] {
  const lex = lexicon();
  const ws = words(text, base);
  const out: VictimHit[] = [];
  for (let i = 1; i < ws.length; i++) {
    const nk = phraseAt(ws, i, lex.killed, 4);
    const ni = nk ? 0 : phraseAt(ws, i, lex.injured, 5) || foundWithWound(ws, i);
    const n = nk || ni;
    if (!n) continue;
    const phrase = ws
      .slice(i, i + n)
      .map((w) => w.lower)
      .join(" ");
    // left of the verb: adverbs, at most one auxiliary, adverbs, then the victim phrase
    let j = i - 1;
    while (j >= 0 && lex.adverbs.has(ws[j]!.lower)) j--;
    let aux = "";
    for (const len of [2, 1]) {
      const a = j - len + 1 >= 0 ? phraseAt(ws, j - len + 1, lex.aux, len) : 0;
      if (a === len) {
        aux = ws
          .slice(j - len + 1, j + 1)
          .map((w) => w.lower)
          .join(" ");
        j -= len;
        break;
      }
    }
    if (ws[j]?.lower === "not" || ws[j]?.lower === "never") continue;
    while (j >= 0 && lex.adverbs.has(ws[j]!.lower)) j--;
    // an age between commas, or ", who", between the victim and the verb group
    if (ws[j]?.text === "," && /^\d{1,3}$/.test(ws[j - 1]?.text ?? "") && ws[j - 2]?.text === ",") j -= 3;
    // ", age N," likewise
    else if (ws[j]?.text === "," && /^\d{1,3}$/.test(ws[j - 1]?.text ?? "") && ws[j - 2]?.lower === "age") {
      if (ws[j - 3]?.text === ",") j -= 4;
    } else if (ws[j]?.lower === "who" && aux) j -= ws[j - 1]?.text === "," ? 2 : 1;
    // a name, an age and a descriptive apposition before the verb: the apposition's head is the victim
    else if (ws[j]?.text === "," && aux) j -= 1;
    const next = ws[i + n];
    if (!aux && !INTRANSITIVE.test(phrase) && next && !AFTER_PASSIVE.test(next.text)) continue; // active voice
    const subj = subjectEndingAt(ws, j, aux !== "" || INTRANSITIVE.test(phrase));
    if (!subj) continue;
    // "the body of a <person> with a wound" is a dead person, counted by the death rules
    if (ws[subj.start - 1]?.lower === "of" && BODY.test(ws[subj.start - 2]?.lower ?? "")) continue;
    let count = 1;
    const victims = [subj.victim];
    // two coordinated person phrases before one plural verb group
    let s = subj.start - 1;
    while (s > 0 && (ws[s]!.lower === "and" || ws[s]!.text === ",")) {
      const other = subjectEndingAt(ws, s - 1, true);
      if (!other || other.named !== subj.named) break;
      count++;
      victims.push(other.victim);
      s = other.start - 1;
    }
    // the auxiliary must agree with the number of victims; headline style has no auxiliary to agree
    if (aux && PLURAL_AUX.has(aux) !== count > 1) continue;
    const kind: CountKind = nk || later(ws, i + n) ? "killed" : "injured";
    // "… was killed along with <a name or a person phrase>": a second victim after the verb
    const along = ws[i + n]?.lower === "along" && ws[i + n + 1]?.lower === "with" ? ws[i + n + 2] : undefined;
    const alongObject = along ? objectAt(ws, i + n + 2) : undefined;
    if (along && (isCapitalised(along) || alongObject)) {
      count++;
      victims.push(alongObject?.victim ?? along.lower);
    }
    const a = ws[s + 1]!;
    const b = ws[i + n - 1]!;
    out.push({
      count: exactCount(kind, count, {
        doc,
        start: a.start,
        end: b.end,
        text: text.slice(a.start - base, b.end - base),
      }),
      rule: "count:singular-victim",
      confidence: 0.7,
      victim: victims.join("+"),
    });
    i += n - 1;
  }
  out.push(...objectVictims(ws, text, base, doc, out));
  return out;
}

/** A singular victim phrase starting at word index i (a determiner, modifiers, a person head): its end. */
function objectAt(ws: Word[], i: number): { end: number; victim: string } | undefined {
  const lex = lexicon();
  if (!DETERMINERS.has(ws[i]?.lower ?? "") || ws[i]!.lower === "that" || ws[i]!.lower === "this") return undefined;
  for (let j = i + 1; j < Math.min(ws.length, i + 5); j++) {
    const w = ws[j]!;
    if (isPunct(w) || lex.aux.has(w.lower)) return undefined;
    const h = phraseAt(ws, j, lex.heads, 2);
    if (h && !lex.notVictims.has(ws[j + h - 1]!.lower)) {
      // a possessive ("a driver's van") is the owner's thing, not the person
      if (/^['’]s?$/.test(ws[j + h]?.text ?? "")) return undefined;
      const other = ws.slice(i, j).some((x) => lex.others.has(x.lower));
      return { end: j + h, victim: `${other ? "other:" : ""}${ws[j + h - 1]!.lower}` };
    }
    if (AGE.test(w.text) && !/^[\p{L}]/u.test(ws[j + 1]?.text ?? "")) return { end: j + 1, victim: "" };
  }
  return undefined;
}

/**
 * Victims as objects: after a wounding or killing verb ("gunmen wounded a guard"), a nominal ("the
 * stabbing of a clerk"), "left <a person> in <a> condition", or a reflexive ("shot himself").
 */
function objectVictims(ws: Word[], text: string, base: number, doc: string, taken: VictimHit[]): VictimHit[] {
  const lex = lexicon();
  const out: VictimHit[] = [];
  const covered = (start: number) => taken.some((t) => t.count.span.start <= start && start < t.count.span.end);
  for (let i = 0; i < ws.length; i++) {
    const nk = phraseAt(ws, i, lex.objKilled, 4);
    const ni = nk ? 0 : phraseAt(ws, i, lex.objInjured, 3);
    const left = !nk && !ni && (ws[i]!.lower === "left" || ws[i]!.lower === "leaving") ? 1 : 0;
    const n = nk || ni || left;
    if (!n || covered(ws[i]!.start)) continue;
    const k = i + n;
    let victim: string;
    let end: number;
    if (!left && lex.reflexive.has(ws[k]?.lower ?? "")) {
      if (nk) continue; // a reflexive killing is the shooter, not a victim
      victim = "self";
      end = k + 1;
    } else {
      const o = objectAt(ws, k);
      if (!o) continue;
      victim = o.victim;
      end = o.end;
      // "left" counts only with a condition phrase after the person; alone it says nothing of a wound
      const after = ws.slice(end, end + 5).map((w) => w.lower);
      if (left && !(after[0] === "in" && after.includes("condition"))) continue;
    }
    let count = 1;
    // two coordinated objects
    if (ws[end]?.lower === "and") {
      const o2 = objectAt(ws, end + 1);
      if (o2) {
        count = 2;
        end = o2.end;
      }
    }
    const a = ws[i]!;
    const b = ws[end - 1]!;
    const kind: CountKind = nk || later(ws, end) ? "killed" : "injured";
    out.push({
      count: exactCount(kind, count, {
        doc,
        start: a.start,
        end: b.end,
        text: text.slice(a.start - base, b.end - base),
      }),
      rule: "count:singular-victim:object",
      confidence: 0.6,
      victim,
    });
    i = end - 1;
  }
  return out;
}

/**
 * Drops singular injury counts when the document also reports a death: news copy names one victim
 * many ways (a headline phrase, a name, "the victim") and tells the wounding before the death, so a
 * wounded singular victim is taken to be the one who died — unless it is marked as another, differs
 * in surname or age from every dead victim, or the same sentence sets a killed victim against a
 * different wounded one ("a guard was killed and a cook was wounded").
 */
export function dedupeVictims<T extends VictimHit & { sentence: number }>(
  hits: T[],
  otherDeaths = false,
  docText = "",
): T[] {
  const killed = hits.filter((h) => h.count.kind === "killed");
  if (!killed.length && !otherDeaths) return hits;
  const lex = lexicon();
  const isName = (v: string) => /^[\p{L}'’-]+$/u.test(v) && !lex.heads.has(v) && !AGE.test(v);
  const names = killed.map((k) => k.victim.split("+")[0] ?? "").filter(isName);
  return hits.filter((h) => {
    if (h.count.kind !== "injured") return true;
    if (h.victim === "self") return false; // a reflexive wounding beside a death: the shooter
    if (h.victim.startsWith("other:")) return true;
    // two surnames that never stand together as one name are two people
    const v = h.victim.split("+")[0] ?? "";
    // (unless a pronoun death follows at once: the named victim is the one who died)
    const pronounDeath = killed.some(
      (k) => k.victim === "" && k.sentence - h.sentence >= 0 && k.sentence - h.sentence <= 1,
    );
    // a wounded victim of another age than every dead one is another person
    const age = /\b(\d{1,3})-years?-old\b/i.exec(h.count.span.text)?.[1];
    const killedAges = killed.map((k) => /\b(\d{1,3})-years?-old\b/i.exec(k.count.span.text)?.[1]);
    if (age && killedAges.some((a) => a) && killedAges.every((a) => a !== age)) return true;
    if (isName(v) && !pronounDeath && names.length && names.every((n) => n !== v && !sameName(docText, v, n)))
      return true;
    // a pronoun death is the victim just named, not another
    return killed.some((k) => k.sentence === h.sentence && k.victim !== h.victim && h.victim !== "" && k.victim !== "");
  });
}

/** Whether two lower-case name words are parts of one name in the text (given name + surname). */
function sameName(docText: string, a: string, b: string): boolean {
  const t = docText.toLowerCase();
  return t.includes(`${a} ${b}`) || t.includes(`${b} ${a}`) || t.includes(`${b}, ${a}`);
}

/**
 * How many different victims a document's singular counts of one kind describe, when that is
 * clearly more than one: victims marked as another, two subject-rule victims joined by "and" in one
 * sentence, or a male and a female victim. Otherwise 1 — one victim is usually named several ways.
 * Hits carry their sentence index and are in text order.
 */
export function distinctVictims<T extends VictimHit & { sentence: number }>(hits: T[], docText = ""): number {
  const lex = lexicon();
  const ids = new Set<string>();
  let unknown = false;
  // two subject-rule victims joined by "and" within one sentence
  const joined = (a: T, b: T) =>
    a.sentence === b.sentence &&
    a.rule === "count:singular-victim" &&
    b.rule === "count:singular-victim" &&
    b.count.span.start > a.count.span.end &&
    b.count.span.start - a.count.span.end < 60 &&
    /\band\s+$/.test(docText.slice(a.count.span.end, b.count.span.start));
  hits.forEach((h, i) => {
    const v = h.victim.split("+")[0] ?? "";
    const head = v.replace(/^other:/, "");
    const prev = hits[i - 1];
    // an ordinal victim first in its kind: the first victim was counted under another kind
    if ((ORDINAL_VICTIM.has(head) || head === "another") && i === 0) unknown = true;
    else if (v.startsWith("other:") || (prev && joined(prev, h))) ids.add(`other${i}`);
    else if (lex.male.has(head)) ids.add("male");
    else if (lex.female.has(head)) ids.add("female");
    else unknown = true;
  });
  // "another <person>" with no first victim phrase still means two
  const base = ids.has("male") || ids.has("female") || unknown ? 0 : 1;
  return Math.max(ids.size + base, unknown ? 1 : 0);
}
