// The ingest queue in PostgreSQL (tables of migration 3): `tessera ingest` enqueues one batch of jobs (a file's
// bytes, or a URL) and `tessera worker` processes claim them with FOR UPDATE SKIP LOCKED under a lease.
//
// A table of our own rather than pg-boss or graphile-worker: their current releases need Node 22 (this project
// runs on Node 20.19+), a job here carries up to 20 MiB of file bytes (BYTEA, not a JSON payload), and the
// fusion writer must see every job of a batch settled before it fuses — one SQL query on this table, where a
// queue library keeps its job state to itself. Queue overhead is measured in `npm run bench -- workers`.
//
// Order: workers take jobs oldest batch first, and a batch is fused once all its jobs are settled (done or
// failed). A worker may read and extract a job of a later batch while an earlier one waits for fusion, but
// stores it only once every earlier batch is fused (`current`; app/worker.ts). So every fusion sees exactly the
// documents of the batches up to its own, whatever the number of workers or their speed, and incident ids come
// out the same (docs/deploy.md, "Ingest workers").
import { hostname } from "node:os";
import type pg from "pg";
import type { IngestOutcome } from "../../app/pipeline.js";

/** Metadata and switches the enqueuing command gives every job of a batch. */
export interface JobOptions {
  outlet?: string;
  author?: string;
  published?: string;
  extract?: boolean;
  allowPrivate?: boolean;
  maxBytes?: number;
}

/** One unit to enqueue: a file's bytes (read where `tessera ingest` ran), a URL, or an input already refused. */
export type NewJob =
  | { input: string; bytes: Uint8Array }
  | { input: string; url: string }
  | { input: string; refused: string };

export interface Job {
  id: number;
  batch: number;
  seq: number;
  input: string;
  /** Undefined for a URL: the worker fetches it. */
  payload?: Buffer;
  options: JobOptions;
  attempts: number;
}

export interface SettledJob {
  id: number;
  seq: number;
  input: string;
  state: "done" | "failed";
  outcomes: IngestOutcome[];
  error?: string;
  /** When it settled (PostgreSQL's text form, to the microsecond). */
  finishedAt: string;
}

export interface BatchStatus {
  id: number;
  jobs: number;
  queued: number;
  running: number;
  done: number;
  failed: number;
  fused: boolean;
  /** Jobs settled since the time asked for (all of them without one), in the order they settled. */
  settled: SettledJob[];
}

type Row = Record<string, unknown>;

function toJob(r: Row): Job {
  const job: Job = {
    id: Number(r.id),
    batch: Number(r.batch),
    seq: Number(r.seq),
    input: r.input as string,
    options: r.options as JobOptions,
    attempts: Number(r.attempts),
  };
  if (r.payload) job.payload = r.payload as Buffer;
  return job;
}

/** A job's outcomes say what became of it: failed when it stored nothing and named an error. */
export function jobState(outcomes: IngestOutcome[]): { state: "done" | "failed"; error?: string } {
  if (outcomes.some((o) => o.status !== "error")) return { state: "done" };
  const reasons = [...new Set(outcomes.map((o) => o.error ?? "unknown error"))];
  return { state: "failed", error: reasons.join("; ") || "nothing was read" };
}

export class IngestQueue {
  constructor(private readonly pool: pg.Pool) {}

