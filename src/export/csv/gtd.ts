// `tessera export gtd`: one row per fused incident in Global Terrorism Database codebook columns.
// GTD marks unknown numeric fields -9; Tessera leaves unknown values blank unless the codebook
// defines a code for "unknown" (claimed, doubtterr, compclaim).
import type { ExportInput } from "../input.js";
import { ExportIndex } from "../view.js";
import { GTD } from "./codebooks.js";
import { codeIncident, type IncidentCoding, summaryOf } from "./coding.js";
import { type Cell, toCsv } from "./csv.js";

export const GTD_COLUMNS = [
  "eventid",
  "iyear",
  "imonth",
  "iday",
  "approxdate",
  "extended",
  "country_txt",
  "provstate",
  "city",
  "latitude",
  "longitude",
  "specificity",
  "attacktype1",
  "attacktype1_txt",
  "targtype1",
  "targtype1_txt",
  "target1",
  "weaptype1",
  "weaptype1_txt",
  "gname",
  "gname2",
  "nkill",
  "nwound",
  "suicide",
  "claimed",
  "claimmode",
  "claimmode_txt",
  "compclaim",
  "doubtterr",
  "summary",
  "scite1",
  "scite2",
  "scite3",
  "dbsource",
] as const;

const code = (list: string[], label: string | undefined): number | undefined => {
  const i = label ? list.indexOf(label) : -1;
  return i >= 0 ? i + 1 : undefined;
};

function cite(s: IncidentCoding["sources"][number] | undefined): string | undefined {
  if (!s) return undefined;
  return [s.outlet, s.title ? `"${s.title}"` : undefined, s.date, s.url].filter(Boolean).join(", ");
}

export function gtdRow(c: IncidentCoding, seq: number): Record<string, Cell> {
  const ymd = `${String(c.year ?? 0).padStart(4, "0")}${String(c.month ?? 0).padStart(2, "0")}${String(c.day ?? 0).padStart(2, "0")}`;
  const approx = c.datePrecision !== "day" && c.dateIso ? c.dateIso : undefined;
  return {
    eventid: `${ymd}${String(seq).padStart(4, "0")}`,
    iyear: c.year,
    imonth: c.year ? (c.month ?? 0) : undefined,
    iday: c.year ? (c.day ?? 0) : undefined,
    approxdate: approx,
    extended: c.extended ? 1 : 0,
    country_txt: c.country,
    provstate: c.admin1,
    city: c.city,
    latitude: c.lat,
    longitude: c.lon,
    specificity: GTD.specificity[c.geoPrecision] ?? 5,
    attacktype1: code(GTD.attackTypes, c.attackType),
    attacktype1_txt: c.attackType,
    targtype1: code(GTD.targetTypes, c.targetType),
    targtype1_txt: c.targetType,
    target1: c.target,
    weaptype1: code(GTD.weaponTypes, c.weaponType),
    weaptype1_txt: c.weaponType,
    gname: c.groups[0]?.gtdName ?? "Unknown",
    gname2: c.groups[1]?.gtdName,
    nkill: c.nkill,
    nwound: c.nwound,
    suicide: c.suicide ? 1 : 0,
    claimed: c.claimed ? 1 : 0,
    claimmode: code(GTD.claimModes, c.claimMode),
    claimmode_txt: c.claimMode,
    compclaim: c.claimed ? (c.competingClaims ? 1 : 0) : undefined,
    doubtterr: c.doubt ? 1 : 0,
    summary: summaryOf(c),
    scite1: cite(c.sources[0]),
    scite2: cite(c.sources[1]),
    scite3: cite(c.sources[2]),
    dbsource: "Tessera",
  };
}

/** Rows in incident date order; the eventid sequence counts incidents per date, as GTD does. */
export function gtdRows(input: ExportInput): Record<string, Cell>[] {
  const ix = new ExportIndex(input);
  const codings = input.fusion.incidents
    .map((i) => codeIncident(ix, i))
    .sort((a, b) => (a.dateIso ?? "").localeCompare(b.dateIso ?? "") || a.incident.id.localeCompare(b.incident.id));
  const perDay = new Map<string, number>();
  return codings.map((c) => {
    const key = `${c.year}-${c.month}-${c.day}`;
    const n = (perDay.get(key) ?? 0) + 1;
    perDay.set(key, n);
    return gtdRow(c, n);
  });
}

export function gtdCsv(input: ExportInput): string {
  return toCsv(GTD_COLUMNS, gtdRows(input));
}
