// A cheap language guess for documents whose metadata does not say. Only English is told apart:
// the extractors are English-only, so the useful question is "English or not?", answered by the
// share of very common English function words.
import { englishStopwords } from "./data.js";

let stop: Set<string> | undefined;

/** "en" when English function words make up a clear share of the words, else "und". */
export function guessLanguage(text: string): string {
  stop ??= new Set(englishStopwords());
  const words =
    text
      .slice(0, 20_000)
      .toLowerCase()
      .match(/\p{L}+/gu) ?? [];
  if (words.length < 8) return "und";
  let hits = 0;
  for (const w of words) if (stop.has(w)) hits++;
  return hits / words.length >= 0.2 ? "en" : "und";
}

/** BCP-47 primary subtag of a metadata language value ("en-GB" → "en"); undefined when unusable. */
export function primaryLanguage(tag: string | undefined | null): string | undefined {
  if (!tag) return undefined;
  const m = /^\s*([a-z]{2,3})(?:[-_]|\s*$)/i.exec(tag);
  return m ? m[1]!.toLowerCase() : undefined;
}
