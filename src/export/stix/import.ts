// `tessera import stix FILE`: a STIX 2.1 bundle back into Tessera records. Bundles Tessera exported carry
// the Tessera extension on every object, so documents (with their text), per-document facts, sources with
// grades, canonical entities, incidents, contradictions and ACH matrices are rebuilt exactly. Bundles from
// other tools are read best-effort from standard STIX properties; what that loses is listed in `lost`
// (and in docs/stix.md).
import { AchModel } from "../../ach/model.js";
import { parseIsoDate } from "../../model/dates.js";
import { makeDocument } from "../../model/document.js";
import {
  Claim,
  Contradiction,
  type DocFacts,
  Document,
  Entity,
  Event,
  Incident,
  Judgment,
  Mention,
  Source,
} from "../../model/records.js";
import type { Store } from "../../store/types.js";
import type { ExportInput } from "../input.js";
import { EXTENSION_ID, type StixObject, TESSERA_IDENTITY_ID, tesseraExtension } from "./extension.js";
import { TLP_MARKING_IDS } from "./markings.js";

export interface StixImport {
  input: ExportInput;
  /** Objects read from standard STIX properties only (no Tessera extension). */
  foreign: number;
  /** What could not be carried over, one line per kind. */
  lost: string[];
}

function check<T>(schema: { safeParse(v: unknown): { success: boolean } }, value: unknown, what: string): T {
  if (!schema.safeParse(value).success)
    throw new Error(`the bundle's ${what} record does not match the Tessera schema`);
  // The original object is kept (not the parsed copy) so key order and values survive byte for byte.
  return value as T;
}

type Partial = { mentions: Mention[]; entities: Entity[]; events: Event[]; claims: Claim[]; judgments: Judgment[] };

/** Reads a parsed STIX bundle into Tessera records. Throws with one clear sentence when it is not a bundle. */
export function readStixBundle(json: unknown): StixImport {
  const b = json as { type?: unknown; objects?: unknown };
  if (b?.type !== "bundle" || !Array.isArray(b.objects)) throw new Error("the file is not a STIX 2.1 bundle");
  const objects = b.objects.filter((o): o is StixObject => !!o && typeof o === "object" && typeof o.type === "string");
  const input: ExportInput = {
    sources: [],
    documents: [],
    facts: [],
    fusion: { entities: [], incidents: [], contradictions: [] },
    ach: [],
  };
  const facts = new Map<string, Partial>();
  const factsOf = (doc: string): Partial => {
    let f = facts.get(doc);
    if (!f) {
      f = { mentions: [], entities: [], events: [], claims: [], judgments: [] };
      facts.set(doc, f);
    }
    return f;
  };
  const foreign: StixObject[] = [];
  for (const o of objects) {
    // The extension definition, the Tessera identity and the TLP markings are rebuilt on every export.
    if (o.id === EXTENSION_ID || o.id === TESSERA_IDENTITY_ID || TLP_MARKING_IDS.has(o.id)) continue;
    const ext = tesseraExtension(o);
    if (!ext) {
      foreign.push(o);
      continue;
    }
    switch (ext.tessera_type) {
      case "source":
        input.sources.push(check(Source, ext.source, "source"));
        break;
      case "document": {
        const doc = check<Document>(Document, ext.document, "document");
        input.documents.push(doc);
        const f = ext.facts as { mentions?: unknown[]; entities?: unknown[]; events?: unknown[] } | undefined;
        if (f) {
          const p = factsOf(doc.id);
          p.mentions = (f.mentions ?? []).map((m) => check<Mention>(Mention, m, "mention"));
          p.entities = (f.entities ?? []).map((e) => check<Entity>(Entity, e, "entity"));
          p.events = (f.events ?? []).map((e) => check<Event>(Event, e, "event"));
        }
        break;
      }
      case "claim": {
        const c = check<Claim>(Claim, ext.claim, "claim");
        factsOf(c.doc).claims.push(c);
        break;
      }
      case "judgment": {
        const j = check<Judgment>(Judgment, ext.judgment, "judgment");
        factsOf(j.doc).judgments.push(j);
        break;
      }
      case "entity":
        input.fusion.entities.push(check(Entity, ext.entity, "entity"));
        break;
      case "incident":
        input.fusion.incidents.push(check(Incident, ext.incident, "incident"));
        break;
      case "contradiction":
        input.fusion.contradictions.push(check(Contradiction, ext.contradiction, "contradiction"));
        break;
      case "ach":
        input.ach.push(check(AchModel, ext.ach, "ACH"));
        break;
      default:
        break; // relationships, derived objects and the MISP event are derived again on export
    }
  }
  for (const d of input.documents) {
    const p = facts.get(d.id);
    if (!p) continue;
    const any = p.mentions.length + p.entities.length + p.events.length + p.claims.length + p.judgments.length;
    if (any) input.facts.push({ doc: d.id, ...p } satisfies DocFacts);
  }
  const lost = foreign.length ? readForeign(foreign, input) : [];
  return { input, foreign: foreign.length, lost };
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v ? v : undefined);

