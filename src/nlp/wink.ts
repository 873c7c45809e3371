// The one place that loads wink-nlp and its English model. Loading costs ~100-150 ms, so it is
// done lazily on first use and shared by every caller in the process.
//
// Only the annotations analyze() reads are switched on: sentence boundaries, POS (which also
// yields lemmas) and the number/date entities. wink's default pipe adds negation and sentiment,
// which nothing reads; they ran on every paragraph and cost ~15 % of readDoc. Neither feeds the
// POS tagger or the entity automata, so tokens, tags and spans are unchanged.

import model from "wink-eng-lite-web-model";
import winkNLP, { type WinkMethods } from "wink-nlp";

const PIPE = ["sbd", "pos", "ner"];

let instance: WinkMethods | undefined;

/** The shared wink-nlp instance (model loaded on first call only). */
export function wink(): WinkMethods {
  if (!instance) instance = winkNLP(model, PIPE);
  return instance;
}
