// GTD-Israel runner: each row's analyst summary is one document (no publication date: the summary
// itself opens with the incident date); predictions are compared field by field with the codes.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gtdRow } from "../../src/export/csv/gtd.js";
import type { DocumentDraft } from "../../src/model/document.js";
import { UserError } from "../../src/model/result.js";
import { limitItems, resolveDataFile, splitOf } from "../common/io.js";
import { codeOneDocument } from "../common/product.js";
import type { EvalOptions, EvalReport } from "../types.js";
import { gtdPrediction } from "./predict.js";
import { type GtdRow, readGtd } from "./reader.js";
import { type GtdPrediction, scoreGtd } from "./score.js";

/** A folder holds one summary file per period; "dev" = the only one shipped (1971–2009). */
function pickFile(data: string, split: string): string {
  if (statSync(data).isFile()) return data;
  try {
    return resolveDataFile(data, split, ["{split}.jsonl", "gtd_israel_with_summary_{split}.jsonl"]);
  } catch (e) {
    const files = readdirSync(data)
      .filter((f) => /with_summary.*\.jsonl$/.test(f))
      .sort();
    if (split === "dev" && files.length === 1) return join(data, files[0]!);
    throw e instanceof UserError ? e : new UserError(String(e));
  }
}

export function loadGtd(opts: EvalOptions): { file: string; split: string; rows: GtdRow[] } {
  const file = pickFile(opts.data, opts.split ?? "dev");
  return { file, split: splitOf(opts.data, opts.split, file), rows: limitItems(readGtd(file), opts.limit) };
}

export function gtdDraft(r: GtdRow): DocumentDraft {
  // GTD summaries open with a US-style MM/DD/YYYY date (the GTD codebook's format): the source is
  // tagged en-US so numeric dates read month-first — metadata about the source, not the rows
  return { origin: `gtd:${r.id}`, format: "text", text: r.summary, language: "en-US" };
}

export const GTD_PROTOCOL = [
  "Input: the `summary` of each row (rows without one are skipped) as one document, without publication date, language tagged `en-US` (GTD summaries print dates US-style, MM/DD/YYYY, so numeric dates read month-first unless a date with a part > 12 says otherwise).",
  "Gold: iyear/imonth/iday (compared at the precision GTD coded: day, or month when iday = 0), city ('Unknown' = not scored), attacktype1_txt, targtype1_txt, weaptype1_txt, gname, nkill, nwound (empty = not scored), suicide, claimed (-9 = not scored).",
  "Prediction: the summary is ingested alone into a fresh store (`ingestDrafts`: extraction and fusion, as `tessera ingest` runs them); the incident holding its most salient event (see eval/common/product.ts) is coded by `codeIncident` + `gtdRow`, the `tessera export gtd` coding, and each GTD cell is read as written (a blank nkill/nwound stays blank and is wrong against any coded number; gname 'Unknown' = none).",
  "Accuracy per field over rows where GTD coded it; macro average = mean of the field accuracies.",
];

export async function run(opts: EvalOptions): Promise<EvalReport> {
  const { file, split, rows } = loadGtd(opts);
  const failures: string[] = [];
  const preds = new Map<string, GtdPrediction>();
  for (const r of rows) {
    const { run, coding } = await codeOneDocument(gtdDraft(r));
    failures.push(...run.errors);
    preds.set(r.id, gtdPrediction(coding ? gtdRow(coding, 1) : undefined));
  }
  const notes = [`data: ${file}`];
  if (failures.length) notes.push(`${failures.length} rows failed in the pipeline: ${failures[0]}`);
  const table = scoreGtd(rows, preds);
  const macro = table.rows.find((x) => x.name.startsWith("macro average (excl"))?.acc ?? 0;
  return {
    dataset: "gtd",
    split,
    documents: rows.length,
    protocol: GTD_PROTOCOL,
    tables: [table],
    notes,
    headline: {
      "macro (9 fields)": macro,
      ...Object.fromEntries(
        table.rows.filter((x) => x.acc !== undefined && !x.name.startsWith("macro")).map((x) => [x.name, x.acc!]),
      ),
    },
  };
}
