// Guards the hand-written demo corpus: every file carries its metadata, stays short, shares no
// ten-word run with the seed articles (an automatic plagiarism check), and the PDF builder turns
// the think-tank source into a real multi-page PDF.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import {
  buildDemoPdfs,
  buildPdf,
  DEMO_PDF_SRC,
  parseFrontMatter,
  toWinAnsi,
  wrapText,
} from "../../scripts/build-demo-pdf.js";
import { readPdf } from "../../src/ingest/pdf.js";
import { Source } from "../../src/model/records.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const demoDir = join(root, "data", "demo");
const seedsDir = join(root, "..", "shared", "seeds");

interface DemoDoc {
  file: string;
  title?: string;
  outlet?: string;
  published?: string;
  url?: string;
  body: string;
}

function metaContent(html: string, attr: "name" | "property", key: string): string | undefined {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const k = new RegExp(`\\b${attr}\\s*=\\s*"([^"]*)"`, "i").exec(tag)?.[1];
    if (k?.toLowerCase() === key.toLowerCase()) return /\bcontent\s*=\s*"([^"]*)"/i.exec(tag)?.[1];
  }
  return undefined;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Visible article text: the <article> element without scripts, tags and entities. */
function articleText(html: string): string {
  const article = /<article\b[\s\S]*?<\/article>/i.exec(html)?.[0] ?? "";
  return article
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&(\w+);/g, (m, name: string) => ENTITIES[name] ?? (name === "ndash" || name === "mdash" ? "-" : m))
    .replace(/\s+/g, " ")
    .trim();
}

function readDemoDoc(path: string): DemoDoc {
  const raw = readFileSync(path, "utf8");
  const file = basename(path);
  if (path.endsWith(".html")) {
    return {
      file,
      title: metaContent(raw, "property", "og:title"),
      outlet: metaContent(raw, "property", "og:site_name"),
      published: metaContent(raw, "property", "article:published_time"),
      url: metaContent(raw, "property", "og:url"),
      body: articleText(raw),
    };
  }
  const { meta, body } = parseFrontMatter(raw);
  return { file, title: meta.title, outlet: meta.outlet, published: meta.published, url: meta.url, body };
}

const listed = (dir: string, exts: string[]): string[] =>
  readdirSync(dir)
    .filter((n) => exts.some((e) => n.endsWith(e)))
    .sort()
    .map((n) => join(dir, n));

