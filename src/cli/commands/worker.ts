// `tessera worker --db postgres://…`: one ingest worker on the store's queue (run as many as there are cores,
// on any machine that reaches the database). Stops on Ctrl-C or SIGTERM after the job in hand.
import type { Command } from "commander";
import { UserError } from "../../model/result.js";
import { isPostgresUrl, type PgStore } from "../../store/index.js";
import { intOption, open, withDb } from "../options.js";
import { line } from "./ingest.js";

export function registerWorker(program: Command): void {
  withDb(program.command("worker"))
    .description("take ingest jobs from the PostgreSQL store's queue: read, extract, store, fuse")
    .option("--until-idle", "stop when no job is left and every batch is fused")
    .option("--poll-ms <n>", "wait between looks at an empty queue", (v) => intOption(v, "--poll-ms"), 500)
    .option(
      "--lease-s <n>",
      "seconds a job stays this worker's without a sign of life",
      (v) => intOption(v, "--lease-s"),
      300,
    )
    .option("--quiet", "print nothing per job")
    .action(async (o) => {
      if (!isPostgresUrl(o.db)) {
        throw new UserError(
          "tessera worker needs a PostgreSQL store (--db postgres://… or TESSERA_DB); a SQLite file has no queue",
        );
      }
      const { runWorker } = await import("../../app/worker.js");
      const store = open(o.db) as PgStore;
      const stop = new AbortController();
      const onSignal = (): void => stop.abort();
      process.once("SIGINT", onSignal);
      process.once("SIGTERM", onSignal);
      try {
        const report = await runWorker(store, {
          untilIdle: Boolean(o.untilIdle),
          pollMs: Math.max(10, o.pollMs),
          leaseMs: Math.max(1, o.leaseS) * 1000,
          signal: stop.signal,
          onJob: (job, outcomes, error) => {
            if (o.quiet) return;
            if (error) console.log(`error      ${job.input}: ${error}`);
            for (const x of outcomes) console.log(line(x));
          },
          onError: (message) => console.error(`tessera worker: ${message}`),
          onFuse: (batch, docs, mode) => {
            if (!o.quiet)
              console.log(`fused batch ${batch} (${docs.length} new document(s)${mode ? `, ${mode}` : ""})`);
          },
        });
        if (!o.quiet) console.log(`worker ${report.id}: ${report.jobs} job(s), ${report.batchesFused} batch(es) fused`);
      } finally {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
        await store.close();
      }
    });
}
