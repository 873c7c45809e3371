// `npm run train` (second step) or `npm run train:triggers [-- --out FILE]`: trains the trigger model
// (src/extract/events/trigger-filter.ts) and writes data/models/trigger-filter.json.
// Examples: every lexicon match the product finds in the ECB+ train topics
// (../shared/research-data/ecbplus, split "train" only); a match is an event mention when it overlaps a
// gold ECB+ event mention, and no event mention when it lies on a gold entity mention only ("a bomb",
// "the gunmen"). ECB+ annotates only its validated sentences, so a match on no gold mention at all is
// left out (its sentence may simply be unannotated). The dev topics are scored, never fitted.
// Deterministic: documents in id order, full-batch training, rounded weights.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { documentText } from "../eval/ecbplus/index.js";
import { type EcbDocument, type EcbMention, loadEcb } from "../eval/ecbplus/load.js";
import { triggerFeatures } from "../src/extract/events/trigger-features.js";
import type { TriggerFilterModel } from "../src/extract/events/trigger-filter.js";
import { findTriggers } from "../src/extract/events/triggers.js";
import { buildContext } from "../src/extract/index.js";
import { makeDocument } from "../src/model/document.js";
import { analyze } from "../src/nlp/analyze.js";
import { type LogisticExample, logisticScore, trainLogistic } from "../src/nlp/logistic.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ECB = join(ROOT, "..", "shared", "research-data", "ecbplus");
const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
const OUT = outAt >= 0 ? args[outAt + 1]! : join(ROOT, "data", "models", "trigger-filter.json");
const THRESHOLD = 0.5;
const OPTIONS = { iterations: 400, l2: 1e-3, minCount: 2, rate: 0.5 };

const log = (msg: string): void => {
  process.stderr.write(`[train-triggers ${(performance.now() / 1000).toFixed(0)}s] ${msg}\n`);
};

interface Labelled extends LogisticExample {
  key: string;
}

/** Character spans of mentions in the document text built by documentText. */
function spansOf(mentions: EcbMention[], offsets: [number, number][][]): { start: number; end: number }[] {
  return mentions.flatMap((m) => {
    const row = offsets[m.sent];
    const toks = m.tokens.map((i) => row?.[i]).filter((x): x is [number, number] => !!x);
    return toks.length ? [{ start: Math.min(...toks.map((t) => t[0])), end: Math.max(...toks.map((t) => t[1])) }] : [];
  });
}

const overlapsAny = (spans: { start: number; end: number }[], m: { start: number; end: number }): boolean =>
  spans.some((g) => g.start < m.end && m.start < g.end);

/**
 * Labelled lexicon matches of one document: on a gold event mention → an event; on a gold entity mention
 * (a weapon, a person, an object) and no event mention → not one; on neither → no example.
 */
function examplesOf(d: EcbDocument, gold: Gold): Labelled[] {
  const { text, offsets } = documentText(d);
  const doc = makeDocument({ origin: `ecbplus:${d.id}`, format: "text", text, language: "en" });
  if (doc.text !== text) return [];
  const ctx = buildContext(doc, analyze(doc));
  const events = spansOf(gold.events.get(d.id) ?? [], offsets);
  const entities = spansOf(gold.entities.get(d.id) ?? [], offsets);
  const out: Labelled[] = [];
  for (const s of ctx.sentences) {
    const matches = findTriggers(s.text, s.start);
    for (const m of matches) {
      const label = overlapsAny(events, m);
      if (!label && !overlapsAny(entities, m)) continue;
      out.push({ key: `${d.id}:${m.start}`, features: triggerFeatures(ctx, s, m, matches), label });
    }
  }
  return out;
}

interface Gold {
  events: Map<string, EcbMention[]>;
  entities: Map<string, EcbMention[]>;
}

function byDocument(ms: EcbMention[]): Map<string, EcbMention[]> {
  const out = new Map<string, EcbMention[]>();
  for (const m of ms) {
    const list = out.get(m.doc) ?? [];
    list.push(m);
    out.set(m.doc, list);
  }
  return out;
}

function collect(docs: EcbDocument[], gold: Gold): Labelled[] {
  return docs.flatMap((d) => examplesOf(d, gold));
}

/** How the model's threshold separates labelled matches: accuracy and the non-events it doubts. */
function separation(model: TriggerFilterModel, xs: Labelled[]): string {
  const doubted = (e: Labelled) => logisticScore(model, e.features) < model.threshold;
  const right = xs.filter((e) => doubted(e) !== e.label).length;
  const neg = xs.filter((e) => !e.label);
  return `accuracy ${((100 * right) / Math.max(1, xs.length)).toFixed(1)} on ${xs.length} matches; doubted ${neg.filter(doubted).length} of ${neg.length} non-events, ${xs.filter((e) => e.label && doubted(e)).length} of ${xs.length - neg.length} events`;
}

function main(): void {
  const data = loadEcb(ECB);
  const gold: Gold = { events: byDocument(data.events), entities: byDocument(data.entities) };
  const docs = [...data.documents.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const train = docs.filter((d) => data.splits.train.includes(d.topic));
  const dev = docs.filter((d) => data.splits.dev.includes(d.topic));
  const examples = collect(train, gold);
  log(
    `${train.length} train documents, ${examples.length} lexicon matches, ${examples.filter((e) => e.label).length} event mentions`,
  );
  const lr = trainLogistic(examples, OPTIONS);
  // the plain decision rule (more likely an event mention than not); not tuned on any set
  const model: TriggerFilterModel = { threshold: THRESHOLD, ...lr };
  const json = `${JSON.stringify(model, null, 0)}\n`;
  writeFileSync(OUT, json);
  log(`wrote ${OUT} (${Object.keys(lr.weights).length} weights, ${(json.length / 1e3).toFixed(0)} kB)`);
  log(`ECB+ train: ${separation(model, examples)}`);
  log(`ECB+ dev: ${separation(model, collect(dev, gold))}`);
}

main();
