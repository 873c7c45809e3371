// The PDF reader (unpdf/pdf.js): rebuilds lines from positioned text items, drops running
// headers/footers and page numbers, re-joins lines the layout broke mid-sentence, undoes
// end-of-line hyphenation, and reads Title/Author/CreationDate from the info dictionary and the
// publisher (the outlet) from XMP dc:publisher, or a custom Publisher info entry.
import { extractTextItems, getDocumentProxy, getMeta } from "unpdf";
import type { DocumentDraft } from "../model/document.js";
import { err, ok, type Result } from "../model/result.js";
import { stripBoilerplate } from "./boilerplate.js";
import { guessLanguage, primaryLanguage } from "./language.js";
import { parsePublished } from "./published.js";

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  hasEOL: boolean;
}

interface Line {
  text: string;
  y: number;
  size: number;
}

/** Groups a page's items into visual lines, top to bottom as pdf.js emits them. */
export function itemsToLines(items: Item[]): Line[] {
  const lines: Line[] = [];
  let cur: Line | undefined;
  let lastEnd = 0;
  for (const it of items) {
    const size = it.fontSize || 10;
    if (cur && Math.abs(it.y - cur.y) <= size * 0.4) {
      const gap = it.x - lastEnd;
      if (it.str && gap > size * 0.15 && !cur.text.endsWith(" ") && !it.str.startsWith(" ")) cur.text += " ";
      cur.text += it.str;
    } else if (it.str.trim()) {
      cur = { text: it.str, y: it.y, size };
      lines.push(cur);
    }
    if (it.str) lastEnd = it.x + it.width;
  }
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, " ").trim() })).filter((l) => l.text);
}

