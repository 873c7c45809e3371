// Arguments a trigger takes from the clause it hangs on, read from the parse: a participle clause or
// a second conjunct shares the main verb's subject ("a bomber blew himself up, killing five"), a
// resultative shares the passive subject ("a man was shot dead"), a reduced relative's patient is the
// noun it modifies ("the guards killed in the raid"), and a predicate adjective's subject is who it
// describes ("seven people were dead"). Kept apart from roles.ts so the positional rules stay first and
// the parse is asked only when they found nothing.

import type { Token } from "../../nlp/types.js";
import type { SentenceCtx } from "../context.js";
import { type NounPhrase, tokenRange } from "./noun-phrases.js";
import { asNounPhrases, controlArguments, copularSubjects } from "./syntax-roles.js";

export interface Controlled {
  /** The governing clause's subjects (for acl, the modified noun) as noun phrases. */
  subjects: NounPhrase[];
  link: string;
  governor: string;
  passive: boolean;
}

/** The token that stands for a trigger in the parse: its verb, else its last word. */
function triggerToken(tokens: Token[], trigger: { start: number; end: number }): number | undefined {
  const [ta, tb] = tokenRange(tokens, trigger.start, trigger.end);
  if (ta >= tb) return undefined;
  for (let i = ta; i < tb; i++) if (tokens[i]!.pos === "VERB") return i;
  return tb - 1;
}

export function controlledBy(
  tokens: Token[],
  text: string,
  s: SentenceCtx,
  trigger: { start: number; end: number },
): Controlled | undefined {
  const t = triggerToken(tokens, trigger);
  if (t === undefined) return undefined;
  const [sa, sb] = tokenRange(tokens, s.start, s.end);
  const c = controlArguments(tokens, sa, sb, t);
  if (!c) return undefined;
  return { subjects: asNounPhrases(tokens, text, c.subjects), link: c.link, governor: c.governor, passive: c.passive };
}

/** "Seven people were dead", "the driver was among the injured": the subject of a predicate trigger. */
export function predicateSubjects(
  tokens: Token[],
  text: string,
  s: SentenceCtx,
  trigger: { start: number; end: number },
): NounPhrase[] {
  const t = triggerToken(tokens, trigger);
  if (t === undefined || tokens[t]!.pos === "VERB") return [];
  const [sa, sb] = tokenRange(tokens, s.start, s.end);
  return asNounPhrases(tokens, text, copularSubjects(tokens, sa, sb, t));
}

/** Verbs whose subject is the one a nominal harm trigger happened to ("twenty people suffered injuries"). */
export const UNDERGO = /^(?:suffer(?:ed|s|ing)?|sustain(?:ed|s|ing)?|receiv(?:ed|es|ing)|succumb(?:ed|s)?)$/;
