// `tessera export json --incident ID`: the export bundle narrowed to one incident and the records it
// rests on — its documents with their facts, the entities they mention, the outlets, its
// contradictions, and the analyst's reviews, overrides, ACH matrices and audit entries that touch it. The shape is
// the full bundle's (docs/export-format.md), so readers of one read the other.
import type { Incident } from "../model/records.js";
import type { ExportBundle } from "../store/types.js";

/** Whether an analyst record names any of the ids, in a field or a list of ids. */
function touches(record: unknown, ids: Set<string>): boolean {
  if (!record || typeof record !== "object") return false;
  return Object.values(record).some((v) =>
    typeof v === "string" ? ids.has(v) : Array.isArray(v) && v.some((x) => typeof x === "string" && ids.has(x)),
  );
}

/** The bundle restricted to one incident, or undefined when no incident has that id. */
export function narrowBundle(bundle: ExportBundle, incidentId: string): ExportBundle | undefined {
  const incident: Incident | undefined = bundle.incidents.find((i) => i.id === incidentId);
  if (!incident) return undefined;
  const docs = new Set(incident.documents);
  const inDocs = <T extends { doc: string }>(xs: T[]): T[] => xs.filter((x) => docs.has(x.doc));
  const documents = bundle.documents.filter((d) => docs.has(d.id));
  const mentions = inDocs(bundle.mentions);
  const mentionIds = new Set(mentions.map((m) => m.id));
  const wanted = new Set(incident.perpetrators.map((p) => p.entity));
  if (incident.place) wanted.add(incident.place);
  const entities = bundle.entities.filter((e) => wanted.has(e.id) || e.mentions.some((m) => mentionIds.has(m)));
  const outlets = new Set(documents.flatMap((d) => (d.outlet ? [d.outlet] : [])));
  const related = new Set([incident.id, ...incident.events, ...entities.map((e) => e.id)]);
  return {
    ...bundle,
    sources: bundle.sources.filter((s) => outlets.has(s.name)),
    documents,
    mentions,
    entities,
    events: inDocs(bundle.events),
    claims: inDocs(bundle.claims),
    judgments: inDocs(bundle.judgments),
    incidents: [incident],
    contradictions: bundle.contradictions.filter((c) => c.incident === incident.id),
    reviews: inDocs(bundle.reviews),
    overrides: bundle.overrides.filter((o) => touches(o, related)),
    ach: bundle.ach.filter((m) => touches(m, new Set([incident.id]))),
    audit: bundle.audit.filter((e) => e.refs.some((r) => related.has(r) || docs.has(r))),
  };
}
