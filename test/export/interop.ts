// Checks a bundle against what OpenCTI and misp-stix do with it (fixtures/opencti.ts, fixtures/misp.ts):
// each returns the problems found, one sentence each, so a test can assert an empty list and a failure
// says which object is at fault.
import { EXTENSION_ID } from "../../src/export/stix/extension.js";
import type { Entity, Incident, Reliability, Source } from "../../src/model/records.js";
import { MISP_LOADABLE_TYPES, MISP_TLP2_MARKINGS, mispEventCount } from "./fixtures/misp.js";
import {
  OPENCTI_ALLOWED_RELATIONSHIPS,
  OPENCTI_ANY_TO_ANY,
  OPENCTI_LOCATION_TYPES,
  OPENCTI_NOTE_TYPES,
  OPENCTI_OPINIONS,
  OPENCTI_RELIABILITY_VOCABULARY,
  OPENCTI_UNIMPORTABLE_TYPES,
  openctiAliasKeys,
  openctiRelationshipKey,
  openctiStandardKey,
  openctiType,
} from "./fixtures/opencti.js";

type Obj = Record<string, unknown> & { type: string; id: string };
interface Bundle {
  objects: Obj[];
}

const ext = (o: Obj): Record<string, unknown> | undefined =>
  (o.extensions as Record<string, Record<string, unknown>> | undefined)?.[EXTENSION_ID];

const RELIABILITY_WORD: Record<Reliability, string> = {
  A: "A - Completely reliable",
  B: "B - Usually reliable",
  C: "C - Fairly reliable",
  D: "D - Not usually reliable",
  E: "E - Unreliable",
  F: "F - Reliability cannot be judged",
};

/** The OpenCTI location type a Tessera place or nationality should land as. */
function expectedLocationType(e: Entity): string | undefined {
  if (e.type === "nationality") return e.country ? "Country" : undefined;
  if (e.type !== "place" && e.type !== "facility") return undefined;
  const p = e.geo?.precision;
  if (!e.geo) return undefined; // with only a country: a Country when it is one, else a named position
  if (e.type === "facility" && p !== "facility") return "Position";
  return { city: "City", admin1: "Administrative-Area", country: "Country", region: "Region", facility: "Position" }[
    p!
  ];
}

const sameCountry = (a: Obj, b: Obj): boolean =>
  openctiType(a) === "Country" && openctiType(b) === "Country" && !!a.country && a.country === b.country;

