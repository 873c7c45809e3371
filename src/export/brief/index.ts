// The cited incident briefing: model plus Markdown, HTML and PDF renderers.
import { briefHtml } from "./html.js";
import { briefMarkdown } from "./markdown.js";
import type { Brief } from "./model.js";
import { briefPdf } from "./pdf.js";

export { escapeHtml } from "./html.js";
export { type Brief, buildBrief, type Footnote, type Section, type Sentence } from "./model.js";
export { winAnsiSafe } from "./pdf.js";
export { briefHtml, briefMarkdown, briefPdf };

export type BriefFormat = "md" | "html" | "pdf";

export async function renderBrief(b: Brief, format: BriefFormat): Promise<string | Uint8Array> {
  if (format === "html") return briefHtml(b);
  if (format === "pdf") return briefPdf(b);
  return briefMarkdown(b);
}
