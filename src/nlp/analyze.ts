// The NLP pass: document text → paragraphs, sentences, tokens with POS, and typed spans (wink
// date/number entities, quotes, proper-noun chunks), every offset into the full document text.
//
// Why it is built this way: wink ignores single line breaks, so headings would merge into the
// next sentence; paragraphs are therefore split on "\n" first and wink runs on each. wink gives no
// character offsets, so they are recovered by scanning for each token's surface (align.ts).
// Group acronyms ("IS", "IS-K", "LeT") are forced to PROPN before chunking (acronyms.ts).
// Every document runs under a size and time budget (budget.ts): long runs without spaces are cut
// in the copy wink reads, and paragraphs are read in slices with a deadline check between them.
//
// Measured speed (2-core machine shared with other jobs, Node 20.20): a generated 1.03 MB text
// (6,000 paragraphs, 221k tokens, sentences written for the benchmark) in 1.14 s = 0.9 MB/s end to
// end on an idle machine (wink + alignment + acronym fix-up + chunks + quotes); 2.4 s = 0.43 MB/s
// with load average 8. Peak RSS ~200 MB; model load ~100–130 ms, once.
// test/nlp/analyze.test.ts prints the figure for a smaller text on every run.
import { domainAcronyms, MAX_ACRONYM_TOKENS } from "./acronyms.js";
import { alignTokens } from "./align.js";
import { type Budget, BudgetClock, cutLongRuns, SLICE_CHARS } from "./budget.js";
import { propnChunks } from "./chunks.js";
import { findQuotes } from "./quotes.js";
import type { Analysis, Paragraph, Sentence, SpanType, Token, TypedSpan } from "./types.js";
import { wink } from "./wink.js";
import { readParagraphs, type WinkParagraph } from "./wink-read.js";

const WINK_SPAN_TYPES = new Set<SpanType>(["DATE", "TIME", "DURATION", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"]);

/** Acronyms that are also ordinary words when a whole paragraph is in capitals ("THIS IS WHY"). */
const CAPS_AMBIGUOUS = new Set(["IS"]);

/** Paragraphs: non-blank lines, trimmed of surrounding whitespace (including NBSP). */
function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let s = m.index;
    let e = m.index + m[0].length;
    while (s < e && /\s/.test(text[s] ?? "")) s++;
    while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
    if (e > s) out.push({ index: out.length, start: s, end: e });
  }
  return out;
}

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;

/** Share of capitals among letters; a char loop because two global matches per paragraph showed in profiles. */
function mostlyCapitals(s: string): boolean {
  let letters = 0;
  let caps = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (c >= 65 && c <= 90) {
        letters++;
        caps++;
      } else if (c >= 97 && c <= 122) letters++;
      continue;
    }
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (cp > 0xffff) i++;
    if (LETTER.test(ch)) {
      letters++;
      if (UPPER.test(ch)) caps++;
    }
  }
  return letters >= 8 && caps / letters > 0.7;
}

/**
 * Glue adjacent (no-space) tokens that spell a domain acronym into one PROPN token, and force
 * single-token acronyms to PROPN. Returns the new tokens and a map from old to new index.
 */
function fixAcronyms(raw: Token[], capsParagraph: boolean): { tokens: Token[]; map: number[] } {
  const acr = domainAcronyms();
  const tokens: Token[] = [];
  const map: number[] = new Array(raw.length);
  let i = 0;
  while (i < raw.length) {
    // wink emits tabs and zero-width spaces as tokens; they are layout, not words. A dropped
    // token maps to the previous kept one so sentence and entity ranges stay valid.
    if (/^[\s\u200b-\u200d\u2060\ufeff]*$/u.test(raw[i]!.text)) {
      map[i] = Math.max(0, tokens.length - 1);
      i++;
      continue;
    }
    let merged = false;
    // Gluing needs the next token to touch this one; most tokens are followed by a space.
    const touching = i + 1 < raw.length && raw[i + 1]!.start === raw[i]!.end;
    for (let k = touching ? Math.min(MAX_ACRONYM_TOKENS, raw.length - i) : 0; k >= 2 && !merged; k--) {
      let surface = raw[i]!.text;
      let contiguous = true;
      for (let j = i + 1; j < i + k; j++) {
        if (raw[j]!.start !== raw[j - 1]!.end) {
          contiguous = false;
          break;
        }
        surface += raw[j]!.text;
      }
      if (!contiguous || !surface.includes("-") || !acr.has(surface)) continue;
      const first = raw[i]!;
      const last = raw[i + k - 1]!;
      for (let j = i; j < i + k; j++) map[j] = tokens.length;
      tokens.push({
        start: first.start,
        end: last.end,
        text: surface,
        pos: "PROPN",
        norm: surface.toLowerCase(),
        lemma: surface,
      });
      i += k;
      merged = true;
    }
    if (merged) continue;
    const t = raw[i]!;
    if (acr.has(t.text) && !(capsParagraph && CAPS_AMBIGUOUS.has(t.text))) t.pos = "PROPN";
    map[i] = tokens.length;
    tokens.push(t);
    i++;
  }
  return { tokens, map };
}

