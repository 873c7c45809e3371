// Codebook mappings declared in the event ontology (data/ontology/events.json, owned by extraction): an
// event type or GTD subtype → ACLED event/sub-event type, with a separate mapping for suicide bombings.
// Read at run time and optional, so the exporters still work (from data/codebooks) if the file moves.
import { existsSync, readFileSync } from "node:fs";
import { dataDir } from "../../app/paths.js";

export interface AcledPair {
  event_type: string;
  sub_event_type: string;
}

interface OntologySubtype {
  id: string;
  gtd_attacktype_txt?: string;
  acled?: AcledPair;
  acled_suicide?: AcledPair;
}

interface OntologyType {
  id: string;
  acled?: AcledPair;
  subtypes?: OntologySubtype[];
}

let types: Map<string, OntologyType> | undefined;

function load(): Map<string, OntologyType> {
  if (types) return types;
  types = new Map();
  try {
    const file = dataDir("ontology", "events.json");
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, "utf8")) as { types?: OntologyType[] };
      for (const t of json.types ?? []) if (t && typeof t.id === "string") types.set(t.id, t);
    }
  } catch {
    // A malformed ontology file leaves the codebook tables in charge.
  }
  return types;
}

/** The ACLED pair the ontology gives an event type (and GTD subtype), or undefined. */
export function ontologyAcled(type: string, subtype: string | undefined, suicide: boolean): AcledPair | undefined {
  const t = load().get(type);
  if (!t) return undefined;
  const sub = subtype ? t.subtypes?.find((s) => s.id === subtype) : undefined;
  if (sub && suicide && sub.acled_suicide) return sub.acled_suicide;
  return sub?.acled ?? t.acled;
}

/** The GTD attack type the ontology gives a subtype of an event type, or undefined. */
export function ontologyGtdAttack(type: string, subtype: string | undefined): string | undefined {
  const sub = subtype
    ? load()
        .get(type)
        ?.subtypes?.find((s) => s.id === subtype)
    : undefined;
  return sub?.gtd_attacktype_txt;
}
