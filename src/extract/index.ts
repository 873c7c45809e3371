// The extraction pipeline for one document: analyze → entities → dates → counts → events →
// claims → judgments. Pure apart from lazily loaded lexicons; ids are deterministic
// (`${doc.id.slice(0,12)}:ev${n}`, `:cl`, `:jd`, `:dt`, `:ct`).
import type { DocFacts, Document } from "../model/records.js";
import { analyze } from "../nlp/analyze.js";
import { restoreCase } from "../nlp/truecase.js";
import type { Analysis } from "../nlp/types.js";
import { extractClaims } from "./claims/index.js";
import type { ExtractContext, QuoteSpan, SentenceCtx } from "./context.js";
import { countMentions, countsInSentences } from "./counts/index.js";
import { extractDates, slashOrder } from "./dates/index.js";
import { extractEntities } from "./entities/index.js";
import { extractEvents } from "./events/index.js";
import { extractForeign, mergeFacts } from "./i18n/index.js";
import { englishView, foreignStretches } from "./i18n/stretches.js";
import { extractJudgments } from "./judgments/index.js";
import { applyEstimatedReference, referenceOf } from "./reference-date.js";

export type { ExtractContext } from "./context.js";
export { extractCounts, findQuantities, parseNumberWords, parseQuantity } from "./counts/index.js";
export { findDateSpans, normaliseDate, slashOrder } from "./dates/index.js";
export { eventType, ontology } from "./events/lexicon.js";
export { extractClaims, extractEvents, extractJudgments };

/** Builds the shared context from an Analysis and the entity layer's output. */
export function buildContext(doc: Document, a: Analysis): ExtractContext {
  const { mentions, entities } = extractEntities(a, doc);
  const sentences: SentenceCtx[] = a.sentences.map((s) => ({
    index: s.index,
    paragraph: s.paragraph,
    start: s.start,
    end: s.end,
    text: s.text,
  }));
  // numeric dates read day- or month-first, decided once for the whole document
  const order = slashOrder(doc.text, doc.language);
  // without a stated publication date, yearless dates are placed by an estimate of the writing date
  const reference = referenceOf(doc);
  let dates = extractDates(doc.id, doc.text, sentences, reference?.value, a.spans, order);
  if (reference && !reference.stated) dates = applyEstimatedReference(dates);
  const counts = countsInSentences(doc.id, sentences, dates, doc.text);
  const quotes: QuoteSpan[] = a.spans
    .filter((s) => s.type === "QUOTE")
    .map((s) => ({ start: s.start, end: s.end, text: s.text }));
  const ctx: ExtractContext = {
    doc,
    sentences,
    mentions: [...mentions].sort((x, y) => x.start - y.start),
    entities,
    dates,
    counts,
    quotes,
    tokens: a.tokens,
  };
  if (reference) ctx.reference = reference.value;
  return ctx;
}

/**
 * Everything extraction finds in one document. English rules read only its English (or unidentified) text; the
 * other languages' stretches go to the rules of their language (./i18n). Runs analyze() when no Analysis is given.
 */
export function extractFacts(stored: Document, analysis?: Analysis): DocFacts {
  const english = englishView(stored);
  const facts: DocFacts = english
    ? extractEnglish(english, english === stored ? analysis : undefined)
    : { doc: stored.id, mentions: [], entities: [], events: [], claims: [], judgments: [] };
  const foreign = foreignStretches(stored);
  return foreign.length ? mergeFacts(facts, extractForeign(stored, foreign)) : facts;
}

function extractEnglish(stored: Document, analysis?: Analysis): DocFacts {
  // A caseless document (ALL CAPS wire copy, lower-cased exports) is read with its case restored; only letter
  // case changes, so every span still points at the stored text.
  const text = restoreCase(stored.text);
  const doc = text === stored.text ? stored : { ...stored, text };
  const a = analysis ?? analyze(doc);
  const ctx = buildContext(doc, a);
  const events = extractEvents(ctx);
  const { claims, attributedQuotes, pullQuotes } = extractClaims(ctx, events);
  const judgments = extractJudgments(ctx, { attributedQuotes, pullQuotes });
  const mentions = [...ctx.mentions, ...ctx.dates.map((d) => d.mention), ...countMentions(doc.id, ctx.counts)].sort(
    (x, y) => x.start - y.start || x.end - y.end,
  );
  return { doc: doc.id, mentions, entities: ctx.entities, events, claims, judgments };
}