const files = [...listed(demoDir, [".txt", ".html"]), ...listed(DEMO_PDF_SRC, [".txt"])];
const docs = files.map(readDemoDoc);
const words = (text: string): string[] => text.toLowerCase().match(/[a-z0-9]+(?:['’][a-z]+)?/g) ?? [];

describe("demo corpus files", () => {
  it("has 10 to 12 reports, 2 or 3 of them HTML and at least one PDF source", () => {
    expect(docs.length).toBeGreaterThanOrEqual(10);
    expect(docs.length).toBeLessThanOrEqual(12);
    const html = files.filter((f) => f.endsWith(".html")).length;
    expect(html).toBeGreaterThanOrEqual(2);
    expect(html).toBeLessThanOrEqual(3);
    expect(listed(DEMO_PDF_SRC, [".txt"]).length).toBeGreaterThanOrEqual(1);
  });

  it.each(docs.map((d) => [d.file, d]))("%s has title, outlet, ISO date and a reserved-host URL", (_, doc) => {
    expect(doc.title?.length ?? 0).toBeGreaterThan(10);
    expect(doc.outlet?.length ?? 0).toBeGreaterThan(3);
    expect(doc.published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(Number.isNaN(Date.parse(doc.published!))).toBe(false);
    expect(new URL(doc.url!).hostname).toMatch(/^example\.(org|com|net)$/);
  });

  it.each(docs.map((d) => [d.file, d]))("%s is 150-600 words long", (_, doc) => {
    const n = words(doc.body).length;
    expect(n).toBeGreaterThanOrEqual(150);
    expect(n).toBeLessThanOrEqual(600);
  });

  it("README lists every demo file", () => {
    const readme = readFileSync(join(demoDir, "README.md"), "utf8");
    for (const doc of docs) expect(readme, doc.file).toContain(doc.file);
  });

  it("every outlet is graded in sources.json with the shared Source schema", () => {
    const raw: unknown = JSON.parse(readFileSync(join(demoDir, "sources.json"), "utf8"));
    const sources = Source.omit({ id: true }).array().parse(raw);
    const names = new Set(sources.map((s) => s.name));
    for (const doc of docs) expect(names, doc.file).toContain(doc.outlet);
  });

  it("the Kerman reports span six or more publication days and carry the toll revisions", () => {
    const kerman = docs.filter((d) => /\bKerman\b/.test(d.body) && /\b(bomb|blast|explosion)/i.test(d.body));
    expect(new Set(kerman.map((d) => d.published!.slice(0, 10))).size).toBeGreaterThanOrEqual(6);
    const all = kerman.map((d) => d.body).join("\n");
    for (const n of ["103", "95", "84", "89", "94", "171", "211", "284"]) expect(all).toMatch(new RegExp(`\\b${n}\\b`));
    expect(all).toMatch(/\beleven\b|\b11 (people|arrests)/i);
    expect(all).toMatch(/\b35\b/);
  });

  it("HTML pages hold boilerplate and inert script/onerror markup outside the counted text", () => {
    for (const path of files.filter((f) => f.endsWith(".html"))) {
      const raw = readFileSync(path, "utf8");
      expect(metaContent(raw, "name", "author"), path).toBeTruthy();
      const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/i.exec(raw)?.[1];
      expect(JSON.parse(ld ?? "{}")["@type"], path).toBe("NewsArticle");
      for (const tag of [/<nav\b/i, /<footer\b/i, /<aside\b/i, /cookie/i, /<img src=x onerror=/i, /<script>/i]) {
        expect(raw, path).toMatch(tag);
      }
      const text = articleText(raw);
      expect(text).not.toMatch(/onerror|cookie|Related stories/i);
    }
  });
});

describe.skipIf(!existsSync(seedsDir))("demo corpus originality against the seed articles", () => {
  if (!existsSync(seedsDir)) console.warn(`[demo] ${seedsDir} absent: skipping the 10-word overlap check`);
  const RUN = 10;
  const shingles = (tokens: string[]): Set<string> => {
    const out = new Set<string>();
    for (let i = 0; i + RUN <= tokens.length; i++) out.add(tokens.slice(i, i + RUN).join(" "));
    return out;
  };

  const seedTexts = existsSync(seedsDir)
    ? readdirSync(seedsDir).map((f) => readFileSync(join(seedsDir, f), "utf8"))
    : [];
  const seed = new Set(seedTexts.flatMap((t) => [...shingles(words(t))]));

  it("detects a copied passage (positive control built at run time from a seed)", () => {
    const copied = words(seedTexts[0] ?? "")
      .slice(40, 52)
      .join(" ");
    const mine = `Our own opening words, then ${copied}, and our own ending.`;
    expect([...shingles(words(mine))].some((s) => seed.has(s))).toBe(true);
  });

  it("shares no run of ten words with any seed file", () => {
    expect(seed.size).toBeGreaterThan(0);
    for (const doc of docs) {
      const shared = [...shingles(words(doc.body))].filter((s) => seed.has(s));
      expect(shared, doc.file).toEqual([]);
    }
  });
});

describe("build-demo-pdf", () => {
  const out = mkdtempSync(join(tmpdir(), "tessera-demo-pdf-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("folds typographic characters to WinAnsi", () => {
    expect(toWinAnsi("“Tessera’s” report – page…")).toBe('"Tessera\'s" report - page...');
    expect(toWinAnsi("Branković")).toBe("Brankovic");
    expect(toWinAnsi("café")).toBe("café");
  });

  it("wraps words within the measured width", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const text = "The analyst read every report twice before marking the casualty figure as revised.";
    const lines = wrapText(text, font, 11, 120);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(" ")).toBe(text);
    for (const line of lines) expect(font.widthOfTextAtSize(line, 11)).toBeLessThanOrEqual(120);
  });

  it("renders each source into a parseable PDF of two or more pages with metadata", async () => {
    const written = await buildDemoPdfs(DEMO_PDF_SRC, out);
    expect(written.length).toBeGreaterThanOrEqual(1);
    for (const path of written) {
      const src = parseFrontMatter(readFileSync(join(DEMO_PDF_SRC, `${basename(path, ".pdf")}.txt`), "utf8"));
      const pdf = await PDFDocument.load(readFileSync(path));
      expect(pdf.getPageCount()).toBeGreaterThanOrEqual(2);
      expect(pdf.getTitle()).toBe(toWinAnsi(src.meta.title!));
      expect(pdf.getAuthor()).toBe(src.meta.author);
      expect(pdf.getCreationDate()?.toISOString()).toBe(new Date(src.meta.published!).toISOString());
    }
  });

  it("names the outlet in XMP metadata, and the PDF reader gives it back (the brief used to say Unknown outlet)", async () => {
    for (const name of listed(DEMO_PDF_SRC, [".txt"])) {
      const source = readFileSync(name, "utf8");
      const { meta } = parseFrontMatter(source);
      const read = await readPdf(await buildPdf(source), "demo.pdf");
      expect(read.ok && read.value.outlet, name).toBe(meta.outlet);
    }
    const odd = await buildPdf('---\ntitle: A & B <notes>\noutlet: Smith & "Sons" <Press>\n---\nA body paragraph.\n');
    const r = await readPdf(odd, "odd.pdf");
    expect(r.ok && r.value.outlet).toBe('Smith & "Sons" <Press>');
  });

  it("is deterministic, so re-running the script leaves the file unchanged", async () => {
    const source = readFileSync(listed(DEMO_PDF_SRC, [".txt"])[0]!, "utf8");
    const a = await buildPdf(source);
    const b = await buildPdf(source);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("parses front matter and leaves a header-less text whole", () => {
    const parsed = parseFrontMatter("---\ntitle: A short note\npublished: 2024-01-05\n---\nBody line.\n");
    expect(parsed.meta).toEqual({ title: "A short note", published: "2024-01-05" });
    expect(parsed.body).toBe("Body line.");
    expect(parseFrontMatter("No header here.").meta).toEqual({});
  });
});
