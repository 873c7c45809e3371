// The output of the NLP layer: one Analysis per document. Every offset is a character offset
// into Document.text, so downstream spans can be cut from the stored text directly.

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Universal POS tag from wink (PROPN, NOUN, VERB, NUM, ADP, PUNCT …), after domain fix-ups. */
  pos: string;
  /** Lower-cased normal form (wink "normal"); lemma where wink gives one. */
  norm: string;
  lemma: string;
}

export type SpanType =
  | "DATE"
  | "TIME"
  | "DURATION"
  | "CARDINAL"
  | "ORDINAL"
  | "MONEY"
  | "PERCENT"
  | "QUOTE"
  | "PROPN_CHUNK";

/**
 * A typed range. QUOTE spans include their quotation marks; PROPN_CHUNK spans never include a
 * trailing possessive ("Iran's" → "Iran").
 */
export interface TypedSpan {
  type: SpanType;
  start: number;
  end: number;
  text: string;
  /** Index of the sentence it lies in. */
  sentence: number;
}

export interface Sentence {
  index: number;
  paragraph: number;
  start: number;
  end: number;
  text: string;
  /** Indexes into Analysis.tokens, [first, last) */
  tokenStart: number;
  tokenEnd: number;
}

export interface Paragraph {
  index: number;
  start: number;
  end: number;
}

export interface Analysis {
  doc: string;
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
  spans: TypedSpan[];
}
