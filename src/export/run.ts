// The export operations as the CLI and the HTTP API call them: load from a store, optionally narrow to
// one incident, produce text (or PDF bytes). A missing incident is a UserError with one clear sentence.
import { UserError } from "../model/result.js";
import type { Store } from "../store/types.js";
import { type BriefFormat, buildBrief, renderBrief } from "./brief/index.js";
import { acledCsv } from "./csv/acled.js";
import { gtdCsv } from "./csv/gtd.js";
import { type ExportInput, loadExportInput, restrictToIncident } from "./input.js";
import { buildStixBundle } from "./stix/build.js";
import type { StixBundle } from "./stix/extension.js";
import type { StixOptions } from "./stix/profiles.js";

/** An incident id or a retired id (alias) of it, as the live id; unknown ids are left for the caller's error. */
const liveId = async (store: Store, id: string): Promise<string> => (await store.resolveIncidentId(id)) ?? id;

async function scoped(store: Store, incident?: string): Promise<ExportInput> {
  const all = await loadExportInput(store);
  if (!incident) return all;
  const one = restrictToIncident(all, await liveId(store, incident));
  if (!one) throw new UserError(`no incident has the id ${incident}`);
  return one;
}

export async function exportStix(store: Store, incident?: string, options: StixOptions = {}): Promise<StixBundle> {
  return buildStixBundle(await scoped(store, incident), options);
}

export async function exportCsv(store: Store, format: "gtd" | "acled", incident?: string): Promise<string> {
  const input = await scoped(store, incident);
  return format === "gtd" ? gtdCsv(input) : acledCsv(input);
}

export async function exportBrief(store: Store, incident: string, format: BriefFormat): Promise<string | Uint8Array> {
  const brief = buildBrief(await loadExportInput(store), await liveId(store, incident));
  if (!brief) throw new UserError(`no incident has the id ${incident}`);
  return renderBrief(brief, format);
}
