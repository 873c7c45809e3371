// `tessera ingest`: files, folders, URLs and feeds into the store. On a terminal a progress bar
// (phase, done/total, rate, ETA) with errors printed above it; otherwise one line per input.
import type { Command } from "commander";
import { auditCliIngest, cliActor } from "../../app/audit.js";
import type { IngestOutcome } from "../../app/pipeline.js";
import { BatchProgress } from "../../app/progress.js";
import { parsePublished } from "../../ingest/published.js";
import { UserError } from "../../model/result.js";
import { isPostgresUrl, type PgStore } from "../../store/index.js";
import { intOption, open, printJson, withDb } from "../options.js";

export function line(o: IngestOutcome): string {
  const id = o.id ? o.id.slice(0, 12) : "";
  if (o.status === "error") return `error      ${o.input}: ${o.error}`;
  const what = [id, o.title ? `"${o.title}"` : "", o.outlet ? `(${o.outlet})` : ""].filter(Boolean).join(" ");
  const label = o.status === "duplicate" ? "duplicate  " : "ok         ";
  return `${label}${o.input} → ${what}${o.status === "duplicate" ? " already present" : ""}${o.warning ? ` [${o.warning}]` : ""}`;
}

/** A batch's counts, and how many inputs were read but could not be stored. */
export function summaryOf(outcomes: IngestOutcome[]) {
  const count = (s: IngestOutcome["status"]): number => outcomes.filter((x) => x.status === s).length;
  const summary = { ok: count("ok"), duplicate: count("duplicate"), error: count("error") };
  return { summary, unstored: outcomes.filter((x) => x.stage === "store").length };
}

/**
 * Prints a batch's results (JSON, or one summary line) and sets the exit code: non-zero when nothing was read,
 * something read could not be stored, or, with --strict, any input failed.
 */
export function printOutcomes(
  outcomes: IngestOutcome[],
  o: { json?: boolean; strict?: boolean },
  extra: Record<string, unknown> = {},
): void {
  const { summary, unstored } = summaryOf(outcomes);
  if (o.json) printJson({ ...extra, results: outcomes, summary });
  else console.log(`${summary.ok} ingested, ${summary.duplicate} duplicate, ${summary.error} failed`);
  if (unstored) console.error(`tessera: ${unstored} input(s) were read but could not be stored; see above.`);
  if (summary.ok + summary.duplicate === 0 || unstored > 0 || (o.strict && summary.error > 0)) process.exitCode = 1;
}

export function registerIngest(program: Command): void {
  withDb(program.command("ingest"))
    .description("read files, folders, URLs or RSS/Atom feeds into the store")
    .argument("<inputs...>", "paths, folders, http(s) URLs or feeds")
    .option("--outlet <name>", "outlet (source) name for every document read")
    .option("--author <name>", "author of every document read")
    .option("--published <date>", "publication date of every document read (YYYY-MM-DD)")
    .option("--wait", "on a PostgreSQL store: follow the queued batch until the workers have fused it")
    .option("--json", "print results as JSON")
    .option("--strict", "exit non-zero if any input fails")
    .option("--allow-private", "allow URLs on loopback/private/link-local addresses")
    .option("--follow-links", "in folders, follow symbolic links that point outside the folder")
    .option("--max-bytes <n>", "size cap per file or response", (v) => intOption(v, "--max-bytes"))
    .option("--no-extract", "store the text only; skip fact extraction")
    .action(async (inputs: string[], o) => {
      if (o.published !== undefined && !parsePublished(o.published)) {
        throw new UserError(`--published must be a date such as 2024-01-03 (got ${o.published})`);
      }
      if (isPostgresUrl(o.db)) {
        // a shared store: the inputs go on its queue and `tessera worker` processes take them
        const { queuedIngest } = await import("./ingest-queue.js");
        const store = open(o.db) as PgStore;
        try {
          await queuedIngest(store, inputs, {
            wait: Boolean(o.wait),
            json: Boolean(o.json),
            strict: Boolean(o.strict),
            followLinks: Boolean(o.followLinks),
            extract: o.extract !== false,
            allowPrivate: Boolean(o.allowPrivate),
            by: cliActor().name,
            ...(o.outlet ? { outlet: o.outlet } : {}),
            ...(o.author ? { author: o.author } : {}),
            ...(o.published ? { published: o.published } : {}),
            ...(o.maxBytes ? { maxBytes: o.maxBytes } : {}),
          });
        } finally {
          await store.close();
        }
        return;
      }
      // loaded on use so `--help` and light commands start fast
      const [{ ingestAll }, { countInputs }] = await Promise.all([
        import("../../app/pipeline.js"),
        import("../../ingest/index.js"),
      ]);
      const store = open(o.db, { create: true });
      const followOutsideLinks = Boolean(o.followLinks);
      // with --json, stdout carries the JSON only; the bar (if any) goes to a terminal's stderr
      const out = o.json ? process.stderr : process.stdout;
      const tty = Boolean(out.isTTY);
      const quiet = o.json && !tty;
      const progress = new BatchProgress({
        out,
        tty,
        ...(quiet ? {} : { total: await countInputs(inputs, { followOutsideLinks }) }),
      });
      try {
        const outcomes = await ingestAll(store, inputs, {
          outlet: o.outlet,
          ...(o.author ? { author: o.author } : {}),
          ...(o.published ? { published: o.published } : {}),
          allowPrivate: Boolean(o.allowPrivate),
          followOutsideLinks,
          ...(o.maxBytes ? { maxBytes: o.maxBytes } : {}),
          extract: o.extract !== false,
          onPhase: quiet ? undefined : progress.onPhase,
          onOutcome: (x) => {
            if (o.json) return;
            // on a terminal only what needs attention scrolls; the bar shows the rest
            if (!tty || x.status === "error" || x.warning) progress.message(line(x));
          },
        });
        progress.end();
        // who added what, as uploads through the API are recorded (only when something was stored)
        const stored = outcomes.filter((x) => x.status === "ok");
        if (stored.length) await auditCliIngest(store, inputs, stored, { after: summaryOf(outcomes).summary });
        printOutcomes(outcomes, o);
      } finally {
        progress.end();
        await store.close();
      }
    });
}
