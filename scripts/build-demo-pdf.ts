// Renders the demo corpus's think-tank report(s) from data/demo/pdf-src/*.txt into real PDFs under
// data/demo/generated/, so `tessera demo` exercises the PDF reader on a file we wrote ourselves.
// Output is byte-for-byte deterministic (fixed dates from the front matter, no timestamps of the
// build), so running the script twice changes nothing.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PageSizes, PDFDocument, type PDFFont, PDFName, rgb, StandardFonts } from "pdf-lib";

export interface FrontMatterDoc {
  meta: Record<string, string>;
  body: string;
}

/** Split a `---` front-matter header (key: value lines) from the body. Missing header → empty meta. */
export function parseFrontMatter(text: string): FrontMatterDoc {
  const src = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const m = /^---\n([\s\S]*?)\n---\n?/.exec(src);
  if (!m) return { meta: {}, body: src.trim() };
  const meta: Record<string, string> = {};
  for (const line of m[1]!.split("\n")) {
    const kv = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line.trim());
    if (kv) meta[kv[1]!.toLowerCase()] = kv[2]!.trim();
  }
  return { meta, body: src.slice(m[0].length).trim() };
}

// The standard Helvetica font only encodes WinAnsi; typographic characters are folded to ASCII
// and anything else outside Latin-1 loses its diacritics (or becomes "?") rather than crashing.
const FOLD: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u2013": "-",
  "\u2014": "-",
  "\u2212": "-",
  "\u2026": "...",
  "\u00a0": " ",
  "\u2009": " ",
  "\u202f": " ",
};

export function toWinAnsi(text: string): string {
  let out = "";
  for (const ch of text) {
    const folded = FOLD[ch];
    if (folded !== undefined) out += folded;
    else if (ch === "\n" || (ch >= " " && ch.codePointAt(0)! <= 0xff)) out += ch;
    else {
      const base = ch.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
      out += base.length > 0 && [...base].every((c) => c.codePointAt(0)! <= 0xff) ? base : "?";
    }
  }
  return out;
}

/** Greedy word wrap measured with the real font metrics. */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

const MARGIN = 72;
const BODY_SIZE = 11.5;
const LEADING = 17;
const PARA_GAP = 8;

/** A one-line paragraph of a few words without end punctuation reads as a section heading. */
function isHeading(paragraph: string): boolean {
  return !paragraph.includes("\n") && paragraph.split(/\s+/).length <= 5 && !/[.:;,!?]$/.test(paragraph);
}

const xmlEscape = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * XMP metadata naming the publisher (Dublin Core dc:publisher), the standard place for it: the info
 * dictionary has no publisher key, and without one the PDF reader had no outlet for the report.
 */
export function xmpPacket(fields: { title: string; publisher?: string; creator?: string }): string {
  const bag = (tag: string, kind: string, value: string | undefined): string =>
    value
      ? `<${tag}><rdf:${kind}><rdf:li${kind === "Alt" ? ' xml:lang="x-default"' : ""}>${xmlEscape(value)}</rdf:li></rdf:${kind}></${tag}>`
      : "";
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    bag("dc:title", "Alt", fields.title),
    bag("dc:creator", "Seq", fields.creator),
    bag("dc:publisher", "Bag", fields.publisher),
    "</rdf:Description></rdf:RDF></x:xmpmeta>",
    '<?xpacket end="w"?>',
  ].join("");
}

