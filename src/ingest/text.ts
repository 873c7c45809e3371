// The plain-text reader: optional front matter, boilerplate filter, headline → title, byline or
// bio → author, language guess. Also the last step of the HTML and PDF readers' text handling.
import type { DocumentDraft } from "../model/document.js";
import { looksLikeHeadline, stripBoilerplate } from "./boilerplate.js";
import { splitFrontMatter } from "./frontmatter.js";
import { guessLanguage, primaryLanguage } from "./language.js";
import { parsePublished } from "./published.js";

/** Reads decoded plain text into a draft. Title/author come from front matter first, then heuristics. */
export function readPlainText(text: string, origin: string): DocumentDraft {
  const { meta, body } = splitFrontMatter(text);
  const cleaned = stripBoilerplate(body, meta.author ? { author: meta.author } : {});
  const draft: DocumentDraft = { origin, format: "text", text: cleaned.text };

  const firstLine = cleaned.text.split("\n", 1)[0] ?? "";
  const hasBody = cleaned.text.length > firstLine.length + 1;
  const title = meta.title ?? (hasBody && looksLikeHeadline(firstLine) ? firstLine.trim() : undefined);
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
