// Ingest workers on the PostgreSQL queue, against a real PostgreSQL (test/store/pg-server.ts): one worker and
// three workers give the same incidents; a broken file fails alone with its reason; a duplicated job does
// not ingest or fuse twice; a job whose worker vanished is taken over; ingest --wait follows a batch.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "../../src/app/audit.js";
import { refuse } from "../../src/app/fusion.js";
import { FUSION_LOCK } from "../../src/app/fusion-lock.js";
import { runWorker } from "../../src/app/worker.js";
import { inputUnits } from "../../src/ingest/index.js";
import { IngestQueue, type NewJob } from "../../src/store/postgres/queue.js";
import { PgStore } from "../../src/store/postgres/store.js";
import { runCli } from "../cli/in-process.js";
import { tempDir } from "../helpers.js";
import { type PgServer, pgUnavailable, startPg } from "../store/pg-server.js";
import { writeCorpus } from "./worker-corpus.js";

if (pgUnavailable) {
  describe.skip(`ingest workers — skipped: ${pgUnavailable}`, () => {
    it("needs a PostgreSQL server or binaries", () => {});
  });
}

async function units(paths: string[]): Promise<NewJob[]> {
  const out: NewJob[] = [];
  for await (const u of inputUnits(paths)) out.push(u);
  return out;
}

/** Runs `n` workers (each with its own store and connections) until the queue is empty and fused. */
async function work(url: string, n: number): Promise<{ jobs: number[]; fused: number[][]; modes: string[] }> {
  const stores = Array.from({ length: n }, () => new PgStore(url));
  const fused: number[][] = [];
  const modes: string[] = [];
  try {
    const reports = await Promise.all(
      stores.map((s, i) =>
        runWorker(s, {
          id: `test-${i}`,
          untilIdle: true,
          pollMs: 20,
          onFuse: (batch, docs, mode) => {
            fused.push([batch, docs.length]);
            modes.push(mode ?? "none");
          },
        }),
      ),
    );
    return { jobs: reports.map((r) => r.jobs), fused, modes };
  } finally {
    await Promise.all(stores.map((s) => s.close()));
  }
}

/** What the test compares between stores: incidents (ids, members, values), contradictions, entities, ids. */
async function fusionOf(url: string) {
  const store = new PgStore(url);
  try {
    const f = await store.getFusion();
    return { ...f, identity: await store.getIdentity(), documents: await store.countDocuments() };
  } finally {
    await store.close();
  }
}

