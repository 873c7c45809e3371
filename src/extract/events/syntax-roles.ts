// A trigger's arguments read from the dependency parse (src/nlp/parse): subjects, objects, passive
// agents and prepositional obliques, each conjunct and apposition as its own argument with the
// token span of its phrase. Sentences are parsed on first request and cached per token array, so
// only sentences that hold a trigger pay for the parser.
import { loadSyntaxModel, type ParsedSentence, parseSentence } from "../../nlp/parse/model.js";
import type { Token } from "../../nlp/types.js";
import { type NounPhrase, nounPhrases } from "./noun-phrases.js";

/** One argument: token indexes into the document's token array; [first, last) is its phrase. */
export interface SyntaxArg {
  head: number;
  first: number;
  last: number;
  /** The relation to the trigger it fills (the first conjunct's, for later conjuncts). */
  rel: string;
  /** The case marker of an oblique ("by", "with"), lower-cased. */
  prep?: string;
}

export interface SyntaxArgs {
  subjects: SyntaxArg[];
  objects: SyntaxArg[];
  agents: SyntaxArg[];
  obliques: SyntaxArg[];
  passive: boolean;
}

/** Longer sentences are mostly run-ons or lists; the positional rules handle them alone. */
const MAX_WORDS = 80;
/** Children that are not part of a phrase's own span. */
const OUTSIDE_SPAN = new Set(["conj", "cc", "punct", "appos", "acl:relcl", "parataxis", "advcl", "dep"]);

const cache = new WeakMap<Token[], Map<number, ParsedSentence | null>>();

function parsed(tokens: Token[], sa: number, sb: number): ParsedSentence | null {
  let perDoc = cache.get(tokens);
  if (!perDoc) {
    perDoc = new Map();
    cache.set(tokens, perDoc);
  }
  const hit = perDoc.get(sa);
  if (hit !== undefined) return hit;
  const p =
    sb - sa > 0 && sb - sa <= MAX_WORDS && usable() ? parseSentence(tokens.slice(sa, sb).map((t) => t.text)) : null;
  perDoc.set(sa, p);
  return p;
}

let modelState: "unknown" | "ok" | "broken" = "unknown";

/** A missing or unreadable model leaves extraction on its positional rules (said once), never stops it. */
function usable(): boolean {
  if (modelState === "unknown") {
    try {
      loadSyntaxModel();
      modelState = "ok";
    } catch (e) {
      modelState = "broken";
      process.emitWarning(
        `dependency parser unavailable, extraction uses positional rules only: ${(e as Error).message}`,
      );
    }
  }
  return modelState === "ok";
}

interface Tree {
  rel: (w: number) => string;
  head: (w: number) => number;
  children: number[][];
  expanded: (w: number, r: string) => SyntaxArg[];
}

/** The parse of the sentence spanning tokens [sa, sb) with the helpers that cut argument phrases from it. */
function treeOf(tokens: Token[], sa: number, sb: number): Tree | undefined {
  const p = parsed(tokens, sa, sb);
  if (!p) return undefined;
  const n = p.heads.length;
  const children: number[][] = Array.from({ length: n + 1 }, () => []);
  p.heads.forEach((h, i) => {
    children[h]!.push(i + 1);
  });
  const rel = (w: number): string => p.deprels[w - 1]!;
  const spanOf = (w: number): [number, number] => {
    let lo = w;
    let hi = w;
    const walk = (x: number): void => {
      for (const c of children[x]!) {
        if (OUTSIDE_SPAN.has(rel(c))) continue;
        if (x === w && rel(c) === "case") continue;
        lo = Math.min(lo, c);
        hi = Math.max(hi, c);
        walk(c);
      }
    };
    walk(w);
    return [lo, hi];
  };
  const caseOf = (w: number): string | undefined => {
    const c = children[w]!.find((k) => rel(k) === "case");
    return c ? p.forms[c - 1]!.toLowerCase() : undefined;
  };
  const expanded = (w: number, r: string): SyntaxArg[] => {
    const out: SyntaxArg[] = [];
    const visit = (x: number): void => {
      const [lo, hi] = spanOf(x);
      out.push({ head: sa + x - 1, first: sa + lo - 1, last: sa + hi, rel: r, prep: caseOf(w) });
      for (const c of children[x]!) if (rel(c) === "conj" || rel(c) === "appos") visit(c);
    };
    visit(w);
    return out;
  };
  return { rel, head: (w) => p.heads[w - 1]!, children, expanded };
}

