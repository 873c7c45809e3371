// Contradictions inside one incident, told apart as revisions (one reporting channel — the same speaker, or the
// same outlet when no speaker is known — changing its value over time) and disputes (different channels giving
// incompatible values for the same moment). Counts compare as intervals, dates as day ranges.
import { createHash } from "node:crypto";
import type { AttributeValue, Contradiction, DateValue, Incident } from "../model/records.js";
import { countInterval, formatInterval, type Interval, intervalsOverlap, relativeGap } from "./intervals.js";

export type Severity = Contradiction["severity"];

export interface ContradictionContext {
  /** Reporting channel of a value when it has no speaker: the outlet (source id) of its document. */
  outletOf(doc: string): string;
  /** Display name of a canonical entity or channel. */
  nameOf(id: string): string;
}

const COUNT_ATTRS = new Set(["killed", "injured", "arrested", "missiles", "attacks_thwarted", "hostages", "attackers"]);
const COMPARED = new Set([...COUNT_ATTRS, "date", "nature", "perpetrator"]);

interface Item {
  v: AttributeValue;
  channel: string;
  time: string; // "" when unknown
}

function asInterval(attr: string, value: unknown): Interval | undefined {
  if (COUNT_ATTRS.has(attr)) {
    const c = value as { value: number; min: number; max: number | null; qualifier: string };
    if (typeof c?.min !== "number") return undefined;
    return countInterval({ value: c.value, min: c.min, max: c.max, qualifier: c.qualifier as never });
  }
  return undefined;
}

function dayNum(iso: string): number {
  return Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;
}

