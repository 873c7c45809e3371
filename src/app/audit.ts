// The audit trail: one append-only "audit" record per analyst action. Nothing here updates or
// deletes an entry; ids sort by time so the trail reads in order.
import { randomUUID } from "node:crypto";
import { userInfo } from "node:os";
import type { Actor, AuditAction, AuditEntry } from "../model/accounts.js";
import type { Store } from "../store/types.js";

export const AUDIT = "audit";

export interface AuditInput {
  actor: Actor;
  action: AuditAction;
  subject: { kind: string; id: string };
  summary: string;
  refs?: string[];
  before?: unknown;
  after?: unknown;
}

export async function appendAudit(store: Store, input: AuditInput): Promise<AuditEntry> {
  const at = new Date().toISOString();
  const entry: AuditEntry = {
    id: `${at}-${randomUUID().slice(0, 8)}`,
    at,
    actor: input.actor,
    action: input.action,
    subject: input.subject,
    summary: input.summary,
    refs: [...new Set(input.refs ?? [])],
    ...(input.before !== undefined ? { before: input.before } : {}),
    ...(input.after !== undefined ? { after: input.after } : {}),
  };
  await store.putRecord(AUDIT, entry.id, entry);
  return entry;
}

/** The trail, oldest first; with `refs`, only the entries that touched any of those ids. */
export async function listAudit(store: Store, refs?: readonly string[]): Promise<AuditEntry[]> {
  const all = (await store.listRecords<AuditEntry>(AUDIT)).sort((a, b) => a.id.localeCompare(b.id));
  if (!refs) return all;
  const wanted = new Set(refs);
  return all.filter((e) => wanted.has(e.subject.id) || e.refs.some((r) => wanted.has(r)));
}

/** The person running a command on this machine (the command line has no sign-in). */
export function cliActor(): Actor {
  let name = "unknown";
  try {
    name = userInfo().username;
  } catch {
    // no passwd entry (some containers): keep "unknown"
  }
  return { name: `cli:${name}`, role: "admin" };
}

/** The audit entry of a command-line ingest that stored documents (the API records uploads the same way). */
export async function auditCliIngest(
  store: Store,
  inputs: string[],
  stored: Array<{ id?: string; title?: string }>,
  extra: { batch?: number; after?: unknown } = {},
): Promise<void> {
  const actor = cliActor();
  const what = extra.batch === undefined ? `${stored.length} new document${stored.length === 1 ? "" : "s"}` : "";
  const named = inputs.length === 1 ? inputs[0]! : `${inputs.length} inputs`;
  await appendAudit(store, {
    actor,
    action: "document.ingest",
    subject:
      extra.batch === undefined ? { kind: "cli-ingest", id: named } : { kind: "ingest-batch", id: String(extra.batch) },
    summary:
      extra.batch === undefined
        ? `${actor.name} ingested ${named}: ${what}`.slice(0, 400)
        : `${actor.name} queued ${named} as batch ${extra.batch}`.slice(0, 400),
    refs: stored.flatMap((r) => (r.id ? [r.id] : [])),
    ...(extra.after !== undefined ? { after: extra.after } : {}),
  });
}
