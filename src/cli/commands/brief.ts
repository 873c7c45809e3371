// `tessera brief INCIDENT`: the cited briefing for one incident as Markdown, HTML or PDF.
import type { Command } from "commander";
import type { BriefFormat } from "../../export/brief/index.js";
import { UserError } from "../../model/result.js";
import { open, withDb } from "../options.js";
import { emit } from "./export.js";

const FORMATS = ["md", "html", "pdf"];

export function registerBrief(program: Command): void {
  withDb(program.command("brief"))
    .description(
      "a cited briefing for one incident: key judgments, what happened, claims, contradictions, timeline, sources",
    )
    .argument("<incident>", "incident id (see tessera export json or /api/incidents)")
    .option("--format <fmt>", "md, html or pdf", "md")
    .option("--out <file>", "write to a file instead of stdout (required for pdf on a terminal)")
    .action(async (incident: string, o) => {
      if (!FORMATS.includes(o.format)) throw new UserError(`--format must be one of ${FORMATS.join(", ")}`);
      if (o.format === "pdf" && !o.out && process.stdout.isTTY) throw new UserError("pass --out FILE to write a PDF");
      const store = open(o.db);
      try {
        const { exportBrief } = await import("../../export/run.js");
        emit(await exportBrief(store, incident, o.format as BriefFormat), o.out);
      } finally {
        await store.close();
      }
    });
}