/** Index of the sentence containing character offset `at` (sentences sorted by start). */
function sentenceAt(sentences: readonly Sentence[], at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= at) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** wink's reading of every paragraph, in slices of about SLICE_CHARS with a deadline check between. */
function readInSlices(texts: string[], clock: BudgetClock): WinkParagraph[] {
  const nlp = wink();
  const out: WinkParagraph[] = [];
  let from = 0;
  while (from < texts.length) {
    let to = from;
    let size = 0;
    while (to < texts.length && (to === from || size + texts[to]!.length <= SLICE_CHARS)) size += texts[to++]!.length;
    for (const r of readParagraphs(
      nlp,
      texts.slice(from, to).map((t) => cutLongRuns(t)),
    ))
      out.push(r);
    from = to;
    clock.checkTime(`at paragraph ${from} of ${texts.length}`);
  }
  return out;
}

export interface AnalyzeOptions {
  /** Size and time limits (default DEFAULT_BUDGET); over either, analyze throws BudgetExceeded. */
  budget?: Budget;
  /** Clock for the time budget, for tests; default performance.now. */
  now?: () => number;
}

/** Analyse one document. Pure apart from the shared, lazily loaded wink model and the clock. */
export function analyze(doc: { id: string; text: string }, opts: AnalyzeOptions = {}): Analysis {
  const clock = new BudgetClock(opts.budget, opts.now);
  const text = doc.text;
  clock.checkSize(text.length);
  const paragraphs = splitParagraphs(text);
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  const spans: TypedSpan[] = [];
  const pendingQuotes: { start: number; end: number }[] = [];

  const texts = paragraphs.map((p) => text.slice(p.start, p.end));
  const read = readInSlices(texts, clock);

  for (const para of paragraphs) {
    const pt = texts[para.index]!;
    const { surf, pos, norm, lemma, sentences: winkSentences, entities: winkEntities } = read[para.index]!;
    const offsets = alignTokens(pt, surf);
    const raw: Token[] = offsets.map((o, i) => {
      const start = para.start + o.start;
      const end = para.start + o.end;
      return {
        start,
        end,
        text: text.slice(start, end),
        pos: pos[i] ?? "X",
        norm: norm[i] ?? "",
        lemma: lemma[i] ?? "",
      };
    });
    const { tokens: local, map } = fixAcronyms(raw, mostlyCapitals(pt));
    if (local.length === 0) continue; // a paragraph of invisible characters only
    const base = tokens.length;
    for (const t of local) tokens.push(t);

    const firstSentence = sentences.length;
    for (const sp of winkSentences) {
      const a = base + (map[sp[0]] ?? 0);
      const b = base + (map[sp[1]] ?? 0) + 1;
      // A merged acronym can make two wink sentences share a token; keep sentences disjoint.
      const prev = sentences[sentences.length - 1];
      const from = prev && prev.tokenEnd > a && sentences.length > firstSentence ? prev.tokenEnd : a;
      if (from >= b) continue;
      const start = tokens[from]!.start;
      const end = tokens[b - 1]!.end;
      sentences.push({
        index: sentences.length,
        paragraph: para.index,
        start,
        end,
        text: text.slice(start, end),
        tokenStart: from,
        tokenEnd: b,
      });
    }

    for (const e of winkEntities) {
      const type = e.type as SpanType;
      if (!WINK_SPAN_TYPES.has(type)) continue;
      const first = tokens[base + (map[e.first] ?? 0)];
      const last = tokens[base + (map[e.last] ?? 0)];
      if (!first || !last) continue;
      spans.push({ type, start: first.start, end: last.end, text: text.slice(first.start, last.end), sentence: 0 });
    }

    for (const q of findQuotes(pt)) pendingQuotes.push({ start: para.start + q.start, end: para.start + q.end });
  }

  clock.checkTime("after tokenising");
  for (const s of sentences) {
    for (const [a, b] of propnChunks(tokens, s.tokenStart, s.tokenEnd)) {
      const start = tokens[a]!.start;
      const end = tokens[b - 1]!.end;
      spans.push({ type: "PROPN_CHUNK", start, end, text: text.slice(start, end), sentence: s.index });
    }
  }
  for (const q of pendingQuotes) {
    spans.push({ type: "QUOTE", start: q.start, end: q.end, text: text.slice(q.start, q.end), sentence: 0 });
  }
  for (const sp of spans) if (sp.type !== "PROPN_CHUNK") sp.sentence = sentenceAt(sentences, sp.start);
  spans.sort((x, y) => x.start - y.start || y.end - x.end);

  return { doc: doc.id, text, paragraphs, sentences, tokens, spans };
}
