// Keeps records Tessera tells apart apart in OpenCTI. OpenCTI gives every object a standard id from a
// few of its properties and merges objects whose ids (or alias ids) agree: reports by name and
// publication time, incidents by name and creation time, notes by content and creation time, opinions
// by opinion and creation time, identities by name and class, threat actors, cities, countries and
// regions by name and type, administrative areas by name alone, positions by coordinates (else name). Two wire copies with one headline, two opinions of one strength on
// one day, or two people of one name would become one. This pass walks the finished objects in order:
// the first keeps its name or time; a later one that would merge with it gets its timestamps moved by a
// millisecond or its name qualified ("Ali Khan (Taliban)"), and loses aliases another object owns.
// Countries with one ISO code are one country: those may share an id.
import type { Entity } from "../../model/records.js";
import { countryName } from "../countries.js";
import { type StixObject, tesseraExtension } from "./extension.js";
import { shiftTime } from "./ids.js";

const norm = (s: unknown): string =>
  String(s ?? "")
    .toLowerCase()
    .trim();

type Fix = "time" | "name";

/** Tessera's view of OpenCTI's merge key of an object, and how to move it when it collides. */
function mergeKey(o: StixObject, name = o.name): { key: string; fix: Fix } | undefined {
  switch (o.type) {
    case "report":
      return { key: `report|${norm(name)}|${o.published}`, fix: "time" };
    case "incident":
      return { key: `incident|${norm(name)}|${o.created}`, fix: "time" };
    case "note":
      return { key: `note|${o.content}|${o.created}`, fix: "time" };
    case "opinion":
      return { key: `opinion|${o.opinion}|${o.created}`, fix: "time" };
    case "identity": {
      const cls = ["individual", "class", "system"].includes(String(o.identity_class))
        ? o.identity_class
        : "organization";
      return { key: `identity|${cls}|${norm(name)}`, fix: "name" };
    }
    case "threat-actor":
      return {
        key: `threat-actor|${o.resource_level === "individual" ? "individual" : "group"}|${norm(name)}`,
        fix: "name",
      };
    case "intrusion-set":
      return { key: `intrusion-set|${norm(name)}`, fix: "name" };
    case "location": {
      const t = String(o.x_opencti_location_type ?? "Position");
      if (t === "Position" && typeof o.latitude === "number" && typeof o.longitude === "number")
        return { key: `location|Position|${o.latitude}|${o.longitude}`, fix: "name" };
      // Administrative areas and positions without coordinates are keyed by name alone, so they share keys.
      if (t === "Position" || t === "Administrative-Area") return { key: `location|${norm(name)}`, fix: "name" };
      return { key: `location|${t}|${norm(name)}`, fix: "name" };
    }
    default:
      return undefined;
  }
}

/** Aliases OpenCTI turns into alias ids (same key as the name, with the alias in its place). */
function aliasesOf(o: StixObject): { field: string; values: string[] } | undefined {
  for (const field of ["aliases", "x_opencti_aliases"]) {
    const v = o[field];
    if (Array.isArray(v)) return { field, values: v as string[] };
  }
  return undefined;
}

/** Two objects that may share a merge key because they are the same thing: one country. */
function sameThing(a: StixObject, b: StixObject): boolean {
  return (
    a.type === "location" &&
    b.type === "location" &&
    a.x_opencti_location_type === "Country" &&
    b.x_opencti_location_type === "Country" &&
    typeof a.country === "string" &&
    a.country === b.country
  );
}

function qualifier(o: StixObject): string | undefined {
  const e = tesseraExtension(o)?.entity as Entity | undefined;
  const country = countryName(String(e?.geo?.country ?? e?.country ?? o.country ?? "")) ?? undefined;
  if (e?.type === "person") return e.affiliation ?? e.role ?? country;
  if (o.type === "location") return (e?.geo?.admin1 as string | undefined) ?? country;
  return country;
}

function shifted(o: StixObject, ms: number): StixObject {
  const out: StixObject = { ...o };
  for (const f of ["created", "modified", "published"])
    if (typeof o[f] === "string") out[f] = shiftTime(o[f] as string, ms);
  return out;
}

export function keepDistinct(objects: StixObject[]): StixObject[] {
  const owner = new Map<string, StixObject>();
  const out = objects.map((original) => {
    let o = original;
    let k = mergeKey(o);
    if (!k) return o;
    const taken = (key: string) => {
      const other = owner.get(key);
      return !!other && other.id !== o.id && !sameThing(other, o);
    };
    if (k.fix === "time") {
      while (taken(k.key)) {
        o = shifted(o, 1);
        k = mergeKey(o)!;
      }
    } else if (taken(k.key)) {
      const base = String(o.name);
      const q = qualifier(o);
      let n = 1;
      let name = q ? `${base} (${q})` : `${base} (${++n})`;
      while (taken(mergeKey(o, name)!.key)) name = `${base} (${q ? `${q}, ` : ""}${++n})`;
      o = { ...o, name };
      k = mergeKey(o)!;
    }
    owner.set(k.key, o);
    return o;
  });
  // Aliases second, so that names always win over another object's alias.
  return out.map((o) => {
    const a = aliasesOf(o);
    if (!a) return o;
    const keep = a.values.filter((alias) => {
      const k = mergeKey(o, alias);
      if (!k || norm(alias) === norm(o.name)) return !!k;
      const other = owner.get(k.key);
      if (other && other.id !== o.id && !sameThing(other, o)) return false;
      owner.set(k.key, o);
      return true;
    });
    if (keep.length === a.values.length) return o;
    const copy: StixObject = { ...o };
    if (keep.length) copy[a.field] = keep;
    else delete copy[a.field];
    return copy;
  });
}
