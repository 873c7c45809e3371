// Line-level boilerplate filter for article text. Scraped and copy-pasted reports carry page
// furniture — "Previous"/"Next" links, breadcrumbs, share and cookie prompts, "Follow … on
// Twitter", the titles of related articles — that the extractors would otherwise read as facts.
// The rules are generic (whole-line navigation phrases, short-line patterns, a trailing block of
// short lines opened by a navigation marker, pull quotes that repeat the body); the phrase lists
// live in data/ingest/boilerplate.json.
import { boilerplateLexicon } from "./data.js";

export interface CleanedText {
  text: string;
  /** Author found in a byline ("By NAME") or a trailing bio line ("NAME is a …"). */
  author?: string;
  /** The lines that were dropped, for debugging and tests. */
  removed: string[];
}

interface Compiled {
  nav: Set<string>;
  markers: Set<string>;
  patterns: RegExp[];
  bioCues: string[];
}

let compiled: Compiled | undefined;

function rules(): Compiled {
  if (compiled) return compiled;
  const lex = boilerplateLexicon();
  compiled = {
    nav: new Set(lex.navLines),
    markers: new Set(lex.trailingBlockMarkers),
    patterns: lex.shortLinePatterns.map((p) => new RegExp(p, "iu")),
    bioCues: lex.bioCues,
  };
  return compiled;
}

const wordCount = (s: string): number => (s.match(/\S+/g) ?? []).length;

/** A line reduced to its words: lower case, arrows/bullets/trailing punctuation stripped. */
function navKey(line: string): string {
  return line
    .trim()
    .toLowerCase()
    .replace(/^[\s\p{P}\p{S}]+/u, "")
    .replace(/[\s\p{P}\p{S}]+$/u, "")
    .replace(/\s+/g, " ");
}

function isNavLine(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 200) return false;
  const r = rules();
  if (t.length <= 60 && r.nav.has(navKey(t))) return true;
  return r.patterns.some((p) => p.test(t));
}

function isMarker(line: string): boolean {
  const t = line.trim();
  return t.length <= 60 && rules().markers.has(navKey(t));
}

/** "Home › World › Middle East": two or more short segments joined by path separators. */
function isBreadcrumbTrail(line: string): boolean {
  const t = line.trim();
  if (t.length > 120 || /[.!?]$/.test(t)) return false;
  const parts = t.split(/\s+(?:›|»|>|\/|\||::)\s+|\s*[›»]\s*/).filter((p) => p.length > 0);
  return parts.length >= 3 && parts.every((p) => wordCount(p) <= 4);
}

