// Which parts of a document each language's rules read. English rules read the English (and unidentified) text;
// every other stretch goes to the rules of its language. Hidden text is blanked character for character, so
// offsets found in a view are offsets into the stored text.
import type { Document } from "../../model/records.js";

export interface Stretch {
  start: number;
  end: number;
  language: string;
}

/** English rules read English ("en", "en-US") and text nothing could identify. */
export const readsAsEnglish = (language: string): boolean => /^(?:en|und)(?:[-_]|$)/i.test(language);

/** The document's stretches in order; one stretch when it is in one language. */
export function stretchesOf(doc: Document): Stretch[] {
  return doc.languages?.length ? doc.languages : [{ start: 0, end: doc.text.length, language: doc.language }];
}

/** The document as English rules may read it: other-language stretches blanked; undefined when none is English. */
export function englishView(doc: Document): Document | undefined {
  const parts = stretchesOf(doc);
  if (parts.every((p) => readsAsEnglish(p.language))) return doc;
  if (!parts.some((p) => readsAsEnglish(p.language))) return undefined;
  let text = "";
  let at = 0;
  for (const p of parts) {
    if (readsAsEnglish(p.language)) continue;
    text += doc.text.slice(at, p.start) + doc.text.slice(p.start, p.end).replace(/[^\n]/g, " ");
    at = p.end;
  }
  text += doc.text.slice(at);
  return { ...doc, text };
}

/** The stretches not in English, each with its language as a primary subtag ("pt-BR" → "pt"). */
export function foreignStretches(doc: Document): Stretch[] {
  return stretchesOf(doc)
    .filter((p) => !readsAsEnglish(p.language))
    .map((p) => ({ ...p, language: p.language.toLowerCase().split(/[-_]/)[0]! }));
}
