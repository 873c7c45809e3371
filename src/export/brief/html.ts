// The briefing as a standalone HTML page. Every string that can come from a source (titles, quotes,
// outlet names, entity names) goes through escapeHtml; the page has no script and no external resource.
import { footnoteText } from "./footnote.js";
import type { Brief } from "./model.js";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export function briefHtml(b: Brief): string {
  const e = escapeHtml;
  const body: string[] = [];
  body.push(`<h1>Incident brief: ${e(b.title)}</h1>`);
  body.push(
    `<p class="meta">Incident ${e(b.incident)}. Every sentence is footnoted to the document spans it rests on.</p>`,
  );
  for (const s of b.sections) {
    body.push(`<section><h2>${e(s.title)}</h2><ul>`);
    for (const x of s.sentences) {
      const refs = x.notes.map((n) => `<sup><a href="#fn${n}" id="ref${n}-${x.notes[0]}">${n}</a></sup>`).join("");
      body.push(`<li>${e(x.text)}${refs}</li>`);
    }
    for (const r of s.remarks) body.push(`<li class="remark"><em>${e(r)}</em></li>`);
    body.push("</ul></section>");
  }
  body.push('<section><h2>Notes</h2><ol class="notes">');
  for (const f of b.footnotes) body.push(`<li id="fn${f.n}">${e(footnoteText(f))}</li>`);
  body.push("</ol></section>");
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>Incident brief: ${e(b.title)}</title>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "</head><body>",
    ...body,
    "</body></html>",
    "",
  ].join("\n");
}
