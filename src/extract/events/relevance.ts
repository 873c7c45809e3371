// Relevance judgement per event (issue #15): is it an attack that happened ("actual"), or a threat, a plan, an
// exercise, history, a clash between armed forces, or something else? The rules (relevance-rules.ts) give the
// class from cues; a logistic regression (data/models/muc4-relevance.json, trained by `npm run train` on MUC-4
// train, see data/models/README.md) scores how likely a violent event that the rules call actual is one a
// terrorism record would hold, and one scoring below the model's threshold is judged "other". Written on
// `attributes.relevance` (the class), `relevanceScore` (the model's probability) and `relevanceCue` (why).
import type { Event } from "../../model/records.js";
import { type LogisticModel, logisticScore } from "../../nlp/logistic.js";
import type { ExtractContext } from "../context.js";
import { loadData } from "../data.js";
import { relevanceFeatures } from "./relevance-features.js";
import { type RelevanceClass, ruleRelevance } from "./relevance-rules.js";

export { RELEVANCE_CLASSES, type RelevanceClass } from "./relevance-rules.js";

export interface RelevanceModel extends LogisticModel {
  about: string;
  /** Actual-by-rule events scoring below this are judged "other". */
  threshold: number;
}

export const RELEVANCE_MODEL = "models/muc4-relevance.json";
/** The event types a terrorism record is made of; only these are scored by the model. */
export const SCORED_TYPES: ReadonlySet<string> = new Set([
  "attack",
  "missile_strike",
  "air_strike",
  "death",
  "injury",
  "execution",
]);

let state: { model?: RelevanceModel | null } = {};

/** Overrides the shipped model (null: rules only); undefined restores it. For training and tests. */
export function setRelevanceModel(m: RelevanceModel | null | undefined): void {
  state = m === undefined ? {} : { model: m };
}

function model(): RelevanceModel | null {
  if (state.model !== undefined) return state.model;
  try {
    state.model = loadData<RelevanceModel>(RELEVANCE_MODEL);
  } catch (e) {
    state.model = null;
    process.emitWarning(`relevance model unavailable, relevance by rules only: ${(e as Error).message}`);
  }
  return state.model;
}

type Listener = (e: Event, features: string[]) => void;
let listener: Listener | undefined;

/** Training reads the features of each scored event as extraction computes them (undefined: stop). */
export function onRelevanceFeatures(fn: Listener | undefined): void {
  listener = fn;
}

/** Marks every event's relevance in place. */
export function markRelevance(ctx: ExtractContext, events: Event[]): Event[] {
  const m = model();
  for (const e of events) {
    const rule = ruleRelevance(ctx, e, events);
    let cls: RelevanceClass = rule.cls;
    let cue = rule.cue;
    const scored = SCORED_TYPES.has(e.type);
    const features = scored && (m || listener) ? relevanceFeatures(ctx, e, rule.cls) : [];
    if (scored && listener) listener(e, features);
    if (m && scored) {
      const score = logisticScore(m, features);
      e.attributes.relevanceScore = Math.round(score * 1000) / 1000;
      if (cls === "actual" && score < m.threshold) [cls, cue] = ["other", "scored unlike a terrorist attack"];
    }
    e.attributes.relevance = cls;
    if (cue) e.attributes.relevanceCue = cue;
  }
  return events;
}

/** An incident (or any group of events) is relevant when one of its events is judged actual. */
export const anyActual = (events: readonly { attributes?: Record<string, unknown> }[]): boolean =>
  events.some((e) => e.attributes?.relevance === "actual");
