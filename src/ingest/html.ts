// The HTML reader: metadata from <meta>, OpenGraph, JSON-LD and <html lang>, article body from
// @mozilla/readability over a linkedom DOM (no script ever runs: linkedom has no script engine
// and Readability only reads the tree), then the DOM → text conversion and the boilerplate filter.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { DocumentDraft } from "../model/document.js";
import { err, ok, type Result } from "../model/result.js";
import { stripBoilerplate } from "./boilerplate.js";
import { type DomNode, domToText } from "./dom-text.js";
import { guessLanguage, primaryLanguage } from "./language.js";
import { parsePublished } from "./published.js";

interface El extends DomNode {
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  querySelector(selector: string): El | null;
  remove(): void;
  closest(selector: string): El | null;
}
interface Doc extends El {
  documentElement: El | null;
  body: El | null;
  title: string;
}

export interface HtmlMeta {
  title?: string;
  author?: string;
  outlet?: string;
  published?: string;
  url?: string;
  description?: string;
  language?: string;
}

const clean = (s: string | null | undefined): string | undefined => {
  const t = s?.replace(/\s+/g, " ").trim();
  return t ? t : undefined;
};

function metaContent(doc: Doc, keys: string[]): string | undefined {
  const metas = doc.querySelectorAll("meta");
  for (const key of keys) {
    for (let i = 0; i < metas.length; i++) {
      const m = metas[i]!;
      const name = (
        m.getAttribute("property") ??
        m.getAttribute("name") ??
        m.getAttribute("itemprop") ??
        ""
      ).toLowerCase();
      if (name === key) {
        const v = clean(m.getAttribute("content"));
        if (v) return v;
      }
    }
  }
  return undefined;
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

function nameOf(v: Json | undefined): string | undefined {
  if (typeof v === "string") return clean(v);
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((n): n is string => !!n);
    return names.length ? names.join(", ") : undefined;
  }
  if (v && typeof v === "object" && typeof v.name === "string") return clean(v.name);
  return undefined;
}

/** The JSON-LD objects describing an article (headline/datePublished), flattening arrays and @graph. */
function jsonLdArticles(doc: Doc): Record<string, Json>[] {
  const found: Record<string, Json>[] = [];
  const visit = (v: Json, depth: number): void => {
    if (depth > 4 || !v || typeof v !== "object") return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    if ("headline" in v || "datePublished" in v) found.push(v);
    if (Array.isArray(v["@graph"])) visit(v["@graph"], depth + 1);
  };
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      visit(JSON.parse(scripts[i]!.textContent ?? "") as Json, 0);
    } catch {
      // malformed JSON-LD is common; ignore it
    }
  }
  return found;
}

const notUrl = (s: string | undefined): string | undefined => (s && !/^https?:\/\//i.test(s) ? s : undefined);

/** Metadata from the document head, before Readability mutates the tree. */
export function extractHtmlMeta(doc: Doc): HtmlMeta {
  const ld = jsonLdArticles(doc)[0];
  const str = (v: Json | undefined): string | undefined => (typeof v === "string" ? clean(v) : undefined);
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute("href");
  const timeEl = doc.querySelector("time[datetime]")?.getAttribute("datetime");
  const meta: HtmlMeta = {
    title: metaContent(doc, ["og:title", "twitter:title"]) ?? str(ld?.headline) ?? clean(doc.title),
    author: notUrl(metaContent(doc, ["author", "article:author", "byl", "dc.creator"])) ?? nameOf(ld?.author),
    outlet: metaContent(doc, ["og:site_name", "application-name"]) ?? nameOf(ld?.publisher),
    published:
      metaContent(doc, ["article:published_time", "datepublished", "dc.date", "date", "pubdate"]) ??
      str(ld?.datePublished) ??
      clean(timeEl),
    url: metaContent(doc, ["og:url"]) ?? clean(canonical),
    description: metaContent(doc, ["description", "og:description"]),
    language: primaryLanguage(doc.documentElement?.getAttribute("lang")),
  };
  for (const k of Object.keys(meta) as (keyof HtmlMeta)[]) if (meta[k] === undefined) delete meta[k];
  return meta;
}

// Readability's cost grows faster than linearly with nesting depth, so pathological trees (a
// hostile page can nest tens of thousands of elements) skip it and take the plain body path.
const MAX_DEPTH = 150;
const MAX_ELEMENTS = 60_000;

/** True when the tree is small and shallow enough for Readability; walks iteratively, stops early. */
function readabilityFriendly(root: DomNode): boolean {
  const stack: [DomNode, number][] = [[root, 0]];
  let elements = 0;
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node.nodeType !== 1 && node.nodeType !== 9) continue;
    if (++elements > MAX_ELEMENTS || depth > MAX_DEPTH) return false;
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) stack.push([kids[i]!, depth + 1]);
  }
  return true;
}

