// The briefing as a PDF made offline with pdf-lib and the standard Helvetica fonts. Standard fonts only
// encode WinAnsi, so every string is first made WinAnsi-safe (accents folded, other characters "?").
import { PDFDocument, type PDFFont, StandardFonts } from "pdf-lib";
import { footnoteText } from "./footnote.js";
import type { Brief } from "./model.js";

// WinAnsi (CP1252) beyond Latin-1: the characters in 0x80–0x9F that standard fonts can draw.
const CP1252_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

/** Text the standard PDF fonts can encode: Latin-1 and the CP1252 extras; accents folded, the rest "?". */
export function winAnsiSafe(s: string): string {
  let out = "";
  for (const ch of s.replace(/[\t\r\n]+/g, " ")) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || CP1252_EXTRA.has(ch)) {
      out += ch;
      continue;
    }
    const folded = ch.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    out += [...folded].every((x) => x.codePointAt(0)! >= 0x20 && x.codePointAt(0)! <= 0x7e) && folded ? folded : "?";
  }
  return out;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;

class Writer {
  private page;
  private y: number;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: { regular: PDFFont; bold: PDFFont },
  ) {
    this.page = pdf.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    let line = "";
    for (const word of text.split(" ")) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
      else {
        lines.push(line);
        line = word;
      }
    }
    if (line) lines.push(line);
    return lines;
  }

  write(text: string, opts: { size?: number; bold?: boolean; indent?: number; gap?: number } = {}): void {
    const size = opts.size ?? 10;
    const font = opts.bold ? this.fonts.bold : this.fonts.regular;
    const indent = opts.indent ?? 0;
    for (const line of this.wrap(winAnsiSafe(text), font, size, A4[0] - 2 * MARGIN - indent)) {
      if (this.y < MARGIN + size) {
        this.page = this.pdf.addPage(A4);
        this.y = A4[1] - MARGIN;
      }
      this.page.drawText(line, { x: MARGIN + indent, y: this.y - size, size, font });
      this.y -= size * 1.35;
    }
    this.y -= opts.gap ?? 3;
  }
}

/** PDF bytes. The creation and modification dates are fixed so the same brief gives the same file. */
export async function briefPdf(b: Brief): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const fixed = new Date(Date.UTC(2024, 0, 1));
  pdf.setTitle(winAnsiSafe(`Incident brief: ${b.title}`));
  pdf.setProducer("Tessera");
  pdf.setCreator("Tessera");
  pdf.setCreationDate(fixed);
  pdf.setModificationDate(fixed);
  const w = new Writer(pdf, {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
  });
  w.write(`Incident brief: ${b.title}`, { size: 16, bold: true, gap: 6 });
  w.write(`Incident ${b.incident}. Every sentence is footnoted to the document spans it rests on.`, {
    size: 9,
    gap: 10,
  });
  for (const s of b.sections) {
    w.write(s.title, { size: 12, bold: true, gap: 4 });
    for (const x of s.sentences) w.write(`- ${x.text} ${x.notes.map((n) => `[${n}]`).join("")}`, { indent: 8 });
    for (const r of s.remarks) w.write(`- ${r}`, { indent: 8 });
    w.write("", { gap: 6 });
  }
  w.write("Notes", { size: 12, bold: true, gap: 4 });
  for (const f of b.footnotes) w.write(`[${f.n}] ${footnoteText(f)}`, { size: 8, indent: 8 });
  return pdf.save({ useObjectStreams: false });
}