/** Short, unpunctuated lines: headings, link titles. Prose lines are long or end a sentence. */
function isTitleLike(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 160 && wordCount(t) <= 20 && !/[.!,;:]["”’)]?$/.test(t);
}

/** Index of the first line of a trailing "Previous / Next / Related …" block, or -1. */
function trailingBlockStart(lines: string[], dropped: boolean[]): number {
  let start = -1;
  for (let i = lines.length - 1, seen = 0; i >= 0 && seen < 40; i--) {
    const t = lines[i]!.trim();
    if (!t) continue;
    seen++;
    if (isMarker(t)) {
      start = i;
      continue;
    }
    // A bio line may sit among the links ("Previous … NAME is a … Follow …"): it belongs to the tail too.
    if (dropped[i] || isNavLine(t) || isTitleLike(t) || bioAuthor(t)) continue;
    break;
  }
  return start;
}

const quoteNorm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[‘’‛`´]/g, "'")
    .replace(/[“”„‟«»]/g, '"')
    .replace(/\s+/g, " ")
    .trim();

/** A line that is only a quotation repeating words found elsewhere in the text (a pull quote). */
function isPullQuote(line: string, fullNorm: string): boolean {
  const t = line.trim();
  const m = /^["“”«](.{20,400})["“”»]$/u.exec(t);
  if (!m) return false;
  const inner = quoteNorm(m[1]!).replace(/[.!?]+$/, "");
  const first = fullNorm.indexOf(inner);
  return first !== -1 && fullNorm.indexOf(inner, first + 1) !== -1;
}

const NAME = String.raw`\p{Lu}[\p{L}'’.-]+(?:\s+(?:(?:al|bin|de|van|von|der|da|el)[-\s])?\p{Lu}[\p{L}'’.-]+){1,3}`;
const BIO = new RegExp(String.raw`^(${NAME})\s+(?:is|was)\s+(?:a|an|the)\b`, "u");
const BYLINE = new RegExp(
  String.raw`^by\s+(${NAME}|\p{Lu}[\p{L}'’.-]+)(?:\s*(?:,|\||–|-|and)\s*[\p{L} .&]{0,40})?$`,
  "iu",
);

function bioAuthor(line: string): string | undefined {
  const t = line.trim();
  if (t.length > 600) return undefined;
  const m = BIO.exec(t);
  if (!m) return undefined;
  const lower = t.toLowerCase();
  return rules().bioCues.some((c) => lower.includes(c)) ? m[1] : undefined;
}

function bylineAuthor(line: string): string | undefined {
  const t = line.trim();
  if (t.length > 80 || wordCount(t) > 8 || /[.!?]$/.test(t)) return undefined;
  const m = BYLINE.exec(t);
  if (!m) return undefined;
  // "By" must be capitalised as a byline is; the name itself must start upper case (checked by NAME).
  return /^by\s/i.test(t) && /^\p{Lu}/u.test(m[1]!) ? m[1] : undefined;
}

/** Drops boilerplate lines and picks up a byline/bio author. Real headings are kept. */
export function stripBoilerplate(input: string, hints: { author?: string } = {}): CleanedText {
  const lines = input.replace(/\r\n?/g, "\n").split("\n");
  const dropped = lines.map(() => false);
  const nonEmpty = lines.map((l, i) => (l.trim() ? i : -1)).filter((i) => i >= 0);
  const edge = new Set([...nonEmpty.slice(0, 8), ...nonEmpty.slice(-8)]);

  lines.forEach((line, i) => {
    if (isNavLine(line) || (edge.has(i) && isBreadcrumbTrail(line))) dropped[i] = true;
  });
  let author: string | undefined;
  const blockStart = trailingBlockStart(lines, dropped);
  if (blockStart >= 0) {
    for (let i = blockStart; i < lines.length; i++) {
      if (!dropped[i]) author ??= bioAuthor(lines[i]!);
      dropped[i] = true;
    }
  }

  const fullNorm = quoteNorm(lines.filter((_, i) => !dropped[i]).join("\n"));
  // Bounded: each check scans the whole text, and real articles have a handful of pull quotes.
  let quoteChecks = 0;
  lines.forEach((line, i) => {
    if (dropped[i] || quoteChecks >= 50 || !/^\s*["“”«]/.test(line)) return;
    quoteChecks++;
    if (isPullQuote(line, fullNorm)) dropped[i] = true;
  });

  const kept = nonEmpty.filter((i) => !dropped[i]);
  // A bio or byline counts only at the very end or (bylines) in the first lines.
  for (const i of author ? [] : kept.slice(-2).reverse()) {
    const name = bioAuthor(lines[i]!) ?? bylineAuthor(lines[i]!);
    if (name) {
      author = name;
      dropped[i] = true;
      break;
    }
  }
  if (!author) {
    for (const i of kept.slice(0, 3)) {
      const name = bylineAuthor(lines[i]!);
      if (name) {
        author = name;
        dropped[i] = true;
        break;
      }
    }
  }

  // A byline/dateline strip under the headline ("NAME · Thursday, 4 January 2024") repeats metadata.
  const known = hints.author?.trim().toLowerCase();
  if (known) {
    for (const i of nonEmpty.filter((j) => !dropped[j]).slice(0, 3)) {
      const t = lines[i]!.trim();
      const rest = t.slice(known.length);
      if (
        t.toLowerCase().startsWith(known) &&
        wordCount(t) <= 15 &&
        !/[.!?]$/.test(t) &&
        /^(\s*$|\s*[|·•,–—-])/.test(rest)
      ) {
        dropped[i] = true;
      }
    }
  }

  const removed = lines.filter((l, i) => dropped[i] && l.trim()).map((l) => l.trim());
  const text = lines
    .filter((_, i) => !dropped[i])
    .map((l) => l.replace(/[\t \u00a0]+$/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  const out: CleanedText = { text, removed };
  if (author) out.author = author;
  return out;
}

/** A first line that reads as a headline: a few words, capitalised, not a sentence. */
export function looksLikeHeadline(line: string): boolean {
  const t = line.trim();
  const words = wordCount(t);
  if (words < 2 || words > 25 || t.length > 200) return false;
  if (/[.,;]$/.test(t) && !/\.\.\.$|…$/.test(t)) return false;
  return /^[\p{Lu}\p{N}"“‘']/u.test(t);
}
