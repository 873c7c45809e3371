// Date-shifted copies of extracted facts, so the scale bench extracts each distinct base text once and stores
// its copies with the facts extraction would give them: the copy's document id in every id and span, every
// calendar date moved by whole years. A copy's text is its base's text plus a trailing marker (spans keep their
// offsets) and its publication day is moved by the same years, so dates read relative to publication move with
// it. Not identical to re-extraction in one respect: a weekday ("on Tuesday") resolved against the moved
// publication day can land on another day; the scale bench prints how many sampled copies differ.
import type { DateValue, DocFacts } from "../src/model/records.js";

const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

/** One YYYY, YYYY-MM or YYYY-MM-DD moved `years` later; a day past the new month's end (29 February) is its last. */
function shiftPart(part: string, years: number): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(part);
  if (!m) return part;
  const y = Number(m[1]) + years;
  if (m[2] === undefined) return pad(y, 4);
  const mo = Number(m[2]);
  if (m[3] === undefined) return `${pad(y, 4)}-${m[2]}`;
  const oldY = Number(m[1]);
  let d = Number(m[3]);
  // a month's last day stays its last day (28 February of a leap year's copy is not a month's end)
  if (d === lastDay(oldY, mo) || d > lastDay(y, mo)) d = lastDay(y, mo);
  return `${pad(y, 4)}-${m[2]}-${pad(d)}`;
}

export function shiftDate(v: DateValue, years: number): DateValue {
  const iso = v.iso
    .split("/")
    .map((p) => shiftPart(p, years))
    .join("/");
  return { ...v, iso, start: shiftPart(v.start, years), end: shiftPart(v.end, years) };
}

const isDateValue = (v: Record<string, unknown>): boolean =>
  typeof v.iso === "string" &&
  typeof v.precision === "string" &&
  typeof v.start === "string" &&
  typeof v.end === "string";

function shiftAll(v: unknown, years: number): unknown {
  if (Array.isArray(v)) return v.map((x) => shiftAll(x, years));
  if (!v || typeof v !== "object") return v;
  const o = v as Record<string, unknown>;
  if (isDateValue(o)) return shiftDate(o as DateValue, years);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) out[k] = shiftAll(x, years);
  return out;
}

/** The facts of a copy of `facts`' document stored as document `to`, its dates moved `years` later. */
export function copyFacts(facts: DocFacts, to: string, years: number): DocFacts {
  const from = facts.doc;
  // ids are the document id, or its first 12 hex digits and a colon (mention, entity, event ids)
  const renamed = JSON.stringify(facts)
    .replaceAll(from, to)
    .replaceAll(`"${from.slice(0, 12)}:`, `"${to.slice(0, 12)}:`);
  return shiftAll(JSON.parse(renamed), years) as DocFacts;
}
