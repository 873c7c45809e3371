// `tessera worker`: takes ingest jobs from the PostgreSQL queue (../store/postgres/queue.ts), reads and extracts
// each through the same pipeline as `tessera ingest` (without fusing), and, when the oldest open batch is
// settled, fuses it — one fusion writer at a time across every process, by a PostgreSQL advisory lock.
// While a batch waits for its fusion, workers go on reading and extracting the next batch's jobs and keep them
// in memory (up to `ahead` jobs each), storing them once that fusion is done: so one worker's fusion overlaps
// the others' extraction, and no fusion ever sees a document of a later batch.

import { extractFacts } from "../extract/index.js";
import { makeDocument } from "../model/document.js";
import { IngestQueue, type Job } from "../store/postgres/queue.js";
import type { PgStore } from "../store/postgres/store.js";
import { type FusionMode, fuseStored } from "./fusion.js";
import { FUSION_LOCK } from "./fusion-lock.js";
import { commitPrepared, type IngestOutcome, type PipelineOptions, type Prepared, prepareInputs } from "./pipeline.js";

export interface WorkerOptions {
  /** A name for this worker in the queue (default host:pid:start). */
  id?: string;
  /** How long a claimed job stays this worker's without a sign of life (default 5 minutes). */
  leaseMs?: number;
  /** Wait between looks at an empty queue (default 500 ms). */
  pollMs?: number;
  /** Tries of a job whose worker stopped before giving up on it (default 3). */
  maxAttempts?: number;
  /** Jobs of later batches read and extracted while an earlier batch waits for fusion (default 32). */
  ahead?: number;
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

function pipelineOptions(job: Job): PipelineOptions {
  const o = job.options;
  return {
    fuse: false,
    extract: o.extract !== false,
    allowPrivate: Boolean(o.allowPrivate),
    ...(o.outlet ? { outlet: o.outlet } : {}),
    ...(o.author ? { author: o.author } : {}),
    ...(o.published ? { published: o.published } : {}),
    ...(o.maxBytes ? { maxBytes: o.maxBytes } : {}),
  };
}

/** Reads and extracts one job's input without storing it. */
export async function prepareJob(store: PgStore, job: Job): Promise<Prepared[]> {
  // a file's bytes go through the reader the HTTP upload uses; a URL is fetched here, as `tessera ingest` would
  const source = job.payload ? { bytes: job.payload, meta: { origin: job.input } } : { inputs: [job.input] };
  return prepareInputs(store, source, pipelineOptions(job));
}

/** Reads, extracts and stores one job's input; never fuses (the fusion writer does, batch by batch). */
export async function runJob(store: PgStore, job: Job): Promise<IngestOutcome[]> {
  return commitPrepared(store, await prepareJob(store, job), pipelineOptions(job));
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

/** A claimed job, read and extracted, or failed while it was. */
interface Held {
  job: Job;
  prepared: Prepared[];
  failure?: string;
}

/**
 * The worker loop: claim, read and extract, store once the job's batch is the oldest unfused one, record, fuse
 * what is settled; until aborted (or idle, when asked).
 */
export async function runWorker(store: PgStore, opts: WorkerOptions = {}): Promise<WorkerReport> {
  await store.schemaVersion(); // connected and migrated: the queue tables exist
  warmUp();
  const queue = new IngestQueue(store.pool);
  const leaseMs = opts.leaseMs ?? 5 * 60_000;
  const pollMs = opts.pollMs ?? 500;
  const maxAttempts = opts.maxAttempts ?? 3;
  const maxAhead = Math.max(1, opts.ahead ?? 32);
  const id = await queue.register(opts.id);
  const report: WorkerReport = { id, jobs: 0, batchesFused: 0 };
  // claimed jobs read and extracted but not yet recorded: those of the current batch, and those read ahead
  const held: Held[] = [];
  const leases = new Set<number>();
  // a sign of life while jobs are held, so that no other worker takes them over
  const beat = setInterval(() => {
    for (const job of leases) void queue.extend(job, id, leaseMs).catch(() => {});
  }, leaseMs / 3);
  let seenAt = Date.now();
  const fuse = async (): Promise<{ fused: number; wait: number }> => {
    try {
      const fused = await fuseSettled(store, queue, opts.onFuse);
      report.batchesFused += fused;
      return { fused, wait: pollMs };
    } catch (e) {
      // the batch stays unfused and is tried again; later batches are read meanwhile but not stored
      opts.onError?.(`fusion failed, will retry: ${(e as Error).message}`);
      return { fused: 0, wait: Math.max(pollMs, 5000) };
    }
  };
  /**
   * Stores and records the held jobs of batch `current` (or older: a job whose lease another worker took over
   * finds its document stored already, and its result ignored, as in `finish`).
   */
  const record = async (current: number): Promise<void> => {
    for (;;) {
      const i = held.findIndex((h) => h.job.batch <= current);
      if (i < 0) break;
      const { job, prepared, failure } = held.splice(i, 1)[0]!;
      let outcomes: IngestOutcome[] = [];
      let error = failure;
      if (!error) {
        try {
          outcomes = await commitPrepared(store, prepared, pipelineOptions(job));
        } catch (e) {
          error = `unexpected error: ${(e as Error).message}`;
        }
      }
      leases.delete(job.id);
      if (await queue.finish(job.id, id, outcomes, error)) {
        report.jobs++;
        opts.onJob?.(job, outcomes, error);
      }
    }
    seenAt = Date.now();
  };
  try {
    while (!opts.signal?.aborted) {
      await queue.expire(maxAttempts);
      let wait = pollMs;
      if (held.length) {
        // no unfused batch left while jobs are held: their batches were fused without them (taken over)
        const current = (await queue.current()) ?? Number.POSITIVE_INFINITY;
        if (held.some((h) => h.job.batch <= current)) {
          await record(current);
          continue;
        }
        // waiting for an earlier batch's fusion: do it, unless another worker is (then read ahead)
        const f = await fuse();
        if (f.fused) continue;
        wait = f.wait;
      }
      const job = held.length < maxAhead ? await queue.claim(id, leaseMs) : undefined;
      if (job) {
        leases.add(job.id);
        const h: Held = { job, prepared: [] };
        try {
          h.prepared = await prepareJob(store, job);
        } catch (e) {
          h.failure = `unexpected error: ${(e as Error).message}`;
        }
        held.push(h);
        continue;
      }
      if (!held.length) {
        const f = await fuse();
        if (f.fused) continue;
        wait = f.wait;
        if (opts.untilIdle && !(await queue.busy())) break;
      }
      if (Date.now() - seenAt > 5000) {
        await queue.seen(id);
        seenAt = Date.now();
      }
      await sleep(wait, opts.signal);
    }
  } finally {
    clearInterval(beat);
    // jobs read ahead and not stored go back to the queue for whichever worker runs next
    for (const h of held) await queue.release(h.job.id, id).catch(() => {});
    await queue.deregister(id).catch(() => {});
  }
  return report;
}