/** Build the PDF bytes for one front-matter text file. */
export async function buildPdf(source: string): Promise<Uint8Array> {
  const { meta, body } = parseFrontMatter(source);
  const title = toWinAnsi(meta.title ?? "Untitled");
  const outlet = toWinAnsi(meta.outlet ?? "");
  const author = toWinAnsi(meta.author ?? "");
  const published = meta.published ? new Date(meta.published) : new Date(0);
  if (Number.isNaN(published.getTime())) throw new Error(`bad published date: ${meta.published}`);

  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setTitle(title, { showInWindowTitleBar: true });
  if (author) pdf.setAuthor(author);
  const xmp = xmpPacket({ title, ...(outlet ? { publisher: outlet } : {}), ...(author ? { creator: author } : {}) });
  const stream = pdf.context.stream(new TextEncoder().encode(xmp), { Type: "Metadata", Subtype: "XML" });
  pdf.catalog.set(PDFName.of("Metadata"), pdf.context.register(stream));
  pdf.setLanguage(meta.language ?? "en");
  pdf.setCreator("Tessera scripts/build-demo-pdf.ts");
  pdf.setProducer("pdf-lib");
  pdf.setCreationDate(published);
  pdf.setModificationDate(published);

  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const [pageWidth, pageHeight] = PageSizes.A4;
  const textWidth = pageWidth - 2 * MARGIN;
  const grey = rgb(0.35, 0.35, 0.35);

  // The running header is drawn when a page opens so extracted text reads header, body, footer.
  const pages: ReturnType<typeof pdf.addPage>[] = [];
  const openPage = (): ReturnType<typeof pdf.addPage> => {
    const p = pdf.addPage(PageSizes.A4);
    if (outlet) p.drawText(outlet, { x: MARGIN, y: pageHeight - MARGIN / 2, size: 9, font: regular, color: grey });
    pages.push(p);
    return p;
  };
  let page = openPage();
  let y = pageHeight - MARGIN;
  const newPage = (): void => {
    page = openPage();
    y = pageHeight - MARGIN;
  };
  const draw = (text: string, font: PDFFont, size: number, leading: number): void => {
    if (y - leading < MARGIN) newPage();
    y -= leading;
    page.drawText(text, { x: MARGIN, y, size, font });
  };

  for (const line of wrapText(title, bold, 17, textWidth)) draw(line, bold, 17, 22);
  const byline = [author, meta.published?.slice(0, 10)].filter(Boolean).join(" - ");
  if (byline) draw(byline, regular, 10, 18);
  y -= PARA_GAP * 2;

  for (const raw of body.split(/\n\s*\n/)) {
    const paragraph = toWinAnsi(raw.trim());
    if (!paragraph) continue;
    const heading = isHeading(paragraph);
    const font = heading ? bold : regular;
    const size = heading ? 13 : BODY_SIZE;
    // Keep a heading with at least two lines of its paragraph.
    if (heading && y - 3 * LEADING < MARGIN) newPage();
    for (const line of wrapText(paragraph, font, size, textWidth)) draw(line, font, size, LEADING);
    y -= PARA_GAP;
  }

  // Footers go on last, after each page's body text.
  pages.forEach((p, i) => {
    const label = `Page ${i + 1}`;
    const w = regular.widthOfTextAtSize(label, 9);
    p.drawText(label, { x: (pageWidth - w) / 2, y: MARGIN / 2, size: 9, font: regular, color: grey });
  });

  return pdf.save({ useObjectStreams: false });
}

/** Render every `*.txt` in srcDir to `<name>.pdf` in outDir; returns the written paths. */
export async function buildDemoPdfs(srcDir: string, outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const name of readdirSync(srcDir)
    .filter((n) => n.endsWith(".txt"))
    .sort()) {
    const bytes = await buildPdf(readFileSync(join(srcDir, name), "utf8"));
    const out = join(outDir, `${basename(name, ".txt")}.pdf`);
    writeFileSync(out, bytes);
    written.push(out);
  }
  return written;
}

const demoDir = fileURLToPath(new URL("../data/demo/", import.meta.url));
export const DEMO_PDF_SRC = join(demoDir, "pdf-src");
export const DEMO_PDF_OUT = join(demoDir, "generated");

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const written = await buildDemoPdfs(DEMO_PDF_SRC, DEMO_PDF_OUT);
  for (const path of written) console.log(`wrote ${path}`);
}
