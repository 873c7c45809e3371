// GTD-Israel runner: each row's analyst summary is one document (no publication date: the summary
// itself opens with the incident date); predictions are compared field by field with the codes.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Document } from "../../src/model/records.js";
import { UserError } from "../../src/model/result.js";
import { limitItems, resolveDataFile, splitOf } from "../common/io.js";
import { type Extractor, evalDocument, loadExtractor, safeExtract } from "../common/system.js";
import type { EvalOptions, EvalReport } from "../types.js";
import { predictGtd } from "./predict.js";
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

export function gtdDocument(r: GtdRow): Document {
  // GTD summaries open with a US-style MM/DD/YYYY date (the GTD codebook's format): the source is
  // tagged en-US so numeric dates read month-first — metadata about the source, not the rows
  return evalDocument({ origin: `gtd:${r.id}`, text: r.summary, language: "en-US" });
}

export const GTD_PROTOCOL = [
  "Input: the `summary` of each row (rows without one are skipped) as one document, without publication date, language tagged `en-US` (GTD summaries print dates US-style, MM/DD/YYYY, so numeric dates read month-first unless a date with a part > 12 says otherwise).",
  "Gold: iyear/imonth/iday (compared at the precision GTD coded: day, or month when iday = 0), city ('Unknown' = not scored), attacktype1_txt, targtype1_txt, weaptype1_txt, gname, nkill, nwound (empty = not scored), suicide, claimed (-9 = not scored).",
  "Prediction (eval/common/incident.ts pools the document's factual violent events: attack, missile/air strike, clash, death, injury): attack type = first known GTD attack type of an attack event (missile/air strikes → Bombing/Explosion, the GTD convention); weapon type = first known weapon attribute mapped to the GTD class; city = the most specific event place when it is city-level, else the first city-level place mentioned (compared by the printed name or, for a geocoded city, its GeoNames name: 'Kiryat Shmona' = 'Qiryat Shemona'); date = first day-precision event date (compared at GTD's precision); nkill/nwound = largest killed/injured count, else 1 when a death/injury event exists (injury only if nobody died), else 0; GTD's nkill includes perpetrators, so a completed suicide attack adds its attacker to a printed killed count unless the text counts him already ('including the bomber'); suicide = any attack flagged suicide; gname = attacker group, else the responsibility claimant (a claim's subject text when the claimant is no gazetteer entity; names, aliases and gazetteer gtdName; matches the GTD name, its part before or inside parentheses), none = 'Unknown'; claimed = a responsibility claim or claim_of_responsibility event; target type = eval word table over target/victim participants (the extractor codes none).",
  "Accuracy per field over rows where GTD coded it; macro average = mean of the field accuracies.",
];

export async function run(opts: EvalOptions, extractor?: Extractor): Promise<EvalReport> {
  const { file, split, rows } = loadGtd(opts);
  const extract = extractor ?? (await loadExtractor());
  const failures: string[] = [];
  const preds = new Map<string, GtdPrediction>();
  for (const r of rows) {
    const doc = gtdDocument(r);
    preds.set(r.id, predictGtd(safeExtract(extract, doc, failures), doc.text));
  }
  const notes = [`data: ${file}`];
  if (failures.length) notes.push(`extractor failed on ${failures.length} rows (scored as empty): ${failures[0]}`);
  return {
    dataset: "gtd",
    split,
    documents: rows.length,
    protocol: GTD_PROTOCOL,
    tables: [scoreGtd(rows, preds)],
    notes,
  };
}