/** Arguments of the word at token index `trigger` in the sentence spanning tokens [sa, sb). */
export function syntaxArguments(tokens: Token[], sa: number, sb: number, trigger: number): SyntaxArgs | undefined {
  if (trigger < sa || trigger >= sb) return undefined;
  const tree = treeOf(tokens, sa, sb);
  if (!tree) return undefined;
  return argsAt(tree, trigger - sa + 1);
}

function argsAt(tree: Tree, t: number): SyntaxArgs {
  const { rel, children, expanded } = tree;
  const args: SyntaxArgs = { subjects: [], objects: [], agents: [], obliques: [], passive: false };
  for (const c of children[t]!) {
    const r = rel(c);
    if (r === "nsubj" || r === "nsubj:pass") args.subjects.push(...expanded(c, r));
    else if (r === "obj" || r === "iobj") args.objects.push(...expanded(c, r));
    else if (r === "obl:agent") args.agents.push(...expanded(c, r));
    else if (r === "obl" || r === "nmod") args.obliques.push(...expanded(c, r));
    if (r === "nsubj:pass" || r === "aux:pass" || r === "obl:agent") args.passive = true;
  }
  return args;
}

/** How a trigger with no subject of its own hangs on the word that supplies one. */
export interface ControlArgs {
  /** The trigger's relation to that word: advcl ("…, killing five"), xcomp ("shot dead"), conj, acl, obj. */
  link: string;
  /** The governing word, lower-cased ("suffered" in "twenty people suffered injuries"). */
  governor: string;
  /** The governor's subjects; for acl, the noun the participle modifies ("the guards killed in the raid"). */
  subjects: SyntaxArg[];
  /** The governor is passive ("was shot dead"). */
  passive: boolean;
}

/** Relations whose dependent shares its governor's subject (or, for acl, has the governing noun as patient). */
const CONTROLLED = new Set(["advcl", "xcomp", "conj", "acl", "obj"]);

/**
 * The arguments a trigger takes from the word it depends on: the subject of the main verb for a
 * participle clause or a second conjunct ("a bomber blew himself up, killing five"; "they killed two
 * and injured ten"), the passive subject for a resultative ("a man was shot dead"), the modified noun
 * for a reduced relative ("the guards killed in the raid"), the subject of "suffered" for its object.
 * Undefined when the trigger has a subject of its own or the sentence has no parse.
 */
export function controlArguments(tokens: Token[], sa: number, sb: number, trigger: number): ControlArgs | undefined {
  if (trigger < sa || trigger >= sb) return undefined;
  const tree = treeOf(tokens, sa, sb);
  if (!tree) return undefined;
  const t = trigger - sa + 1;
  const link = tree.rel(t);
  const g = tree.head(t);
  const garden = gardenPathRelative(tree, tokens, sa, t);
  if (garden) return garden;
  if (!CONTROLLED.has(link) || g === 0) return undefined;
  if (tree.children[t]!.some((c) => tree.rel(c).startsWith("nsubj"))) return undefined;
  const governor = tokens[sa + g - 1]!.text.toLowerCase();
  if (link === "acl") return { link, governor, subjects: tree.expanded(g, "acl"), passive: false };
  // a conjunct's subject is the first conjunct's: climb a chain of conjuncts to it
  let v = g;
  for (let n = 0; n < 4 && tree.rel(v) === "conj" && tree.head(v) !== 0; n++) {
    if (tree.children[v]!.some((c) => tree.rel(c).startsWith("nsubj"))) break;
    v = tree.head(v);
  }
  const own = argsAt(tree, v);
  return { link, governor, subjects: own.subjects, passive: own.passive };
}

/**
 * "Relatives of the guards killed in the raid gathered at the gate": parsers read a bare participle
 * after a noun as the main verb and the real main verb as its clause. When the root is a participle
 * with no auxiliary and a later verb hangs on it with no subject, no conjunction and no comma of its
 * own and no -ing, the participle is a reduced relative on the nearest noun of the root's subject.
 */
