// `npm run bench -- workers [--docs N] [--prefill M] [--batches B]`: ingest throughput of `tessera worker`
// processes on a PostgreSQL queue on loopback (a throwaway server from test/store/pg-server.ts), 1 worker against
// 2, as a ratio. Each run: a fresh database, k worker processes started and registered (so TypeScript loading is
// not timed), N synthetic reports enqueued as B batches (default 1), timed until every batch is fused. Also the queue's own cost per job (claim +
// finish with no work), to show how little of a job's time the queue takes, and a control: how much faster two
// pure-CPU processes finish than one on this (shared) machine right now. `--prefill M` first stores and fuses M
// older, dated reports (an archive the batch joins; copied per run from one template database), so the fusion
// of the batch shows what it costs in a store that is not empty. Not a test: nothing here fails.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { refuse } from "../src/app/fusion.js";
import { ingestDrafts } from "../src/app/pipeline.js";
import { dateValue } from "../src/model/dates.js";
import { IngestQueue, type NewJob } from "../src/store/postgres/queue.js";
import { PgStore } from "../src/store/postgres/store.js";
import { type PgServer, startPg } from "../test/store/pg-server.js";
import { syntheticDocument } from "./corpus.js";

const root = join(import.meta.dirname, "..");
const tsx = import.meta.resolve("tsx");
const runner = join(root, "test", "cli", "run-cli.ts");

/** CPU seconds a process has used so far (Linux /proc; 0 elsewhere). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ ticks (100 on Linux)
  } catch {
    return 0;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function jobs(n: number): NewJob[] {
  const enc = new TextEncoder();
  return Array.from({ length: n }, (_, i) => ({
    input: `report-${i}.txt`,
    bytes: enc.encode(syntheticDocument(i, 3000)),
  }));
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Seconds from enqueue to the last job settled, and to the batch fused, with `k` worker processes. */
async function run(
  url: string,
  k: number,
  docs: number,
  batches: number,
): Promise<{ extract: number; total: number; cpu: number; db: number }> {
  const store = new PgStore(url);
  await store.schemaVersion();
  const queue = new IngestQueue(store.pool);
  const children: ChildProcess[] = [];
  try {
    for (let i = 0; i < k; i++) {
      children.push(
        spawn(process.execPath, ["--import", tsx, runner, "worker", "--db", url, "--quiet", "--poll-ms", "20"], {
          stdio: ["ignore", "ignore", "inherit"],
        }),
      );
    }
    await until(`${k} worker(s) to start`, async () => (await queue.liveWorkers(60_000)) >= k, 120_000);
    const cpu0 = children.reduce((a, c) => a + cpuSeconds(c.pid), 0);
    const before = await store.pool.query("SELECT pid FROM pg_stat_activity WHERE backend_type = 'client backend'");
    const db0 = before.rows.reduce((a, r) => a + cpuSeconds(Number(r.pid)), 0);
    const started = performance.now();
    // `batches` batches enqueued at once, as that many `tessera ingest` commands in a row would
    const all = jobs(docs);
    const ids: number[] = [];
    const per = Math.ceil(docs / batches);
    for (let b = 0; b < batches; b++) ids.push(await queue.enqueue(all.slice(b * per, (b + 1) * per), {}));
    let extracted: number | undefined;
    await until(
      "the batches",
      async () => {
        const s = await Promise.all(ids.map((id) => queue.status(id, "infinity")));
        if (s.some((x) => !x)) return false;
        if (extracted === undefined && s.every((x) => x!.done + x!.failed === x!.jobs)) extracted = performance.now();
        return s.every((x) => x!.fused);
      },
      30 * 60_000,
    );
    const end = performance.now();
    const cpu = children.reduce((a, c) => a + cpuSeconds(c.pid), 0) - cpu0;
    // the server's side: CPU of every client backend still connected (the workers' pools and ours)
    const backends = await store.pool.query("SELECT pid FROM pg_stat_activity WHERE backend_type = 'client backend'");
    const db = backends.rows.reduce((a, r) => a + cpuSeconds(Number(r.pid)), 0) - db0;
    return { extract: ((extracted ?? end) - started) / 1000, total: (end - started) / 1000, cpu, db };
  } finally {
    for (const c of children) c.kill("SIGTERM");
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode === null ? c.once("exit", r) : r(null)))));
    await store.close();
  }
}

/** The queue alone: claim and finish empty jobs in one process; jobs per second. */
async function queueOnly(url: string, n: number): Promise<number> {
  const store = new PgStore(url);
  await store.schemaVersion();
  const queue = new IngestQueue(store.pool);
  const batch = await queue.enqueue(
    Array.from({ length: n }, (_, i) => ({ input: `empty-${i}`, bytes: new Uint8Array([0x41]) })),
    {},
  );
  const worker = await queue.register("bench");
  const t = performance.now();
  for (;;) {
    const job = await queue.claim(worker, 60_000);
    if (!job) break;
    await queue.finish(job.id, worker, [{ input: job.input, status: "ok", id: "x" }]);
  }
  const s = (performance.now() - t) / 1000;
  if ((await queue.status(batch, "infinity"))?.done !== n) throw new Error("queue bench lost jobs");
  await store.close();
  return n / s;
}

