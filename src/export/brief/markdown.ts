// The briefing as Markdown with footnotes ([^n]). Source text is quoted verbatim except for < > &,
// which become entities so a Markdown renderer that passes HTML through cannot be made to run it.
import { footnoteText } from "./footnote.js";
import type { Brief } from "./model.js";

const mdSafe = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function briefMarkdown(b: Brief): string {
  const out: string[] = [`# Incident brief: ${mdSafe(b.title)}`, ""];
  out.push(`_Incident ${mdSafe(b.incident)}. Every sentence is footnoted to the document spans it rests on._`, "");
  for (const s of b.sections) {
    out.push(`## ${s.title}`, "");
    for (const x of s.sentences) out.push(`- ${mdSafe(x.text)}${x.notes.map((n) => `[^${n}]`).join("")}`);
    for (const r of s.remarks) out.push(`- _${mdSafe(r)}_`);
    out.push("");
  }
  out.push("## Notes", "");
  for (const f of b.footnotes) out.push(`[^${f.n}]: ${mdSafe(footnoteText(f))}`);
  return `${out.join("\n")}\n`;
}
