// `npm run train:parser [-- --out FILE] [--folds K] [--quick]` (the first step of `npm run train`): trains the
// UPOS tagger and the dependency parser on UD English-EWT train (../shared/research-data/ud-english-ewt) and
// writes data/models/en-ewt-parser.bin.gz. The models trained after it (role check, relevance) read its parses,
// so `npm run train` runs them next, in package.json's order. Deterministic:
// fixed seeds and sorted label sets, so the same data gives a byte-identical file. The parser is trained on jackknifed tags (each fold tagged by a
// tagger that never saw it), so it learns from tags as noisy as the ones it will get.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { scoreParses } from "../eval/ewt/score.js";
import { trainBeamParser } from "../src/nlp/parse/beam.js";
import { decodeModel, encodeModel } from "../src/nlp/parse/codec.js";
import { readConllu, type TreebankSentence } from "../src/nlp/parse/conllu.js";
import { MODEL_PATH, parseSentence } from "../src/nlp/parse/model.js";
import { type ParserExample, parseInput, trainParser } from "../src/nlp/parse/parser.js";
import { type TaggerModel, tagWithKeys, trainTagger } from "../src/nlp/parse/tagger.js";
import { wordKeys } from "../src/nlp/parse/tokens.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const EWT = join(ROOT, "..", "shared", "research-data", "ud-english-ewt");

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : dflt;
};
const quick = args.includes("--quick");
const out = opt("out", MODEL_PATH);
const folds = Number(opt("folds", "4"));
const TAGGER = {
  epochs: Number(opt("tagger-epochs", quick ? "2" : "8")),
  rowBits: Number(opt("tagger-bits", "19")),
  seed: 17,
};
const PARSER = {
  // beam-trained (max-violation) parser: 4 epochs on full data beat greedy's 16 (docs/parser.md)
  epochs: Number(opt("parser-epochs", quick ? "2" : "4")),
  moveBits: Number(opt("move-bits", "20")),
  labelBits: Number(opt("label-bits", "17")),
  seed: 29,
  explore: 0.9,
  beam: Number(opt("beam", "8")),
};

function read(split: string): TreebankSentence[] {
  const file = join(EWT, `en_ewt-ud-${split}.conllu`);
  const r = readConllu(readFileSync(file, "utf8"), file);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const log = (msg: string): void => {
  process.stderr.write(`[train ${(performance.now() / 1000).toFixed(0)}s] ${msg}\n`);
};

function predictedTags(tagger: TaggerModel, s: TreebankSentence): number[] {
  return tagWithKeys(tagger, s.forms, wordKeys(s.forms));
}

function main(): void {
  let train = read("train");
  const dev = read("dev");
  if (quick) train = train.slice(0, 3000);
  const tags = [...new Set(train.flatMap((s) => s.upos))].sort();
  const labels = [...new Set(train.flatMap((s) => s.deprels))].sort();
  const tagIndex = new Map(tags.map((t, i) => [t, i]));
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  log(`${train.length} train sentences, ${tags.length} tags, ${labels.length} relations`);

  // jackknife: fold k is tagged by a tagger trained on the other folds
  const jack: number[][] = new Array(train.length);
  if (folds > 1) {
    for (let k = 0; k < folds; k++) {
      const rest = train.filter((_, i) => i % folds !== k);
      const t = trainTagger(rest, tags, TAGGER);
      train.forEach((s, i) => {
        if (i % folds === k) jack[i] = predictedTags(t, s);
      });
      log(`jackknife fold ${k + 1}/${folds} tagged`);
    }
  } else
    train.forEach((s, i) => {
      jack[i] = s.upos.map((u) => tagIndex.get(u)!);
    });
  const tagger = trainTagger(train, tags, TAGGER);
  log("tagger trained");

  const examples: ParserExample[] = train.map((s, i) => {
    const n = s.forms.length;
    const gold = new Int32Array(n + 2);
    const goldLabels = new Int32Array(n + 2);
    s.heads.forEach((h, w) => {
      gold[w + 1] = h === 0 ? n + 1 : h;
      goldLabels[w + 1] = labelIndex.get(s.deprels[w]!)!;
    });
    return { x: parseInput(wordKeys(s.forms), jack[i]!), gold, goldLabels };
  });
  const parser = PARSER.beam > 1 ? trainBeamParser(examples, labels, PARSER) : trainParser(examples, labels, PARSER);
  log("parser trained");

  const bytes = encodeModel({ tagger, parser });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  log(`wrote ${out} (${(bytes.length / 1e6).toFixed(2)} MB)`);

  // score the decoded file, i.e. exactly what the product loads
  const decoded = decodeModel(bytes);
  if (!decoded.ok) throw new Error(decoded.error);
  const sc = scoreParses(
    dev,
    dev.map((s) => parseSentence(s.forms, decoded.value)),
  );
  log(
    `dev: UPOS ${sc.upos.toFixed(2)}  UAS ${sc.uas.toFixed(2)}  LAS ${sc.las.toFixed(2)}  (no punct: UAS ${sc.uasNoPunct.toFixed(2)} LAS ${sc.lasNoPunct.toFixed(2)})`,
  );
}

main();
