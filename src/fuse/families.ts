// Which role an extracted event plays in fusion: an attack founds an incident; a death, injury, arrest or claim
// attaches to one; an accident is a competing explanation of the same happening. The table is data
// (data/fusion/event-families.json) so it follows the extraction ontology without code changes.
import table from "../../data/fusion/event-families.json" with { type: "json" };

export type Family = "attack" | "related" | "accident" | "other";

interface FamilySpec {
  ids: string[];
  stems: string[];
}

const SPECS = table as Record<"attack" | "related" | "accident", FamilySpec>;
const BY_ID = new Map<string, Family>();
for (const fam of ["accident", "related", "attack"] as const) for (const id of SPECS[fam].ids) BY_ID.set(id, fam);

/** Family of an event from its type id, subtype and cause attribute (an accident cause wins). */
export function familyOf(type: string, subtype?: string, cause?: unknown): Family {
  const hay = `${type} ${subtype ?? ""} ${typeof cause === "string" ? cause : ""}`.toLowerCase();
  if (SPECS.accident.stems.some((s) => hay.includes(s)) || BY_ID.get(type) === "accident") return "accident";
  const direct = BY_ID.get(type.toLowerCase());
  if (direct) return direct;
  if (SPECS.attack.stems.some((s) => hay.includes(s))) return "attack";
  if (SPECS.related.stems.some((s) => hay.includes(s))) return "related";
  return "other";
}
