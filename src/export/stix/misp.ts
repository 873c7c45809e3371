// The misp profile: a bundle misp-stix turns into exactly one MISP event without any import option.
// misp-stix cannot load `incident` objects, and it makes one event per report or grouping unless it is
// told `single_event`. So this profile carries one `report` — the event — whose object_refs list
// everything else, and expresses what would otherwise be a report or an incident as a `note` on that
// event (misp-stix makes notes analyst notes): each source document with its outlet, date, grade and
// opening text, each incident with its coded summary, date window and type. Relationships from or to
// incidents and reports are dropped (their content is in those notes); the rest is kept. The Tessera
// extension moves with each record onto the object that carries it, so the round trip still holds.
import type { ExportInput } from "../input.js";
import { clean, type StixObject, TESSERA_IDENTITY_ID, withExtension } from "./extension.js";
import { stixId, timeSpan } from "./ids.js";

const day = (iso: unknown): string => String(iso ?? "").slice(0, 10);

function documentNote(r: StixObject, event: string): StixObject {
  const outlet =
    (r.external_references as { source_name?: string }[] | undefined)?.[0]?.source_name ?? "unknown outlet";
  const url = (r.external_references as { url?: string }[] | undefined)?.[0]?.url;
  const lines = [
    `${outlet}, ${day(r.published)}. Source reliability: ${r.x_opencti_reliability ?? "not graded"}.`,
    typeof r.description === "string" ? r.description : "",
    url ?? "",
  ].filter(Boolean);
  return clean({
    type: "note",
    spec_version: "2.1",
    id: stixId("note", "document", r.id),
    created_by_ref: r.created_by_ref,
    created: r.created,
    modified: r.modified,
    abstract: `Source report: ${r.name}`,
    content: lines.join("\n"),
    authors: [outlet],
    note_types: ["external"],
    lang: r.lang,
    confidence: r.confidence,
    external_references: r.external_references,
    object_refs: [event],
    extensions: r.extensions,
  });
}

function incidentNote(i: StixObject, event: string): StixObject {
  const when = i.first_seen ? `${day(i.first_seen)} to ${day(i.last_seen)}` : "date unknown";
  return clean({
    type: "note",
    spec_version: "2.1",
    id: stixId("note", "incident", i.id),
    created_by_ref: i.created_by_ref,
    created: i.created,
    modified: i.modified,
    abstract: `Incident: ${i.name}`,
    content: [String(i.description ?? ""), `Type: ${i.incident_type}; when: ${when}.`].filter(Boolean).join("\n"),
    authors: ["Tessera"],
    note_types: ["analysis"],
    confidence: i.confidence,
    object_refs: [event],
    extensions: i.extensions,
  });
}

export function mispShape(objects: StixObject[], input: ExportInput): StixObject[] {
  const reports = objects.filter((o) => o.type === "report");
  const incidents = objects.filter((o) => o.type === "incident");
  const key = incidents.length ? incidents.map((i) => i.id) : reports.map((r) => r.id);
  const event = stixId("report", "misp-event", ...[...key].sort());
  const gone = new Set([...reports, ...incidents].map((o) => o.id));
  const remap = (refs: unknown): string[] => [
    ...new Set(((refs as string[] | undefined) ?? []).map((r) => (gone.has(r) ? event : r))),
  ];
  const body: StixObject[] = [];
  for (const o of objects) {
    if (o.type === "report") body.push(documentNote(o, event));
    else if (o.type === "incident") body.push(incidentNote(o, event));
    else if (o.type === "relationship") {
      if (!gone.has(String(o.source_ref)) && !gone.has(String(o.target_ref))) body.push(o);
    } else if (Array.isArray(o.object_refs)) body.push({ ...o, object_refs: remap(o.object_refs) });
    else body.push(o);
  }
  const times = timeSpan([...reports.map((r) => String(r.published)), ...incidents.map((i) => String(i.created))]);
  const name =
    incidents.length === 1
      ? String(incidents[0]!.name)
      : incidents.length
        ? `Tessera export: ${incidents.length} incidents`
        : `Tessera export: ${reports.length} source report(s)`;
  const refs = reports
    .map((r) => (r.external_references as Record<string, unknown>[] | undefined)?.[0])
    .filter((r): r is Record<string, unknown> => !!r);
  const container = withExtension(
    clean({
      type: "report",
      spec_version: "2.1",
      id: event,
      created_by_ref: TESSERA_IDENTITY_ID,
      created: times.created,
      modified: times.modified,
      name,
      description: incidents.map((i) => `${i.name}: ${i.description ?? ""}`).join("\n") || undefined,
      published: times.modified,
      report_types: ["threat-report"],
      confidence: Math.max(0, ...[...incidents, ...reports].map((o) => Number(o.confidence ?? 0))),
      object_refs: [TESSERA_IDENTITY_ID, ...body.map((o) => o.id)],
      external_references: refs,
    }),
    "system",
    { documents: input.documents.length, incidents: input.fusion.incidents.length },
  );
  return [container, ...body];
}
