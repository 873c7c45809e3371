// Contradictions inside one incident, at most one record per (attribute, kind), as an analyst reads them:
// a **revision** is a figure moving over publication time (listed once per distinct value, in time order, with
// every document that gave it); a **dispute** is sources giving incompatible values for the same moment (counts:
// the same publication day; dates, natures and perpetrators do not expire, so any time). Counts compare as
// intervals, dates as day ranges, perpetrators by entity (a branch and its parent group agree).
import { createHash } from "node:crypto";
import type { AttributeValue, Contradiction, DateValue, Incident } from "../model/records.js";
import { dayNumber } from "./days.js";
import { countInterval, formatInterval, type Interval, intervalsOverlap, relativeGap } from "./intervals.js";

export type Severity = Contradiction["severity"];

export interface ContradictionContext {
  /** Reporting channel of a value when it has no speaker: the outlet (source id) of its document. */
  outletOf(doc: string): string;
  /** Display name of a canonical entity or channel. */
  nameOf(id: string): string;
  /** True when two perpetrator entities are compatible (one a branch of the other: IS-K of IS). */
  related?(a: string, b: string): boolean;
  /** One key for perpetrator entities that name the same actor (a state and its nationality: Israel, Israeli). */
  perpetratorKey?(id: string): string;
}

export const COUNT_ATTRS = new Set([
  "killed",
  "injured",
  "arrested",
  "missiles",
  "attacks_thwarted",
  "hostages",
  "attackers",
]);
const COMPARED = new Set([...COUNT_ATTRS, "date", "nature", "perpetrator"]);

interface Item {
  v: AttributeValue;
  channel: string;
  time: string; // publication day, "" when unknown
}

/** One distinct value with every document that gave it. */
interface Group {
  key: string;
  value: unknown;
  first: Item;
  time: string; // first publication day (as-of day for a value only ever restated)
  docs: string[];
  channels: string[];
}

type ContradictionValue = Contradiction["values"][number];

function asInterval(attr: string, value: unknown): Interval | undefined {
  if (COUNT_ATTRS.has(attr)) {
    const c = value as { value: number; min: number; max: number | null; qualifier: string };
    if (typeof c?.min !== "number") return undefined;
    return countInterval({ value: c.value, min: c.min, max: c.max, qualifier: c.qualifier as never });
  }
  return undefined;
}

/** True when two values of one attribute cannot both hold. */
export function valuesConflict(
  attr: string,
  a: unknown,
  b: unknown,
  related?: ContradictionContext["related"],
): boolean {
  const ia = asInterval(attr, a);
  const ib = asInterval(attr, b);
  if (ia && ib) return !intervalsOverlap(ia, ib);
  if (attr === "date") {
    const da = a as DateValue;
    const db = b as DateValue;
    return !(da.start <= db.end && db.start <= da.end);
  }
  if (attr === "perpetrator") {
    const pa = (a as { entity: string }).entity;
    const pb = (b as { entity: string }).entity;
    return pa !== pb && !related?.(pa, pb);
  }
  return JSON.stringify(a) !== JSON.stringify(b);
}

export function formatValue(attr: string, v: unknown, nameOf: (id: string) => string = (x) => x): string {
  const i = asInterval(attr, v);
  if (i) return formatInterval(i);
  if (attr === "date") return (v as DateValue).iso;
  if (attr === "perpetrator") {
    const p = v as { entity: string; basis: string };
    return `${nameOf(p.entity)} (${p.basis})`;
  }
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** Days between two date values' starts. */
function dateGap(a: unknown, b: unknown): number {
  return Math.abs(dayNumber((a as DateValue).start) - dayNumber((b as DateValue).start));
}

function severityOf(attr: string, a: unknown, b: unknown): Severity {
  const ia = asInterval(attr, a);
  const ib = asInterval(attr, b);
  if (ia && ib) {
    const g = relativeGap(ia, ib);
    return g >= 0.15 ? "high" : g >= 0.05 ? "medium" : "low";
  }
  // one day apart is what late-night reporting and time zones produce; two or more is a real disagreement
  if (attr === "date") return dateGap(a, b) >= 2 ? "high" : "low";
  if (attr === "nature") return "high";
  return "medium";
}

const RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 };
const LOWER: Record<Severity, Severity> = { high: "medium", medium: "low", low: "low" };
const maxSev = (a: Severity | undefined, b: Severity): Severity => (a && RANK[a] >= RANK[b] ? a : b);

