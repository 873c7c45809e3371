// Reader for the Gun Violence Database split files (<split>.tsv: one article per line, columns
// Article id, Article url, Article title, Full text, Json, Worker) and the gold we score: victims
// killed / injured (from `victim-was`), incident date (day) and city.
import { readFileSync } from "node:fs";
import { UserError } from "../../src/model/result.js";

export interface GvdbArticle {
  id: string;
  url: string;
  title: string;
  text: string;
  gold: GvdbGold;
}

export interface GvdbGold {
  killed: number;
  injured: number;
  /** YYYY-MM-DD, when annotated. */
  date?: string;
  city?: string;
}

interface Victim {
  "victim-was"?: string[];
}

/** killed = victims marked killed; injured = victims marked injured or hospitalized but not killed. */
export function goldFromRecord(rec: Record<string, unknown>): GvdbGold {
  const victims = (Array.isArray(rec["victim-section"]) ? rec["victim-section"] : []) as Victim[];
  let killed = 0;
  let injured = 0;
  for (const v of victims) {
    const was = new Set((v["victim-was"] ?? []).map((s) => s.toLowerCase()));
    if (was.has("killed")) killed++;
    else if (was.has("injured") || was.has("hospitalized")) injured++;
  }
  const dt = (rec["date-and-time"] ?? {}) as { date?: string; city?: { value?: string } | string };
  const city = typeof dt.city === "string" ? dt.city : dt.city?.value;
  const gold: GvdbGold = { killed, injured };
  if (dt.date && /^\d{4}-\d{2}-\d{2}$/.test(dt.date)) gold.date = dt.date;
  if (city?.trim()) gold.city = city.trim();
  return gold;
}

export function readGvdbTsv(file: string): GvdbArticle[] {
  const lines = readFileSync(file, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const header = (lines.shift() ?? "").split("\t");
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i === -1) throw new UserError(`${file}: no "${name}" column.`);
    return i;
  };
  const [ci, cu, ct, cx, cj] = ["Article id", "Article url", "Article title", "Full text", "Json"].map(col);
  return lines.map((line, n) => {
    const f = line.split("\t");
    let rec: Record<string, unknown>;
    try {
      rec = JSON.parse(f[cj!] ?? "{}") as Record<string, unknown>;
    } catch {
      throw new UserError(`${file}:${n + 2}: the Json column is not valid JSON.`);
    }
    return {
      id: f[ci!] ?? String(n),
      url: f[cu!] ?? "",
      title: f[ct!] ?? "",
      text: f[cx!] ?? "",
      gold: goldFromRecord(rec),
    };
  });
}
