// `npm run bench -- scale [--sizes 1000,10000,100000]`: the product path at growing store sizes on real text
// (bench/scale-corpus.ts). The store is filled in publication order: each base text extracted once, its
// date-shifted copies stored with their moved facts (Store.putDocument) and fused in chunks through the same
// incremental fusion ingest runs (fuseStored). At each size it prints: the per-document end-to-end cost of
// ingesting a fresh batch through ingestDrafts (extraction, store, fusion; the same texts at every size) and its
// ratio to the first size; override, /api/incidents and incident-page latency over HTTP from a separate server
// process and that server's RSS; one full re-fusion in a separate process (below a size cap); database bytes per
// byte of stored text; the ingesting process's peak RSS. Not a test: nothing here fails.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fuseStored } from "../src/app/fusion.js";
import { withFusionLock } from "../src/app/fusion-lock.js";
import { ingestDrafts, prepareDocument } from "../src/app/pipeline.js";
import { extractFacts } from "../src/extract/index.js";
import { dateValue } from "../src/model/dates.js";
import type { DocumentDraft } from "../src/model/document.js";
import type { DocFacts } from "../src/model/records.js";
import { SqliteStore } from "../src/store/sqlite/store.js";
import { tempDir } from "../test/helpers.js";
import { copyFacts } from "./copies.js";
import { type Base, baseTexts, DATA, draftOf, Stream } from "./scale-corpus.js";
import { httpLatency } from "./scale-http.js";

export { baseTexts, draft } from "./scale-corpus.js";

const BATCH = 20;
/** Documents stored per incremental fusion while filling (ingest fuses what one call stored). */
const FILL_CHUNK = 250;
/**
 * Above this many documents the full re-fusion is not timed: it replays the whole store in one process and
 * holds every snapshot record at once (2.7 GB at 50k in issue #9's measurement). TESSERA_BENCH_REFUSE_CAP sets it.
 */
const REFUSE_CAP = Number(process.env.TESSERA_BENCH_REFUSE_CAP) || 10_000;
/** Base texts whose shifted facts are compared with a real extraction of their copy. */
const CHECKED = 20;
const CHILD = join(import.meta.dirname, "scale-child.ts");

const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);
const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

function dbBytes(file: string): number {
  let n = 0;
  for (const f of [file, `${file}-wal`]) if (existsSync(f)) n += statSync(f).size;
  return n;
}

const days = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const startOf = (s: Stream, k: number): string => s.peek(k).publishedAt?.start ?? "";

/** Stores the stream's next documents up to position `until` and fuses each chunk as ingest does. */
async function fill(store: SqliteStore, stream: Stream, until: number): Promise<{ ms: number; rebuilds: number }> {
  const t0 = performance.now();
  let rebuilds = 0;
  while (stream.next < until) {
    const ids: string[] = [];
    for (const end = Math.min(until, stream.next + FILL_CHUNK); stream.next < end; ) {
      const { doc, facts } = stream.take();
      // two base texts can be the same text: ingest skips the second, and so must the fill (fusion counts documents)
      if ((await store.putDocument(doc, facts)).status !== "duplicate") ids.push(doc.id);
    }
    if ((await withFusionLock(store, () => fuseStored(store, ids))) === "rebuild") rebuilds++;
    // progress on stderr for long fills (stdout carries the result)
    if (stream.next % 5000 < FILL_CHUNK)
      process.stderr.write(
        `scale: ${stream.next} documents, ${Math.round((performance.now() - t0) / 1000)} s, RSS ${peakRssMb()} MB peak\n`,
      );
  }
  return { ms: performance.now() - t0, rebuilds };
}

/**
 * The measured batch at one size: the same base texts at every size (extraction cost depends on the text),
 * published the day after the newest stored document, so they are a live stream's next reports.
 */
function batchAt(bases: Base[], day: string, size: number): DocumentDraft[] {
  const [y, m, d] = new Date((days(day) + 1) * 86_400_000).toISOString().slice(0, 10).split("-").map(Number) as [
    number,
    number,
    number,
  ];
  const step = Math.max(1, Math.floor(bases.length / BATCH));
  return Array.from({ length: BATCH }, (_, i) => {
    const b = bases[(i * step) % bases.length] as Base;
    return { ...draftOf(b, 0, 0, i), text: `${b.text}\n\n(Bench batch at ${size}.)`, publishedAt: dateValue(y, m, d) };
  });
}

/** How many sampled base texts' shifted facts equal a real extraction of their copy, dates aside (bench/copies.ts). */
function checkCopies(stream: Stream): string {
  const noDates = (f: DocFacts): string =>
    JSON.stringify(f, (_k, v) =>
      v && typeof v === "object" && typeof v.iso === "string" && typeof v.precision === "string" ? "date" : v,
    );
  const { bases, years } = stream;
  let same = 0;
  const step = Math.max(1, Math.floor(bases.length / CHECKED));
  for (let i = 0; i < CHECKED; i++) {
    const b = bases[(i * step + 7) % bases.length] as Base;
    const base = prepareDocument(draftOf(b, 0, years, 0));
    const copy = prepareDocument(draftOf(b, 1, years, 0));
    if (noDates(copyFacts(extractFacts(base), copy.id, years)) === noDates(extractFacts(copy))) same++;
  }
  return `${same}/${CHECKED}`;
}

