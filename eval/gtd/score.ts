// GTD per-field accuracy (exact match after light normalisation) and the macro average of the
// fields. Group names match when any form of the predicted group (name, aliases, gazetteer GTD
// name) equals the GTD gname, its part before the parentheses, or the part inside them.
import { accRow, emptyTally, macroAccRow, type Tally, tally } from "../common/metrics.js";
import type { EvalTable } from "../types.js";
import type { GtdGold, GtdRow } from "./reader.js";

export interface GtdPrediction {
  date?: string;
  city?: string;
  attacktype?: string;
  targtype?: string;
  weaptype?: string;
  /** Every name the predicted perpetrator goes by; empty = "Unknown". */
  gnames: string[];
  /** Blank (undefined) when the export leaves the cell blank. */
  nkill?: number;
  nwound?: number;
  suicide: boolean;
  claimed: boolean;
}

export const GTD_FIELDS = [
  "date",
  "city",
  "attacktype",
  "targtype",
  "weaptype",
  "gname",
  "nkill",
  "nwound",
  "suicide",
  "claimed",
] as const;
type Field = (typeof GTD_FIELDS)[number];

const norm = (s: string): string =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** "Hamas (Islamic Resistance Movement)" → {full, "hamas", "islamic resistance movement"}. */
export function gnameForms(g: string): Set<string> {
  const forms = new Set([norm(g)]);
  const m = /^(.*?)\s*\((.*)\)\s*$/.exec(g);
  if (m) {
    forms.add(norm(m[1]!));
    forms.add(norm(m[2]!));
  }
  return forms;
}

export function gnameMatches(pred: string[], gold: string): boolean {
  const g = gnameForms(gold);
  if (!pred.length) return norm(gold) === "unknown";
  return pred.some((p) => [...gnameForms(p)].some((f) => g.has(f)));
}

/** Date agreement at the gold's precision: a day prediction agrees with a month gold of the same month. */
export function dateMatches(pred: string | undefined, gold: string): boolean {
  return pred !== undefined && pred.slice(0, gold.length) === gold && pred.length >= gold.length;
}

function correct(field: Field, p: GtdPrediction, g: GtdGold): boolean | undefined {
  switch (field) {
    case "date":
      return g.date === undefined ? undefined : dateMatches(p.date, g.date);
    case "city":
      return g.city === undefined ? undefined : p.city !== undefined && norm(p.city) === norm(g.city);
    case "gname":
      return g.gname === undefined ? undefined : gnameMatches(p.gnames, g.gname);
    case "attacktype":
    case "targtype":
    case "weaptype": {
      const gv = g[field];
      const pv = p[field];
      return gv === undefined ? undefined : pv !== undefined && norm(pv) === norm(gv);
    }
    case "nkill":
    case "nwound":
      return g[field] === undefined ? undefined : p[field] === g[field];
    case "suicide":
    case "claimed":
      return g[field] === undefined ? undefined : p[field] === g[field];
  }
}

export function scoreGtd(rows: GtdRow[], preds: Map<string, GtdPrediction>): EvalTable {
  const t = new Map<Field, Tally>(GTD_FIELDS.map((f) => [f, emptyTally()]));
  const empty: GtdPrediction = { gnames: [], suicide: false, claimed: false };
  for (const r of rows) {
    const p = preds.get(r.id) ?? empty;
    for (const f of GTD_FIELDS) {
      const c = correct(f, p, r.gold);
      if (c !== undefined) tally(t.get(f)!, c);
    }
  }
  const rows_ = GTD_FIELDS.map((f) => accRow(f, t.get(f)!));
  // The headline macro keeps the nine fields reported since the first round (target type apart, which the coding
  // derives from a keyword table over few target mentions); the second row averages all ten.
  const predicted = rows_.filter((r) => r.name !== "targtype");
  return {
    title: "GTD per-field accuracy",
    rows: [
      ...rows_,
      macroAccRow("macro average (excl. targtype)", predicted),
      macroAccRow("macro average (all fields)", rows_),
    ],
  };
}

export function goldAsPrediction(r: GtdRow): GtdPrediction {
  const g = r.gold;
  return {
    date: g.date,
    city: g.city,
    attacktype: g.attacktype,
    targtype: g.targtype,
    weaptype: g.weaptype,
    gnames: g.gname && g.gname !== "Unknown" ? [g.gname] : [],
    ...(g.nkill !== undefined ? { nkill: g.nkill } : {}),
    ...(g.nwound !== undefined ? { nwound: g.nwound } : {}),
    suicide: g.suicide ?? false,
    claimed: g.claimed ?? false,
  };
}
