// Analyst overrides as they are stored: every incident an override names is anchored by its member events as
// the analyst saw them, so the override finds the same incident on any later replay (see fuse/incident-layers).
import type { Override } from "../fuse/index.js";
import type { Store } from "../store/types.js";

/** Enough members to find an incident again by majority; a bound keeps huge incidents' overrides small. */
const MAX_ANCHORS = 25;

function referencedIncidents(o: Override): string[] {
  switch (o.kind) {
    case "merge-incidents":
      return o.incidents;
    case "split-incident":
      return [o.incident];
    case "move-event":
      return [o.to];
    default:
      return [];
  }
}

/** The override with anchors for the incidents it names (ids or aliases); unknown ids are left as given. */
export async function anchorOverride(store: Store, o: Override): Promise<Override> {
  const anchors: Record<string, string[]> = { ...(o.anchors ?? {}) };
  for (const ref of referencedIncidents(o)) {
    if (anchors[ref]) continue;
    const incident = await store.getIncident(ref);
    if (incident?.events.length) anchors[ref] = incident.events.slice(0, MAX_ANCHORS);
  }
  return Object.keys(anchors).length ? { ...o, anchors } : o;
}
