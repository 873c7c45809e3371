// One footnote in words, shared by every renderer: outlet, date, the quoted span, document id and offsets.
import type { Footnote } from "./model.js";

export function footnoteText(f: Footnote): string {
  const flat = (s: string) => s.replace(/\s+/g, " ");
  const inContext = f.context ? ` in "${flat(f.context)}"` : "";
  return `${f.outlet}, ${f.date ?? "undated"}: "${flat(f.quote)}"${inContext} (document ${f.doc.slice(0, 12)}, characters ${f.start}-${f.end}).`;
}
