// `tessera demo`: ingest the bundled demo corpus into an embedded SQLite file and serve it.
import { existsSync, readFileSync, rmSync } from "node:fs";
import type { Command } from "commander";
import { demoFiles } from "../../app/demo.js";
import { OUTLET_SCALES, scaleLabel } from "../../app/outlet-scale.js";
import { dataDir } from "../../app/paths.js";
import { slug } from "../../model/document.js";
import { Reliability } from "../../model/records.js";
import { open, portOption } from "../options.js";
import { waitForSignal } from "./serve.js";

interface SourceGrade {
  name: string;
  reliability: string;
  notes?: string;
  scale?: string;
}

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("ingest the demo corpus into a SQLite file and serve the workbench")
    .option("--db <file>", "SQLite database file", "tessera-demo.db")
    .option("--port <n>", "port (1-65535; 0 for any free port)", portOption, 7357)
    .option("--host <addr>", "address to listen on", "127.0.0.1")
    .option("--fresh", "delete the database first")
    .option("--no-serve", "ingest only, then exit")
    .action(async (o) => {
      if (o.fresh) for (const suffix of ["", "-wal", "-shm"]) rmSync(`${o.db}${suffix}`, { force: true });
      const [{ ingestAll }, { refuse }, { startServer }] = await Promise.all([
        import("../../app/pipeline.js"),
        import("../../app/fusion.js"),
        import("../../server/serve.js"),
      ]);
      const store = open(o.db, { create: true });
      try {
        const grades = dataDir("demo", "sources.json");
        if (existsSync(grades)) {
          for (const g of JSON.parse(readFileSync(grades, "utf8")) as SourceGrade[]) {
            const r = Reliability.safeParse(g.reliability);
            await store.upsertSource(g.name, r.success ? r.data : "F", g.notes);
            if (g.scale)
              await store.putRecord(OUTLET_SCALES, slug(g.name), { outlet: g.name, scale: scaleLabel(g.scale) });
          }
        }
        const outcomes = await ingestAll(store, demoFiles(), { fuse: false });
        const ok = outcomes.filter((x) => x.status === "ok").length;
        const dup = outcomes.filter((x) => x.status === "duplicate").length;
        for (const x of outcomes.filter((x) => x.status === "error")) console.error(`skipped ${x.input}: ${x.error}`);
        const fusion = await refuse(store);
        console.log(
          `Demo corpus: ${ok} new, ${dup} already present; ${fusion.incidents.length} incidents, ${fusion.contradictions.length} contradictions.`,
        );
        if (o.serve === false) return;
        const running = await startServer(store, o.port, o.host);
        console.log(`Tessera workbench: ${running.url} (database ${o.db}; Ctrl+C to stop)`);
        await waitForSignal();
        await running.close();
      } finally {
        await store.close();
      }
    });
}
