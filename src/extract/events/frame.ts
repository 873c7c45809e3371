// The syntactic frame of one trigger: which noun phrases sit in subject, object and prepositional
// positions around it. Built from POS tokens with a few positional rules (no parser): the subject
// ends right before the verb (auxiliaries, adverbs and a relative "who" may intervene), the object
// starts right after it, and prepositional phrases chain after those. Roles are decided elsewhere
// (roles.ts), so this file only knows English word order.
import type { Token } from "../../nlp/types.js";
import { type NounPhrase, nounPhrases, tokenRange } from "./noun-phrases.js";
import { parsedAgents, parsedPhrases } from "./syntax-roles.js";

export interface TriggerFrame {
  /** The trigger is a verb ("attacked"), not a noun ("the attack"). */
  verbal: boolean;
  /** "was killed", "a peasant killed by …": the subject is the patient. */
  passive: boolean;
  subject?: NounPhrase;
  objects: NounPhrase[];
  /** Prepositional phrases after the trigger (and its object), by preposition. */
  pps: { prep: string; np: NounPhrase }[];
  /** "Garcia's assassination". */
  possessor?: NounPhrase;
  /** A phrase right before a nominal trigger: "a guerrilla attack", "the car bomb attack". */
  modifier?: NounPhrase;
  /** The phrase a nominal trigger heads: "two unidentified gunmen", "a powerful car bomb". */
  self?: NounPhrase;
  /** That phrase is the subject of the next verb, whose object is in `objects`. */
  selfIsSubject?: boolean;
  /** Passive read from a bare "-ed" form with no object ("three men injured in blast"). */
  reduced?: boolean;
  /** "attributed the attack to X": the "to" phrase names the doer. */
  attributed?: boolean;
  /** Conjuncts and appositions of the subject, from the parse ("his driver", "a councillor"). */
  moreSubjects: NounPhrase[];
}

const DET_LIKE = new Set(["DET", "ADJ", "NUM"]);
const NOUNISH_END = new Set(["NOUN", "PROPN", "NUM"]);
const POSSESSIVE_PRON = new Set(["his", "her", "their", "its", "our"]);
const BE = new Set(["was", "were", "been", "being", "be", "is", "are", "am", "got", "get", "gets", "getting"]);
const SKIP_BEFORE = new Set(["ADV", "AUX", "PART"]);
const RELATIVE = new Set(["who", "that", "which"]);
/** Verbs that carry a nominal trigger: "the rebels carried out an attack". */
const SUPPORT = new Set([
  "carried",
  "carry",
  "carries",
  "carrying",
  "launched",
  "launch",
  "staged",
  "stage",
  "perpetrated",
  "mounted",
  "committed",
  "conducted",
  "made",
  "unleashed",
  "executed",
  "claimed",
  "ordered",
  "order",
  "orders",
  "planned",
  "masterminded",
]);
const PP_PREPS = new Set([
  "by",
  "to",
  "of",
  "on",
  "against",
  "at",
  "with",
  "using",
  "in",
  "near",
  "inside",
  "outside",
  "into",
  "from",
  "targeting",
  "during",
  "upon",
]);

/**
 * Conjoined phrases after a first one: "a peasant and a soldier", "the residence, the hotel, and
 * the council". A comma must be followed by another phrase, so "the farm, located near …" stops.
 * Returns the token index after the last conjunct.
 */
function conjoined(tokens: Token[], nps: NounPhrase[], into: NounPhrase[], pos: number): number {
  for (let n = 0; n < 6; n++) {
    let k = pos;
    if (tokens[k]?.text === ",") k++;
    // "killed 30 militants, including a senior commander": the included ones are objects too
    if (/^(?:and|or|including)$/i.test(tokens[k]?.text ?? "")) k++;
    if (k === pos) break;
    const more = npStartingAt(nps, k);
    if (!more) break;
    into.push(more);
    pos = more.last;
  }
  return pos;
}

/** Subordinators start a new clause: "killed when militants stormed": the militants are no object. */
const CLAUSE_START = new Set(["when", "where", "while", "as", "after", "before", "because", "since", "until", "if"]);

/** Adverbs and particles between a verb and its object ("killed instantly", "shot down"). */
function skippable(t: Token): boolean {
  return (t.pos === "ADV" || t.pos === "PART") && !CLAUSE_START.has(t.text.toLowerCase());
}

