// `tessera worker`: takes ingest jobs from the PostgreSQL queue (../store/postgres/queue.ts), reads and extracts
// each through the same pipeline as `tessera ingest` (without fusing), and, when the oldest open batch is
// settled, fuses it — one fusion writer at a time across every process, by a PostgreSQL advisory lock.

import { extractFacts } from "../extract/index.js";
import { makeDocument } from "../model/document.js";
import { IngestQueue, type Job } from "../store/postgres/queue.js";
import type { PgStore } from "../store/postgres/store.js";
import { type FusionMode, fuseStored } from "./fusion.js";
import { FUSION_LOCK } from "./fusion-lock.js";
import { type IngestOutcome, ingestAll, ingestPayload, type PipelineOptions } from "./pipeline.js";

export interface WorkerOptions {
  /** A name for this worker in the queue (default host:pid:start). */
  id?: string;
  /** How long a claimed job stays this worker's without a sign of life (default 5 minutes). */
  leaseMs?: number;
  /** Wait between looks at an empty queue (default 500 ms). */
  pollMs?: number;
  /** Tries of a job whose worker stopped before giving up on it (default 3). */
  maxAttempts?: number;
  /** Stop once no job is queued or running and every batch is fused. */
  untilIdle?: boolean;
  signal?: AbortSignal;
  onJob?: (job: Job, outcomes: IngestOutcome[], error?: string) => void;
  /** A batch closed: its documents fused (`mode`: continued from the saved engine, or rebuilt), or none new. */
  onFuse?: (batch: number, docs: string[], mode?: FusionMode) => void;
  /** A problem the worker carries on after (fusion failing). */
  onError?: (message: string) => void;
}

export interface WorkerReport {
  id: string;
  jobs: number;
  batchesFused: number;
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(t);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });

/**
 * Loads the extraction rules, lexicons and models (about two seconds) before the worker announces itself, so
 * its first job is not the slow one and a worker counted as live is ready to work.
 */
function warmUp(): void {
  extractFacts(
    makeDocument({
      origin: "warm-up",
      format: "text",
      language: "en",
      text: "Two people were hurt in a blast on Monday, police said.",
    }),
  );
}

/** Reads, extracts and stores one job's input; never fuses (the fusion writer does, batch by batch). */
export async function runJob(store: PgStore, job: Job): Promise<IngestOutcome[]> {
  const o = job.options;
  const opts: PipelineOptions = {
    fuse: false,
    extract: o.extract !== false,
    allowPrivate: Boolean(o.allowPrivate),
    ...(o.outlet ? { outlet: o.outlet } : {}),
    ...(o.author ? { author: o.author } : {}),
    ...(o.published ? { published: o.published } : {}),
    ...(o.maxBytes ? { maxBytes: o.maxBytes } : {}),
  };
  // a file's bytes go through the reader the HTTP upload uses; a URL is fetched here, as `tessera ingest` would
  if (job.payload) return ingestPayload(store, job.payload, { origin: job.input }, opts);
  return ingestAll(store, [job.input], opts);
}

/**
 * Fuses every settled batch, oldest first, if no other process is fusing (then it returns 0 and that process
 * carries on). A batch whose documents were all fused before (a duplicated or retried job) is closed without
 * fusing again. Returns how many batches were closed.
 */
export async function fuseSettled(
  store: PgStore,
  queue: IngestQueue,
  onFuse?: WorkerOptions["onFuse"],
): Promise<number> {
  const lock = await store.pool.connect();
  try {
    const got = await lock.query("SELECT pg_try_advisory_lock($1) AS ok", [FUSION_LOCK]);
    if (!got.rows[0].ok) return 0;
    try {
      let closed = 0;
      for (;;) {
        const next = await queue.nextToFuse();
        if (!next) return closed;
        // continues from the saved engine with the batch's documents; fuseStored rebuilds instead when they were
        // published before a document fused earlier, or the stored state does not fit. No other batch's documents
        // are stored meanwhile (claim() takes jobs of the oldest unfused batch only), so both paths see the same
        // documents whatever the number of workers
        const mode = next.docs.length ? await fuseStored(store, next.docs) : undefined;
        await queue.markFused(next.batch, next.docs);
        onFuse?.(next.batch, next.docs, mode);
        closed++;
      }
    } finally {
      await lock.query("SELECT pg_advisory_unlock($1)", [FUSION_LOCK]);
    }
  } finally {
    lock.release();
  }
}

/** The worker loop: claim, process, record, fuse what is settled; until aborted (or idle, when asked). */
export async function runWorker(store: PgStore, opts: WorkerOptions = {}): Promise<WorkerReport> {
  await store.schemaVersion(); // connected and migrated: the queue tables exist
  warmUp();
  const queue = new IngestQueue(store.pool);
  const leaseMs = opts.leaseMs ?? 5 * 60_000;
  const pollMs = opts.pollMs ?? 500;
  const maxAttempts = opts.maxAttempts ?? 3;
  const id = await queue.register(opts.id);
  const report: WorkerReport = { id, jobs: 0, batchesFused: 0 };
  let seenAt = Date.now();
  try {
    while (!opts.signal?.aborted) {
      await queue.expire(maxAttempts);
      const job = await queue.claim(id, leaseMs);
      if (job) {
        // a sign of life while a long document is extracted, so that no other worker takes the job over
        const beat = setInterval(() => void queue.extend(job.id, id, leaseMs).catch(() => {}), leaseMs / 3);
        let outcomes: IngestOutcome[] = [];
        let failure: string | undefined;
        try {
          outcomes = await runJob(store, job);
        } catch (e) {
          failure = `unexpected error: ${(e as Error).message}`;
        } finally {
          clearInterval(beat);
        }
        if (await queue.finish(job.id, id, outcomes, failure)) {
          report.jobs++;
          opts.onJob?.(job, outcomes, failure);
        }
        seenAt = Date.now();
        continue;
      }
      let fused = 0;
      let wait = pollMs;
      try {
        fused = await fuseSettled(store, queue, opts.onFuse);
      } catch (e) {
        // the batch stays unfused and is tried again; extraction of later batches waits for it
        opts.onError?.(`fusion failed, will retry: ${(e as Error).message}`);
        wait = Math.max(pollMs, 5000);
      }
      report.batchesFused += fused;
      if (fused) continue;
      if (opts.untilIdle && !(await queue.busy())) break;
      if (Date.now() - seenAt > 5000) {
        await queue.seen(id);
        seenAt = Date.now();
      }
      await sleep(wait, opts.signal);
    }
  } finally {
    await queue.deregister(id).catch(() => {});
  }
  return report;
}
