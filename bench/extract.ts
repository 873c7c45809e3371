// Extraction throughput on a generated corpus, and its ratio to a wink-nlp tokenize-only pass over
// the same text measured in the same run (so machine speed cancels out). Each document is
// tokenized and then extracted before the next one, so load swings hit both passes alike.

import { loadavg } from "node:os";
import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import { extractFacts } from "../src/extract/index.js";
import { parseIsoDate } from "../src/model/dates.js";
import { makeDocument } from "../src/model/document.js";
import { syntheticDocument } from "./corpus.js";

export interface ExtractBench {
  megabytes: number;
  documents: number;
  extractSeconds: number;
  tokenizeSeconds: number;
  mbPerSecond: number;
  docsPerSecond: number;
  tokenizeMbPerSecond: number;
  ratioToTokenize: number;
  /** The same two measures from process CPU time instead of wall time (see above). */
  cpuMbPerSecond: number;
  cpuRatioToTokenize: number;
  peakRssMb: number;
  /** One-minute load average when the run ended: absolute MB/s only mean something next to it. */
  loadAverage: number;
}

export function benchExtract(totalMb = 5, docChars = 5000): ExtractBench {
  const published = parseIsoDate("2024-01-20");
  const docs = [];
  let bytes = 0;
  for (let i = 0; bytes < totalMb * 1024 * 1024; i++) {
    const d = makeDocument({
      origin: `bench:${i}`,
      text: syntheticDocument(i, docChars),
      format: "text",
      ...(published ? { publishedAt: published } : {}),
    });
    docs.push(d);
    bytes += Buffer.byteLength(d.text);
  }
  // warm both paths once so lazy model/gazetteer loading is not counted as throughput
  extractFacts(docs[0]!);
  const tokenizer = winkNLP(model, []);
  tokenizer.readDoc(docs[0]!.text).tokens().out();

  // The two passes are interleaved document by document: on a shared machine the load changes
  // within seconds, and timing one whole pass after the other let those swings skew the ratio.
  // CPU time is recorded too: with more runnable jobs than cores, wall time mostly measures the
  // scheduler, while this process's CPU seconds stay close to what an idle machine would show.
  let tokenizeMs = 0;
  let extractMs = 0;
  let tokenizeCpuUs = 0;
  let extractCpuUs = 0;
  const cpu = () => {
    const u = process.cpuUsage();
    return u.user + u.system;
  };
  for (const d of docs) {
    const c0 = cpu();
    const t0 = performance.now();
    tokenizer.readDoc(d.text).tokens().out();
    const t1 = performance.now();
    const c1 = cpu();
    extractFacts(d);
    extractMs += performance.now() - t1;
    extractCpuUs += cpu() - c1;
    tokenizeMs += t1 - t0;
    tokenizeCpuUs += c1 - c0;
  }
  const tokenizeSeconds = tokenizeMs / 1000;
  const extractSeconds = extractMs / 1000;

  const megabytes = bytes / 1024 / 1024;
  return {
    megabytes,
    documents: docs.length,
    extractSeconds,
    tokenizeSeconds,
    mbPerSecond: megabytes / extractSeconds,
    docsPerSecond: docs.length / extractSeconds,
    tokenizeMbPerSecond: megabytes / tokenizeSeconds,
    ratioToTokenize: tokenizeSeconds / extractSeconds,
    cpuMbPerSecond: megabytes / (extractCpuUs / 1e6),
    cpuRatioToTokenize: tokenizeCpuUs / extractCpuUs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    loadAverage: loadavg()[0] ?? 0,
  };
}