const PAGE_NUMBER = /^(?:page\s*)?\d{1,4}(?:\s*(?:\/|of)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;
const EDGE = 3;
const keyOf = (text: string): string => text.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ").trim();

/** Removes page numbers and lines repeated at the top or bottom of most pages. */
export function dropRunningLines(pages: Line[][]): Line[][] {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edge = new Set([...lines.slice(0, EDGE), ...lines.slice(-EDGE)].map((l) => keyOf(l.text)));
    for (const k of edge) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const need = Math.max(2, Math.ceil(pages.length * 0.6));
  return pages.map((lines) =>
    lines.filter((l, i) => {
      if (PAGE_NUMBER.test(l.text)) return false;
      const atEdge = i < EDGE || i >= lines.length - EDGE;
      return !(atEdge && pages.length >= 2 && (counts.get(keyOf(l.text)) ?? 0) >= need);
    }),
  );
}

const ENDS_SENTENCE = /[.!?:;]["”’)\]]?$/;
const STARTS_LOWER = /^[\p{Ll}\p{N}(,;]/u;

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The most common font size among lines: the body text's size. */
function bodySize(lines: Line[]): number {
  const counts = new Map<number, number>();
  for (const l of lines)
    counts.set(Math.round(l.size * 2) / 2, (counts.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  let best = 0;
  let bestCount = -1;
  for (const [size, n] of counts) if (n > bestCount) [best, bestCount] = [size, n];
  return best;
}

/**
 * Joins one page's lines into paragraphs. A paragraph ends at a font-size change (headings), a
 * wide vertical gap, a short sentence-final line, or a short unpunctuated body line (a heading in
 * body type). Lines of one larger size (a wrapped title) join like body lines.
 */
function pageParagraphs(lines: Line[], body: number): string[] {
  if (!lines.length) return [];
  const bodyGaps = lines
    .slice(1)
    .map((l, i) => (Math.abs(l.size - body) < 0.5 && Math.abs(lines[i]!.size - body) < 0.5 ? lines[i]!.y - l.y : 0))
    .filter((g) => g > 0);
  const step = median(bodyGaps) || body * 1.2;
  const full = Math.max(...lines.map((l) => l.text.length));
  const paras: string[] = [];
  let cur = lines[0]!.text;
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    const line = lines[i]!;
    const gap = prev.y - line.y;
    const sizeChange = Math.abs(prev.size - line.size) > 0.5;
    const isBody = Math.abs(line.size - body) < 0.5;
    const expected = isBody ? step : Math.max(step, line.size * 1.3);
    const shortEnd = ENDS_SENTENCE.test(prev.text) && prev.text.length < full * 0.7;
    const heading =
      isBody && !/[.!?,;:]$/.test(prev.text) && prev.text.length < full * 0.6 && !STARTS_LOWER.test(line.text);
    if (sizeChange || gap > expected * 1.5 || gap < 0 || shortEnd || heading) {
      paras.push(cur);
      cur = line.text;
    } else {
      cur = joinLines(cur, line.text);
    }
  }
  paras.push(cur);
  return paras;
}

/** "exam-" + "ple" → "example"; otherwise a space. */
function joinLines(a: string, b: string): string {
  if (/\p{L}-$/u.test(a) && /^\p{Ll}/u.test(b)) return a.slice(0, -1) + b;
  return `${a} ${b}`;
}

/** Paragraph text of all pages; a paragraph cut by a page break is joined back. */
export function pagesToText(pages: Line[][]): string {
  const paras: string[] = [];
  const kept = dropRunningLines(pages);
  const body = bodySize(kept.flat());
  for (const lines of kept) {
    const ps = pageParagraphs(lines, body);
    const last = paras[paras.length - 1];
    if (last !== undefined && ps.length && !ENDS_SENTENCE.test(last) && STARTS_LOWER.test(ps[0]!)) {
      paras[paras.length - 1] = joinLines(last, ps.shift()!);
    }
    paras.push(...ps);
  }
  return paras.join("\n\n");
}

function infoString(info: Record<string, unknown>, key: string): string | undefined {
  const v = info[key];
  return typeof v === "string" && v.trim() ? v.trim() : undefined;
}

/** The publisher named in XMP metadata (Dublin Core dc:publisher), the PDF's outlet. */
function xmpPublisher(metadata: { get(name: string): unknown } | null | undefined): string | undefined {
  const v = metadata?.get("dc:publisher");
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === "string" && first.trim() ? first.trim() : undefined;
}

/** Reads a PDF payload. Encrypted, broken or image-only PDFs come back as errors, not throws. */
export async function readPdf(bytes: Uint8Array, origin: string): Promise<Result<DocumentDraft>> {
  try {
    // pdf.js may transfer (detach) the buffer it is given; hand it a copy.
    const doc = await getDocumentProxy(new Uint8Array(bytes));
    try {
      const { items } = await extractTextItems(doc);
      const text = pagesToText(items.map((page) => itemsToLines(page as Item[])));
      let info: Record<string, unknown> = {};
      let publisher: string | undefined;
      try {
        const meta = await getMeta(doc);
        info = meta.info ?? {};
        publisher =
          xmpPublisher(meta.metadata) ?? infoString((info.Custom ?? {}) as Record<string, unknown>, "Publisher");
      } catch {
        // metadata is optional
      }
      const metaAuthor = infoString(info, "Author");
      const cleaned = stripBoilerplate(text, metaAuthor ? { author: metaAuthor } : {});
      if (!cleaned.text) return err("PDF has no extractable text (scanned image or empty pages)");
      const draft: DocumentDraft = { origin, format: "pdf", text: cleaned.text };
      const title = infoString(info, "Title");
      // Word processors often write the file name as the title; that is not a headline.
      if (title && !/^(microsoft word\s*-|untitled\b)|\.(docx?|odt|rtf|pdf|indd)$/i.test(title)) draft.title = title;
      if (publisher) draft.outlet = publisher;
      const author = metaAuthor ?? cleaned.author;
      if (author) draft.author = author;
      const published = parsePublished(infoString(info, "CreationDate"));
      if (published) draft.publishedAt = published;
      draft.language = primaryLanguage(infoString(info, "Language")) ?? guessLanguage(cleaned.text);
      return ok(draft);
    } finally {
      await doc.destroy().catch(() => undefined);
    }
  } catch (e) {
    const msg = (e as Error).message || String(e);
    return err(/password/i.test(msg) ? "PDF is encrypted (password required)" : `could not read PDF: ${msg}`);
  }
}
