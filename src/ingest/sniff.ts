// Decides which reader a payload needs. Extensions and Content-Type headers lie often enough
// (a .txt that is an HTML page, a PDF served as octet-stream), so the first bytes decide when
// they are clear and the name/header only settle what the bytes leave open.
import { extname } from "node:path";
import { hasUtf16Bom } from "./encoding.js";

export type PayloadKind = "text" | "html" | "pdf" | "feed" | "xml" | "unsupported" | "empty" | "binary";

const SNIFF_BYTES = 4096;

/** ASCII view of the first bytes, for magic-number checks; UTF-16 is narrowed to its low bytes. */
function headAscii(bytes: Uint8Array): string {
  let head = bytes.subarray(0, SNIFF_BYTES);
  if (hasUtf16Bom(head)) {
    const le = head[0] === 0xff;
    const narrow: number[] = [];
    for (let i = 2; i + 1 < head.length; i += 2) narrow.push(le ? head[i]! : head[i + 1]!);
    head = Uint8Array.from(narrow);
  } else if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    head = head.subarray(3);
  }
  let s = "";
  for (const b of head) s += b < 0x80 ? String.fromCharCode(b) : " ";
  return s;
}

/**
 * True when the bytes look like binary data rather than text in any encoding: NUL bytes outside
 * UTF-16, or many C0 control characters (text has tabs and line breaks, not BEL or DEL soup).
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.length === 0 || hasUtf16Bom(head)) return false;
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f) control++;
  }
  return control / head.length > 0.02;
}

function kindFromBytes(bytes: Uint8Array): PayloadKind | undefined {
  const head = headAscii(bytes);
  const trimmed = head.trimStart();
  const lower = trimmed.slice(0, 2048).toLowerCase();
  // Some writers put a few junk bytes before the header; pdf.js accepts it within the first KiB.
  if (head.slice(0, 1024).includes("%PDF-")) return "pdf";
  if (lower.startsWith("<?xml") || lower.startsWith("<rss") || lower.startsWith("<feed") || lower.startsWith("<rdf")) {
    if (/<(rss|feed|rdf:rdf)[\s>]/.test(lower)) return "feed";
    if (/<html[\s>]/.test(lower)) return "html";
    // Other XML (sitemaps, office XML, SVG) is not an article; read as text it would be tag soup.
    if (lower.startsWith("<?xml")) return "xml";
  }
  if (/^(<!--[\s\S]*?-->\s*)*<!doctype html/.test(lower) || /^(<!--[\s\S]*?-->\s*)*<html[\s>]/.test(lower))
    return "html";
  if (/^<(head|body|meta|title)[\s>]/.test(lower)) return "html";
  return undefined;
}

const NOT_ARTICLES = new Set([
  ".json",
  ".jsonl",
  ".csv",
  ".tsv",
  ".js",
  ".mjs",
  ".cjs",
  ".ts",
  ".css",
  ".yml",
  ".yaml",
  ".toml",
  ".ini",
  ".sh",
  ".py",
  ".sql",
]);

function kindFromName(name: string | undefined): PayloadKind | undefined {
  if (!name) return undefined;
  let path = name;
  try {
    if (/^https?:\/\//i.test(name)) path = new URL(name).pathname;
  } catch {
    // not a URL: use as a path
  }
  const ext = extname(path).toLowerCase();
  if (ext === ".pdf") return "pdf";
  if (ext === ".html" || ext === ".htm" || ext === ".xhtml") return "html";
  if (ext === ".rss" || ext === ".atom") return "feed";
  if (ext === ".txt" || ext === ".text" || ext === ".md") return "text";
  // Text files that are data or code, not reports: reading them as articles would invent facts.
  if (NOT_ARTICLES.has(ext)) return "unsupported";
  return undefined;
}

function kindFromContentType(contentType: string | undefined): PayloadKind | undefined {
  if (!contentType) return undefined;
  const mime = contentType.split(";")[0]!.trim().toLowerCase();
  if (mime === "application/pdf") return "pdf";
  if (mime === "text/html" || mime === "application/xhtml+xml") return "html";
  if (mime === "application/rss+xml" || mime === "application/atom+xml" || mime === "application/rdf+xml") {
    return "feed";
  }
  if (mime === "application/json" || mime.endsWith("+json") || mime === "text/csv" || mime.includes("javascript")) {
    return "unsupported";
  }
  if (mime.startsWith("text/")) return "text";
  return undefined;
}

/** The reader a payload needs, from its bytes first, then its Content-Type, then its name. */
export function sniffKind(bytes: Uint8Array, meta: { origin?: string; contentType?: string }): PayloadKind {
  if (bytes.length === 0) return "empty";
  const fromBytes = kindFromBytes(bytes);
  if (fromBytes) return fromBytes;
  if (looksBinary(bytes)) return "binary";
  const declared = kindFromContentType(meta.contentType) ?? kindFromName(meta.origin);
  // A declared PDF without the %PDF magic is not something pdf.js should be asked to read.
  if (declared === "pdf") return "binary";
  // Declared feeds/HTML whose bytes did not say so are still parsed as declared: an HTML fragment
  // without <html> is common, and the feed reader reports its own error when it finds no feed.
  return declared ?? "text";
}
