// Public face of the NLP layer: analyze() and the Analysis types.
export { analyze } from "./analyze.js";
export type { Analysis, Paragraph, Sentence, SpanType, Token, TypedSpan } from "./types.js";
