// One incident coded into the neutral fields both event datasets need (date, place, attack/target/weapon,
// perpetrator, casualties, claim, doubt, sources). Casualties carry both the best-supported current figure (GTD)
// and the lowest credible one (ACLED); a dispute is written out in words for the notes/summary column.
import { resolveArmedGroup } from "../../extract/entities/groups.js";
import type { Event, Incident } from "../../model/records.js";
import { countryAlpha3, countryName } from "../countries.js";
import {
  attributePhrases,
  attributeTexts,
  type CountSummary,
  cityOf,
  countSummary,
  type ExportIndex,
  eventTypes,
  incidentDate,
  isSuicide,
  perpetrators,
  placeOf,
} from "../view.js";
import { ACLED, acledEventTypeOf, GTD, gtdGroupName, matchKeyword } from "./codebooks.js";
import { ontologyAcled, ontologyGtdAttack } from "./ontology.js";

export interface IncidentCoding {
  incident: Incident;
  /** Start and end day of the coded date (the incident's, or the one its sources report most often). */
  dateStart?: string;
  dateEnd?: string;
  year?: number;
  month?: number;
  day?: number;
  dateIso?: string;
  datePrecision: string;
  extended: boolean;
  country?: string;
  countryIso3?: string;
  admin1?: string;
  city?: string;
  lat?: number;
  lon?: number;
  geoPrecision: string; // city, facility, admin1, country, region or none
  attackType: string;
  targetType: string;
  target?: string;
  weaponType: string;
  groups: { name: string; gtdName: string; kind: string; basis: string }[];
  killed: CountSummary;
  injured: CountSummary;
  /**
   * GTD's nkill / nwound: the best-supported current figure; 0 when no report gives a figure and none reports a
   * death (resp. injury); blank (undefined) when one does without a usable figure (GTD codebook: fatalities in
   * evidence but no figure → blank).
   */
  nkill?: number;
  nwound?: number;
  suicide: boolean;
  claimed: boolean;
  claimMode?: string;
  competingClaims: boolean;
  doubt: boolean;
  /**
   * The product's relevance judgement of the incident: "actual" when one member event is an attack that happened,
   * else what its events were told as (a threat, a plan, history, a clash of armed forces …); absent when unjudged.
   */
  relevance?: string;
  subEvent: string;
  eventType: string;
  disorderType: string;
  sources: { outlet: string; title?: string; date?: string; url?: string; doc: string }[];
  disputes: string[];
  latestDay?: string;
}