function npEndingAt(nps: NounPhrase[], lastExclusive: number): NounPhrase | undefined {
  return nps.find((n) => n.last === lastExclusive);
}

function npStartingAt(nps: NounPhrase[], first: number): NounPhrase | undefined {
  return nps.find((n) => n.first === first);
}

/** Walk back from token index `k` over auxiliaries/adverbs (and a relative pronoun) to a subject. */
function subjectBefore(
  tokens: Token[],
  before: NounPhrase[],
  k: number,
  floor: number,
): { np?: NounPhrase; passive: boolean } {
  let passive = false;
  // "terrorists tonight bombed": a time word may sit between the subject and its verb
  while (
    k >= floor &&
    (SKIP_BEFORE.has(tokens[k]!.pos) ||
      BE.has(tokens[k]!.text.toLowerCase()) ||
      (TIME_WORDS.has(tokens[k]!.text.toLowerCase()) && k > floor && tokens[k - 1]!.pos !== "DET"))
  ) {
    if (BE.has(tokens[k]!.text.toLowerCase())) passive = true;
    k--;
  }
  let relative = false;
  let who = false;
  if (k >= floor && RELATIVE.has(tokens[k]!.text.toLowerCase())) {
    relative = tokens[k]!.text.toLowerCase() !== "who";
    who = !relative;
    k--;
    if (k >= floor && tokens[k]!.text === ",") k--;
  }
  // "members of the Front (FMLN) attacked": skip a parenthesis between subject and verb
  if (k >= floor && tokens[k]!.text === ")") {
    let j = k - 1;
    while (j >= floor && tokens[j]!.text !== "(" && k - j < 8) j--;
    if (j >= floor && tokens[j]!.text === "(") k = j - 1;
  }
  if (k < floor) return { passive };
  let np = npEndingAt(before, k + 1);
  // "the US of the attack, which killed …": "which" refers to the nearest noun
  if (relative) return { np: np?.lastComplement ?? np, passive };
  // "condemned the murder of X, who was killed": a "who" clause hangs on the phrase right before
  // it, never on a phrase the verb before that phrase modifies
  if (who) return { np, passive };
  // "a soldier guarding the substation was wounded", "two soldiers on patrol were killed": the
  // phrase before the verb is inside a modifier of the real subject
  for (let n = 0; np && n < 2; n++) {
    const gap = tokens[np.first - 1];
    if (!gap || np.first - 1 < floor) break;
    const modifier =
      (gap.pos === "VERB" && /(?:ing|ed)$/i.test(gap.text)) ||
      (gap.pos === "ADP" && MODIFIER_PREPS.has(gap.text.toLowerCase()));
    const outer = modifier ? npEndingAt(before, np.first - 1) : undefined;
    if (!outer) break;
    np = outer;
  }
  return { np, passive };
}

const TIME_WORDS = new Set([
  "today",
  "yesterday",
  "tonight",
  "night",
  "morning",
  "evening",
  "afternoon",
  "week",
  "weekend",
  "month",
  "year",
  "recently",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
]);

/** Prepositions whose phrase takes conjuncts: doers and instruments (patient conjuncts cost MUC precision). */
const CONJUNCT_PREPS = new Set(["by", "with"]);

const MODIFIER_PREPS = new Set(["in", "on", "at", "from", "near", "inside", "aboard", "with"]);

/**
 * "the mayor, his driver and a councillor, who …, were killed", "the mayor, Jose Garcia, was
 * murdered": a comma or conjunction around the subject hides conjuncts, appositions and relative
 * clauses from the positional rules, so the parse gives the subjects. Only such sentences are
 * parsed (the cost of parsing every verbal trigger's sentence is in docs/parser.md).
 */
function withParsedSubjects(
  tokens: Token[],
  text: string,
  frame: TriggerFrame,
  sa: number,
  sb: number,
  ta: number,
): void {
  // "the mayor, his driver and a councillor were killed": the positional subject is the last conjunct
  const listy = (k: number) => tokens[k]?.pos === "CCONJ" && NOUNISH_END.has(tokens[k - 1]?.pos ?? "");
  const subj = frame.subject;
  // with no positional subject, only a comma closing an apposition or relative clause right before
  // the verb group ("…, who were travelling, were killed") sends the sentence to the parser
  let k = ta - 1;
  while (k > sa && (SKIP_BEFORE.has(tokens[k]!.pos) || BE.has(tokens[k]!.text.toLowerCase()))) k--;
  const hidden = subj ? subj.first > sa && listy(subj.first - 1) : k > sa && tokens[k]!.text === ",";
  if (!hidden) return;
  const { subjects } = parsedPhrases(tokens, text, sa, sb, ta);
  if (!subjects.length) return;
  // a positional subject stays; the parse adds the phrases it could not see
  if (!subj) frame.subject = subjects[0];
  const lead = frame.subject!;
  frame.moreSubjects = subjects.filter((x) => x.last <= lead.first || x.first >= lead.last);
}

