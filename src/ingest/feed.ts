// The RSS/Atom reader: each entry becomes its own document (title, link, author, date, full
// content or summary converted from HTML to text). fast-xml-parser does not fetch external
// entities; internal DOCTYPE subsets are stripped first so no entity expansion can blow up.
import { XMLParser } from "fast-xml-parser";
import type { DocumentDraft } from "../model/document.js";
import { err, ok, type Result } from "../model/result.js";
import { stripBoilerplate } from "./boilerplate.js";
import { htmlFragmentToText, tidy } from "./dom-text.js";
import { guessLanguage, primaryLanguage } from "./language.js";
import { parsePublished } from "./published.js";

type Node = string | number | boolean | { [k: string]: Node } | Node[] | undefined;
type Obj = { [k: string]: Node };

const ARRAYS = new Set(["item", "entry", "link", "author", "creator", "category"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ARRAYS.has(name),
});

const isObj = (n: Node): n is Obj => !!n && typeof n === "object" && !Array.isArray(n);
const list = (n: Node): Node[] => (n === undefined ? [] : Array.isArray(n) ? n : [n]);

/** Text of a text-construct: plain string, {#text, @_type}, or html/xhtml content as text. */
function textOf(n: Node): string | undefined {
  if (n === undefined || n === null) return undefined;
  // RSS puts escaped or CDATA HTML in plain elements; text without markup passes through tidy.
  if (typeof n === "string" || typeof n === "number") return htmlToText(String(n));
  if (Array.isArray(n)) return textOf(n[0]);
  if (isObj(n)) {
    const type = typeof n["@_type"] === "string" ? (n["@_type"] as string).toLowerCase() : "";
    const raw = n["#text"];
    if (typeof raw === "string") return type === "text" ? raw.trim() || undefined : htmlToText(raw);
    if (type === "xhtml" && n.div !== undefined) return flatten(n.div);
    if (typeof n.name === "string") return n.name.trim() || undefined;
  }
  return undefined;
}

function flatten(n: Node): string | undefined {
  const out: string[] = [];
  const walk = (x: Node): void => {
    if (typeof x === "string" || typeof x === "number") out.push(String(x));
    else if (Array.isArray(x)) x.forEach(walk);
    else if (isObj(x)) for (const [k, v] of Object.entries(x)) if (!k.startsWith("@_")) walk(v);
  };
  walk(n);
  return tidy(out.join("\n\n")) || undefined;
}

/** HTML (or plain text that happens to contain none) → text with paragraph breaks. */
function htmlToText(s: string): string | undefined {
  const t = /<[a-z!/][^>]*>|&[#a-z0-9]+;/i.test(s) ? htmlFragmentToText(s) : tidy(s);
  return t || undefined;
}

function linkOf(n: Node): string | undefined {
  const links = list(n);
  let fallback: string | undefined;
  for (const l of links) {
    if (typeof l === "string" && l.trim()) return l.trim();
    if (isObj(l) && typeof l["@_href"] === "string") {
      const rel = typeof l["@_rel"] === "string" ? l["@_rel"] : "alternate";
      if (rel === "alternate") return l["@_href"];
      fallback ??= l["@_href"];
    }
  }
  return fallback;
}

function authorOf(entry: Obj): string | undefined {
  const names = [...list(entry.author), ...list(entry.creator)]
    .map((a) => textOf(a))
    .filter((a): a is string => !!a)
    // RSS <author> is "email (Name)"; keep the name.
    .map((a) => /\(([^)]+)\)\s*$/.exec(a)?.[1] ?? a);
  return names.length ? [...new Set(names)].join(", ") : undefined;
}

export interface FeedOptions {
  origin: string;
  outlet?: string;
}

/** True when the XML text is an RSS, RDF or Atom document. */
export function isFeedXml(xml: string): boolean {
  return /<(rss|feed|rdf:RDF)[\s>]/i.test(xml.slice(0, 4096));
}

/** Reads a feed into one draft (or one error) per entry. */
export function readFeed(xml: string, opts: FeedOptions): Result<Result<DocumentDraft>[]> {
  let root: Obj;
  try {
    const safe = xml.replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/i, "");
    root = parser.parse(safe) as Obj;
  } catch (e) {
    return err(`could not parse feed XML: ${(e as Error).message}`);
  }
  const rss = isObj(root.rss) ? root.rss : undefined;
  const rdf = isObj(root.RDF) ? root.RDF : undefined;
  const atom = isObj(root.feed) ? root.feed : undefined;
  const channel = rss && isObj(rss.channel) ? rss.channel : rdf && isObj(rdf.channel) ? rdf.channel : atom;
  if (!channel) return err("not an RSS or Atom feed");
  const entries = list(atom ? atom.entry : rss ? (channel as Obj).item : rdf?.item).filter(isObj);
  const outlet = opts.outlet ?? textOf(channel.title);
  const feedLang = primaryLanguage(textOf(channel.language) ?? (atom?.["@_xml:lang"] as string | undefined));

  const items = entries.map((entry, i): Result<DocumentDraft> => {
    const title = textOf(entry.title);
    const body =
      textOf(entry.encoded) ?? textOf(entry.content) ?? textOf(entry.description) ?? textOf(entry.summary) ?? "";
    const cleaned = stripBoilerplate(body);
    if (!cleaned.text) return err(`feed entry ${i + 1}${title ? ` ("${title}")` : ""} has no text`);
    const draft: DocumentDraft = { origin: `${opts.origin}#${i + 1}`, format: "feed-item", text: cleaned.text };
    if (title) draft.title = title;
    const link = linkOf(entry.link) ?? textOf(entry.guid);
    if (link && /^https?:\/\//i.test(link)) draft.url = link;
    const author = authorOf(entry) ?? cleaned.author;
    if (author) draft.author = author;
    if (outlet) draft.outlet = outlet;
    const published = parsePublished(
      textOf(entry.pubDate) ?? textOf(entry.published) ?? textOf(entry.date) ?? textOf(entry.updated),
    );
    if (published) draft.publishedAt = published;
    draft.language = feedLang ?? guessLanguage(cleaned.text);
    return ok(draft);
  });
  return ok(items);
}
