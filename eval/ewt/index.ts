// UD English-EWT runner: every sentence of the split's gold tokens goes through `parseSentence`, the
// call extraction uses (shipped model, its own tagger), and is scored against the gold tree.
import { readFileSync } from "node:fs";
import { UserError } from "../../src/model/result.js";
import { readConllu } from "../../src/nlp/parse/conllu.js";
import { loadSyntaxModel, parseSentence } from "../../src/nlp/parse/model.js";
import { limitItems, resolveDataFile, splitOf } from "../common/io.js";
import type { EvalOptions, EvalReport } from "../types.js";
import { scoreParses } from "./score.js";

export async function run(opts: EvalOptions): Promise<EvalReport> {
  const file = resolveDataFile(opts.data, opts.split ?? "dev", ["en_ewt-ud-{split}.conllu", "{split}.conllu"]);
  const read = readConllu(readFileSync(file, "utf8"), file);
  if (!read.ok) throw new UserError(read.error);
  const gold = limitItems(read.value, opts.limit);
  const model = loadSyntaxModel();
  const t0 = performance.now();
  const pred = gold.map((s) => parseSentence(s.forms, model));
  const secs = (performance.now() - t0) / 1000;
  const sc = scoreParses(gold, pred);
  return {
    dataset: "ewt",
    split: splitOf(opts.data, opts.split, file),
    documents: gold.length,
    protocol: [
      "Input: the gold word forms of each sentence (multiword tokens split as the treebank splits them); no gold tags.",
      `Prediction: parseSentence (src/nlp/parse/model.ts) with the shipped model data/models/en-ewt-parser.bin.gz: its tagger's UPOS, then greedy arc-hybrid parsing.`,
      "Scores over all words: UPOS accuracy; UAS = head right; LAS = head and full relation (with subtype, e.g. nsubj:pass) right; LAS-universal compares the part before ':'. The no-punct rows leave out words whose gold UPOS is PUNCT.",
    ],
    tables: [
      {
        title: "UD English-EWT",
        rows: [
          { name: "upos", acc: sc.upos, n: sc.words },
          { name: "uas", acc: sc.uas, n: sc.words },
          { name: "las", acc: sc.las, n: sc.words },
          { name: "las-universal", acc: sc.lasUniversal, n: sc.words },
          { name: "uas-no-punct", acc: sc.uasNoPunct, n: sc.wordsNoPunct },
          { name: "las-no-punct", acc: sc.lasNoPunct, n: sc.wordsNoPunct },
        ],
      },
    ],
    notes: [
      `data: ${file}`,
      `speed: ${(gold.length / secs).toFixed(0)} sentences/s, ${(sc.words / secs).toFixed(0)} words/s (one core, tagging + parsing)`,
    ],
    headline: { upos: sc.upos, uas: sc.uas, las: sc.las },
  };
}
