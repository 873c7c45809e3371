// The learned trigger filter: a logistic regression (data/models/trigger-filter.json, trained by
// `npm run train` on annotated event mentions, see data/models/README.md) scores every lexicon match
// by its features (trigger-features.ts). A match below the model's threshold is dropped when another
// match of its type in the sentence is kept: a weapon named as a thing ("the bomb" beside "exploded").
// The kept matches carry their score, so the event of a type is named by the match most likely to be
// an event mention.

import { type LogisticModel, logisticScore } from "../../nlp/logistic.js";
import type { ExtractContext, SentenceCtx } from "../context.js";
import { loadData } from "../data.js";
import { triggerFeatures } from "./trigger-features.js";
import type { TriggerMatch } from "./triggers.js";

export interface TriggerFilterModel extends LogisticModel {
  /** Matches scoring below this are no event mentions. */
  threshold: number;
}

export const TRIGGER_MODEL = "models/trigger-filter.json";

let state: { model?: TriggerFilterModel; loaded: boolean } = { loaded: false };

/** A missing model leaves every lexicon match in place (said once), as before the filter existed. */
function model(): TriggerFilterModel | undefined {
  if (state.loaded) return state.model;
  try {
    state = { model: loadData<TriggerFilterModel>(TRIGGER_MODEL), loaded: true };
  } catch (e) {
    state = { loaded: true };
    process.emitWarning(`trigger filter unavailable, every lexicon match is kept: ${(e as Error).message}`);
  }
  return state.model;
}

export interface ScoredTrigger extends TriggerMatch {
  /** The model's probability that the match is an event mention (absent without a model). */
  score?: number;
}

/** The matches of a sentence the model keeps, each with its score; `use` overrides the shipped model (null: none). */
export function filterTriggers(
  ctx: ExtractContext,
  s: SentenceCtx,
  matches: TriggerMatch[],
  use: TriggerFilterModel | null | undefined = model(),
): ScoredTrigger[] {
  if (!use || !matches.length) return matches;
  const scored = matches.map((m) => ({ ...m, score: logisticScore(use, triggerFeatures(ctx, s, m, matches)) }));
  // a doubted match goes only when a match of its type stays: the event is then named by the likelier
  // mention ("exploded", not the "bomb" before it) and the doubted word lends it no arguments. A type whose
  // every match is doubted keeps them: "a bomb was defused at the junction" still reports an (attempted)
  // bombing, as GTD codes it, and the model has too few such examples to overrule the lexicon there
  const sure = new Set(scored.filter((m) => m.score >= use.threshold).map((m) => m.pattern.type));
  return scored.filter((m) => m.score >= use.threshold || !sure.has(m.pattern.type));
}

/** The match that names its type's event: the likeliest event mention, then the lexicon's confidence. */
export function strongestTrigger<T extends ScoredTrigger>(list: readonly T[]): T {
  const key = (m: ScoredTrigger) => m.score ?? m.pattern.entry.confidence;
  return [...list].sort((a, b) => key(b) - key(a) || b.pattern.entry.confidence - a.pattern.entry.confidence)[0]!;
}