export function openctiProblems(bundle: Bundle): string[] {
  const out: string[] = [];
  const byId = new Map(bundle.objects.map((o) => [o.id, o]));
  const markings = bundle.objects.filter((o) => o.type === "marking-definition").map((o) => o.id);
  for (const o of bundle.objects) {
    if (OPENCTI_UNIMPORTABLE_TYPES.has(o.type)) out.push(`${o.id}: OpenCTI does not import ${o.type} objects`);
  }
  // Relationships OpenCTI accepts.
  for (const r of bundle.objects.filter((o) => o.type === "relationship")) {
    const from = byId.get(String(r.source_ref));
    const to = byId.get(String(r.target_ref));
    if (!from || !to) {
      out.push(`${r.id}: an end of the relationship is not in the bundle`);
      continue;
    }
    const triple = `${openctiType(from)}|${r.relationship_type}|${openctiType(to)}`;
    if (!OPENCTI_ANY_TO_ANY.has(String(r.relationship_type)) && !OPENCTI_ALLOWED_RELATIONSHIPS.has(triple))
      out.push(`${r.id}: OpenCTI refuses ${triple}`);
  }
  // Typing.
  for (const o of bundle.objects) {
    const e = ext(o)?.entity as Entity | undefined;
    if (o.type === "location") {
      const t = o.x_opencti_location_type;
      if (typeof t !== "string" || !OPENCTI_LOCATION_TYPES.has(t))
        out.push(`${o.id}: location without an OpenCTI type`);
      const want = e && expectedLocationType(e);
      if (want && want !== openctiType(o)) out.push(`${o.id}: ${e!.name} becomes ${openctiType(o)}, not ${want}`);
    }
    if (e?.type === "nationality" && e.country && openctiType(o) === "Sector")
      out.push(`${o.id}: the nationality ${e.name} becomes a Sector`);
    if (e && ["person", "organization", "state"].includes(e.type) && o.type !== "identity")
      out.push(`${o.id}: ${e.type} ${e.name} exported as ${o.type}`);
  }
  // Standard ids (and alias ids): distinct objects must not merge.
  const owner = new Map<string, Obj>();
  const claim = (key: string | undefined, o: Obj, what: string) => {
    if (!key) return;
    const other = owner.get(key);
    if (other && other.id !== o.id && !sameCountry(other, o))
      out.push(`${o.id} and ${other.id}: same OpenCTI ${what} (${key.slice(0, 120)})`);
    else if (!other) owner.set(key, o);
  };
  for (const o of bundle.objects) claim(openctiStandardKey(o), o, "standard id");
  for (const o of bundle.objects) {
    const own = openctiStandardKey(o);
    for (const k of new Set(openctiAliasKeys(o))) if (k !== own) claim(k, o, "alias id");
  }
  const endKey = (id: string) => {
    const o = byId.get(id);
    return o ? (openctiStandardKey(o) ?? id) : id;
  };
  const rels = new Map<string, string>();
  for (const r of bundle.objects.filter((o) => o.type === "relationship")) {
    const k = openctiRelationshipKey(r, endKey);
    const other = rels.get(k);
    if (other) out.push(`${r.id} and ${other}: same OpenCTI relationship id`);
    else rels.set(k, r.id);
  }
  // What Tessera knows reaches a field OpenCTI reads.
  for (const o of bundle.objects) {
    if (o.type === "marking-definition") continue;
    const x = ext(o);
    if (o.type !== "extension-definition") {
      const c = o.confidence;
      if (typeof c !== "number" || c < 0 || c > 100)
        out.push(`${o.id}: no confidence (OpenCTI would assign its maximum)`);
    }
    const marks = (o.object_marking_refs as string[] | undefined) ?? [];
    if (!marks.length || !marks.every((m) => markings.includes(m))) out.push(`${o.id}: not marked with a bundled TLP`);
    if (o.type === "report") {
      const rel = x?.admiralty_reliability as Reliability | undefined;
      if (!o.description) out.push(`${o.id}: report without description`);
      if (rel && o.x_opencti_reliability !== RELIABILITY_WORD[rel]) out.push(`${o.id}: report reliability not carried`);
      if (o.x_opencti_reliability && !OPENCTI_RELIABILITY_VOCABULARY.has(String(o.x_opencti_reliability)))
        out.push(`${o.id}: reliability outside OpenCTI's vocabulary`);
    }
    if (x?.tessera_type === "source") {
      const s = x.source as Source;
      if (o.x_opencti_reliability !== RELIABILITY_WORD[s.reliability])
        out.push(`${o.id}: outlet reliability not carried`);
    }
    if (o.type === "incident") {
      const inc = x?.incident as Incident | undefined;
      if (!o.incident_type) out.push(`${o.id}: incident without incident_type`);
      const dated = inc?.date ?? (inc?.attributes.date ?? []).length > 0;
      if (dated && (!o.first_seen || !o.last_seen)) out.push(`${o.id}: dated incident without first_seen/last_seen`);
      if (o.first_seen && o.last_seen && String(o.first_seen) > String(o.last_seen))
        out.push(`${o.id}: first_seen after last_seen`);
      for (const p of inc?.perpetrators ?? []) {
        const linked = bundle.objects.some(
          (r) =>
            r.type === "relationship" &&
            r.source_ref === o.id &&
            ["attributed-to", "related-to"].includes(String(r.relationship_type)) &&
            ((ext(r)?.perpetrators as string[] | undefined) ?? []).includes(p.entity),
        );
        if (!linked) out.push(`${o.id}: perpetrator ${p.entity} not linked`);
      }
    }
    if (o.type === "note") {
      if (!Array.isArray(o.authors) || !o.authors.length) out.push(`${o.id}: note without authors`);
      const types = (o.note_types as string[] | undefined) ?? [];
      if (!types.length || !types.every((t) => OPENCTI_NOTE_TYPES.has(t))) out.push(`${o.id}: note without note_types`);
    }
    if (o.type === "opinion" && !OPENCTI_OPINIONS.has(String(o.opinion)))
      out.push(`${o.id}: opinion outside vocabulary`);
    // OpenCTI does not read `country` on a location: the country must be a Country it lies in.
    if (o.type === "location" && typeof o.country === "string" && openctiType(o) !== "Country") {
      const linked = bundle.objects.some(
        (r) =>
          r.type === "relationship" &&
          r.source_ref === o.id &&
          (() => {
            const t = byId.get(String(r.target_ref));
            return !!t && openctiType(t) === "Country" && t.country === o.country;
          })(),
      );
      if (!linked) out.push(`${o.id}: its country ${o.country} is not a Country it lies in`);
    }
  }
  return out;
}

export function mispProblems(bundle: Bundle): string[] {
  const out: string[] = [];
  const ids = new Set(bundle.objects.map((o) => o.id));
  for (const o of bundle.objects)
    if (!MISP_LOADABLE_TYPES.has(o.type)) out.push(`${o.id}: misp-stix cannot load ${o.type} objects`);
  const events = mispEventCount(bundle.objects);
  if (events !== 1) out.push(`the bundle becomes ${events} MISP events`);
  for (const o of bundle.objects) {
    for (const f of ["source_ref", "target_ref", "created_by_ref"])
      if (typeof o[f] === "string" && !ids.has(o[f] as string)) out.push(`${o.id}: ${f} ${o[f]} is not in the bundle`);
    for (const r of (o.object_refs as string[] | undefined) ?? [])
      if (!ids.has(r)) out.push(`${o.id}: object_refs ${r} is not in the bundle`);
    for (const m of (o.object_marking_refs as string[] | undefined) ?? [])
      if (!MISP_TLP2_MARKINGS[m]) out.push(`${o.id}: marking ${m} unknown to misp-stix`);
  }
  return out;
}
