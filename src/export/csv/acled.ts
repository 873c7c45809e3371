// `tessera export acled`: one row per fused incident in ACLED codebook columns. Fatalities follow
// ACLED's rule: when reports disagree, the lowest credible figure is coded and the spread goes in notes.
import type { ExportInput } from "../input.js";
import { ExportIndex } from "../view.js";
import { ACLED } from "./codebooks.js";
import { codeIncident, type IncidentCoding, summaryOf } from "./coding.js";
import { type Cell, toCsv } from "./csv.js";
import { sourceScale } from "./source-scale.js";

export const ACLED_COLUMNS = [
  "event_id_cnty",
  "event_date",
  "year",
  "time_precision",
  "disorder_type",
  "event_type",
  "sub_event_type",
  "actor1",
  "inter1",
  "actor2",
  "inter2",
  "interaction",
  "country",
  "iso3",
  "admin1",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "source_scale",
  "notes",
  "fatalities",
  "timestamp",
] as const;

const CIVILIAN_TARGETS = new Set([
  "Private Citizens & Property",
  "Religious Figures/Institutions",
  "Educational Institution",
  "Business",
  "Tourists",
  "Transportation",
  "Journalists & Media",
]);
const STATE_TARGETS = new Set(["Police", "Military", "Government (General)", "Government (Diplomatic)"]);

function timePrecision(c: IncidentCoding): number {
  if (c.datePrecision === "day") return ACLED.timePrecision.day ?? 1;
  if (c.datePrecision === "range" && c.dateStart && c.dateEnd) {
    const days = (Date.parse(c.dateEnd) - Date.parse(c.dateStart)) / 86_400_000;
    return days <= 7 ? (ACLED.timePrecision.week ?? 2) : (ACLED.timePrecision.month ?? 3);
  }
  return ACLED.timePrecision.month ?? 3;
}

function actors(c: IncidentCoding): { actor1: string; inter1: number; actor2?: string; inter2?: number } {
  const where = c.country ? ` (${c.country})` : "";
  const g = c.groups[0];
  const actor1 = g ? g.name : `Unidentified Armed Group${where}`;
  const inter1 = g
    ? g.kind === "state"
      ? ACLED.actorTypeCodes.state!
      : ACLED.actorTypeCodes.armed_group!
    : ACLED.actorTypeCodes.unidentified!;
  if (CIVILIAN_TARGETS.has(c.targetType))
    return { actor1, inter1, actor2: `Civilians${where}`, inter2: ACLED.actorTypeCodes.civilians! };
  if (STATE_TARGETS.has(c.targetType)) {
    const label =
      c.targetType === "Police" ? "Police Forces" : c.targetType === "Military" ? "Military Forces" : "Government";
    return {
      actor1,
      inter1,
      actor2: `${label}${c.country ? ` of ${c.country}` : ""}`,
      inter2: ACLED.actorTypeCodes.state!,
    };
  }
  return { actor1, inter1 };
}

export function acledRow(c: IncidentCoding, seq: number, scales: Record<string, string> = {}): Record<string, Cell> {
  const a = actors(c);
  const pair = [a.inter1, a.inter2 ?? 0].sort((x, y) => x - y);
  const interaction = a.inter2 === undefined ? a.inter1 * 10 : pair[0]! * 10 + pair[1]!;
  const latest = c.latestDay ? Math.floor(Date.parse(`${c.latestDay}T00:00:00Z`) / 1000) : undefined;
  return {
    event_id_cnty: `${c.countryIso3 ?? "XXX"}${seq}`,
    event_date: c.dateStart,
    year: c.year,
    time_precision: timePrecision(c),
    disorder_type: c.disorderType,
    event_type: c.eventType,
    sub_event_type: c.subEvent,
    actor1: a.actor1,
    inter1: a.inter1,
    actor2: a.actor2,
    inter2: a.inter2,
    interaction,
    country: c.country,
    iso3: c.countryIso3,
    admin1: c.admin1,
    location: c.city ?? c.admin1 ?? c.country,
    latitude: c.lat,
    longitude: c.lon,
    geo_precision: ACLED.geoPrecision[c.geoPrecision] ?? 3,
    source: [...new Set(c.sources.map((s) => s.outlet))].join("; "),
    source_scale: sourceScale(
      c.sources.map((s) => s.outlet),
      scales,
    ),
    notes: summaryOf(c),
    fatalities: c.killed.lowest ?? 0,
    timestamp: Number.isFinite(latest) ? latest : undefined,
  };
}

/** Rows in date order; event_id_cnty numbers incidents per country in that order. */
export function acledRows(input: ExportInput): Record<string, Cell>[] {
  const ix = new ExportIndex(input);
  const codings = input.fusion.incidents
    .map((i) => codeIncident(ix, i))
    .sort((a, b) => (a.dateIso ?? "").localeCompare(b.dateIso ?? "") || a.incident.id.localeCompare(b.incident.id));
  const perCountry = new Map<string, number>();
  return codings.map((c) => {
    const key = c.countryIso3 ?? "XXX";
    const n = (perCountry.get(key) ?? 0) + 1;
    perCountry.set(key, n);
    return acledRow(c, n, input.scales);
  });
}

export function acledCsv(input: ExportInput): string {
  return toCsv(ACLED_COLUMNS, acledRows(input));
}
