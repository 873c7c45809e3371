// Outlet scale (ACLED's `source_scale` categories: how far an outlet's reporting reaches), kept per
// outlet in the store's generic records ("outlet-scales") beside its Admiralty grade.
import { ACLED } from "../export/csv/codebooks.js";
import type { Actor } from "../model/accounts.js";
import { slug } from "../model/document.js";
import { UserError } from "../model/result.js";
import type { Store } from "../store/types.js";
import { appendAudit } from "./audit.js";

export const OUTLET_SCALES = "outlet-scales";
export const SCALES: readonly string[] = ACLED.sourceScales;

interface OutletScale {
  outlet: string;
  scale: string;
}

/** The scale label as ACLED spells it, whatever the case typed. */
export function scaleLabel(value: string): string {
  const hit = SCALES.find((s) => s.toLowerCase() === value.trim().toLowerCase());
  if (!hit) throw new UserError(`scale must be one of ${SCALES.join(", ")} (got ${value})`);
  return hit;
}

export async function setOutletScale(store: Store, by: Actor, outlet: string, value: string): Promise<string> {
  const scale = scaleLabel(value);
  const before = (await store.listRecords<OutletScale>(OUTLET_SCALES)).find((r) => r.outlet === outlet);
  await store.putRecord(OUTLET_SCALES, slug(outlet), { outlet, scale });
  await appendAudit(store, {
    actor: by,
    action: "source.scale",
    subject: { kind: "source", id: slug(outlet) },
    summary: `${by.name} set the scale of ${outlet} to ${scale}${before ? ` (was ${before.scale})` : ""}`,
    ...(before ? { before: { scale: before.scale } } : {}),
    after: { scale },
  });
  return scale;
}

/** Outlet name → scale. */
export async function outletScales(store: Store): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const r of await store.listRecords<OutletScale>(OUTLET_SCALES)) out[r.outlet] = r.scale;
  return out;
}
