// How fused values read to an analyst: counts as intervals ("≥ 95"), dates as ISO, entities by name,
// and a contradiction's revision sequence in publication order ("103 → 95 → 84").
import type { Contradiction } from "../../src/model/records.js";

type Names = Record<string, string>;

const QUAL: Record<string, string> = {
  at_least: "≥ ",
  more_than: "> ",
  at_most: "≤ ",
  less_than: "< ",
  about: "~",
  vague: "~",
};

export function formatValue(v: unknown, names: Names = {}): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "string") return names[v] ?? v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  const o = v as Record<string, unknown>;
  if (typeof o.min === "number" && "qualifier" in o) {
    if (o.qualifier === "range" && typeof o.max === "number") return `${o.min}–${o.max}`;
    return `${QUAL[String(o.qualifier)] ?? ""}${o.value ?? o.min}`;
  }
  if (typeof o.iso === "string") return o.iso;
  if (typeof o.entity === "string") return `${names[o.entity] ?? o.entity}${o.basis ? ` (${o.basis})` : ""}`;
  return JSON.stringify(v);
}

/** Values in publication order with consecutive repeats collapsed: the story of a revised figure. */
export function revisionSequence(c: Contradiction, names: Names = {}): string[] {
  const sorted = [...c.values].sort((a, b) => (a.publishedAt ?? "").localeCompare(b.publishedAt ?? ""));
  const out: string[] = [];
  for (const v of sorted) {
    const text = formatValue(v.value, names);
    if (out[out.length - 1] !== text) out.push(text);
  }
  return out;
}

export const pct = (x: number): string => `${Math.round(x * 100)}%`;
