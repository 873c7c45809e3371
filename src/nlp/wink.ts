// The one place that loads wink-nlp and its English model. Loading costs ~100-150 ms, so it is
// done lazily on first use and shared by every caller in the process.

import model from "wink-eng-lite-web-model";
import winkNLP, { type WinkMethods } from "wink-nlp";

let instance: WinkMethods | undefined;

/** The shared wink-nlp instance (model loaded on first call only). */
export function wink(): WinkMethods {
  if (!instance) instance = winkNLP(model);
  return instance;
}
