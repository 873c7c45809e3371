// Tagger + parser speed on UD English-EWT dev (real web sentences, gold tokenisation): model load
// time once, then sentences/s and words/s for `parseSentence`, from wall time and from process CPU
// time (the CPU figure is the one to quote on a shared machine).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readConllu } from "../src/nlp/parse/conllu.js";
import { loadSyntaxModel, MODEL_PATH, parseSentence } from "../src/nlp/parse/model.js";

const DEV = fileURLToPath(new URL("../../shared/research-data/ud-english-ewt/en_ewt-ud-dev.conllu", import.meta.url));

export interface ParserBench {
  sentences: number;
  words: number;
  loadMs: number;
  sentencesPerSecond: number;
  wordsPerSecond: number;
  cpuSentencesPerSecond: number;
  cpuWordsPerSecond: number;
  modelMb: number;
}

export function benchParser(file = DEV, rounds = 2): ParserBench | { skipped: string } {
  if (!existsSync(file)) return { skipped: `${file} not found (the EWT data lives in ../shared)` };
  if (!existsSync(MODEL_PATH)) return { skipped: `${MODEL_PATH} not found; run npm run train` };
  const r = readConllu(readFileSync(file, "utf8"), file);
  if (!r.ok) throw new Error(r.error);
  const sents = r.value.map((s) => s.forms);
  const t0 = performance.now();
  const model = loadSyntaxModel();
  const loadMs = performance.now() - t0;
  parseSentence(sents[0]!, model);
  const cpu0 = process.cpuUsage();
  const w0 = performance.now();
  let words = 0;
  for (let k = 0; k < rounds; k++) {
    for (const s of sents) {
      parseSentence(s, model);
      words += s.length;
    }
  }
  const wall = (performance.now() - w0) / 1000;
  const c = process.cpuUsage(cpu0);
  const cpu = (c.user + c.system) / 1e6;
  const n = sents.length * rounds;
  return {
    sentences: n,
    words,
    loadMs,
    sentencesPerSecond: n / wall,
    wordsPerSecond: words / wall,
    cpuSentencesPerSecond: n / cpu,
    cpuWordsPerSecond: words / cpu,
    modelMb: readFileSync(MODEL_PATH).length / 1e6,
  };
}
