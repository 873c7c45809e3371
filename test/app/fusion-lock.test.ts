// One fusion writer on PostgreSQL (src/app/fusion-lock.ts), against a real PostgreSQL: an analyst's change, an
// upload's fusion or `tessera refuse` waits while a worker holds the fusion lock and fails with a clear error
// when it waits too long, leaving nothing changed; a worker does not fuse while an analyst's change holds it;
// many writers in one process take turns without starving the connection pool.
import { request as httpRequest } from "node:http";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OVERRIDES } from "../../src/app/fusion.js";
import { FUSION_LOCK, FusionBusyError, withFusionLock } from "../../src/app/fusion-lock.js";
import { fuseSettled } from "../../src/app/worker.js";
import { type Running, startServer } from "../../src/server/serve.js";
import { IngestQueue } from "../../src/store/postgres/queue.js";
import { PgStore } from "../../src/store/postgres/store.js";
import { runCli } from "../cli/in-process.js";
import { type PgServer, pgUnavailable, startPg } from "../store/pg-server.js";

if (pgUnavailable) {
  describe.skip(`fusion lock — skipped: ${pgUnavailable}`, () => {
    it("needs a PostgreSQL server or binaries", () => {});
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Another process holding the fusion lock (as a worker does while it fuses) until `release` is called. */
async function holdLock(url: string): Promise<{ release: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SELECT pg_advisory_lock($1)", [FUSION_LOCK]);
  return {
    release: async () => {
      await client.query("SELECT pg_advisory_unlock($1)", [FUSION_LOCK]);
      await client.end();
    },
  };
}

function post(
  port: number,
  path: string,
  body: unknown,
): Promise<{ status: number; retryAfter?: string; code?: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path,
        headers: { host: `127.0.0.1:${port}`, "content-type": "application/json" },
      },
      (res) => {
        let data = "";
        res.setEncoding("utf8");
        res.on("data", (d) => {
          data += d;
        });
        res.on("end", () => {
          const ra = res.headers["retry-after"];
          const code = (JSON.parse(data) as { error?: { code: string } }).error?.code;
          resolve({
            status: res.statusCode ?? 0,
            ...(typeof ra === "string" ? { retryAfter: ra } : {}),
            ...(code ? { code } : {}),
          });
        });
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

describe.skipIf(pgUnavailable !== undefined)("one fusion writer on PostgreSQL", () => {
  let server: PgServer;
  beforeAll(async () => {
    server = await startPg();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("waits for a worker's fusion, then runs; gives up with FusionBusyError past the timeout", {
    timeout: 60_000,
  }, async () => {
    const url = await server.createDatabase();
    const store = new PgStore(url);
    try {
      await store.schemaVersion();
      const worker = await holdLock(url);
      let ran = false;
      const t0 = Date.now();
      await expect(
        withFusionLock(
          store,
          async () => {
            ran = true;
          },
          400,
        ),
      ).rejects.toBeInstanceOf(FusionBusyError);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(350);
      expect(ran).toBe(false);
      // the connection went back to the pool without the lock timeout
      expect((await store.pool.query("SHOW lock_timeout")).rows[0].lock_timeout).toBe("0");

      const order: string[] = [];
      const waiting = withFusionLock(
        store,
        async () => {
          order.push("analyst fuses");
        },
        10_000,
      );
      await sleep(300);
      order.push("worker done");
      await worker.release();
      await waiting;
      expect(order).toEqual(["worker done", "analyst fuses"]);
    } finally {
      await store.close();
    }
  });

  it("keeps a worker from fusing while an analyst's change holds the lock", { timeout: 60_000 }, async () => {
    const url = await server.createDatabase();
    const analyst = new PgStore(url);
    const worker = new PgStore(url);
    try {
      await analyst.schemaVersion();
      const queue = new IngestQueue(worker.pool);
      // a batch whose one job is already settled (refused), so it is ready to fuse at once
      const batch = await queue.enqueue([{ input: "missing.txt", refused: "no such file" }], {});
      let release!: () => void;
      const gate = new Promise<void>((r) => {
        release = r;
      });
      const editing = withFusionLock(analyst, () => gate);
      await sleep(200);
      expect(await fuseSettled(worker, queue)).toBe(0);
      expect((await queue.status(batch))?.fused).toBe(false);
      release();
      await editing;
      expect(await fuseSettled(worker, queue)).toBe(1);
      expect((await queue.status(batch))?.fused).toBe(true);
    } finally {
      await Promise.all([analyst.close(), worker.close()]);
    }
  });

  it("lets many writers of one process take turns, one at a time, beyond the pool's size", {
    timeout: 60_000,
  }, async () => {
    const url = await server.createDatabase();
    const store = new PgStore(url);
    try {
      await store.schemaVersion();
      let active = 0;
      let most = 0;
      const done: number[] = [];
      // more writers than the pool's 4 connections, each using connections of its own inside the lock
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          withFusionLock(
            store,
            async () => {
              active++;
              most = Math.max(most, active);
              await Promise.all([store.pool.query("SELECT pg_sleep(0.02)"), store.countDocuments()]);
              active--;
              done.push(i);
            },
            20_000,
          ),
        ),
      );
      expect(most).toBe(1);
      expect(done.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    } finally {
      await store.close();
    }
  });

  it("answers an override with 503 and changes nothing while fusion stays busy; refuse fails", {
    timeout: 60_000,
  }, async () => {
    const url = await server.createDatabase();
    const store = new PgStore(url);
    let running: Running | undefined;
    const saved = process.env.TESSERA_FUSION_WAIT_S;
    process.env.TESSERA_FUSION_WAIT_S = "0.5";
    const worker = await holdLock(url);
    try {
      await store.schemaVersion();
      running = await startServer(store, 0, "127.0.0.1");
      const port = Number(new URL(running.url).port);
      const merge = await post(port, "/api/overrides", { kind: "merge-incidents", incidents: ["inc-a", "inc-b"] });
      expect(merge).toMatchObject({ status: 503, code: "busy", retryAfter: "10" });
      expect(await store.listRecords(OVERRIDES)).toEqual([]);
      const cli = await runCli("refuse", "--db", url);
      expect(cli.code).not.toBe(0);
      expect(cli.err).toMatch(/another process .* has been fusing/);
      await worker.release();
      const after = await post(port, "/api/overrides", { kind: "merge-incidents", incidents: ["inc-a", "inc-b"] });
      expect(after.status).toBe(200);
      expect(await store.listRecords(OVERRIDES)).toHaveLength(1);
    } finally {
      if (saved === undefined) delete process.env.TESSERA_FUSION_WAIT_S;
      else process.env.TESSERA_FUSION_WAIT_S = saved;
      await worker.release().catch(() => {});
      await running?.close();
      await store.close();
    }
  });
});
