// Candidates: typed spans proposed by the rules before they are grouped into entities, plus the
// per-document working state the rules share (tokens, chunk index, claimed character ranges).
import type { EntityType, Geo } from "../../model/records.js";
import type { Analysis, Token } from "../../nlp/types.js";
import { type GeoMatch, geocode } from "../../resolve/geo/index.js";

export interface Candidate {
  start: number;
  end: number;
  type: EntityType;
  /** Grouping key: candidates with the same key become one entity. */
  key: string;
  /** Canonical name of the entity this candidate denotes. */
  name: string;
  rule: string;
  confidence: number;
  role?: string;
  affiliation?: string;
  country?: string;
  geo?: Geo;
  /** Role phrase span, emitted as a "title" mention linked to the person. */
  title?: { start: number; end: number };
  /** A country used as an actor (subject of a verb): makes its entity a `state`. */
  actor?: boolean;
  /** Other candidates may sit inside this one ("Khomeini" inside "Khomeini's mausoleum"). */
  container?: boolean;
}

export class Work {
  readonly text: string;
  readonly tokens: Token[];
  /** Token index → [first, last) of its PROPN chunk, when it is in one. */
  readonly chunkOf: ([number, number] | undefined)[];
  readonly chunks: [number, number][];
  readonly accepted: Candidate[] = [];
  /** ISO codes of countries the document mentions (geocoding context). */
  readonly countries = new Set<string>();

  /** Paragraph indexes that read as headlines or navigation (title case, no full stop). */
  readonly headlines = new Set<number>();
  private readonly paragraphOfToken: number[];
  private readonly occ: Int32Array;
  private readonly cont: Int32Array;
  private readonly byEnd = new Map<number, Candidate>();
  private readonly byStart = new Map<number, Candidate>();
  private readonly geoCache = new Map<string, GeoMatch | undefined>();

  constructor(readonly analysis: Analysis) {
    this.text = analysis.text;
    this.tokens = analysis.tokens;
    this.occ = new Int32Array(this.text.length + 1);
    this.cont = new Int32Array(this.text.length + 1);
    this.paragraphOfToken = new Array(this.tokens.length);
    for (const s of analysis.sentences) {
      for (let i = s.tokenStart; i < s.tokenEnd; i++) this.paragraphOfToken[i] = s.paragraph;
    }
    for (const p of analysis.paragraphs) if (isHeadline(this.text.slice(p.start, p.end))) this.headlines.add(p.index);
    this.chunkOf = new Array(this.tokens.length);
    this.chunks = [];
    // Chunk spans → token ranges (tokens are sorted, so a moving pointer suffices).
    let t = 0;
    for (const s of analysis.spans) {
      if (s.type !== "PROPN_CHUNK") continue;
      while (t < this.tokens.length && this.tokens[t]!.start < s.start) t++;
      let e = t;
      while (e < this.tokens.length && this.tokens[e]!.end <= s.end) e++;
      if (e > t) {
        const range: [number, number] = [t, e];
        this.chunks.push(range);
        for (let i = t; i < e; i++) this.chunkOf[i] = range;
      }
    }
    this.chunks.sort((a, b) => a[0] - b[0]);
  }

  /** geocode() with the document's countries as context, memoised per document. */
  geocode(name: string): GeoMatch | undefined {
    if (!this.geoCache.has(name)) this.geoCache.set(name, geocode(name, { countries: [...this.countries] }));
    return this.geoCache.get(name);
  }

  /** Is token i in a headline-like paragraph? Only strong rules (gazetteers, places) apply there. */
  inHeadline(i: number): boolean {
    const p = this.paragraphOfToken[i];
    return p !== undefined && this.headlines.has(p);
  }

  /** True when [start, end) crosses or lies inside an accepted candidate (containers excepted for nesting). */
  blocked(start: number, end: number): boolean {
    // Character occupancy keeps this linear in the span length, not in the number of candidates.
    for (let i = start; i < end; i++) {
      if (this.occ[i]) return true;
      const k = this.cont[i];
      if (k) {
        const c = this.accepted[k - 1]!;
        if (start < c.start || end > c.end) return true;
      }
    }
    return false;
  }

  accept(c: Candidate): boolean {
    if (c.end <= c.start || this.blocked(c.start, c.end)) return false;
    this.accepted.push(c);
    const mark = c.container ? this.cont : this.occ;
    mark.fill(this.accepted.length, c.start, c.end);
    this.byEnd.set(c.end, c);
    this.byStart.set(c.start, c);
    return true;
  }

  /** The accepted candidate ending exactly at offset `end`, if any. */
  candidateEndingAt(end: number): Candidate | undefined {
    return this.byEnd.get(end);
  }

  /** The accepted candidate starting exactly at offset `start`, if any. */
  candidateStartingAt(start: number): Candidate | undefined {
    return this.byStart.get(start);
  }

  /** Index of the first token starting at or after offset `at`. */
  tokenAt(at: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid]!.start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  slice(a: number, b: number): string {
    return this.text.slice(this.tokens[a]!.start, this.tokens[b - 1]!.end);
  }
}

/** Whitespace only between two offsets. */
export function adjacent(text: string, a: number, b: number): boolean {
  return b >= a && /^\s*$/.test(text.slice(a, b));
}

export const POSSESSIVE = new Set(["'s", "’s", "'", "’"]);

const FUNCTION_WORDS = new Set([
  "a",
  "an",
  "the",
  "of",
  "and",
  "or",
  "in",
  "on",
  "at",
  "to",
  "for",
  "by",
  "with",
  "from",
  "as",
  "vs",
  "is",
  "are",
]);

/** Title case without a closing full stop: a headline, a section heading or page furniture. */
export function isHeadline(paragraph: string): boolean {
  if (/[.;,]["”’)]?\s*$/.test(paragraph)) return false;
  const words = paragraph.split(/\s+/).filter((x) => /\p{L}/u.test(x) && !FUNCTION_WORDS.has(x.toLowerCase()));
  if (words.length === 0 || words.length > 16) return false;
  const caps = words.filter((x) => /^[^\p{L}]*\p{Lu}/u.test(x)).length;
  return caps / words.length >= 0.6;
}
