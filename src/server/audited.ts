// What each write route records in the audit trail (app/audit.ts): who (the request's actor), a
// sentence naming incidents and entities by name, the ids it touched, and the state before and after.
import type { Context } from "hono";
import { type AuditInput, appendAudit } from "../app/audit.js";
import type { Override } from "../fuse/index.js";
import type { Incident, Review } from "../model/records.js";
import type { FusionSnapshot, Store } from "../store/types.js";
import { actorOf } from "./security.js";

/** An entry as a route describes it; the actor comes from the request. */
export type Change = Omit<AuditInput, "actor">;

/** Appends one entry for the request's actor; the summary starts with who did it. */
export async function audit(c: Context, store: Store, change: Change): Promise<void> {
  const actor = actorOf(c);
  await appendAudit(store, { ...change, actor, summary: `${actor.name} ${change.summary}` });
}

/** What an override names: incident ids (or aliases), member events, entity ids. */
function named(o: Override): { ids: string[]; events: string[]; entities: string[] } {
  switch (o.kind) {
    case "merge-incidents":
      return { ids: o.incidents, events: [], entities: [] };
    case "split-incident":
      return { ids: [o.incident], events: o.events, entities: [] };
    case "move-event":
      return { ids: [o.to], events: [o.event], entities: [] };
    case "merge-entities":
      return { ids: [], events: [], entities: o.entities };
    case "unmerge-entity":
      return { ids: [], events: [], entities: [o.entity] };
  }
}

/**
 * The part of the stored fusion an override names — its incidents (by id, alias or member event) and entities —
 * read row by row, so describing an override costs what it names, not what the store holds.
 */
export async function overrideScope(store: Store, o: Override): Promise<FusionSnapshot> {
  const { ids, events, entities } = named(o);
  const incidents = new Map<string, Incident>();
  for (const id of ids) {
    const i = await store.getIncident(id);
    if (i) incidents.set(i.id, i);
  }
  for (const e of events) {
    const id = await store.incidentOfEvent(e);
    const i = id === undefined ? undefined : await store.getIncident(id);
    if (i) incidents.set(i.id, i);
  }
  return { incidents: [...incidents.values()], entities: await store.getEntities(entities), contradictions: [] };
}

/** The incidents and entities an override names, as they stood in a snapshot (or an override's scope). */
function touched(o: Override, snap: FusionSnapshot) {
  const ids = new Set<string>();
  if (o.kind === "merge-incidents") for (const i of o.incidents) ids.add(i);
  if (o.kind === "split-incident") ids.add(o.incident);
  if (o.kind === "move-event") ids.add(o.to);
  if (o.kind === "merge-entities") for (const e of o.entities) ids.add(e);
  if (o.kind === "unmerge-entity") ids.add(o.entity);
  const events = new Set(o.kind === "split-incident" ? o.events : o.kind === "move-event" ? [o.event] : []);
  const incidents = snap.incidents
    .filter((i) => ids.has(i.id) || i.events.some((e) => events.has(e)))
    .map((i) => ({ id: i.id, title: i.title, events: i.events }));
  const entities = snap.entities
    .filter((e) => ids.has(e.id))
    .map((e) => ({ id: e.id, name: e.name, aliases: e.aliases }));
  return { incidents, entities };
}

const quoted = (xs: { title?: string; name?: string }[]): string =>
  xs.map((x) => `"${x.title ?? x.name}"`).join(", ") || "(no longer present)";

/** The sentence and refs for applying or undoing an override, from the snapshots around it. */
export function overrideChange(
  o: Override,
  before: FusionSnapshot,
  after: FusionSnapshot,
  action: "override.apply" | "override.undo",
): Change {
  const was = touched(o, before);
  const now = touched(o, after);
  const ev = o.kind === "split-incident" ? o.events.length : 1;
  const what: Record<Override["kind"], string> = {
    "merge-incidents": `merged incidents ${quoted(was.incidents)}`,
    "split-incident": `split ${ev} event${ev === 1 ? "" : "s"} out of ${quoted(was.incidents.slice(0, 1))}`,
    "move-event": `moved an event into ${quoted(now.incidents.length ? now.incidents : was.incidents)}`,
    "merge-entities": `merged entities ${quoted(was.entities)}`,
    "unmerge-entity": `took ${o.kind === "unmerge-entity" ? o.members.length : 0} alias(es) out of ${quoted(was.entities)}`,
  };
  const events = o.kind === "split-incident" ? o.events : o.kind === "move-event" ? [o.event] : [];
  return {
    action,
    subject: { kind: o.kind, id: o.id },
    summary: action === "override.apply" ? what[o.kind] : `undid: ${what[o.kind]}`,
    refs: [
      ...was.incidents.map((i) => i.id),
      ...now.incidents.map((i) => i.id),
      ...was.entities.map((e) => e.id),
      ...now.entities.map((e) => e.id),
      ...events,
    ],
    before: { override: action === "override.undo" ? o : undefined, ...was },
    after: { override: action === "override.apply" ? o : undefined, ...now },
  };
}

/** The sentence for a review verdict. */
export function reviewSummary(r: Review, docTitle: string | undefined): string {
  const verb = { accepted: "accepted", rejected: "rejected", edited: "edited", added: "added" }[r.status];
  const what =
    r.target.kind === "added" ? `a missed span${r.text ? ` "${r.text.slice(0, 60)}"` : ""}` : `a ${r.target.kind}`;
  const edit = r.status === "edited" && r.value ? ` to "${r.value.slice(0, 60)}"` : "";
  return `${verb} ${what}${edit} in "${docTitle ?? "Untitled document"}"`;
}
