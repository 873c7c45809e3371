// Turns parsed MUC answer-key slots into comparable values: unquoted string alternatives, victim
// fillers (HUM TGT: NAME merged with the DESCRIPTION lines that point at the same person), set-fill
// values, locations as place-name paths, dates as intervals.
import { type KeyDate, parseKeyDate } from "./muc-dates.js";
import type { KeyFiller, KeyTemplate } from "./raw-keys.js";

/** A key filler reduced to its acceptable strings (all lower-case-insensitive downstream). */
export interface StringFiller {
  alternatives: string[];
  optional: boolean;
}

export function unquote(s: string): string {
  const t = s.trim();
  const inner = t.startsWith('"') && t.endsWith('"') && t.length >= 2 ? t.slice(1, -1) : t;
  return inner.replace(/\\"/g, '"');
}

/** Split `"DESC": "NAME"` (a filler with a cross-reference tag) into its parts. */
export function splitXref(alt: string): { value: string; xref?: string } {
  const m = /^(".*?"|[^":]+?)\s*:\s*(".*")$/.exec(alt.trim());
  return m ? { value: m[1]!.trim(), xref: unquote(m[2]!) } : { value: alt.trim() };
}

export function stringFillers(t: KeyTemplate, slot: number): StringFiller[] {
  return (t.slots.get(slot) ?? []).map((f) => ({
    alternatives: f.alternatives.map((a) => unquote(splitXref(a).value)).filter((a) => a && a !== "-"),
    optional: f.optional,
  }));
}

/** Human targets: names, plus descriptions that become alternatives of the name they refer to. */
export function victimFillers(t: KeyTemplate): StringFiller[] {
  const names = stringFillers(t, 18);
  const out = names.map((n) => ({ ...n, alternatives: [...n.alternatives] }));
  for (const f of t.slots.get(19) ?? []) {
    const parts = f.alternatives.map(splitXref);
    const xref = parts.find((p) => p.xref)?.xref;
    const alts = parts.map((p) => unquote(p.value)).filter(Boolean);
    // A description points at a name through its cross-reference, or simply repeats the name.
    const refs = xref ? [xref.toUpperCase()] : alts.map((a) => a.toUpperCase());
    const target = out.slice(0, names.length).find((n) => n.alternatives.some((a) => refs.includes(a.toUpperCase())));
    if (target) target.alternatives.push(...alts.filter((a) => !target.alternatives.includes(a)));
    else out.push({ alternatives: alts, optional: f.optional });
  }
  return out;
}

/** Set-fill values of a slot, one entry per filler line, its alternative values (cross-refs dropped). */
export function setFillers(t: KeyTemplate, slot: number): StringFiller[] {
  return (t.slots.get(slot) ?? []).map((f: KeyFiller) => ({
    alternatives: f.alternatives
      .filter((a) => !a.startsWith('"'))
      .map((a) => splitXref(a).value.toUpperCase())
      .filter(Boolean),
    optional: f.optional,
  }));
}

export function keyDates(t: KeyTemplate): { dates: KeyDate[]; optional: boolean } | undefined {
  const f = (t.slots.get(2) ?? [])[0];
  if (!f) return undefined;
  const dates = f.alternatives.map(parseKeyDate).filter((d): d is KeyDate => d !== undefined);
  return dates.length ? { dates, optional: f.optional } : undefined;
}

/** "EL SALVADOR: SAN SALVADOR (CITY): SAN ISIDRO (NEIGHBORHOOD)" → country + places, general first. */
export interface KeyLocation {
  country: string;
  places: string[];
}

export function parseLocation(alt: string): KeyLocation[] {
  const [country, ...rest] = alt.split(":").map((s) => s.trim());
  const c = (country ?? "").replace(/\s*\([^)]*\)\s*/g, "").trim();
  const tail = rest.join(":");
  // A range "MEDELLIN (CITY) - CALI (CITY)" gives one path per end.
  const ends = tail ? tail.split(/\s+-\s+/) : [""];
  return ends.map((e) => ({
    country: c,
    places: e
      .split(":")
      .map((p) => p.replace(/\([^)]*\)/g, "").trim())
      .filter(Boolean),
  }));
}

export function keyLocations(t: KeyTemplate): { locs: KeyLocation[]; optional: boolean } | undefined {
  const f = (t.slots.get(3) ?? [])[0];
  if (!f) return undefined;
  return { locs: f.alternatives.flatMap(parseLocation), optional: f.optional };
}