/** "actual" when a member event is; else the judgement most of its values give (the first on a tie). */
export function incidentRelevance(incident: Incident): string | undefined {
  const values = (incident.attributes.relevance ?? []).map((v) => String(v.value));
  if (!values.length) return undefined;
  if (values.includes("actual")) return "actual";
  const n = new Map<string, number>();
  for (const v of values) n.set(v, (n.get(v) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0]![0];
}

function describeCount(ix: ExportIndex, s: CountSummary, what: string): string | undefined {
  if (!s.disputed) return undefined;
  const parts = s.values.map((v) => {
    const n = v.high === v.low ? `${v.low}` : v.high === null ? `at least ${v.low}` : `${v.low}-${v.high}`;
    return `${n} (${ix.outletOf(v.doc)}${v.publishedAt ? `, ${v.publishedAt}` : ""})`;
  });
  const uniq = [...new Set(parts)];
  const current = s.current === undefined ? "none" : `${s.current}`;
  return `Reported ${what} differ: ${uniq.join("; ")}; current figure ${current}, lowest credible ${s.lowest ?? "none"}.`;
}

function attackTypeOf(events: Event[], types: string[]): string {
  for (const e of events) {
    const fromOntology = ontologyGtdAttack(e.type, e.subtype);
    if (fromOntology && fromOntology !== "Unknown") return fromOntology;
    if (e.subtype && e.subtype !== "Unknown" && GTD.attackTypes.includes(e.subtype)) return e.subtype;
  }
  for (const t of types) {
    const a = GTD.attackTypeByEvent[t];
    if (a && a !== "Unknown") return a;
  }
  return "Unknown";
}

const VIOLENT = new Set(["Battles", "Explosions/Remote violence", "Violence against civilians", "Riots", "Protests"]);

/** ACLED sub-event: the ontology's pair for the incident's events (violent ones first), else the codebook table. */
function subEventOf(events: Event[], types: string[], suicide: boolean): string {
  const pairs = events.map((e) => ontologyAcled(e.type, e.subtype, suicide)).filter((p) => !!p);
  const pick =
    pairs.find((p) => p!.sub_event_type === "Suicide bomb") ??
    pairs.find((p) => VIOLENT.has(p!.event_type)) ??
    pairs[0];
  if (suicide && (!pick || pick.event_type === "Explosions/Remote violence")) return "Suicide bomb";
  if (pick) return pick.sub_event_type;
  for (const t of types) {
    const s = ACLED.subEventByEvent[t];
    if (s) return s;
  }
  return "Other";
}

/** The GTD total of one casualty class (see IncidentCoding.nkill). */
function codedTotal(s: CountSummary, events: Event[], reports: RegExp): number | undefined {
  if (s.current !== undefined) return s.current;
  if (s.values.length || events.some((e) => reports.test(e.type))) return undefined;
  return 0;
}

/** GTD target types of state security forces: an armed group fighting them is in a battle, ACLED's codebook says. */
const SECURITY_FORCES = new Set(["Police", "Military"]);

/**
 * ACLED's distinction by actor and target: direct violence (an armed assault, a clash) by a non-state or unidentified
 * armed group against police or military is a Battle (armed clash), not violence against civilians; explosive and
 * remote weapons stay Explosions/Remote violence whoever they hit; abductions stay abductions.
 */
export function acledSubEvent(subEvent: string, targetType: string, attackerKind: string | undefined): string {
  const direct = subEvent === "Attack";
  if (direct && SECURITY_FORCES.has(targetType) && attackerKind !== "state") return "Armed clash";
  return subEvent;
}

export function codeIncident(ix: ExportIndex, incident: Incident): IncidentCoding {
  const date = incidentDate(incident);
  const [y, m, d] = (date?.start ?? "").split("-").map(Number);
  const precision = date?.precision ?? "unknown";
  const place = placeOf(ix, incident);
  const geo = place?.geo;
  const country = geo?.country ?? place?.country;
  const events = ix.eventsOf(incident);
  const types = eventTypes(ix, incident);
  const suicide = isSuicide(ix, incident);
  const live = events.filter((e) => e.modality !== "negated" && e.modality !== "hypothetical");
  const attackType = attackTypeOf(live, types);
  const weaponText = [...attributeTexts(ix, incident, "weapon"), ...attributeTexts(ix, incident, "method")].join(" ");
  const weaponType =
    matchKeyword(GTD.weaponKeywords, weaponText)?.type ?? GTD.weaponByAttackType[attackType] ?? "Unknown";
  const targets = [...attributePhrases(ix, incident, "target"), ...attributePhrases(ix, incident, "victim")];
  const target = targets[0];
  const targetType = target ? (matchKeyword(GTD.targetKeywords, targets.join(" "))?.type ?? "Unknown") : "Unknown";
  const perps = perpetrators(ix, incident);
  const groups = perps.map((p) => {
    const e = ix.entities.get(p.entity);
    return {
      name: p.name,
      gtdName: gtdGroupName(p.name, e?.aliases ?? []),
      kind: e?.type ?? "armed_group",
      basis: p.bases[0] ?? "suspected",
    };
  });
  const claimants = perps.filter((p) => p.bases.includes("claimed"));
  // a parent claiming beside its own branch is one claim told twice, not a competing one
  const parentIds = new Set(claimants.map((p) => resolveArmedGroup(p.name)?.parent).filter(Boolean));
  const rivals = claimants.filter((p) => !parentIds.has(resolveArmedGroup(p.name)?.id));
  const claimTexts = incident.attributes.perpetrator
    ?.filter((v) => (v.value as { basis?: string })?.basis === "claimed")
    .map((v) => ix.citeOf(v))
    .filter((c) => !!c)
    .map((c) => {
      // The channel ("via Amaq", "on Telegram") is usually in the sentence around the claim, not the claim itself.
      const text = ix.docs.get(c!.doc)?.text ?? "";
      return text.slice(Math.max(0, c!.start - 200), c!.end + 200);
    });
  const claimMode = claimants.length
    ? (matchKeyword(GTD.claimModeKeywords, (claimTexts ?? []).join(" "))?.mode ?? "Unknown")
    : undefined;
  const nature = incident.attributes.nature ?? [];
  const relevance = incidentRelevance(incident);
  // GTD's codebook doubts terrorism where the act may be insurgency or warfare between armed forces rather
  // than terrorism (doubtterr = 1, alternative "Insurgency/Guerrilla Action"): an incident told only as a clash
  const doubt =
    (nature.some((v) => v.value === "attack") && nature.some((v) => v.value !== "attack")) ||
    relevance === "military clash";
  const killed = countSummary(ix, incident, "killed");
  const injured = countSummary(ix, incident, "injured");
  const nkill = codedTotal(killed, live, /^(death|execution)$/);
  const nwound = codedTotal(injured, live, /^injury$/);
  const subEvent = acledSubEvent(
    subEventOf(live, types, suicide && weaponType === "Explosives"),
    targetType,
    groups[0]?.kind,
  );
  const eventType = acledEventTypeOf(subEvent) ?? "Strategic developments";
  const disputes = [describeCount(ix, killed, "fatalities"), describeCount(ix, injured, "injured counts")].filter(
    (s): s is string => !!s,
  );
  if (doubt) disputes.push("Sources differ on whether this was an attack or an accident.");
  if (rivals.length > 1) disputes.push(`Competing claims: ${claimants.map((c) => c.name).join(", ")}.`);
  const sources = incident.documents
    .map((id) => ix.docs.get(id))
    .filter((x) => !!x)
    .map((doc) => {
      const s: IncidentCoding["sources"][number] = { outlet: doc!.outlet ?? doc!.origin, doc: doc!.id };
      if (doc!.title) s.title = doc!.title;
      const day = ix.dayOf(doc!.id);
      if (day) s.date = day;
      if (doc!.url) s.url = doc!.url;
      return s;
    })
    .sort((a, b) => (a.date ?? "").localeCompare(b.date ?? "") || a.doc.localeCompare(b.doc));
  const c: IncidentCoding = {
    incident,
    datePrecision: precision,
    extended: !!date && date.start !== date.end && precision !== "month" && precision !== "year",
    geoPrecision: geo?.precision ?? (country ? "country" : "none"),
    attackType,
    targetType,
    weaponType,
    groups,
    killed,
    injured,
    suicide,
    ...(nkill !== undefined ? { nkill } : {}),
    ...(nwound !== undefined ? { nwound } : {}),
    claimed: claimants.length > 0,
    competingClaims: rivals.length > 1,
    doubt,
    ...(relevance ? { relevance } : {}),
    subEvent,
    eventType,
    disorderType: ACLED.disorderTypes[eventType] ?? "Political violence",
    sources,
    disputes,
  };
  if (date && y) {
    c.year = y;
    if (precision !== "year") c.month = m;
    if (precision === "day" || precision === "range") c.day = d;
    c.dateIso = date.iso;
    c.dateStart = date.start;
    c.dateEnd = date.end;
  }
  const cn = countryName(country);
  if (cn) c.country = cn;
  const c3 = countryAlpha3(country);
  if (c3) c.countryIso3 = c3;
  if (geo?.admin1) c.admin1 = geo.admin1;
  // a facility is coded by the city it is in when the reports name it; else by its own name, as before
  const city = cityOf(ix, incident, place);
  if (city) c.city = city.name;
  else if (place && geo?.precision === "facility") c.city = place.name;
  if (geo) {
    c.lat = geo.lat;
    c.lon = geo.lon;
  }
  if (target) c.target = target;
  if (claimMode) c.claimMode = claimMode;
  const latest = sources
    .map((s) => s.date)
    .filter((x): x is string => !!x)
    .sort()
    .at(-1);
  if (latest) c.latestDay = latest;
  return c;
}

/** A one-line summary: "2024-01-03: Bombing/Explosion in Kerman, Iran; 84 killed, 284 injured; …". */
export function summaryOf(c: IncidentCoding): string {
  const where = [c.city, c.admin1 && c.admin1 !== c.city ? c.admin1 : undefined, c.country].filter(Boolean).join(", ");
  const title = c.incident.title.replace(/_/g, " ");
  const parts = [`${c.dateIso ?? "Date unknown"}: ${title}${where ? ` (${where})` : ""}.`];
  const tally = [
    c.killed.lowest !== undefined ? `${c.killed.lowest} killed` : undefined,
    c.injured.lowest !== undefined ? `${c.injured.lowest} injured` : undefined,
  ].filter(Boolean);
  if (tally.length) parts.push(`${tally.join(", ")}.`);
  if (c.groups.length) parts.push(`Perpetrator: ${c.groups.map((g) => `${g.name} (${g.basis})`).join("; ")}.`);
  parts.push(...c.disputes);
  return parts.join(" ");
}