function cid(parts: string[]): string {
  return `con-${createHash("sha1").update(parts.join("|")).digest("hex").slice(0, 12)}`;
}

export function channelOf(v: AttributeValue, ctx: Pick<ContradictionContext, "outletOf">): string {
  return v.speaker ? `speaker:${v.speaker}` : `outlet:${ctx.outletOf(v.doc)}`;
}

function channelName(channel: string, ctx: ContradictionContext): string {
  return ctx.nameOf(channel.replace(/^(speaker|outlet):/, ""));
}

const byTime = (a: Item, b: Item): number =>
  a.time < b.time ? -1 : a.time > b.time ? 1 : a.v.doc < b.v.doc ? -1 : a.v.doc > b.v.doc ? 1 : 0;

/** The key two equal values share: counts by interval, perpetrators by entity, others by their JSON. */
function keyOf(attr: string, value: unknown, ctx?: ContradictionContext): string {
  const i = asInterval(attr, value);
  if (i) return formatInterval(i);
  if (attr === "date") return (value as DateValue).iso;
  if (attr === "perpetrator") {
    const id = (value as { entity: string }).entity;
    return ctx?.perpetratorKey?.(id) ?? id;
  }
  return JSON.stringify(value);
}

const BASIS_RANK: Record<string, number> = { claimed: 2, attributed: 1, suspected: 0 };

/** Distinct values in order of first publication; repeats join the first equal value. */
function groupItems(attr: string, items: Item[], ctx?: ContradictionContext): Group[] {
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  for (const it of [...items].sort(byTime)) {
    const key = keyOf(attr, it.v.value, ctx);
    const g = byKey.get(key);
    if (g) {
      addTo(g, it);
      // a perpetrator keeps its strongest basis (claimed > attributed > suspected)
      if (attr === "perpetrator") {
        const nb = (it.v.value as { basis: string }).basis;
        if ((BASIS_RANK[nb] ?? 0) > (BASIS_RANK[(g.value as { basis: string }).basis] ?? 0)) g.value = it.v.value;
      }
      continue;
    }
    const ng: Group = { key, value: it.v.value, first: it, time: it.time, docs: [it.v.doc], channels: [it.channel] };
    groups.push(ng);
    byKey.set(key, ng);
  }
  return groups;
}

/** A restated figure adds its document as support but not its channel: the report retells someone else's figure. */
function addTo(g: Group, it: Item): void {
  if (!g.docs.includes(it.v.doc)) g.docs.push(it.v.doc);
  if (!it.v.asOf && !g.channels.includes(it.channel)) g.channels.push(it.channel);
}

function out(g: Group, time = g.time): ContradictionValue {
  const o: ContradictionValue = { value: g.value, doc: g.first.v.doc, docs: [...g.docs] };
  if (time) o.publishedAt = time;
  if (g.first.v.speaker) o.speaker = g.first.v.speaker;
  return o;
}

function describeGroup(attr: string, g: Group, ctx: ContradictionContext, withTime: boolean): string {
  const who = g.channels.slice(0, 3).map((c) => channelName(c, ctx));
  if (g.channels.length > 3) who.push(`+${g.channels.length - 3}`);
  // a value only ever restated has no channel of its own: say so rather than name the retelling report
  if (!who.length) who.push("recalled later");
  const bits = [withTime ? g.time : "", who.join(", "), g.docs.length > 1 ? `${g.docs.length} docs` : ""];
  const said = bits.filter((x) => x).join("; ");
  return `${formatValue(attr, g.value, ctx.nameOf)}${said ? ` (${said})` : ""}`;
}