  /** Stores one batch and its jobs in one transaction (a half-enqueued batch never becomes visible). */
  async enqueue(jobs: NewJob[], options: JobOptions, createdBy?: string): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const b = await client.query("INSERT INTO ingest_batches (jobs, created_by) VALUES ($1, $2) RETURNING id", [
        jobs.length,
        createdBy ?? null,
      ]);
      const batch = Number(b.rows[0].id);
      for (const [seq, job] of jobs.entries()) {
        const refused = "refused" in job ? job.refused : null;
        await client.query(
          `INSERT INTO ingest_jobs (batch, seq, input, payload, options, state, outcomes, error, finished_at)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::jsonb, $8, CASE WHEN $6 = 'failed' THEN now() END)`,
          [
            batch,
            seq,
            job.input,
            "bytes" in job ? Buffer.from(job.bytes) : null,
            JSON.stringify(options),
            refused === null ? "queued" : "failed",
            refused === null
              ? null
              : JSON.stringify([{ input: job.input, status: "error", error: refused, stage: "read" }]),
            refused,
          ],
        );
      }
      await client.query("COMMIT");
      return batch;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  /**
   * Takes the next job, oldest unfused batch first: a queued one, or one whose worker's lease ran out (it
   * stopped or lost the database). SKIP LOCKED lets any number of workers claim at once without waiting.
   */
  async claim(worker: string, leaseMs: number): Promise<Job | undefined> {
    const r = await this.pool.query(
      `UPDATE ingest_jobs SET state = 'running', attempts = attempts + 1, locked_by = $1,
         locked_until = now() + make_interval(secs => $2::double precision / 1000)
       WHERE id = (
         SELECT j.id FROM ingest_jobs j
         WHERE j.batch IN (SELECT id FROM ingest_batches WHERE fused_at IS NULL)
           AND (j.state = 'queued' OR (j.state = 'running' AND j.locked_until < now()))
         ORDER BY j.batch, j.seq LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING id, batch, seq, input, payload, options, attempts`,
      [worker, leaseMs],
    );
    return r.rowCount ? toJob(r.rows[0]) : undefined;
  }

  /** The oldest batch not yet fused: the only one whose jobs may store documents now. */
  async current(): Promise<number | undefined> {
    const r = await this.pool.query("SELECT min(id) AS id FROM ingest_batches WHERE fused_at IS NULL");
    return r.rows[0].id === null ? undefined : Number(r.rows[0].id);
  }

  /** Gives a job this worker holds back to the queue untried (a worker stopping with jobs read ahead). */
  async release(job: number, worker: string): Promise<void> {
    await this.pool.query(
      `UPDATE ingest_jobs SET state = 'queued', attempts = greatest(attempts - 1, 0), locked_by = NULL,
         locked_until = NULL
       WHERE id = $1 AND state = 'running' AND locked_by = $2`,
      [job, worker],
    );
  }

  /** Extends the lease of a job this worker still holds (a long extraction must not be taken over). */
  async extend(job: number, worker: string, leaseMs: number): Promise<void> {
    await this.pool.query(
      `UPDATE ingest_jobs SET locked_until = now() + make_interval(secs => $3::double precision / 1000)
       WHERE id = $1 AND state = 'running' AND locked_by = $2`,
      [job, worker, leaseMs],
    );
  }

  /**
   * Records what a job did. Only the worker holding it may: a worker whose lease was taken over finds its
   * result ignored (the one that took over records its own; the document is a duplicate by content hash).
   */
  async finish(job: number, worker: string, outcomes: IngestOutcome[], failure?: string): Promise<boolean> {
    const { state, error } = failure ? { state: "failed" as const, error: failure } : jobState(outcomes);
    const r = await this.pool.query(
      `UPDATE ingest_jobs SET state = $3, outcomes = $4::jsonb, error = $5, finished_at = now(), payload = NULL,
         locked_until = NULL
       WHERE id = $1 AND state = 'running' AND locked_by = $2`,
      [job, worker, state, JSON.stringify(outcomes), error ?? null],
    );
    if (r.rowCount) {
      await this.pool.query("UPDATE ingest_workers SET jobs = jobs + 1, seen_at = now() WHERE id = $1", [worker]);
    }
    return Boolean(r.rowCount);
  }

  /** Jobs whose workers stopped `maxAttempts` times while holding them are failed, with that reason. */
  async expire(maxAttempts: number): Promise<number> {
    const r = await this.pool.query(
      `UPDATE ingest_jobs SET state = 'failed', finished_at = now(), payload = NULL,
         error = 'gave up after ' || attempts || ' attempts: the worker stopped or lost the database each time (last: ' || locked_by || ')',
         outcomes = jsonb_build_array(jsonb_build_object('input', input, 'status', 'error', 'stage', 'store',
           'error', 'gave up after ' || attempts || ' attempts: the worker stopped or lost the database each time'))
       WHERE state = 'running' AND locked_until < now() AND attempts >= $1`,
      [maxAttempts],
    );
    return r.rowCount ?? 0;
  }