function gardenPathRelative(tree: Tree, tokens: Token[], sa: number, t: number): ControlArgs | undefined {
  const word = (w: number) => tokens[sa + w - 1]!;
  if (tree.head(t) !== 0 || !/(?:ed|en|wn)$/i.test(word(t).text)) return undefined;
  const kids = tree.children[t]!;
  // an object or an -ing clause makes the participle a real main verb ("gunmen attacked the base, killing ten")
  if (kids.some((c) => /^(?:aux|nsubj:pass|obj|iobj)/.test(tree.rel(c)))) return undefined;
  const subj = kids.find((c) => tree.rel(c) === "nsubj" && c < t);
  const main = kids.find(
    (c) =>
      c > t &&
      (tree.rel(c) === "advcl" || tree.rel(c) === "conj" || tree.rel(c) === "parataxis") &&
      word(c).pos === "VERB" &&
      !/ing$/i.test(word(c).text) &&
      !tree.children[c]!.some((k) => /^(?:nsubj|mark|cc|punct|aux)/.test(tree.rel(k)) && k < c),
  );
  if (subj === undefined || main === undefined) return undefined;
  for (let w = t + 1; w < main; w++) if (/^[,;:]$/.test(word(w).text)) return undefined;
  // the nearest noun before the participle inside the subject's phrase
  const inSubject = (w: number): boolean => {
    for (let x = w, n = 0; x !== 0 && n < 50; x = tree.head(x), n++) if (x === subj) return true;
    return false;
  };
  for (let w = t - 1; w >= subj; w--) {
    if (inSubject(w) && /^(?:NOUN|PROPN|NUM|PRON)$/.test(word(w).pos ?? "")) {
      return { link: "acl", governor: word(w).text.toLowerCase(), subjects: tree.expanded(w, "acl"), passive: false };
    }
  }
  return undefined;
}

/** The subjects of a predicate adjective or noun ("seven people were dead"): its own nsubj beside a copula. */
export function copularSubjects(tokens: Token[], sa: number, sb: number, trigger: number): SyntaxArg[] {
  if (trigger < sa || trigger >= sb) return [];
  const tree = treeOf(tokens, sa, sb);
  if (!tree) return [];
  const t = trigger - sa + 1;
  if (!tree.children[t]!.some((c) => tree.rel(c) === "cop")) return [];
  return argsAt(tree, t).subjects;
}

/** Parse arguments as noun phrases cut by the same rules as every other argument (see `parsedPhrases`). */
export function asNounPhrases(tokens: Token[], text: string, xs: SyntaxArg[]): NounPhrase[] {
  const out: NounPhrase[] = [];
  for (const a of xs) {
    const np = nounPhrases(tokens, a.first, a.last, text).find((x) => x.first <= a.head && a.head < x.last);
    if (np && !out.some((o) => o.first === np.first)) out.push(np);
  }
  return out;
}

export interface ParsedPhrases {
  subjects: NounPhrase[];
  objects: NounPhrase[];
  agents: NounPhrase[];
}

/**
 * A verbal trigger's subjects, objects and passive agents as noun phrases, every conjunct and
 * apposition its own phrase ("the mayor, his driver and a councillor, who …, were killed" → three
 * subjects; "was shot late on Tuesday by two gunmen" → agent "two gunmen"), cut by the same
 * noun-phrase rules as every other argument so roles classify them alike.
 */
export function parsedPhrases(tokens: Token[], text: string, sa: number, sb: number, trigger: number): ParsedPhrases {
  const out: ParsedPhrases = { subjects: [], objects: [], agents: [] };
  const args = syntaxArguments(tokens, sa, sb, trigger);
  if (!args) return out;
  out.subjects = asNounPhrases(tokens, text, args.subjects);
  out.objects = asNounPhrases(tokens, text, args.objects);
  out.agents = asNounPhrases(tokens, text, args.agents);
  return out;
}

/** The passive agents of a verbal trigger as noun phrases ("was shot late on Tuesday by two gunmen"). */
export function parsedAgents(tokens: Token[], text: string, sa: number, sb: number, trigger: number): NounPhrase[] {
  return parsedPhrases(tokens, text, sa, sb, trigger).agents;
}
