// The learned trigger ranking: a logistic regression (data/models/trigger-filter.json, trained by
// `npm run train` on ECB+ train event and entity mentions, see data/models/README.md) scores every
// lexicon match by its features (trigger-features.ts): how likely it is an event mention and not a
// thing or a person named ("the bomb", "the suicide bomber"). When the lexicon's strongest match of a
// type is doubted, the event is named (its trigger span) by the likeliest mention of the sentence
// instead ("exploded", not the "bomb" before it); the lexicon's choice stands otherwise. No match is
// dropped: the model has seen too few non-events to overrule the lexicon ("a bomb was defused at the
// junction" still reports an attempted bombing, as GTD codes it), and the lexicon's strongest phrase
// still anchors the event's arguments.
import { type LogisticModel, logisticScore } from "../../nlp/logistic.js";
import type { ExtractContext, SentenceCtx } from "../context.js";
import { loadData } from "../data.js";
import { triggerFeatures } from "./trigger-features.js";
import type { TriggerMatch } from "./triggers.js";

export interface TriggerFilterModel extends LogisticModel {
  /** Matches scoring below this are doubted as event mentions. */
  threshold: number;
}

export const TRIGGER_MODEL = "models/trigger-filter.json";

let state: { model?: TriggerFilterModel; loaded: boolean } = { loaded: false };

/** A missing model leaves the lexicon's order in place (said once), as before the model existed. */
function model(): TriggerFilterModel | undefined {
  if (state.loaded) return state.model;
  try {
    state = { model: loadData<TriggerFilterModel>(TRIGGER_MODEL), loaded: true };
  } catch (e) {
    state = { loaded: true };
    process.emitWarning(`trigger model unavailable, events are named by the lexicon: ${(e as Error).message}`);
  }
  return state.model;
}

export interface ScoredTrigger extends TriggerMatch {
  /** The model's probability that the match is an event mention (absent without a model). */
  score?: number;
  /** The score is below the model's threshold. */
  doubted?: boolean;
}

/** The matches of a sentence, each with its score; `use` overrides the shipped model (null: none). */
export function scoreTriggers(
  ctx: ExtractContext,
  s: SentenceCtx,
  matches: TriggerMatch[],
  use: TriggerFilterModel | null | undefined = model(),
): ScoredTrigger[] {
  if (!use || !matches.length) return matches;
  return matches.map((m) => {
    const score = logisticScore(use, triggerFeatures(ctx, s, m, matches));
    return { ...m, score, doubted: score < use.threshold };
  });
}

/** The lexicon's strongest match: the highest confidence, the first in the text on a tie. */
export function lexiconStrongest<T extends TriggerMatch>(list: readonly T[]): T {
  return [...list].sort((a, b) => b.pattern.entry.confidence - a.pattern.entry.confidence)[0]!;
}

/**
 * The match that names its type's event: the lexicon's strongest, unless the model doubts it is an event
 * mention ("the bomb", "the gunman"); then the likeliest mention, then the lexicon's confidence.
 */
export function likeliestTrigger<T extends ScoredTrigger>(list: readonly T[]): T {
  const top = lexiconStrongest(list);
  if (!top.doubted) return top;
  const key = (m: ScoredTrigger) => m.score ?? m.pattern.entry.confidence;
  return [...list].sort((a, b) => key(b) - key(a) || b.pattern.entry.confidence - a.pattern.entry.confidence)[0]!;
}