export function findContradictions(incident: Incident, ctx: ContradictionContext): Contradiction[] {
  const result: Contradiction[] = [];
  for (const [attr, values] of Object.entries(incident.attributes)) {
    if (!COMPARED.has(attr) || values.length < 2) continue;
    const items: Item[] = values.map((v) => ({
      v,
      channel: channelOf(v, ctx),
      time: v.publishedAt?.slice(0, 10) ?? "",
    }));
    const base = { incident: incident.id, attribute: attr };
    if (COUNT_ATTRS.has(attr)) {
      const current = items.filter((i) => !i.v.asOf);
      const restated = items.filter((i) => i.v.asOf);
      const rev = countRevision(attr, current, restated, ctx);
      if (rev) result.push({ id: cid([incident.id, attr, "revision"]), ...base, kind: "revision", ...rev });
      const dis = dispute(attr, current, ctx, sameDayCount, true);
      if (dis) result.push({ id: cid([incident.id, attr, "dispute"]), ...base, kind: "dispute", ...dis });
      continue;
    }
    if (attr !== "date") {
      const rev = channelRevision(attr, items, ctx);
      if (rev) result.push({ id: cid([incident.id, attr, "revision"]), ...base, kind: "revision", ...rev });
    }
    const dis = dispute(attr, items, ctx, attr === "date" ? anyDate : crossChannel);
    if (dis) result.push({ id: cid([incident.id, attr, "dispute"]), ...base, kind: "dispute", ...dis });
  }
  return result;
}

type Body = Pick<Contradiction, "values" | "severity" | "explanation">;

/**
 * A count's timeline: the distinct values in order of first publication. Each report is read as a snapshot of
 * the running figure on its publication day, so a different value on a later day — from the same channel or
 * not — moves the figure; conflicts on one day are disputes instead. A restated earlier figure joins the value
 * it agrees with (or enters at its as-of day) and never adds a step of its own after the current one.
 */
function countRevision(attr: string, current: Item[], restated: Item[], ctx: ContradictionContext): Body | undefined {
  const groups = groupItems(attr, current);
  for (const it of restated) {
    const key = keyOf(attr, it.v.value);
    const g = groups.find((x) => x.key === key) ?? groups.find((x) => !valuesConflict(attr, x.value, it.v.value));
    if (g) addTo(g, it);
    else {
      const time = it.v.asOf ?? it.time;
      groups.push({ key, value: it.v.value, first: it, time, docs: [it.v.doc], channels: [] });
    }
  }
  // a figure recalled as earlier on the recalling report's own day ("first said 40") came before that day's
  // current figures; one recalled with an earlier date just enters at that date
  const recalled = (g: Group): number => (!g.channels.length && g.first.v.asOf === g.first.time ? 0 : 1);
  groups.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : recalled(a) - recalled(b)));
  // the same printed number with another qualifier ("at least 103" then "103") is no step; a different
  // number is, even when the intervals agree ("more than 60" then 137: the toll climbed)
  const printed = (v: unknown): number | undefined => (v as { value?: number })?.value;
  const steps: Group[] = [];
  let sev: Severity | undefined;
  for (const g of groups) {
    const last = steps[steps.length - 1];
    if (last && printed(last.value) === printed(g.value)) {
      for (const d of g.docs) if (!last.docs.includes(d)) last.docs.push(d);
      for (const c of g.channels) if (!last.channels.includes(c)) last.channels.push(c);
      continue;
    }
    // a step to a later day, or on from a figure a report recalls as superseded, is a revision
    if (last && ((last.time && g.time && last.time < g.time) || !last.channels.length))
      sev = maxSev(
        sev,
        valuesConflict(attr, last.value, g.value) ? LOWER[severityOf(attr, last.value, g.value)] : "low",
      );
    steps.push(g);
  }
  if (!sev) return undefined; // no change across days: nothing was revised
  const channels = new Set(steps.flatMap((g) => g.channels));
  const one = channels.size === 1 ? [...channels][0] : undefined;
  const by = one ? ` by ${channelName(one, ctx)}` : "";
  const seq = steps
    .map((g) =>
      one
        ? `${formatValue(attr, g.value)} (${g.time}${g.channels.length ? "" : ", recalled later"})`
        : describeGroup(attr, g, ctx, true),
    )
    .join(" → ");
  return { values: steps.map((g) => out(g)), severity: sev, explanation: `${attr} revised${by} over time: ${seq}` };
}

/**
 * Natures and perpetrators: a channel changing what it says over days. All such channels share one record;
 * each channel's sequence lists its distinct values once, in time order.
 */
