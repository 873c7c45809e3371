// Reader for GTD rows with analyst summaries (gtd_israel_with_summary_*.jsonl): the summary is the
// document, the coded columns are the gold. Empty or unknown codes (-9, -99, "") are kept as
// undefined so a field is only scored where GTD coded it.
import { readJsonLines } from "../common/io.js";

export interface GtdRow {
  id: string;
  summary: string;
  gold: GtdGold;
}

export interface GtdGold {
  /** "YYYY-MM-DD", or "YYYY-MM" / "YYYY" when GTD leaves day or month 0. */
  date?: string;
  city?: string;
  attacktype?: string;
  targtype?: string;
  weaptype?: string;
  gname?: string;
  nkill?: number;
  nwound?: number;
  suicide?: boolean;
  claimed?: boolean;
}

const str = (v: unknown): string => (v === undefined || v === null ? "" : String(v).trim());

function num(v: unknown): number | undefined {
  const s = str(v);
  if (!s) return undefined;
  const n = Number(s);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function flag(v: unknown): boolean | undefined {
  const s = str(v);
  return s === "1" ? true : s === "0" ? false : undefined;
}

export function goldOf(r: Record<string, unknown>): GtdGold {
  const y = Number(str(r.iyear));
  const m = Number(str(r.imonth));
  const d = Number(str(r.iday));
  const pad = (n: number) => String(n).padStart(2, "0");
  const g: GtdGold = {};
  if (y) g.date = m ? (d ? `${y}-${pad(m)}-${pad(d)}` : `${y}-${pad(m)}`) : String(y);
  const city = str(r.city);
  if (city && city.toLowerCase() !== "unknown") g.city = city;
  for (const [k, col] of [
    ["attacktype", "attacktype1_txt"],
    ["targtype", "targtype1_txt"],
    ["weaptype", "weaptype1_txt"],
    ["gname", "gname"],
  ] as const) {
    const v = str(r[col]);
    if (v) g[k] = v;
  }
  g.nkill = num(r.nkill);
  g.nwound = num(r.nwound);
  g.suicide = flag(r.suicide);
  g.claimed = flag(r.claimed);
  return g;
}

export function readGtd(file: string): GtdRow[] {
  return readJsonLines<Record<string, unknown>>(file)
    .filter((r) => str(r.summary))
    .map((r) => ({ id: str(r.eventid), summary: str(r.summary), gold: goldOf(r) }));
}
