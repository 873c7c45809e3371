// The Tessera STIX property-extension: every object Tessera exports carries, under one
// extension-definition id, the Tessera record it was built from (so `tessera import stix` can rebuild
// documents, facts and fusion exactly) plus the analytic context STIX has no property for: counts with
// every source value, contradictions, date precision, Admiralty grades and span provenance.
// docs/stix.md documents every property.
import { FIXED_TIME, stixId } from "./ids.js";

export const EXTENSION_VERSION = "1.0";
export const EXTENSION_ID = stixId("extension-definition", "tessera-provenance", EXTENSION_VERSION);
export const TESSERA_IDENTITY_ID = stixId("identity", "tessera-system");

export type TesseraType =
  | "system"
  | "source"
  | "document"
  | "entity"
  | "incident"
  | "claim"
  | "judgment"
  | "contradiction"
  | "relationship"
  | "ach"
  /** Objects rebuilt from others on every export (a Country a city lies in, an actor for a state). */
  | "derived";

export type StixObject = { type: string; id: string; [key: string]: unknown };

export interface StixBundle {
  type: "bundle";
  id: string;
  objects: StixObject[];
}

/** The extension body on an object; property names follow STIX rules (lower-case, 3+ characters). */
export type TesseraExtension = { extension_type: "property-extension"; tessera_type: TesseraType } & Record<
  string,
  unknown
>;

/** Reads Tessera's extension from any STIX object, if present. */
export function tesseraExtension(o: StixObject): TesseraExtension | undefined {
  const ext = (o.extensions as Record<string, unknown> | undefined)?.[EXTENSION_ID] as TesseraExtension | undefined;
  return ext && typeof ext.tessera_type === "string" ? ext : undefined;
}

/**
 * Drops undefined values and empty arrays: the STIX schemas reject empty lists anywhere at the top
 * level of an object or an extension.
 */
export function clean<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out as T;
}

export function withExtension(o: StixObject, tesseraType: TesseraType, body: Record<string, unknown>): StixObject {
  const ext = clean({ extension_type: "property-extension" as const, tessera_type: tesseraType, ...body });
  return { ...o, extensions: { [EXTENSION_ID]: ext } };
}

export function tesseraIdentity(): StixObject {
  return {
    type: "identity",
    spec_version: "2.1",
    id: TESSERA_IDENTITY_ID,
    created: FIXED_TIME,
    modified: FIXED_TIME,
    name: "Tessera",
    identity_class: "system",
    description: "Offline incident-intelligence workbench that produced this bundle.",
    confidence: 100,
  };
}

export function extensionDefinition(): StixObject {
  return {
    type: "extension-definition",
    spec_version: "2.1",
    id: EXTENSION_ID,
    created_by_ref: TESSERA_IDENTITY_ID,
    created: FIXED_TIME,
    modified: FIXED_TIME,
    name: "Tessera provenance",
    description:
      "Source-grounded context for incident reporting: the Tessera record behind each object, every source value " +
      "of a count with its document span, contradictions and revisions, date precision, Admiralty source " +
      "reliability and information credibility grades, and character-span provenance into the report texts.",
    schema: "Tessera docs/stix.md, section 'The tessera provenance extension' (plain-text definition).",
    version: EXTENSION_VERSION,
    extension_types: ["property-extension"],
  };
}
