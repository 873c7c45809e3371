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
 * The document's stretches by language, one per run of lines in the same language; undefined when the whole
 * text is in `language`. Short or unreliable lines take the document's language, so a byline or a name on its
 * own line never splits a document.
 */
export function languageSpans(text: string, tag: string): LanguageSpan[] | undefined {
  // a region-tagged document ("en-US") is compared by its language; the stretches carry primary subtags
  const language = primaryLanguage(tag) ?? "und";
  const spans: LanguageSpan[] = [];
  const line = /[^\n]+/g;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    let lang = language;
    if (letterCount(m[0]) >= MIN_PARAGRAPH_LETTERS) lang = lineLanguage(m[0], language);
    const last = spans[spans.length - 1];
    if (last && last.language === lang) last.end = m.index + m[0].length;
    else spans.push({ start: m.index, end: m.index + m[0].length, language: lang });
  }
  return spans.some((s) => s.language !== language) ? spans : undefined;
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
