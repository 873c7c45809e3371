// Counts compared as intervals: "at least 95" is [95, ∞), "84" is [84, 84], "about 100" is widened by 10 %.
// Two reports conflict only when their intervals cannot both be true.
import type { CountValue } from "../model/records.js";

export interface Interval {
  min: number;
  max: number; // Infinity when unbounded
}

/** The interval a count asserts. */
export function countInterval(c: Pick<CountValue, "min" | "max" | "qualifier" | "value">): Interval {
  let min = c.min;
  let max = c.max === null ? Number.POSITIVE_INFINITY : c.max;
  if (c.qualifier === "about" && min === max) {
    const slack = Math.max(1, Math.round(c.value * 0.1));
    min -= slack;
    max += slack;
  }
  if (c.qualifier === "vague") return { min: Math.min(min, 0), max: Number.POSITIVE_INFINITY };
  return { min, max };
}

export function intervalsOverlap(a: Interval, b: Interval): boolean {
  return a.min <= b.max && b.min <= a.max;
}

/** True when two counts cannot both be right. */
export function countsConflict(
  a: Pick<CountValue, "min" | "max" | "qualifier" | "value">,
  b: Pick<CountValue, "min" | "max" | "qualifier" | "value">,
): boolean {
  return !intervalsOverlap(countInterval(a), countInterval(b));
}

/** Relative gap between two disjoint intervals (0 when they overlap), used for severity. */
export function relativeGap(a: Interval, b: Interval): number {
  if (intervalsOverlap(a, b)) return 0;
  const lo = a.max < b.min ? a.max : b.max;
  const hi = a.max < b.min ? b.min : a.min;
  return hi === 0 ? 0 : (hi - lo) / hi;
}

export function formatInterval(i: Interval): string {
  if (i.min === i.max) return String(i.min);
  if (i.max === Number.POSITIVE_INFINITY) return `≥${i.min}`;
  return `${i.min}–${i.max}`;
}
