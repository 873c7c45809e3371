// Language identification for documents whose metadata does not say, and per paragraph for documents that mix
// languages (an English story quoting a Turkish post). The detector is eld (medium n-gram database), chosen over
// franc, franc-min and tinyld by accuracy and speed on the news clusters and on short texts: docs/languages.md.
import { eld } from "eld/medium";
import type { LanguageSpan } from "../model/records.js";

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
export function languageSpans(text: string, language: string): LanguageSpan[] | undefined {
  const spans: LanguageSpan[] = [];
  const line = /[^\n]+/g;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    let lang = language;
    if (letterCount(m[0]) >= MIN_PARAGRAPH_LETTERS) {
      const r = eld.detect(m[0]);
      if (r.language && r.isReliable()) lang = r.language;
    }
    const last = spans[spans.length - 1];
    if (last && last.language === lang) last.end = m.index + m[0].length;
    else spans.push({ start: m.index, end: m.index + m[0].length, language: lang });
  }
  return spans.some((s) => s.language !== language) ? spans : undefined;
}

/** BCP-47 primary subtag of a metadata language value ("en-GB" → "en"); undefined when unusable. */
export function primaryLanguage(tag: string | undefined | null): string | undefined {
  if (!tag) return undefined;
  const m = /^\s*([a-z]{2,3})(?:[-_]|\s*$)/i.exec(tag);
  return m ? m[1]!.toLowerCase() : undefined;
}