export function triggerFrame(
  tokens: Token[],
  text: string,
  sentence: { start: number; end: number },
  trigger: { start: number; end: number },
): TriggerFrame {
  const [sa, sb] = tokenRange(tokens, sentence.start, sentence.end);
  let [ta, tb] = tokenRange(tokens, trigger.start, trigger.end);
  const frame: TriggerFrame = { verbal: false, passive: false, objects: [], pps: [], moreSubjects: [] };
  if (ta >= tb) return frame;
  frame.verbal = tokens[ta]!.pos === "VERB" || tokens[tb - 1]!.pos === "VERB";
  // "terrorists attacked" matched as one trigger phrase: the verb is the trigger, the noun its subject
  if (frame.verbal && tokens[ta]!.pos !== "VERB") while (ta < tb - 1 && tokens[ta]!.pos !== "VERB") ta++;
  const before = nounPhrases(tokens, sa, ta, text);
  const after = nounPhrases(tokens, tb, sb, text);
  if (!frame.verbal) {
    frame.self = nounPhrases(tokens, sa, sb, text).find(
      (n) => n.first <= ta && tb <= n.last && n.head >= ta && n.head < tb,
    );
  }
  let pos = tb;
  // "masked gunmen ambushed a judge", "a truck bomb damaged the ministry": a nominal trigger that
  // is the subject of the next verb takes that verb's object and prepositional phrases
  // "the bomb -- allegedly planted by urban commandos --": a participle with a by-agent after
  // the trigger phrase; the by-phrase is read by the chain below
  let after0 = frame.self ? frame.self.last : tb;
  while (after0 < sb && (tokens[after0]!.pos === "PUNCT" || tokens[after0]!.pos === "ADV") && after0 - tb < 4) after0++;
  const participleBy =
    !frame.verbal &&
    tokens[after0]?.pos === "VERB" &&
    /ed$/i.test(tokens[after0]!.text) &&
    tokens[after0 + 1]?.text.toLowerCase() === "by";
  const selfVerb = !frame.verbal && frame.self && !participleBy ? tokens[frame.self.last] : undefined;
  if (participleBy) pos = after0 + 1;
  if (selfVerb?.pos === "VERB" && frame.self!.last < sb) {
    pos = frame.self!.last + 1;
    while (pos < sb && skippable(tokens[pos]!)) pos++;
    const rest = nounPhrases(tokens, pos, sb, text);
    const obj = npStartingAt(rest, pos);
    if (obj) {
      frame.objects.push(obj);
      pos = conjoined(tokens, rest, frame.objects, obj.last);
    }
    frame.selfIsSubject = true;
  }
  if (frame.verbal) {
    const s = subjectBefore(tokens, before, ta - 1, sa);
    frame.passive = s.passive;
    frame.subject = s.np;
    // the parse costs: only patients ("were killed") and the dead ("died") are looked for in it
    if (frame.passive || /^(?:die[sd]?|perish(?:ed)?)$/i.test(tokens[ta]!.text))
      withParsedSubjects(tokens, text, frame, sa, sb, ta);
    // "a peasant killed by guerrillas": a participle with a by-agent is passive without "was"
    // ("the priests murdered last Friday by …": time words may come between)
    let by = tb;
    while (
      by < sb &&
      by - tb < 3 &&
      /^(?:last|this|early|late|on|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|night|morning|evening|afternoon|week|weekend)$/i.test(
        tokens[by]!.text,
      )
    )
      by++;
    if (!frame.passive && tokens[by]?.text.toLowerCase() === "by" && (by === tb || /ed$/i.test(tokens[tb - 1]!.text)))
      frame.passive = true;
    if (!frame.passive) {
      while (pos < sb && skippable(tokens[pos]!)) pos++;
      const obj = npStartingAt(after, pos);
      // headline-style passive: "three men injured in blast", "dozens of militants killed ,"
      const bare = tokens[pos];
      const reduced =
        !obj &&
        /ed$/i.test(tokens[tb - 1]!.text) &&
        (!bare ||
          bare.pos === "PUNCT" ||
          ["in", "on", "at", "during", "after", "near", "when", "as"].includes(bare.text.toLowerCase()));
      if (reduced && frame.subject && tokens[ta - 1] && frame.subject.last === ta) {
        frame.passive = true;
        frame.reduced = true;
      }
      if (obj) {
        frame.objects.push(obj);
        pos = obj.last;
        pos = conjoined(tokens, after, frame.objects, pos);
      }
    }
  } else {
    // nominal trigger: possessor, pre-modifier, or the subject of a support verb
    const prev = tokens[ta - 1];
    if (prev && prev.pos === "PART" && /^['’]s$/i.test(prev.text)) frame.possessor = npEndingAt(before, ta - 1);
    else frame.modifier = npEndingAt(before, ta);
    let k = ta - 1;
    if (frame.modifier) k = frame.modifier.first - 1;
    while (k >= sa && (DET_LIKE.has(tokens[k]!.pos) || POSSESSIVE_PRON.has(tokens[k]!.text.toLowerCase()))) k--;
    if (k >= sa && /^(?:out|up)$/i.test(tokens[k]!.text)) k--;
    const w = k >= sa ? tokens[k]!.text.toLowerCase() : "";
    if (SUPPORT.has(w)) {
      frame.subject = subjectBefore(tokens, before, k - 1, sa).np;
    } else if (w === "behind") {
      // "the traffickers are behind this attack"
      frame.subject = subjectBefore(tokens, before, k - 1, sa).np;
    } else if (w === "for" && tokens[k - 1]?.text.toLowerCase() === "responsible") {
      // "the army was responsible for the killing"
      frame.subject = subjectBefore(tokens, before, k - 2, sa).np;
    } else if (/^attribut/.test(w)) {
      // "officials attribute the attacks to drug traffickers": the to-phrase is the doer
      frame.attributed = true;
    }
  }
  // prepositional phrases chained after the trigger / object: "… in the city of X with a machete"
  for (let n = 0; n < 6 && pos < sb; n++) {
    // time words and "to death" sit between a verb and its by-phrase: "shot to death last night by"
    const w = tokens[pos]!.text.toLowerCase();
    if (TIME_WORDS.has(w)) {
      pos++;
      continue;
    }
    if ((w === "last" || w === "this") && TIME_WORDS.has(tokens[pos + 1]?.text.toLowerCase() ?? "")) {
      pos += 2;
      continue;
    }
    if (w === "to" && tokens[pos + 1]?.text.toLowerCase() === "death") {
      pos += 2;
      continue;
    }
    const prep = w;
    if (!PP_PREPS.has(prep)) break;
    const np = npStartingAt(after, pos + 1) ?? npStartingAt(nounPhrases(tokens, pos + 1, sb, text), pos + 1);
    if (!np) break;
    frame.pps.push({ prep, np });
    pos = np.last;
    // "murdered by security forces or death squads": each conjunct fills the same preposition; a
    // conjunct followed by a verb starts a new clause ("… by guerrillas and the army responded")
    const more: NounPhrase[] = [];
    if (CONJUNCT_PREPS.has(prep)) conjoined(tokens, after, more, pos);
    // the subject of the next clause ("…, witnesses said") is no conjunct
    const clause = (m: NounPhrase) => tokens[m.last]?.pos === "VERB" || tokens[m.last]?.pos === "AUX";
    if (more.length && clause(more[more.length - 1]!)) more.pop();
    for (const m of more) frame.pps.push({ prep, np: m });
    if (more.length) pos = more[more.length - 1]!.last;
  }
  // "was shot late on Tuesday by two gunmen": the parse finds a by-agent the chain above stops short of
  // (only when a "by" follows the trigger: an agent needs it, and most sentences are then never parsed)
  if (
    frame.verbal &&
    !frame.pps.some((p) => p.prep === "by") &&
    tokens.slice(tb, sb).some((t) => t.text.toLowerCase() === "by")
  ) {
    const agents = parsedAgents(tokens, text, sa, sb, ta);
    for (const np of agents) frame.pps.push({ prep: "by", np });
    if (agents.length && !frame.objects.length) frame.passive = true;
  }
  return frame;
}
