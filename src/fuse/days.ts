// Day arithmetic on ISO dates, for date windows and day buckets.
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a "YYYY-MM-DD" (or longer ISO) string; NaN when unusable. */
export function dayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return Number.NaN;
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY);
}

const ISO_CACHE = new Map<number, string>();

/** ISO day of a day number; memoised because explanations and month buckets ask for the same few days often. */
export function isoDay(day: number): string {
  let s = ISO_CACHE.get(day);
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (ISO_CACHE.size > 100_000) ISO_CACHE.clear();
    ISO_CACHE.set(day, s);
  }
  return s;
}

export function monthKey(day: number): string {
  return isoDay(day).slice(0, 7);
}
