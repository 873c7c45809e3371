// Estimative judgments: every estimative term in a sentence ("likely to", "almost certainly",
// "unlikely to") becomes one Judgment with its ICD-203 band. Judgments stay separate from reported
// facts. Confidence choices (documented here):
//   - base confidence is the term's entry in data/lexicons/estimative.json (modals may/might/could: 0.35);
//   - negation ("not likely", "isn't likely") flips the band and costs 0.1;
//   - inside a quote attributed to someone else, the judgment is still kept but × 0.7, rule ":quoted";
//   - inside a pull quote (the author's own line repeated) × 0.5, rule ":pull-quote";
//   - in a sentence of reported speech (X said/claimed that …) × 0.8, rule ":reported".
import type { Icd203Band, Judgment } from "../../model/records.js";
import type { ExtractContext, QuoteSpan, SentenceCtx } from "../context.js";
import { isPunct, type Word, words } from "../counts/words.js";
import { loadData } from "../data.js";

interface TermEntry {
  term: string;
  band: Icd203Band;
  confidence: number;
}
interface EstimativeLexicon {
  bands: Record<Icd203Band, [number, number]>;
  negation: Record<Icd203Band, Icd203Band>;
  terms: TermEntry[];
}

type Part = { entry: TermEntry; words: string[] };
let lex: (EstimativeLexicon & { byFirst: Map<string, Part[]> }) | undefined;
function lexicon() {
  if (lex) return lex;
  const raw = loadData<EstimativeLexicon>("lexicons/estimative.json");
  const parts = raw.terms
    .map((entry) => ({ entry, words: entry.term.toLowerCase().split(/\s+/) }))
    .sort((a, b) => b.words.length - a.words.length);
  // indexed by first word so each word costs one map lookup; longest terms first within a list
  const byFirst = new Map<string, Part[]>();
  for (const p of parts) {
    const list = byFirst.get(p.words[0]!) ?? [];
    list.push(p);
    byFirst.set(p.words[0]!, list);
  }
  lex = { ...raw, byFirst };
  return lex;
}

const NEGATORS = new Set(["not", "n't", "never", "no"]);
const REPORTED = /\b(?:said|says|stated|claimed|claims|told|according to|declared|argued|warned|insisted)\b/i;

function matchAt(ws: Word[], i: number, parts: string[]): boolean {
  for (let k = 0; k < parts.length; k++) {
    const w = ws[i + k];
    if (!w || w.lower !== parts[k]) return false;
  }
  return true;
}

/** "May" capitalised mid-sentence, or before a year/day number, is the month. */
function isMonthMay(ws: Word[], i: number): boolean {
  const w = ws[i]!;
  if (w.lower !== "may") return false;
  if (w.text === "May" && i > 0) return true;
  return /^\d/.test(ws[i + 1]?.text ?? "");
}

function negated(ws: Word[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 2); k--) {
    const w = ws[k]!;
    if (isPunct(w)) return false;
    if (NEGATORS.has(w.lower) || w.lower.endsWith("n't")) return true;
  }
  return false;
}

export interface JudgmentOptions {
  /** Quote spans that carry another speaker's words (from the claims layer). */
  attributedQuotes?: QuoteSpan[];
  /** Quote spans that are pull quotes (a whole line). */
  pullQuotes?: QuoteSpan[];
}

function judgmentsIn(ctx: ExtractContext, s: SentenceCtx, opts: JudgmentOptions, next: () => string): Judgment[] {
  const { bands, negation, byFirst } = lexicon();
  const ws = words(s.text, s.start);
  const out: Judgment[] = [];
  const doc = ctx.doc.id;
  for (let i = 0; i < ws.length; i++) {
    const hit = byFirst.get(ws[i]!.lower)?.find((p) => matchAt(ws, i, p.words));
    if (!hit) continue;
    if (isMonthMay(ws, i)) continue;
    const last = ws[i + hit.words.length - 1]!;
    let band = hit.entry.band;
    let confidence = hit.entry.confidence;
    let rule = `judgment:${hit.entry.term.replace(/\s+/g, "-")}`;
    if (negated(ws, i)) {
      band = negation[band];
      confidence -= 0.1;
      rule += ":negated";
    }
    const start = ws[i]!.start;
    const inside = (q: QuoteSpan) => q.start <= start && last.end <= q.end;
    if (opts.pullQuotes?.some(inside)) {
      confidence *= 0.5;
      rule += ":pull-quote";
    } else if (opts.attributedQuotes?.some(inside)) {
      confidence *= 0.7;
      rule += ":quoted";
    } else if (REPORTED.test(s.text.slice(0, start - s.start))) {
      confidence *= 0.8;
      rule += ":reported";
    }
    out.push({
      id: next(),
      doc,
      term: { doc, start, end: last.end, text: ctx.doc.text.slice(start, last.end) },
      sentence: { doc, start: s.start, end: s.end, text: s.text },
      band,
      probability: bands[band],
      rule,
      confidence: Math.round(confidence * 100) / 100,
    });
    i += hit.words.length - 1;
  }
  return out;
}

/** All estimative judgments of a document; ids `${doc.id.slice(0,12)}:jd${n}`. */
export function extractJudgments(ctx: ExtractContext, opts: JudgmentOptions = {}): Judgment[] {
  let n = 0;
  const prefix = ctx.doc.id.slice(0, 12);
  const next = () => `${prefix}:jd${n++}`;
  const out: Judgment[] = [];
  for (const s of ctx.sentences) out.push(...judgmentsIn(ctx, s, opts, next));
  return out;
}
