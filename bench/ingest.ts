// Ingest throughput: plain-text files → text reader → normalise/hash → SQLite (one transaction per
// document, FTS5 index maintained), without extraction. Reports MB/s, docs/s and peak RSS.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ingestAll } from "../src/app/pipeline.js";
import { SqliteStore } from "../src/store/sqlite/store.js";
import { syntheticDocument } from "./corpus.js";

export interface IngestBench {
  megabytes: number;
  documents: number;
  seconds: number;
  mbPerSecond: number;
  docsPerSecond: number;
  peakRssMb: number;
}

export async function benchIngest(totalMb = 100, docChars = 5000): Promise<IngestBench> {
  const dir = join(tmpdir(), `tessera-bench-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "corpus"), { recursive: true });
  let bytes = 0;
  let n = 0;
  while (bytes < totalMb * 1024 * 1024) {
    const text = syntheticDocument(n, docChars);
    // spread over sub-folders like a real archive
    const sub = join(dir, "corpus", String(Math.floor(n / 1000)));
    if (n % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `doc-${n}.txt`), text);
    bytes += Buffer.byteLength(text);
    n++;
  }
  const store = new SqliteStore(join(dir, "bench.db"));
  const t0 = performance.now();
  const outcomes = await ingestAll(store, [join(dir, "corpus")], { extract: false, fuse: false });
  const seconds = (performance.now() - t0) / 1000;
  const ok = outcomes.filter((o) => o.status === "ok").length;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  const megabytes = bytes / 1024 / 1024;
  return {
    megabytes,
    documents: ok,
    seconds,
    mbPerSecond: megabytes / seconds,
    docsPerSecond: ok / seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}
