// `tessera ingest`: files, folders, URLs and feeds into the store, with a per-input result line.
import type { Command } from "commander";
import type { IngestOutcome } from "../../app/pipeline.js";
import { Progress } from "../../app/progress.js";
import { intOption, open, printJson, withDb } from "../options.js";

function line(o: IngestOutcome): string {
  const id = o.id ? o.id.slice(0, 12) : "";
  if (o.status === "error") return `error      ${o.input}: ${o.error}`;
  const what = [id, o.title ? `"${o.title}"` : "", o.outlet ? `(${o.outlet})` : ""].filter(Boolean).join(" ");
  const label = o.status === "duplicate" ? "duplicate  " : "ok         ";
  return `${label}${o.input} → ${what}${o.status === "duplicate" ? " already present" : ""}${o.warning ? ` [${o.warning}]` : ""}`;
}

export function registerIngest(program: Command): void {
  withDb(program.command("ingest"))
    .description("read files, folders, URLs or RSS/Atom feeds into the store")
    .argument("<inputs...>", "paths, folders, http(s) URLs or feeds")
    .option("--outlet <name>", "outlet (source) name for every document read")
    .option("--json", "print results as JSON")
    .option("--strict", "exit non-zero if any input fails")
    .option("--allow-private", "allow URLs on loopback/private/link-local addresses")
    .option("--follow-links", "in folders, follow symbolic links that point outside the folder")
    .option("--max-bytes <n>", "size cap per file or response", (v) => intOption(v, "--max-bytes"))
    .option("--no-extract", "store the text only; skip fact extraction")
    .action(async (inputs: string[], o) => {
      // loaded on use so `--help` and light commands start fast
      const { ingestAll } = await import("../../app/pipeline.js");
      const store = open(o.db, { create: true });
      const progress = new Progress("ingest");
      try {
        const outcomes = await ingestAll(store, inputs, {
          outlet: o.outlet,
          allowPrivate: Boolean(o.allowPrivate),
          followOutsideLinks: Boolean(o.followLinks),
          ...(o.maxBytes ? { maxBytes: o.maxBytes } : {}),
          extract: o.extract !== false,
          onOutcome: (x) => {
            progress.tick(x.input);
            if (!o.json) {
              progress.end();
              console.log(line(x));
            }
          },
        });
        progress.end();
        const count = (s: IngestOutcome["status"]): number => outcomes.filter((x) => x.status === s).length;
        const summary = { ok: count("ok"), duplicate: count("duplicate"), error: count("error") };
        if (o.json) printJson({ results: outcomes, summary });
        else console.log(`${summary.ok} ingested, ${summary.duplicate} duplicate, ${summary.error} failed`);
        const nothing = summary.ok + summary.duplicate === 0;
        if (nothing || (o.strict && summary.error > 0)) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}
