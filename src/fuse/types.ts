// Types of the fusion engine's public surface: what goes in (a document with its facts), the analyst overrides
// (stored by the store as JSON records and replayed), and what one `add` changed.
import { z } from "zod";
import type { Contradiction, DocFacts, Document, Entity, Incident, Source } from "../model/records.js";
import type { IncidentAssessment } from "./assessment.js";
import type { IdentityAlias, IdentityMember } from "./identity.js";

export interface FusionInput {
  doc: Document;
  facts: DocFacts;
  source?: Source;
}

const base = {
  id: z.string(),
  createdAt: z.string(),
  note: z.string().optional(),
  author: z.string().optional(),
  /**
   * Member events of each incident the override names, as they were when it was made: incident ids are stable,
   * but the clusters under them are found again by their events on every replay.
   */
  anchors: z.record(z.string(), z.array(z.string())).optional(),
};

/** Analyst corrections. Incident ids are stable ids (aliases allowed); entity ids are canonical; event ids are extraction ids. */
export const Override = z.discriminatedUnion("kind", [
  /** Fold every incident listed after the first into the first. */
  z.object({ ...base, kind: z.literal("merge-incidents"), incidents: z.array(z.string()).min(2) }),
  /** Take the listed events out of an incident into a new one (id derived from the override id). */
  z.object({ ...base, kind: z.literal("split-incident"), incident: z.string(), events: z.array(z.string()).min(1) }),
  /** Put one event into another incident. */
  z.object({ ...base, kind: z.literal("move-event"), event: z.string(), to: z.string() }),
  /** Fold every entity listed after the first into the first. */
  z.object({ ...base, kind: z.literal("merge-entities"), entities: z.array(z.string()).min(2) }),
  /**
   * Take members out of a canonical entity into a new one. `members` are local refs ("<doc id>#<local entity id>")
   * or surface forms; every member with that surface leaves.
   */
  z.object({ ...base, kind: z.literal("unmerge-entity"), entity: z.string(), members: z.array(z.string()).min(1) }),
]);
export type Override = z.infer<typeof Override>;
export type OverrideKind = Override["kind"];

/** One event joining (or founding) an incident, in words. */
export interface IncidentLink {
  event: string;
  doc: string;
  incident: string;
  founded: boolean;
  score: number;
  explanation: string;
}

export interface FusionDelta {
  doc: string;
  /** Incidents created by this document. */
  created: string[];
  /** Incidents this document added events or claims to (created ones included). */
  touched: string[];
  /** Canonical entities this document's entities resolved to. */
  entities: string[];
  links: IncidentLink[];
  /** Earlier documents this one is a near-duplicate of. */
  duplicateOf: string[];
}

export interface Corroboration {
  value: unknown;
  independentSources: number;
  copies: number;
  contradictingSources: number;
  credibility: import("../model/records.js").Credibility;
}

/**
 * What incremental fusion changed, for the store to write: incidents rebuilt (whole records) or retired, the
 * contradictions of every incident listed (they replace that incident's stored ones), canonical entities rebuilt,
 * identity rows of the rebuilt incidents' events, aliases added or repointed and aliases that are live ids again,
 * and the grades of the rebuilt incidents.
 */
export interface FusionChanges {
  incidents: Incident[];
  removed: string[];
  contradictions: Contradiction[];
  entities: Entity[];
  members: IdentityMember[];
  aliases: IdentityAlias[];
  removedAliases: string[];
  assessments: IncidentAssessment[];
}
