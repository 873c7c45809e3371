// The command line on a PostgreSQL store: --db takes a postgres:// URL, TESSERA_DB names it for every
// command, ingest goes through the queue to `tessera worker`, and an unreachable server is one clear error with
// a non-zero exit.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataDir } from "../../src/app/paths.js";
import { type PgServer, pgUnavailable, startPg } from "../store/pg-server.js";
import { runCli } from "./in-process.js";

describe.skipIf(pgUnavailable !== undefined)("tessera on PostgreSQL", () => {
  let server: PgServer;
  let url: string;
  beforeAll(async () => {
    server = await startPg();
    url = await server.createDatabase();
  });
  afterAll(async () => {
    delete process.env.TESSERA_DB;
    await server?.stop();
  });

  it("ingests with --db postgres://… and reads back through TESSERA_DB", async () => {
    const files = ["01-lodestar-wire-2024-01-03-kerman-blasts.txt", "04-hormuz-ledger-2024-01-06-eleven-arrests.txt"];
    // ingest enqueues on the store's queue; a worker reads, extracts and fuses, and stops once idle
    const ingest = await runCli("ingest", "--db", url, ...files.map((f) => join(dataDir("demo"), f)));
    expect(ingest.err).not.toMatch(/error|failed:/i);
    expect(ingest.code).toBe(0);
    expect(ingest.out).toMatch(/queued 2 input\(s\)/);
    const worker = await runCli("worker", "--db", url, "--until-idle", "--poll-ms", "20");
    expect(worker.code).toBe(0);
    expect(worker.out).toMatch(/2 job\(s\), 1 batch\(es\) fused/);
    process.env.TESSERA_DB = url;
    const list = await runCli("incidents", "--json");
    expect(list.code).toBe(0);
    expect(JSON.parse(list.out).items.length).toBeGreaterThan(0);
    const search = await runCli("search", "kerman");
    expect(search.code).toBe(0);
    expect(search.out).toMatch(/Kerman/);
  });

  it("refuses a worker on a SQLite file, which has no queue", async () => {
    const r = await runCli("worker", "--db", "some.db");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/needs a PostgreSQL store/);
  });

  it("reports an unreachable server as an error", async () => {
    const r = await runCli("incidents", "--db", "postgres://nobody@127.0.0.1:1/none");
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/ECONNREFUSED|connect/);
  });
});
