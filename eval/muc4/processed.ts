// Reader for the GRIT/GTT-processed MUC-4 files (processed/<split>.json): one JSON object per line
// with the lower-cased text and the role-filler templates (each role: entities, each entity: its
// coreferent mentions as [string, offset]).
import { readJsonLines } from "../common/io.js";

export const MUC_ROLES = ["PerpInd", "PerpOrg", "Target", "Victim", "Weapon"] as const;
export type MucRole = (typeof MUC_ROLES)[number];

/** One role filler: the mention strings of one entity. */
export type MucEntity = string[];

export interface MucTemplate {
  incidentType: string;
  roles: Record<MucRole, MucEntity[]>;
}

export interface MucDoc {
  id: string;
  text: string;
  templates: MucTemplate[];
}

interface RawDoc {
  docid: string;
  doctext: string;
  templates?: ({ incident_type?: string } & Record<string, unknown>)[];
}

function entitiesOf(v: unknown): MucEntity[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter(Array.isArray)
    .map((ent) => (ent as unknown[]).map((m) => (Array.isArray(m) ? String(m[0]) : String(m))))
    .filter((e) => e.length > 0);
}

export function parseProcessedDoc(raw: RawDoc): MucDoc {
  const templates = (raw.templates ?? []).map((t) => {
    const roles = Object.fromEntries(MUC_ROLES.map((r) => [r, entitiesOf(t[r])])) as Record<MucRole, MucEntity[]>;
    return { incidentType: String(t.incident_type ?? ""), roles };
  });
  return { id: raw.docid, text: raw.doctext, templates };
}

export function readProcessed(file: string): MucDoc[] {
  return readJsonLines<RawDoc>(file).map(parseProcessedDoc);
}
