// Export profiles: one bundle shape per importer.
// - tessera (default): standard STIX 2.1 with the extension-definition object that the Tessera
//   property-extension on every object refers to.
// - opencti: the same objects without the extension-definition object, which OpenCTI's worker reports
//   as an incompatible element. The property-extension stays on the objects (OpenCTI ignores extension
//   ids it does not know), so `tessera import stix` still rebuilds the store exactly.
// - misp: what misp-stix loads, as one MISP event (misp.ts).
import type { ExportInput } from "../input.js";
import type { StixObject } from "./extension.js";
import type { TlpLevel } from "./markings.js";
import { mispShape } from "./misp.js";

export const STIX_PROFILES = ["tessera", "opencti", "misp"] as const;
export type StixProfile = (typeof STIX_PROFILES)[number];

export interface StixOptions {
  profile?: StixProfile;
  /** TLP 2.0 level marked on every object; clear by default (Tessera's inputs are published reports). */
  tlp?: TlpLevel;
}

export const DEFAULT_STIX_OPTIONS: Required<StixOptions> = { profile: "tessera", tlp: "clear" };

export function isStixProfile(s: string): s is StixProfile {
  return (STIX_PROFILES as readonly string[]).includes(s);
}

/** Reshapes the built objects (reports first, then the rest) for a profile. */
export function applyProfile(profile: StixProfile, objects: StixObject[], input: ExportInput): StixObject[] {
  return profile === "misp" ? mispShape(objects, input) : objects;
}