/** Best-effort reading of objects another tool produced (no Tessera extension). */
function readForeign(objects: StixObject[], input: ExportInput): string[] {
  const lost = new Set<string>();
  const entityOf = new Map<string, string>();
  const docOfReport = new Map<string, string>();
  const knownSources = new Set(input.sources.map((s) => s.name));
  for (const o of objects) {
    const name = str(o.name);
    if (o.type === "report") {
      const ref = (o.external_references as { source_name?: string; url?: string }[] | undefined)?.[0];
      const text = str(o.description) ?? name;
      if (!text) continue;
      const published = parseIsoDate(str(o.published) ?? "");
      const outlet = str(ref?.source_name);
      const doc = makeDocument(
        {
          origin: `stix:${o.id}`,
          text,
          format: "text",
          ...(name ? { title: name } : {}),
          ...(outlet ? { outlet } : {}),
          ...(ref?.url ? { url: ref.url } : {}),
          ...(published ? { publishedAt: published } : {}),
          ...(str(o.lang) ? { language: str(o.lang)! } : {}),
        },
        new Date(Date.parse(str(o.created) ?? "") || 0),
      );
      if (outlet && !knownSources.has(outlet)) {
        knownSources.add(outlet);
        input.sources.push({ id: outlet.toLowerCase().replace(/[^a-z0-9]+/g, "-"), name: outlet, reliability: "F" });
      }
      docOfReport.set(o.id, doc.id);
      if (!input.documents.some((d) => d.id === doc.id)) input.documents.push(doc);
      lost.add("report: only the description is kept as document text (no full article, no extracted facts)");
    } else if (["threat-actor", "intrusion-set", "identity", "location"].includes(o.type) && name) {
      const type: Entity["type"] =
        o.type === "location"
          ? "place"
          : o.type === "identity"
            ? o.identity_class === "individual"
              ? "person"
              : "organization"
            : "armed_group";
      const aliases = Array.isArray(o.aliases)
        ? (o.aliases as unknown[]).filter((a): a is string => typeof a === "string")
        : [];
      const e: Entity = {
        id: `stix:${o.id}`,
        type,
        name,
        aliases: [name, ...aliases.filter((a) => a !== name)],
        mentions: [],
      };
      if (o.type === "location" && typeof o.latitude === "number" && typeof o.longitude === "number") {
        e.geo = { lat: o.latitude, lon: o.longitude, precision: o.city ? "city" : "region" };
        if (str(o.country)) e.geo.country = str(o.country)!;
        if (str(o.administrative_area)) e.geo.admin1 = str(o.administrative_area)!;
      }
      if (str(o.country)) e.country = str(o.country)!;
      entityOf.set(o.id, e.id);
      input.fusion.entities.push(e);
      lost.add(`${o.type}: no mention spans (the entity is not grounded in any document text)`);
    } else if (o.type === "incident" && name) {
      input.fusion.incidents.push({
        id: `stix:${o.id}`,
        type: "attack",
        title: name,
        perpetrators: [],
        attributes: {},
        events: [],
        documents: [],
        explanation: [`Imported from STIX object ${o.id}.`],
      });
    } else if (o.type === "note" || o.type === "opinion") {
      lost.add(`${o.type}: not imported (Tessera rebuilds claims and judgments only from its own extension)`);
    } else if (o.type !== "relationship" && o.type !== "extension-definition" && o.type !== "marking-definition") {
      lost.add(`${o.type}: no Tessera equivalent`);
    }
  }
  // Second pass: relationships and report object_refs tie the foreign objects together.
  const incidents = new Map(input.fusion.incidents.map((i) => [i.id, i]));
  for (const o of objects) {
    if (o.type === "report") {
      const doc = docOfReport.get(o.id);
      for (const ref of (o.object_refs as string[] | undefined) ?? []) {
        const inc = incidents.get(`stix:${ref}`);
        if (doc && inc && !inc.documents.includes(doc)) inc.documents.push(doc);
      }
    }
  }
  for (const o of objects) {
    if (o.type !== "relationship") continue;
    const inc = incidents.get(`stix:${str(o.source_ref)}`);
    const target = entityOf.get(str(o.target_ref) ?? "");
    if (!inc || !target) continue;
    if (o.relationship_type === "attributed-to") {
      inc.perpetrators.push({ entity: target, basis: "attributed", doc: inc.documents[0] ?? "" });
    } else if (o.relationship_type === "located-at" || o.relationship_type === "targets") {
      // Older bundles said located-at; OpenCTI's form is incident targets location.
      const e = input.fusion.entities.find((x) => x.id === target);
      if (e?.type === "place" && (o.relationship_type === "located-at" || !inc.place)) inc.place = target;
    }
  }
  lost.add("incident: no casualty counts, dates, contradictions or grades unless the Tessera extension is present");
  return [...lost].sort();
}

/** Writes imported records into a store: sources (with grades) first, then documents with facts, then fusion. */
export async function importIntoStore(
  store: Store,
  data: ExportInput,
): Promise<{ documents: number; duplicates: number }> {
  for (const s of data.sources) await store.upsertSource(s.name, s.reliability, s.notes);
  let documents = 0;
  let duplicates = 0;
  for (const d of data.documents) {
    const f = data.facts.find((x) => x.doc === d.id);
    const { status } = await store.putDocument(d, f);
    if (status === "ok") documents++;
    else duplicates++;
  }
  // Merged with what the store already holds (imported records win on equal ids), so importing into a
  // populated store never drops its incidents; a fresh store ends up with exactly the bundle's records.
  const have = await store.getFusion();
  const merge = <T extends { id: string }>(old: T[], add: T[]): T[] => {
    const ids = new Set(add.map((x) => x.id));
    return [...old.filter((x) => !ids.has(x.id)), ...add];
  };
  await store.putFusion({
    entities: merge(have.entities, data.fusion.entities),
    incidents: merge(have.incidents, data.fusion.incidents),
    contradictions: merge(have.contradictions, data.fusion.contradictions),
  });
  for (const m of data.ach) await store.putRecord("ach", m.incident, m);
  return { documents, duplicates };
}