/** What this machine gives two processes right now: wall time of a pure-CPU loop alone over two at once, ×2. */
async function cpuControl(): Promise<number> {
  const spin = "let x = 0; for (let i = 0; i < 4e8; i++) x += i % 7; if (x < 0) console.log(x);";
  const once = async (k: number): Promise<number> => {
    const t = performance.now();
    await Promise.all(
      Array.from(
        { length: k },
        () => new Promise((r) => spawn(process.execPath, ["-e", spin], { stdio: "ignore" }).once("exit", r)),
      ),
    );
    return performance.now() - t;
  };
  const alone = await once(1);
  return (2 * alone) / (await once(2));
}

/** A database holding `n` dated reports of 2014, fused: the archive each run's batch (undated, so later) joins. */
async function archive(server: PgServer, n: number): Promise<string> {
  const url = await server.createDatabase();
  const store = new PgStore(url);
  try {
    const drafts = Array.from({ length: n }, (_, i) => ({
      origin: `archive-${i}`,
      text: syntheticDocument(100_000 + i, 3000),
      format: "text" as const,
      language: "en",
      publishedAt: dateValue(2014, 1 + (i % 12), 1 + (i % 28)),
    }));
    await ingestDrafts(store, drafts, { fuse: false });
    await refuse(store);
  } finally {
    await store.close();
  }
  return url;
}

/** Runs `sql` on a connection to `url` (CREATE / DROP DATABASE cannot run on the database they name). */
async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database, or a copy of `template` (which nobody may be connected to), named in `copies`. */
async function database(server: PgServer, template: string | undefined, k: number, copies: string[]): Promise<string> {
  const fresh = await server.createDatabase();
  if (!template) return fresh;
  const name = `${new URL(template).pathname.slice(1)}_run${k}`;
  await admin(fresh, `CREATE DATABASE ${name} TEMPLATE ${new URL(template).pathname.slice(1)}`);
  copies.push(name);
  const u = new URL(fresh);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function benchWorkers(docs: number, prefill = 0, batches = 1): Promise<Record<string, number | string>> {
  const server = await startPg();
  const copies: string[] = [];
  try {
    const template = prefill > 0 ? await archive(server, prefill) : undefined;
    // the control before and after the runs: the machine's share for two processes moves with other work
    const controlBefore = await cpuControl();
    const one = await run(await database(server, template, 1, copies), 1, docs, batches);
    const two = await run(await database(server, template, 2, copies), 2, docs, batches);
    const queueJobsPerS = await queueOnly(await server.createDatabase(), 1000);
    const controlAfter = await cpuControl();
    const control = (controlBefore + controlAfter) / 2;
    return {
      documents: docs,
      batches,
      "archive documents": prefill,
      "1 worker extract s": one.extract,
      "1 worker total s": one.total,
      "2 workers extract s": two.extract,
      "2 workers total s": two.total,
      // from the last job settled to the batch fused: the one writer's share, which more workers do not shorten
      "1 worker fuse s": one.total - one.extract,
      "2 workers fuse s": two.total - two.extract,
      "1 worker docs/s": docs / one.total,
      "2 workers docs/s": docs / two.total,
      "ratio 2/1 (total)": one.total / two.total,
      "ratio 2/1 (extract)": one.extract / two.extract,
      // CPU the workers got per second of the run, in cores: well under the worker count means the
      // machine was busy with other work, not that the workers waited on the queue
      "1 worker cores used": one.cpu / one.total,
      "2 workers cores used": two.cpu / two.total,
      "worker CPU s/doc (1)": one.cpu / docs,
      "worker CPU s/doc (2)": two.cpu / docs,
      "PostgreSQL CPU s/doc (1)": one.db / docs,
      "PostgreSQL CPU s/doc (2)": two.db / docs,
      "queue only jobs/s": queueJobsPerS,
      "queue ms/job": 1000 / queueJobsPerS,
      // the best ratio two CPU-bound processes could reach on this machine at the time of the run (mean of
      // one measure before the worker runs and one after), and the workers' ratio as a share of it
      "control: 2 spinners ratio": control,
      "control before / after": `${controlBefore.toFixed(2)} / ${controlAfter.toFixed(2)}`,
      "ratio 2/1 ÷ control": one.total / two.total / control,
    };
  } finally {
    // the server drops the databases it made; the copies are ours (a TESSERA_TEST_PG server outlives the run)
    if (copies.length) {
      const url = await server.createDatabase();
      for (const name of copies) await admin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    }
    await server.stop();
  }
}
