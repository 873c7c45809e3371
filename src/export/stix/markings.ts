// TLP 2.0 marking definitions as OASIS publishes them (cti-stix-common-objects, tlp-2.0): fixed ids,
// created 2022-10-01, named "TLP:<LEVEL>", declared through the TLP 2.0 property extension. They are
// emitted byte for byte as published so OpenCTI maps them onto its built-in TLP markings (it reads the
// name when there is no definition_type) and misp-stix onto its tlp tags.
import type { StixObject } from "./extension.js";

export const TLP_LEVELS = ["clear", "green", "amber", "amber+strict", "red"] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];

export const TLP2_EXTENSION_ID = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

const TLP2_IDS: Record<TlpLevel, string> = {
  clear: "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
  green: "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
  amber: "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
  "amber+strict": "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
  red: "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
};

/** Ids of the five TLP 2.0 markings, which an import treats as rebuilt on export. */
export const TLP_MARKING_IDS: ReadonlySet<string> = new Set(Object.values(TLP2_IDS));

export function isTlpLevel(s: string): s is TlpLevel {
  return (TLP_LEVELS as readonly string[]).includes(s);
}

export function tlpMarking(level: TlpLevel): StixObject {
  return {
    type: "marking-definition",
    spec_version: "2.1",
    id: TLP2_IDS[level],
    created: "2022-10-01T00:00:00.000Z",
    name: `TLP:${level.toUpperCase()}`,
    extensions: { [TLP2_EXTENSION_ID]: { extension_type: "property-extension", tlp_2_0: level } },
  };
}
