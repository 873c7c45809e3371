// What the incident page shows beside each source value: its Admiralty grade and, per attribute, the independent
// corroboration of the best-supported value. Computed once per fusion and stored with the incident, so a page view
// reads one row instead of rebuilding the engine.
import type { Incident } from "../model/records.js";
import type { FusionEngine } from "./engine.js";
import type { Corroboration } from "./types.js";

export interface IncidentAssessment {
  incident: string;
  /** Parallel to incident.attributes[attr]. */
  grades: Record<string, string[]>;
  corroboration: Record<string, Omit<Corroboration, "value">>;
}

/** What grading reads: the engine, or one incident's view of it during incremental fusion. */
export type Assessor = Pick<FusionEngine, "grade" | "corroboration">;

export function assessIncident(engine: Assessor, incident: Incident): IncidentAssessment {
  const grades: Record<string, string[]> = {};
  const corroboration: IncidentAssessment["corroboration"] = {};
  for (const [attr, values] of Object.entries(incident.attributes)) {
    grades[attr] = values.map((v) => engine.grade(v.doc, { incident: incident.id, attribute: attr, value: v.value }));
    const { independentSources, copies, contradictingSources, credibility } = engine.corroboration(incident.id, attr);
    corroboration[attr] = { independentSources, copies, contradictingSources, credibility };
  }
  return { incident: incident.id, grades, corroboration };
}
