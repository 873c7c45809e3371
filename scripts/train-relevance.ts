// `npm run train` (last step: it reads the parser, the trigger filter and the role check through extraction) or
// `npm run train:relevance [-- --out FILE]`: trains the relevance score
// (src/extract/events/relevance.ts) on MUC-4 *train* only (../shared/research-data/muc4/processed/train.json;
// dev and test are never read) and writes data/models/muc4-relevance.json. Each message goes through the
// product's extraction with the model switched off; every violent event (the types a template is made of) is an
// example, relevant when its message has a template and the event matches one (the same MUC incident type, or a
// participant that is one of the template's fillers), else not (all events of the messages without a template).
// The threshold is the one that maximises F1 of the relevant events over 4 held-out folds of train (messages
// split by position). Deterministic: messages in file order, full-batch training, rounded weights, a fixed threshold grid.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { headWord, normalizeFiller } from "../eval/common/strings.js";
import { type MucDoc, readProcessed } from "../eval/muc4/processed.js";
import { readDatelines } from "../eval/muc4/raw-keys.js";
import { onRelevanceFeatures, type RelevanceModel, setRelevanceModel } from "../src/extract/events/relevance.js";
import { extractFacts } from "../src/extract/index.js";
import { makeDocument } from "../src/model/document.js";
import type { Event } from "../src/model/records.js";
import { type LogisticExample, logisticScore, trainLogistic } from "../src/nlp/logistic.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const MUC = join(ROOT, "..", "shared", "research-data", "muc4");
const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
const OUT = outAt >= 0 ? args[outAt + 1]! : join(ROOT, "data", "models", "muc4-relevance.json");
const OPTIONS = { iterations: 300, l2: 1e-3, minCount: 3, rate: 0.5 };
const FOLDS = 4;
const GRID = Array.from({ length: 17 }, (_, i) => 0.1 + i * 0.05);

const log = (msg: string): void => {
  process.stderr.write(`[train-relevance ${(performance.now() / 1000).toFixed(0)}s] ${msg}\n`);
};

interface Example extends LogisticExample {
  doc: number;
}

/** The MUC incident type an event would be written as (eval/muc4/predict.ts names them the same way). */
function mucType(e: Event): string {
  const sub = String(e.attributes.attackType ?? "");
  if (sub === "Bombing/Explosion") return "BOMBING";
  if (sub.startsWith("Hostage Taking") || sub === "Hijacking") return "KIDNAPPING";
  if (sub === "Facility/Infrastructure Attack") return "ARSON";
  return "ATTACK";
}

function matches(d: MucDoc, e: Event): boolean {
  if (!d.templates.length) return false;
  const types = new Set(d.templates.map((t) => t.incidentType.toUpperCase().split(/\s*\/\s*/)[0]));
  if (types.has(mucType(e))) return true;
  const fills = d.templates.flatMap((t) => Object.values(t.roles).flat(2));
  const exact = new Set(fills.map(normalizeFiller));
  const heads = new Set(fills.map(headWord));
  return e.participants.some((p) => exact.has(normalizeFiller(p.text)) || heads.has(headWord(p.text)));
}

function examples(): Example[] {
  setRelevanceModel(null);
  const docs = readProcessed(join(MUC, "processed", "train.json"));
  const dates = readDatelines(join(MUC, "raw"));
  const out: Example[] = [];
  docs.forEach((d, di) => {
    const doc = makeDocument(
      { origin: `muc4:${d.id}`, format: "text", text: d.text, language: "en", publishedAt: dates.get(d.id) },
      new Date("2000-01-01T00:00:00Z"),
    );
    // the features as extraction computes them; the events are labelled once they are complete
    const seen: { e: Event; features: string[] }[] = [];
    onRelevanceFeatures((e, features) => seen.push({ e, features }));
    extractFacts(doc);
    for (const { e, features } of seen) out.push({ features, label: matches(d, e), doc: di });
  });
  onRelevanceFeatures(undefined);
  return out;
}

/** F1 of the relevant events at each threshold, scored on held-out folds of train. */
function foldThreshold(data: Example[]): { threshold: number; f1: number } {
  const scored: { p: number; label: boolean }[] = [];
  const order: number[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const fit = data.filter((e) => e.doc % FOLDS !== k);
    const m = trainLogistic(fit, OPTIONS);
    for (const e of data.filter((x) => x.doc % FOLDS === k)) {
      scored.push({ p: logisticScore(m, e.features), label: e.label });
      order.push(e.doc);
    }
  }
  let best = { threshold: 0, f1: -1 };
  const byDoc = new Map<number, { p: number; label: boolean }[]>();
  scored.forEach((s, i) => {
    const d = order[i]!;
    byDoc.set(d, [...(byDoc.get(d) ?? []), s]);
  });
  for (const t of GRID) {
    // the threshold is the best F1 of the relevant events; the messages are logged beside it (one without a
    // relevant event but one kept is spurious, one with a relevant event but none kept is lost)
    const docs = [...byDoc.values()];
    const spurious = docs.filter((xs) => !xs.some((x) => x.label) && xs.some((x) => x.p >= t)).length;
    const lost = docs.filter((xs) => xs.some((x) => x.label) && !xs.some((x) => x.p >= t)).length;
    const found = docs.filter((xs) => xs.some((x) => x.label) && xs.some((x) => x.p >= t)).length;
    const tp = scored.filter((x) => x.p >= t && x.label).length;
    const fp = scored.filter((x) => x.p >= t && !x.label).length;
    const fn = scored.filter((x) => x.p < t && x.label).length;
    const f1 = (2 * tp) / Math.max(1, 2 * tp + fp + fn);
    log(
      `fold threshold ${t.toFixed(2)}: event F1 ${(100 * f1).toFixed(1)} (kept ${tp + fp}, relevant dropped ${fn}); messages: ${found} kept, ${spurious} spurious, ${lost} lost of ${docs.length}`,
    );
    if (f1 > best.f1 + 1e-9) best = { threshold: Math.round(t * 100) / 100, f1 };
  }
  return best;
}

function main(): void {
  const data = examples();
  log(`${data.length} violent events, ${data.filter((e) => e.label).length} relevant`);
  const best = foldThreshold(data);
  const lr = trainLogistic(data, OPTIONS);
  const model: RelevanceModel = {
    about: `MUC-4 train (processed/train.json), ${data.length} events; threshold ${best.threshold} (event F1 ${(100 * best.f1).toFixed(1)} on ${FOLDS} held-out folds)`,
    threshold: best.threshold,
    ...lr,
  };
  const json = `${JSON.stringify(model, null, 0)}\n`;
  writeFileSync(OUT, json);
  log(`wrote ${OUT} (${Object.keys(lr.weights).length} weights); ${model.about}`);
}

main();