function channelRevision(attr: string, items: Item[], ctx: ContradictionContext): Body | undefined {
  const byChannel = new Map<string, Item[]>();
  for (const it of items) if (it.time) byChannel.set(it.channel, [...(byChannel.get(it.channel) ?? []), it]);
  const parts: string[] = [];
  const values: ContradictionValue[] = [];
  let sev: Severity | undefined;
  for (const [channel, list] of byChannel) {
    const groups = groupItems(attr, list, ctx);
    let changed = false;
    for (let i = 1; i < groups.length; i++) {
      const a = groups[i - 1] as Group;
      const b = groups[i] as Group;
      if (a.time < b.time && valuesConflict(attr, a.value, b.value, ctx.related)) changed = true;
    }
    if (!changed) continue;
    sev = maxSev(sev, "medium");
    values.push(...groups.map((g) => out(g)));
    const seq = groups.map((g) => `${formatValue(attr, g.value, ctx.nameOf)} (${g.time})`).join(" → ");
    parts.push(`by ${channelName(channel, ctx)}: ${seq}`);
  }
  if (!sev) return undefined;
  return { values, severity: sev, explanation: `${attr} revised over time ${parts.join("; ")}` };
}

/** Which pairs of values are in dispute: both are current for the same moment and from different sources. */
type Overlap = (a: Item, b: Item) => boolean;

/** Counts: the same publication day; one channel in two documents of one day counts too (it cannot be a revision). */
const sameDayCount: Overlap = (a, b) => a.time === b.time && !(a.channel === b.channel && a.v.doc === b.v.doc);
/** Dates: an incident happened on one day, so any two incompatible dates disagree, whoever gave them and when. */
const anyDate: Overlap = () => true;
/** Natures and perpetrators: different channels, at any time (claims and attributions do not expire). */
const crossChannel: Overlap = (a, b) => a.channel !== b.channel;

/**
 * One dispute record over all conflicting value pairs that `overlap` says held at the same moment. With
 * `reassert` (counts), a figure given again after a different figure appeared also disputes it: the running
 * figure went back, so the sources disagree rather than update (one level lower: it may be a stale copy).
 */
function dispute(
  attr: string,
  items: Item[],
  ctx: ContradictionContext,
  overlap: Overlap,
  reassert = false,
): Body | undefined {
  const groups = groupItems(attr, items, ctx);
  const involved = new Set<Group>();
  const days = new Set<string>();
  const notes: string[] = [];
  let sev: Severity | undefined;
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      const ga = groups[i] as Group;
      const gb = groups[j] as Group;
      if (!valuesConflict(attr, ga.value, gb.value, ctx.related)) continue;
      const members = (g: Group): Item[] => items.filter((it) => keyOf(attr, it.v.value, ctx) === g.key);
      let hit = false;
      for (const a of members(ga)) {
        for (const b of members(gb)) {
          if (!overlap(a, b)) continue;
          hit = true;
          if (COUNT_ATTRS.has(attr) && a.time) days.add(a.time);
        }
      }
      if (hit) {
        involved.add(ga).add(gb);
        sev = maxSev(sev, severityOf(attr, ga.value, gb.value));
        continue;
      }
      // groups are in order of first publication: ga came first; is it given again after gb appeared?
      const again = reassert ? members(ga).find((a) => gb.time && a.time > gb.time) : undefined;
      if (!again) continue;
      involved.add(ga).add(gb);
      sev = maxSev(sev, LOWER[severityOf(attr, ga.value, gb.value)]);
      const who = channelName(again.channel, ctx);
      notes.push(
        `${formatValue(attr, ga.value)} given again on ${again.time} (${who}) after ${formatValue(attr, gb.value)} on ${gb.time}`,
      );
    }
  }
  if (!sev) return undefined;
  const list = groups.filter((g) => involved.has(g));
  const when = days.size ? ` on ${[...days].sort().join(", ")}` : "";
  let note = notes.length ? `; ${notes.slice(0, 4).join("; ")}` : "";
  if (attr === "date" && sev === "low") note = " (one day apart: report-day or late-night dating)";
  const text = list.map((g) => describeGroup(attr, g, ctx, !days.size)).join(" vs ");
  return {
    values: list.map((g) => out(g)),
    severity: sev,
    explanation: `${attr}: sources disagree${when}: ${text}${note}`,
  };
}