/** A server process on the bench's database: its URL, its RSS after `use`, what `use` returned. */
async function withServer<T>(file: string, use: (url: string) => Promise<T>): Promise<{ value: T; rssMb: number }> {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, "serve", file], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const lines = createInterface({ input: child.stdout });
    const url = await new Promise<string>((resolve, reject) => {
      lines.once("line", (l) => resolve(l.trim().replace(/\/$/, "")));
      child.once("exit", (code) => reject(new Error(`the bench server exited (${code})`)));
    });
    const value = await use(url);
    const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
    return { value, rssMb: Math.round(rssKb / 1024) };
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
}

function refuseInChild(file: string): { ms: number; peakRssMb: number } {
  const out = execFileSync(process.execPath, ["--import", "tsx", CHILD, "refuse", file], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out) as { ms: number; peakRssMb: number };
}

export async function benchScale(sizes: number[]): Promise<Record<string, number | string>> {
  const bases = baseTexts();
  if (!bases.length) return { skipped: `no research data under ${DATA}` };
  const stream = new Stream(bases);
  const out: Record<string, number | string> = { baseTexts: bases.length, yearsPerCopy: stream.years };
  out.copy_facts_same_as_extraction = checkCopies(stream);
  const tmp = tempDir("tessera-scale-");
  const file = join(tmp.dir, "scale.db");
  const store = new SqliteStore(file);
  let firstPerDoc: number | undefined;
  try {
    for (const size of sizes) {
      // fill to just below the size, ending where the next stored document is 2+ days later (room for the batch)
      let until = Math.max(stream.next, size - BATCH);
      while (days(startOf(stream, until)) - days(startOf(stream, until - 1)) < 2) until++;
      const filled = until - stream.next;
      const f = await fill(store, stream, until);
      const tag = `@${size}`;
      out[`fill_docs${tag}`] = filled;
      out[`fill_s${tag}`] = Math.round(f.ms / 1000);
      out[`fill_ms_per_doc${tag}`] = Number((f.ms / Math.max(1, filled)).toFixed(1));
      out[`fill_rebuilds${tag}`] = f.rebuilds;
      out[`base_texts_extracted${tag}`] = stream.extracted;

      // the measured batch: the ordinary path, extraction to fusion
      const batch = batchAt(bases, startOf(stream, until - 1), size);
      let mode = "";
      let fusing = 0;
      const t0 = performance.now();
      await ingestDrafts(store, batch, {
        onPhase: (p) => {
          if (p === "fusing") fusing = performance.now();
        },
        onFused: (m) => {
          mode = m;
        },
      });
      const ingestMs = performance.now() - t0;
      const perDoc = ingestMs / batch.length;
      firstPerDoc ??= perDoc;
      out[`documents${tag}`] = await store.countDocuments();
      out[`ingest_fusion_mode${tag}`] = mode;
      out[`ingest_ms_per_doc${tag}`] = Number(perDoc.toFixed(1));
      out[`ingest_fuse_ms_per_doc${tag}`] = Number(((performance.now() - fusing) / batch.length).toFixed(1));
      out[`ingest_cost_ratio${tag}`] = Number((firstPerDoc / perDoc).toFixed(2));
      out[`ingest_peak_rss_mb${tag}`] = peakRssMb();
      out[`ingest_heap_mb${tag}`] = mb(process.memoryUsage().heapUsed);

      const served = await withServer(file, (url) => httpLatency(url, tag));
      Object.assign(out, served.value);
      out[`server_rss_mb${tag}`] = served.rssMb;

      if (size <= REFUSE_CAP) {
        const r = refuseInChild(file);
        out[`refuse_ms${tag}`] = Math.round(r.ms);
        out[`refuse_peak_rss_mb${tag}`] = r.peakRssMb;
      } else {
        out[`refuse_ms${tag}`] =
          `skipped (> ${REFUSE_CAP} docs): one rebuild replays the whole store in one process and holds every record at once`;
      }

      store.db.pragma("wal_checkpoint(TRUNCATE)");
      const textBytes = store.db
        .prepare("SELECT sum(length(CAST(text AS BLOB))) FROM documents")
        .pluck()
        .get() as number;
      out[`db_bytes_per_text_byte${tag}`] = Number((dbBytes(file) / textBytes).toFixed(2));
      out[`incidents${tag}`] = (await store.listIncidents({ limit: 1 })).total;
    }
    out.peakRssMb = peakRssMb();
  } finally {
    await store.close();
    tmp.cleanup();
  }
  return out;
}
