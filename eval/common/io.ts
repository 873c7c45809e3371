// File plumbing shared by the dataset runners: `--data` may name a dataset folder (the split picks
// the file) or any single file of the same format, so held-out splits run through the same code.
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { UserError } from "../../src/model/result.js";

/**
 * Resolve `data` to one file. For a folder, the first candidate path (relative to the folder,
 * with `{split}` substituted) that exists wins.
 */
export function resolveDataFile(data: string, split: string, candidates: string[]): string {
  if (!existsSync(data)) throw new UserError(`No such file or folder: ${data}`);
  if (statSync(data).isFile()) return data;
  for (const c of candidates) {
    const p = join(data, c.replaceAll("{split}", split));
    if (existsSync(p) && statSync(p).isFile()) return p;
  }
  const tried = candidates.map((c) => c.replaceAll("{split}", split)).join(", ");
  throw new UserError(`No ${split} file in ${data} (looked for ${tried}).`);
}

/** Parse JSON Lines, skipping blank lines; a bad line is reported with its number. */
export function readJsonLines<T = unknown>(file: string): T[] {
  const out: T[] = [];
  const lines = readFileSync(file, "utf8").split("\n");
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    try {
      out.push(JSON.parse(line) as T);
    } catch {
      throw new UserError(`${file}:${i + 1} is not valid JSON.`);
    }
  });
  return out;
}

/** Apply `--limit` (non-positive or undefined means all). */
export function limitItems<T>(items: T[], limit?: number): T[] {
  return limit && limit > 0 ? items.slice(0, limit) : items;
}

/**
 * The split a run is scoring: the requested one for a folder; for a single file its base name
 * ("test.jsonl" → "test"), so side files (coreference, keys) and the report follow the file.
 */
export function splitOf(data: string, split: string | undefined, file: string): string {
  if (existsSync(data) && statSync(data).isFile()) return basename(file).replace(/\.[^.]+$/, "");
  return split ?? "dev";
}
