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

/** Arguments of the word at token index `trigger` in the sentence spanning tokens [sa, sb). */
export function syntaxArguments(tokens: Token[], sa: number, sb: number, trigger: number): SyntaxArgs | undefined {
  if (trigger < sa || trigger >= sb) return undefined;
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
  const t = trigger - sa + 1;
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
  const toNps = (xs: SyntaxArg[], into: NounPhrase[]) => {
    for (const a of xs) {
      const np = nounPhrases(tokens, a.first, a.last, text).find((x) => x.first <= a.head && a.head < x.last);
      if (np && !into.some((o) => o.first === np.first)) into.push(np);
    }
  };
  toNps(args.subjects, out.subjects);
  toNps(args.objects, out.objects);
  toNps(args.agents, out.agents);
  return out;
}

/** The passive agents of a verbal trigger as noun phrases ("was shot late on Tuesday by two gunmen"). */
export function parsedAgents(tokens: Token[], text: string, sa: number, sb: number, trigger: number): NounPhrase[] {
  return parsedPhrases(tokens, text, sa, sb, trigger).agents;
}
