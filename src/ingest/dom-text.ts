// Converts a parsed HTML tree (linkedom) to plain text with paragraph breaks. Readability hands
// back HTML, and feed entries carry HTML; both need text whose paragraphs survive (the NLP layer
// splits on blank lines) and that never contains script or style bodies. Entities are already
// decoded by the parser, so text nodes are taken as they are.
import { parseHTML } from "linkedom";

/** Minimal structural view of a linkedom node; the DOM lib types are not in this project's tsconfig. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

const SKIP = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "object",
  "embed",
  "svg",
  "canvas",
  "math",
  "head",
  "button",
  "select",
  "textarea",
  "input",
  "form",
]);

const BLOCK = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "header",
  "footer",
  "aside",
  "nav",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "blockquote",
  "pre",
  "figure",
  "figcaption",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "hr",
  "address",
  "details",
  "summary",
  "caption",
  "body",
]);

const CELL = new Set(["td", "th"]);

/**
 * Plain text of a node: block elements → blank line, <br> → newline, cells → spaces. Walks with
 * an explicit stack so hostile, very deeply nested markup cannot overflow the call stack.
 */
export function domToText(root: DomNode): string {
  const out: string[] = [];
  // A string entry is literal output queued after a block's children; a node entry is visited.
  const stack: (DomNode | string)[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node === "string") {
      out.push(node);
      continue;
    }
    if (node.nodeType === 3) {
      out.push((node.textContent ?? "").replace(/[\s\u00a0]+/g, " "));
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const tag = node.nodeName.toLowerCase();
    if (SKIP.has(tag)) continue;
    if (tag === "br") {
      out.push("\n");
      continue;
    }
    const block = BLOCK.has(tag);
    if (block) {
      out.push("\n\n");
      stack.push("\n\n");
    }
    if (CELL.has(tag)) out.push(" ");
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return tidy(out.join(""));
}

/** Trims each line, drops space runs, keeps at most one blank line between paragraphs. */
export function tidy(text: string): string {
  return text
    .split("\n")
    .map((l) => l.replace(/ {2,}/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Text of an HTML fragment (feed content, descriptions). Nothing in it is executed. */
export function htmlFragmentToText(html: string): string {
  try {
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    return domToText(document.body as unknown as DomNode);
  } catch {
    // Unparseable fragment: fall back to stripping tags, then decoding the few common entities.
    return tidy(decodeBasicEntities(html.replace(/<(script|style)[\s\S]*?<\/\1\s*>/gi, " ").replace(/<[^>]*>/g, " ")));
  }
}

function decodeBasicEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, d: string) => safeChar(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => safeChar(Number.parseInt(h, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
}

function safeChar(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
}
