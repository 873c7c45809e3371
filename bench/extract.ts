// Extraction throughput on a generated corpus, and its ratio to a wink-nlp tokenize-only pass over
// the same text measured in the same run (so machine speed cancels out).

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
  peakRssMb: number;
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

  let t0 = performance.now();
  for (const d of docs) tokenizer.readDoc(d.text).tokens().out();
  const tokenizeSeconds = (performance.now() - t0) / 1000;

  t0 = performance.now();
  for (const d of docs) extractFacts(d);
  const extractSeconds = (performance.now() - t0) / 1000;

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
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}