/** True when two values of one attribute cannot both hold. */
export function valuesConflict(attr: string, a: unknown, b: unknown): boolean {
  const ia = asInterval(attr, a);
  const ib = asInterval(attr, b);
  if (ia && ib) return !intervalsOverlap(ia, ib);
  if (attr === "date") {
    const da = a as DateValue;
    const db = b as DateValue;
    return !(da.start <= db.end && db.start <= da.end);
  }
  if (attr === "perpetrator") {
    const pa = a as { entity: string };
    const pb = b as { entity: string };
    return pa.entity !== pb.entity;
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

function severityOf(attr: string, a: unknown, b: unknown): Severity {
  const ia = asInterval(attr, a);
  const ib = asInterval(attr, b);
  if (ia && ib) {
    const g = relativeGap(ia, ib);
    return g >= 0.15 ? "high" : g >= 0.05 ? "medium" : "low";
  }
  if (attr === "date") {
    const gap = Math.abs(dayNum((a as DateValue).start) - dayNum((b as DateValue).start));
    return gap >= 2 ? "high" : "medium";
  }
  if (attr === "nature") return "high";
  return "medium";
}

const RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 };
const LOWER: Record<Severity, Severity> = { high: "medium", medium: "low", low: "low" };
const maxSev = (a: Severity, b: Severity): Severity => (RANK[a] >= RANK[b] ? a : b);

function cid(parts: string[]): string {
  return `con-${createHash("sha1").update(parts.join("|")).digest("hex").slice(0, 12)}`;
}

function out(it: Item): Contradiction["values"][number] {
  const o: Contradiction["values"][number] = { value: it.v.value, doc: it.v.doc };
  if (it.v.publishedAt) o.publishedAt = it.v.publishedAt;
  if (it.v.speaker) o.speaker = it.v.speaker;
  return o;
}

export function channelOf(v: AttributeValue, ctx: ContradictionContext): string {
  return v.speaker ? `speaker:${v.speaker}` : `outlet:${ctx.outletOf(v.doc)}`;
}

function channelName(channel: string, ctx: ContradictionContext): string {
  const id = channel.replace(/^(speaker|outlet):/, "");
  return ctx.nameOf(id);
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
    const fmt = (it: Item): string =>
      `${formatValue(attr, it.v.value, ctx.nameOf)} (${channelName(it.channel, ctx)}${it.time ? `, ${it.time}` : ""})`;
    // Revisions: one channel, different times, incompatible values.
    const byChannel = new Map<string, Item[]>();
    for (const it of items) byChannel.set(it.channel, [...(byChannel.get(it.channel) ?? []), it]);
    for (const [channel, list] of byChannel) {
      const timed = list.filter((i) => i.time).sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
      let sev: Severity | undefined;
      for (let i = 0; i < timed.length; i++) {
        for (let j = i + 1; j < timed.length; j++) {
          const a = timed[i] as Item;
          const b = timed[j] as Item;
          if (a.time === b.time || !valuesConflict(attr, a.v.value, b.v.value)) continue;
          const s = LOWER[severityOf(attr, a.v.value, b.v.value)];
          sev = sev ? maxSev(sev, s) : s;
        }
      }
      if (!sev) continue;
      const seq: Item[] = [];
      for (const it of timed) {
        const last = seq[seq.length - 1];
        if (!last || valuesConflict(attr, last.v.value, it.v.value)) seq.push(it);
      }
      result.push({
        id: cid([incident.id, attr, "revision", channel]),
        incident: incident.id,
        attribute: attr,
        kind: "revision",
        values: seq.map(out),
        severity: attr === "nature" || attr === "perpetrator" ? "medium" : sev,
        explanation: `${attr} revised by ${channelName(channel, ctx)} over time: ${seq
          .map((i) => `${formatValue(attr, i.v.value, ctx.nameOf)} (${i.time})`)
          .join(" → ")}`,
      });
    }
    // Disputes: different channels, incompatible values; same moment (day) first, then across times.
    const sameMoment = new Map<string, { items: Set<Item>; sev: Severity; pairs: string[] }>();
    const acrossTime = { items: new Set<Item>(), sev: "low" as Severity, pairs: [] as string[] };
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const a = items[i] as Item;
        const b = items[j] as Item;
        // one channel on one day giving two values (in two documents) is a dispute too: it cannot be a revision
        const sameChannel = a.channel === b.channel;
        if (sameChannel && (a.time !== b.time || a.v.doc === b.v.doc)) continue;
        if (!valuesConflict(attr, a.v.value, b.v.value)) continue;
        const s = severityOf(attr, a.v.value, b.v.value);
        const same = a.time === b.time;
        // counts reported on different days may be stale rather than wrong: one level lower
        const bucket = same ? sameMoment.get(a.time) : acrossTime;
        const sev = same || !COUNT_ATTRS.has(attr) ? s : LOWER[s];
        const pair = `${fmt(a)} vs ${fmt(b)}`;
        if (bucket) {
          bucket.items.add(a).add(b);
          bucket.sev = maxSev(bucket.sev, sev);
          if (bucket.pairs.length < 6 && !bucket.pairs.includes(pair)) bucket.pairs.push(pair);
        } else sameMoment.set(a.time, { items: new Set([a, b]), sev, pairs: [pair] });
      }
    }
    for (const [time, b] of sameMoment) {
      result.push({
        id: cid([incident.id, attr, "dispute", time]),
        incident: incident.id,
        attribute: attr,
        kind: "dispute",
        values: [...b.items].map(out),
        severity: b.sev,
        explanation: `${attr}: different sources disagree ${time ? `on ${time}` : "(publication time unknown)"}: ${b.pairs.join("; ")}`,
      });
    }
    if (acrossTime.items.size) {
      const sorted = [...acrossTime.items].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
      result.push({
        id: cid([incident.id, attr, "dispute", "across-time"]),
        incident: incident.id,
        attribute: attr,
        kind: "dispute",
        values: sorted.map(out),
        severity: acrossTime.sev,
        explanation: `${attr}: different sources at different times disagree: ${acrossTime.pairs.join("; ")}`,
      });
    }
  }
  return result;
}
