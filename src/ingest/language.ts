// Language identification for documents whose metadata does not say, and per paragraph for documents that mix
// languages (an English story quoting a Turkish post). The detector is eld (medium n-gram database), chosen over
// franc, franc-min and tinyld by accuracy and speed on the news clusters and on short texts: docs/languages.md.
import { eld } from "eld/medium";
import type { LanguageSpan } from "../model/records.js";

/** A line's own guess must beat the document's language by this much of eld's score to stand. */
const LINE_MARGIN = 0.1;
/** Languages eld scores this close are not told apart (Turkish/Azerbaijani, Hindi/Marathi). */
const TIE = 0.02;

/** Fewer letters than this say too little for a guess. */
const MIN_LETTERS = 12;
/** A paragraph needs this many letters before its own guess may differ from the document's. */
const MIN_PARAGRAPH_LETTERS = 40;

const letterCount = (s: string): number => s.match(/\p{L}/gu)?.length ?? 0;

/** ISO 639-1 code of the text's language, "und" when the text is too short or the detector has no answer. */
export function guessLanguage(text: string): string {
  const sample = text.slice(0, 20_000);
  if (letterCount(sample) < MIN_LETTERS) return "und";
  return eld.detect(sample).language || "und";
}

/**
 * The document's stretches by language, one per run of sentences in the same language (the gaps between them
 * belong to no stretch); undefined when the whole text is in `language`. Short or unreliable sentences take the
 * language around them, so a byline or a name on its own never splits a document.
 */
export function languageSpans(text: string, tag: string): LanguageSpan[] | undefined {
  // a region-tagged document ("en-US") is compared by its language; the stretches carry primary subtags
  const language = primaryLanguage(tag) ?? "und";
  const spans: LanguageSpan[] = [];
  const push = (start: number, end: number, lang: string): void => {
    const last = spans[spans.length - 1];
    if (last && last.language === lang) last.end = end;
    else spans.push({ start, end, language: lang });
  };
  const line = /[^\n]+/g;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    // sentences of a line are told apart; a short one goes with the sentence before it, while a short tail after
    // a dash (an embedded post's "— Name (@handle) January 28, 2024") is the document's own text
    let lineLang: string | undefined;
    for (const piece of pieces(m[0])) {
      const start = m.index + piece.start;
      const long = letterCount(piece.text) >= MIN_PARAGRAPH_LETTERS;
      const lang = long ? lineLanguage(piece.text, language) : piece.tail ? language : (lineLang ?? language);
      if (long) lineLang = lang;
      push(start, start + piece.text.length, lang);
    }
  }
  return spans.some((s) => s.language !== language) ? spans : undefined;
}

interface Piece {
  start: number;
  text: string;
  /** Follows a dash: an attribution or source line, not more of the quoted text. */
  tail: boolean;
}

/** A line cut at sentence ends and at spaced dashes. */
function pieces(line: string): Piece[] {
  const out: Piece[] = [];
  const cut = /(?<=[.!?؟۔])\s+|\s+[—–]\s+/g;
  let at = 0;
  let tail = false;
  for (let m = cut.exec(line); m; m = cut.exec(line)) {
    if (m.index > at) out.push({ start: at, text: line.slice(at, m.index), tail });
    tail = /[—–]/.test(m[0]);
    at = m.index + m[0].length;
  }
  if (at < line.length) out.push({ start: at, text: line.slice(at), tail });
  return out;
}

/** A line's language: the document's unless the detector is sure of another; of two it cannot tell apart, one `prefer`s. */
function lineLanguage(line: string, language: string): string {
  const r = eld.detect(line);
  if (!r.language || !r.isReliable()) return language;
  const scores = r.getScores();
  const top = scores[r.language] ?? 0;
  if (top - (scores[language] ?? 0) < LINE_MARGIN) return language;
  const close = Object.entries(scores).filter(([l, v]) => l !== r.language && top - v < TIE);
  return close.find(([l]) => PREFERRED.has(l))?.[0] ?? r.language;
}

/** Languages Tessera has rules for, preferred when the detector cannot tell a close neighbour from them. */
const PREFERRED = new Set(["en", "fr", "es", "pt", "de", "ru", "tr", "ar", "fa", "ur"]);

/** BCP-47 primary subtag of a metadata language value ("en-GB" → "en"); undefined when unusable. */
export function primaryLanguage(tag: string | undefined | null): string | undefined {
  if (!tag) return undefined;
  const m = /^\s*([a-z]{2,3})(?:[-_]|\s*$)/i.exec(tag);
  return m ? m[1]!.toLowerCase() : undefined;
}
