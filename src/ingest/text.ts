// The plain-text reader: optional front matter, boilerplate filter, headline (or else the opening
// words) → title, byline or
// bio → author, language guess. Also the last step of the HTML and PDF readers' text handling.
import type { DocumentDraft } from "../model/document.js";
import { looksLikeHeadline, stripBoilerplate } from "./boilerplate.js";
import { splitFrontMatter } from "./frontmatter.js";
import { guessLanguage, primaryLanguage } from "./language.js";
import { parsePublished } from "./published.js";

const LEAD_WORDS = 10;

/**
 * A title made from the opening words when a text has no headline (a pasted article often starts
 * straight with its lead): the first sentence when it is short, else its first words and "…". Without
 * it such a document showed as "Untitled document" everywhere.
 */
export function leadTitle(text: string): string | undefined {
  const line = text.split("\n").find((l) => /\p{L}/u.test(l));
  if (!line) return undefined;
  const words = line.trim().split(/\s+/);
  const out: string[] = [];
  for (const w of words) {
    out.push(w);
    // a sentence ends on a word of two or more letters (not "U.S." or "Dr.") followed by . ! or ?
    if (out.length >= 3 && /\p{L}{2,}[.!?]["”’)]?$/u.test(w) && !/^\p{Lu}\p{Ll}?\.$/u.test(w)) {
      return out.join(" ").replace(/\.$/, "");
    }
    if (out.length === LEAD_WORDS) break;
  }
  const joined = out.join(" ").replace(/[,;:–—-]+$/, "");
  return out.length < words.length ? `${joined}…` : joined;
}

/** Reads decoded plain text into a draft. Title/author come from front matter first, then heuristics. */
export function readPlainText(text: string, origin: string): DocumentDraft {
  const { meta, body } = splitFrontMatter(text);
  const cleaned = stripBoilerplate(body, meta.author ? { author: meta.author } : {});
  const draft: DocumentDraft = { origin, format: "text", text: cleaned.text };

  const firstLine = cleaned.text.split("\n", 1)[0] ?? "";
  const hasBody = cleaned.text.length > firstLine.length + 1;
  const headline = hasBody && looksLikeHeadline(firstLine) ? firstLine.trim() : undefined;
  const title = meta.title ?? headline ?? leadTitle(cleaned.text);
  if (title) draft.title = title;
  const author = meta.author ?? cleaned.author;
  if (author) draft.author = author;
  if (meta.outlet) draft.outlet = meta.outlet;
  if (meta.url) draft.url = meta.url;
  const published = parsePublished(meta.published);
  if (published) draft.publishedAt = published;
  draft.language = primaryLanguage(meta.language) ?? guessLanguage(cleaned.text);
  return draft;
}
