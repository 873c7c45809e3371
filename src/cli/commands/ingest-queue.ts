// `tessera ingest --db postgres://…`: expands the inputs here (files are read on this machine, which the
// workers may not share), enqueues them as one batch and, with --wait, follows the batch until it is fused:
// a bar on a terminal (app/progress.ts: done/total, rate, ETA, what is running), one line per settled job elsewhere.
import { auditCliIngest } from "../../app/audit.js";
import type { IngestOutcome } from "../../app/pipeline.js";
import { BatchProgress } from "../../app/progress.js";
import { inputUnits } from "../../ingest/index.js";
import { UserError } from "../../model/result.js";
import type { PgStore } from "../../store/index.js";
import { IngestQueue, type JobOptions, type NewJob } from "../../store/postgres/queue.js";
import { printJson } from "../options.js";
import { line, printOutcomes } from "./ingest.js";

export interface QueuedIngestOptions extends JobOptions {
  wait: boolean;
  json: boolean;
  strict: boolean;
  followLinks: boolean;
  /** Wait between looks at the batch (ms). */
  pollMs?: number;
  /** Who enqueued, for the batch record. */
  by?: string;
}

const NO_WORKER_MS = 15_000;

export async function queuedIngest(store: PgStore, inputs: string[], o: QueuedIngestOptions): Promise<void> {
  await store.schemaVersion();
  const queue = new IngestQueue(store.pool);
  const jobs: NewJob[] = [];
  const max = o.maxBytes ? { maxBytes: o.maxBytes } : {};
  for await (const unit of inputUnits(inputs, { followOutsideLinks: o.followLinks, ...max })) jobs.push(unit);
  if (!jobs.length) throw new UserError("nothing to ingest: the folders hold no files");
  const options: JobOptions = {};
  for (const k of ["outlet", "author", "published", "allowPrivate", "maxBytes"] as const) {
    if (o[k] !== undefined && o[k] !== false) Object.assign(options, { [k]: o[k] });
  }
  if (o.extract === false) options.extract = false;
  const batch = await queue.enqueue(jobs, options, o.by);
  const refused = jobs.filter((j) => "refused" in j).length;
  if (jobs.length > refused) {
    await auditCliIngest(store, inputs, [], {
      batch,
      after: { batch, queued: jobs.length - refused, refused, options },
    });
  }
  const log = o.json ? (s: string) => process.stderr.write(`${s}\n`) : (s: string) => console.log(s);
  if (!o.wait) {
    if (o.json) printJson({ batch, queued: jobs.length - refused, refused });
    else {
      for (const j of jobs) if ("refused" in j) log(`error      ${j.input}: ${j.refused}`);
      log(`queued ${jobs.length - refused} input(s) as batch ${batch}${refused ? `, ${refused} refused` : ""}`);
      if ((await queue.liveWorkers(NO_WORKER_MS)) === 0) log("no worker is running: start one with `tessera worker`");
    }
    if (jobs.length === refused) process.exitCode = 1;
    return;
  }
  const outcomes = await follow(queue, batch, o, log);
  printOutcomes(outcomes, o, { batch });
}

/** Follows a batch until it is fused; returns every job's outcomes in batch order. */
async function follow(queue: IngestQueue, batch: number, o: QueuedIngestOptions, log: (s: string) => void) {
  const out = o.json ? process.stderr : process.stdout;
  const tty = Boolean(out.isTTY);
  const started = performance.now();
  // on a terminal the bar; elsewhere its plain lines (a tenth of the batch at a time, fusion) between the job lines
  const progress = new BatchProgress({ out, tty });
  const bySeq = new Map<number, IngestOutcome[]>();
  // jobs settle in any order: follow them by settling time, and count each once
  let since: string | undefined;
  const seen = new Set<number>();
  let warned = false;
  const say = (s: string) => (tty ? progress.message(s) : log(s));
  for (;;) {
    const s = await queue.status(batch, since);
    if (!s) throw new Error(`batch ${batch} disappeared from the queue`);
    for (const job of s.settled) {
      since = job.finishedAt;
      if (seen.has(job.id)) continue;
      seen.add(job.id);
      bySeq.set(job.seq, job.outcomes);
      if (o.json && !tty) continue;
      for (const x of job.outcomes) {
        if (tty && x.status !== "error" && !x.warning) continue;
        say(line(x));
      }
    }
    const settled = s.done + s.failed;
    if (s.fused) break;
    const idle = s.running === 0 && performance.now() - started > NO_WORKER_MS;
    if (!warned && idle && (await queue.liveWorkers(NO_WORKER_MS)) === 0) {
      warned = true;
      say("waiting for a worker: none has been seen for 15 s (start one with `tessera worker`)");
    }
    if (tty || !o.json) {
      const fusing = settled >= s.jobs;
      progress.settle(settled, s.jobs, fusing ? "fusing" : "extracting", fusing ? "" : `${s.running} running`);
    }
    await new Promise((r) => setTimeout(r, o.pollMs ?? 250));
  }
  if (tty || !o.json) progress.end();
  // in the order the inputs were given, as `tessera ingest` on SQLite reports them
  return [...bySeq].sort((a, b) => a[0] - b[0]).flatMap(([, o]) => o);
}