describe.skipIf(pgUnavailable !== undefined)("ingest workers on PostgreSQL", () => {
  let server: PgServer;
  let tmp: ReturnType<typeof tempDir>;
  let files: string[];
  beforeAll(async () => {
    server = await startPg();
    tmp = tempDir();
    files = writeCorpus(tmp.dir);
  });
  afterAll(async () => {
    tmp?.cleanup();
    await server?.stop();
  });

  it("gives the same incidents with one worker as with three", { timeout: 180_000 }, async () => {
    const results = [];
    for (const n of [1, 3]) {
      const url = await server.createDatabase();
      const store = new PgStore(url);
      const queue = new IngestQueue(store.pool);
      await store.schemaVersion();
      // two batches, so the second fusion keeps the ids the first one gave
      await queue.enqueue(await units(files.slice(0, 4)), {});
      await queue.enqueue(await units(files.slice(4)), {});
      await store.close();
      const { jobs, fused } = await work(url, n);
      expect(jobs.reduce((a, b) => a + b, 0)).toBe(files.length);
      if (n === 3) expect(jobs.filter((j) => j > 0).length).toBeGreaterThan(1); // the work was shared
      expect(fused).toEqual([
        [1, 4],
        [2, files.length - 4],
      ]);
      results.push(await fusionOf(url));
    }
    const [one, three] = results;
    expect(one!.documents).toBe(files.length);
    expect(one!.incidents.length).toBeGreaterThanOrEqual(2);
    expect(one!.incidents.some((i) => i.events.length > 1)).toBe(true);
    expect(three!.incidents).toEqual(one!.incidents);
    expect(three!.contradictions).toEqual(one!.contradictions);
    expect(three!.entities).toEqual(one!.entities);
    expect(three!.identity).toEqual(one!.identity);
  });

  it("fuses batch after batch: a later batch's documents never reach an earlier batch's fusion", {
    timeout: 180_000,
  }, async () => {
    // the first batch holds later reports of an incident, the second its first report: were the second batch's
    // document fused with the first batch, the incident would be founded (and named) differently
    const byName = (n: string) => files.find((f) => f.endsWith(n))!;
    const first = [
      byName("03-plains-observer-market.txt"),
      byName("07-plains-observer-arrests.txt"),
      byName("02-delta-wire-checkpoint.txt"),
    ];
    const second = [byName("01-northern-gazette-market.txt"), byName("04-northern-gazette-checkpoint.txt")];
    // reference: one batch at a time, each fused before the next is enqueued
    const ref = await server.createDatabase();
    for (const batch of [first, second]) {
      const store = new PgStore(ref);
      await store.schemaVersion();
      await new IngestQueue(store.pool).enqueue(await units(batch), {});
      await store.close();
      await work(ref, 1);
    }
    // both batches queued at once, three workers
    const url = await server.createDatabase();
    const store = new PgStore(url);
    const queue = new IngestQueue(store.pool);
    await store.schemaVersion();
    await queue.enqueue(await units(first), {});
    await queue.enqueue(await units(second), {});
    await store.close();
    // the second batch's first report is older than the first batch's: that batch is fused by a rebuild
    expect((await work(url, 3)).modes).toEqual(["incremental", "rebuild"]);
    const [a, b] = [await fusionOf(ref), await fusionOf(url)];
    expect(a.documents).toBe(5);
    expect(b.incidents).toEqual(a.incidents);
    expect(b.identity).toEqual(a.identity);
  });

  it("reads the next batch ahead while a batch waits for fusion, and stores it only once that batch is fused", {
    timeout: 120_000,
  }, async () => {
    const url = await server.createDatabase();
    const store = new PgStore(url);
    const queue = new IngestQueue(store.pool);
    await store.schemaVersion();
    const first = await queue.enqueue(await units(files.slice(0, 3)), {});
    const second = await queue.enqueue(await units(files.slice(3)), {});
    // an analyst's change holding the fusion lock: the first batch cannot be fused yet
    const lock = await store.pool.connect();
    await lock.query("SELECT pg_advisory_lock($1)", [FUSION_LOCK]);
    const stop = new AbortController();
    const worker = runWorker(new PgStore(url), { id: "ahead", pollMs: 20, signal: stop.signal });
    try {
      const jobsOf = async (batch: number) =>
        (await store.pool.query("SELECT state FROM ingest_jobs WHERE batch = $1", [batch])).rows.map((r) => r.state);
      const deadline = Date.now() + 60_000;
      // the worker stores the first batch, then claims every job of the second while the first is unfused
      while (!(await jobsOf(second)).every((s) => s === "running") || (await jobsOf(first)).some((s) => s !== "done")) {
        if (Date.now() > deadline) throw new Error("the second batch was never claimed ahead");
        await new Promise((r) => setTimeout(r, 20));
      }
      await new Promise((r) => setTimeout(r, 500)); // time to read, extract and (wrongly) store them
      expect(await store.countDocuments()).toBe(3);
      expect((await queue.status(first))?.fused).toBe(false);
      await lock.query("SELECT pg_advisory_unlock($1)", [FUSION_LOCK]);
      while (!(await queue.status(second))?.fused) {
        if (Date.now() > deadline) throw new Error("the second batch was never fused");
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(await store.countDocuments()).toBe(files.length);
    } finally {
      lock.release();
      stop.abort();
      await worker;
      await store.close();
    }
  });

  it("continues from the saved engine for a batch newer than the last, as a rebuild would fuse it", {
    timeout: 180_000,
  }, async () => {
    const byName = (n: string) => files.find((f) => f.endsWith(n))!;
    // March reports, then May and June ones: each batch is published after everything fused before it
    const march = ["01-northern-gazette-market.txt", "03-plains-observer-market.txt", "07-plains-observer-arrests.txt"];
    const later = ["02-delta-wire-checkpoint.txt", "04-northern-gazette-checkpoint.txt", "05-river-courier-bus.txt"];
    const url = await server.createDatabase();
    const store = new PgStore(url);
    const queue = new IngestQueue(store.pool);
    await store.schemaVersion();
    await queue.enqueue(await units(march.map(byName)), {});
    await queue.enqueue(await units(later.map(byName)), {});
    await store.close();
    expect((await work(url, 2)).modes).toEqual(["incremental", "incremental"]);
    const fused = await fusionOf(url);
    expect(fused.documents).toBe(6);
    // the definition: a replay of every stored document in publication order gives the same incidents
    const again = new PgStore(url);
    try {
      const rebuilt = await refuse(again);
      expect(rebuilt.incidents).toEqual(fused.incidents);
      expect(rebuilt.contradictions).toEqual(fused.contradictions);
    } finally {
      await again.close();
    }
  });

  it("records a broken file as a failed job with its reason while the others finish", {
    timeout: 120_000,
  }, async () => {
    const url = await server.createDatabase();
    const broken = join(tmp.dir, "broken.pdf");
    writeFileSync(broken, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xff, 0x00, 0x13, 0x37]));
    const binary = join(tmp.dir, "blob.bin");
    writeFileSync(binary, Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 37) % 256)));
    const store = new PgStore(url);
    const queue = new IngestQueue(store.pool);
    await store.schemaVersion();
    const batch = await queue.enqueue(
      await units([files[0]!, broken, files[1]!, binary, join(tmp.dir, "nope.txt")]),
      {},
    );
    await work(url, 2);
    const s = await queue.status(batch);
    expect(s).toMatchObject({ jobs: 5, done: 2, failed: 3, queued: 0, running: 0, fused: true });
    const failed = Object.fromEntries(s!.settled.filter((j) => j.state === "failed").map((j) => [j.input, j.error]));
    expect(failed[broken]).toMatch(/pdf/i);
    expect(failed[binary]).toMatch(/binary file/);
    expect(failed[join(tmp.dir, "nope.txt")]).toMatch(/no such file/);
    expect(await store.countDocuments()).toBe(2);
    expect((await store.getFusion()).incidents.length).toBeGreaterThan(0);
    await store.close();
  });

  it("does not ingest or fuse a duplicated job twice", { timeout: 120_000 }, async () => {
    const url = await server.createDatabase();
    const store = new PgStore(url);
    const queue = new IngestQueue(store.pool);
    await store.schemaVersion();
    // the same file twice in one batch, and the whole batch again later
    const first = await queue.enqueue(await units([files[0]!, files[1]!, files[0]!]), {});
    expect((await work(url, 2)).fused).toEqual([[first, 2]]);
    const before = await fusionOf(url);
    const again = await queue.enqueue(await units([files[1]!, files[0]!]), {});
    // every document of the second batch was fused before: the batch closes without fusing
    expect((await work(url, 2)).fused).toEqual([[again, 0]]);
    const statuses = (await queue.status(first))!.settled.flatMap((j) => j.outcomes.map((o) => o.status)).sort();
    expect(statuses).toEqual(["duplicate", "ok", "ok"]);
    const second = (await queue.status(again))!.settled.flatMap((j) => j.outcomes.map((o) => o.status));
    expect(second).toEqual(["duplicate", "duplicate"]);
    expect(await store.countDocuments()).toBe(2);
    const fusedRows = await store.pool.query("SELECT count(*) AS n FROM fused_documents");
    expect(Number(fusedRows.rows[0].n)).toBe(2);
    expect(await fusionOf(url)).toEqual(before);
    await store.close();
  });

  it("takes over a job whose worker stopped, and gives up after the last attempt", { timeout: 120_000 }, async () => {
    const url = await server.createDatabase();
    const store = new PgStore(url);
    const queue = new IngestQueue(store.pool);
    await store.schemaVersion();
    const batch = await queue.enqueue(await units([files[2]!, files[3]!]), {});
    // a worker claims both jobs, then is never heard of again: its leases run out
    const a = await queue.claim("vanished", 60_000);
    const b = await queue.claim("vanished", 60_000);
    expect([a?.seq, b?.seq]).toEqual([0, 1]);
    await store.pool.query("UPDATE ingest_jobs SET locked_until = now() - interval '1 second'");
    await store.pool.query("UPDATE ingest_jobs SET attempts = 3 WHERE id = $1", [b!.id]);
    await work(url, 1);
    const s = (await queue.status(batch))!;
    const settled = s.settled.sort((x, y) => x.seq - y.seq);
    expect(settled.map((j) => [j.seq, j.state, j.outcomes[0]?.status])).toEqual([
      [0, "done", "ok"],
      [1, "failed", "error"],
    ]);
    expect(settled[1]!.error).toMatch(/gave up after 3 attempts.*vanished/);
    // the stale worker's late result is not recorded over the one that took the job over
    expect(await queue.finish(a!.id, "vanished", [])).toBe(false);
    expect((await queue.status(batch))!.settled.find((j) => j.seq === 0)?.outcomes[0]?.status).toBe("ok");
    await store.close();
  });

  it("tessera ingest --db postgres://… enqueues, and --wait follows the batch to its fusion", {
    timeout: 120_000,
  }, async () => {
    const url = await server.createDatabase();
    const queued = await runCli("ingest", "--db", url, files[0]!, files[1]!);
    expect(queued.code).toBe(0);
    expect(queued.out).toMatch(/queued 2 input\(s\) as batch 1/);
    expect(queued.out).toMatch(/no worker is running/);
    const stop = new AbortController();
    const store = new PgStore(url);
    const worker = runWorker(store, { pollMs: 20, signal: stop.signal });
    try {
      const waited = await runCli(
        "ingest",
        "--db",
        url,
        "--wait",
        "--json",
        "--author",
        "K. Osei",
        "--published",
        "2025-03-06",
        files[2]!,
        join(tmp.dir, "missing.txt"),
      );
      expect(waited.err).toBe("");
      expect(waited.code).toBe(0);
      const body = JSON.parse(waited.out);
      expect(body.batch).toBe(2);
      expect(body.summary).toEqual({ ok: 1, duplicate: 0, error: 1 });
      const incidents = await runCli("incidents", "--db", url, "--json");
      expect(JSON.parse(incidents.out).items.length).toBeGreaterThan(0);
      expect(await store.countDocuments()).toBe(3);
      // the batch's metadata reached the document through the queue
      const stored = await store.getDocument(body.results[0].id);
      expect(stored?.author).toBe("K. Osei");
      expect(stored?.publishedAt?.iso).toBe("2025-03-06");
      // each enqueue is in the audit trail, with who queued what
      const trail = await listAudit(store);
      expect(trail.map((e) => [e.action, e.subject])).toEqual([
        ["document.ingest", { kind: "ingest-batch", id: "1" }],
        ["document.ingest", { kind: "ingest-batch", id: "2" }],
      ]);
      expect(trail[0]!.summary).toMatch(/^cli:.* queued 2 inputs as batch 1$/);
    } finally {
      stop.abort();
      await worker;
      await store.close();
    }
  });
});