  /**
   * The oldest unfused batch when all its jobs are settled, with the documents its jobs stored or found
   * (ok or duplicate) that no fusion has applied yet; undefined while it still has open jobs, or none is left.
   */
  async nextToFuse(): Promise<{ batch: number; docs: string[] } | undefined> {
    const b = await this.pool.query(
      `SELECT b.id, EXISTS (SELECT 1 FROM ingest_jobs j WHERE j.batch = b.id AND j.state IN ('queued','running')) AS open
       FROM ingest_batches b WHERE b.fused_at IS NULL ORDER BY b.id LIMIT 1`,
    );
    if (!b.rowCount || b.rows[0].open) return undefined;
    const batch = Number(b.rows[0].id);
    const docs = await this.pool.query(
      `SELECT DISTINCT o->>'id' AS doc FROM ingest_jobs j, jsonb_array_elements(coalesce(j.outcomes, '[]'::jsonb)) o
       WHERE j.batch = $1 AND o->>'status' IN ('ok', 'duplicate') AND o->>'id' IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM fused_documents f WHERE f.doc = o->>'id')
       ORDER BY doc`,
      [batch],
    );
    return { batch, docs: docs.rows.map((r) => r.doc as string) };
  }

  /** Marks a batch fused and its documents applied, in one transaction. */
  async markFused(batch: number, docs: string[]): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      if (docs.length) {
        await client.query(
          `INSERT INTO fused_documents (doc, batch) SELECT unnest($1::text[]), $2 ON CONFLICT (doc) DO NOTHING`,
          [docs, batch],
        );
      }
      await client.query("UPDATE ingest_batches SET fused_at = now() WHERE id = $1", [batch]);
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  /** Whether any job is queued or running, or any batch still waits for fusion. */
  async busy(): Promise<boolean> {
    const r = await this.pool.query(`SELECT EXISTS (SELECT 1 FROM ingest_batches WHERE fused_at IS NULL) AS busy`);
    return Boolean(r.rows[0].busy);
  }

  /** A batch's counts, and its jobs settled since `since` (a `finishedAt` it returned; the same one included). */
  async status(batch: number, since?: string): Promise<BatchStatus | undefined> {
    const b = await this.pool.query("SELECT id, jobs, fused_at FROM ingest_batches WHERE id = $1", [batch]);
    if (!b.rowCount) return undefined;
    const counts = await this.pool.query(
      "SELECT state, count(*) AS n FROM ingest_jobs WHERE batch = $1 GROUP BY state",
      [batch],
    );
    const n = (state: string): number => Number(counts.rows.find((r) => r.state === state)?.n ?? 0);
    const settled = await this.pool.query(
      `SELECT id, seq, input, state, outcomes, error, finished_at::text AS finished FROM ingest_jobs
       WHERE batch = $1 AND state IN ('done', 'failed') AND ($2::timestamptz IS NULL OR finished_at >= $2::timestamptz)
       ORDER BY finished_at, seq`,
      [batch, since ?? null],
    );
    return {
      id: batch,
      jobs: Number(b.rows[0].jobs),
      queued: n("queued"),
      running: n("running"),
      done: n("done"),
      failed: n("failed"),
      fused: b.rows[0].fused_at !== null,
      settled: settled.rows.map((r) => {
        const s: SettledJob = {
          id: Number(r.id),
          seq: Number(r.seq),
          input: r.input as string,
          state: r.state as SettledJob["state"],
          outcomes: (r.outcomes as IngestOutcome[] | null) ?? [],
          finishedAt: r.finished as string,
        };
        if (r.error) s.error = r.error as string;
        return s;
      }),
    };
  }

  /** Announces a worker (for `ingest --wait` to tell whether anyone is working) and returns its id. */
  async register(id = `${hostname()}:${process.pid}:${Date.now().toString(36)}`): Promise<string> {
    await this.pool.query(
      `INSERT INTO ingest_workers (id, host, pid) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET seen_at = now()`,
      [id, hostname(), process.pid],
    );
    return id;
  }

  async seen(worker: string): Promise<void> {
    await this.pool.query("UPDATE ingest_workers SET seen_at = now() WHERE id = $1", [worker]);
  }

  async deregister(worker: string): Promise<void> {
    await this.pool.query("DELETE FROM ingest_workers WHERE id = $1", [worker]);
  }

  /** Workers seen within the last `withinMs`. */
  async liveWorkers(withinMs: number): Promise<number> {
    const r = await this.pool.query(
      "SELECT count(*) AS n FROM ingest_workers WHERE seen_at > now() - make_interval(secs => $1::double precision / 1000)",
      [withinMs],
    );
    return Number(r.rows[0].n);
  }
}