/** Removes active content and page chrome before any text is taken from the tree. */
function prune(doc: Doc): void {
  // Active and non-text content never reaches the text; removed before Readability scores nodes.
  const junk = doc.querySelectorAll("script,style,noscript,template,iframe,object,embed");
  for (let i = junk.length - 1; i >= 0; i--) junk[i]!.remove();
  // Page chrome: site navigation, sidebars, footers and the page-level header (an article's own
  // <header> holds its headline and byline, which are kept).
  const chrome = doc.querySelectorAll("nav,aside,footer,header,[role=navigation],[role=banner],[role=contentinfo]");
  for (let i = chrome.length - 1; i >= 0; i--) {
    const el = chrome[i]!;
    if (el.nodeName.toLowerCase() !== "header" || !el.closest("article,main")) el.remove();
  }
}

/** Reads an HTML page into a draft. Malformed markup is tolerated; an empty article is an error. */
export function readHtml(html: string, origin: string, url?: string): Result<DocumentDraft> {
  let doc: Doc;
  try {
    doc = parseHTML(html).document as unknown as Doc;
  } catch (e) {
    return err(`could not parse HTML: ${(e as Error).message}`);
  }
  const meta = extractHtmlMeta(doc);
  prune(doc);

  let body = "";
  let article: ReturnType<Readability<DomNode>["parse"]> = null;
  try {
    if (!readabilityFriendly(doc)) throw new Error("tree too deep or too large for Readability");
    // biome-ignore lint/suspicious/noExplicitAny: Readability's typings want the DOM lib's Document.
    article = new Readability<DomNode>(doc as any, { serializer: (n) => n as unknown as DomNode }).parse();
    if (article?.content) body = domToText(article.content);
  } catch {
    article = null;
  }
  if (body.length < 40) {
    // Readability gave up (short page, odd markup) and may have altered the tree: re-parse and
    // take the whole pruned body.
    const fresh = parseHTML(html).document as unknown as Doc;
    prune(fresh);
    const whole = fresh.body ? domToText(fresh.body) : "";
    if (whole.length > body.length) body = whole;
  }
  let cleaned = stripBoilerplate(body, meta.author ? { author: meta.author } : {});
  // A page with no readable body but a description (an index or teaser page) keeps the description.
  if (!cleaned.text && meta.description) cleaned = stripBoilerplate(meta.description);
  if (!cleaned.text) return err("no article text found in HTML");

  const draft: DocumentDraft = { origin, format: "html", text: cleaned.text };
  const title = meta.title ?? clean(article?.title);
  if (title) draft.title = title;
  const author = meta.author ?? notUrl(clean(article?.byline)?.replace(/^by\s+/i, "")) ?? cleaned.author;
  if (author) draft.author = author;
  const outlet = meta.outlet ?? clean(article?.siteName);
  if (outlet) draft.outlet = outlet;
  const published = parsePublished(meta.published ?? article?.publishedTime);
  if (published) draft.publishedAt = published;
  const pageUrl = url ?? meta.url;
  if (pageUrl && /^https?:\/\//i.test(pageUrl)) draft.url = pageUrl;
  draft.language = meta.language ?? primaryLanguage(article?.lang) ?? guessLanguage(cleaned.text);
  return ok(draft);
}
