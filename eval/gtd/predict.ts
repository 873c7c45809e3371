// The exported GTD row of a summary's main incident, renamed to the scorer's fields. Every value comes from
// `codeIncident` + `gtdRow` — the coding `tessera export gtd` writes; a blank cell stays blank.
import type { Cell } from "../../src/export/csv/csv.js";
import type { GtdPrediction } from "./score.js";

const txt = (c: Cell): string | undefined => (typeof c === "string" && c ? c : undefined);
const num = (c: Cell): number | undefined => (typeof c === "number" ? c : undefined);

/** GTD's own date fields at the precision they carry: day, or month when iday is 0, or year. */
function dateOf(row: Record<string, Cell>): string | undefined {
  const y = num(row.iyear);
  if (!y) return undefined;
  const m = num(row.imonth) ?? 0;
  const d = num(row.iday) ?? 0;
  const pad = (n: number) => String(n).padStart(2, "0");
  if (!m) return String(y);
  return d ? `${y}-${pad(m)}-${pad(d)}` : `${y}-${pad(m)}`;
}

export function gtdPrediction(row: Record<string, Cell> | undefined): GtdPrediction {
  if (!row) return { gnames: [], suicide: false, claimed: false };
  const p: GtdPrediction = {
    gnames: [txt(row.gname)].filter((g): g is string => !!g && g !== "Unknown"),
    suicide: row.suicide === 1,
    claimed: row.claimed === 1,
  };
  const date = dateOf(row);
  if (date) p.date = date;
  const city = txt(row.city);
  if (city) p.city = city;
  const attack = txt(row.attacktype1_txt);
  if (attack) p.attacktype = attack;
  const target = txt(row.targtype1_txt);
  if (target) p.targtype = target;
  const weapon = txt(row.weaptype1_txt);
  if (weapon) p.weaptype = weapon;
  const nkill = num(row.nkill);
  if (nkill !== undefined) p.nkill = nkill;
  const nwound = num(row.nwound);
  if (nwound !== undefined) p.nwound = nwound;
  return p;
}
