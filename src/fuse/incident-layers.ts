// The analyst's incident overrides (merge, split, move) as a layer over the automatic clusters. Overrides name
// incidents by their stable ids; the clusters underneath are named by their founding events, which can change on
// any replay. So each incident an override names is found again by its member events: the anchors recorded when
// the override was made (the incident as the analyst saw it), else its members in the stored identity.
import { createHash } from "node:crypto";
import type { IdentityAlias, IdentityHints, IdentityMember, IncidentIdentity } from "./identity.js";
import type { Override } from "./types.js";

const hash = (s: string): string => createHash("sha1").update(s).digest("hex").slice(0, 12);

/** The cluster a split-incident override creates. */
export const splitTarget = (overrideId: string): string => `inc-split-${hash(overrideId)}`;

function group(rows: Iterable<[string, string]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of rows) {
    const list = out.get(k);
    if (list) list.push(v);
    else out.set(k, [v]);
  }
  return out;
}

/**
 * The previous fusion's ids, grouped once per engine (layers are rebuilt after every added document). The members
 * are listed and grouped only when an override's anchors do not find its incident, so an engine that names its
 * stored ids from its own index lists them only for such an override.
 */
export class StoredIncidents {
  readonly aliases: Map<string, string>;
  private grouped?: { current: Map<string, string[]>; origin: Map<string, string[]> };
  constructor(
    aliases: readonly IdentityAlias[],
    private readonly members: () => readonly IdentityMember[],
  ) {
    this.aliases = new Map(aliases.map((a) => [a.alias, a.incident]));
  }

  static of(prev: IncidentIdentity): StoredIncidents {
    return new StoredIncidents(prev.aliases, () => prev.members);
  }

  private groups(): { current: Map<string, string[]>; origin: Map<string, string[]> } {
    if (!this.grouped) {
      const members = this.members();
      this.grouped = {
        current: group(members.map((m) => [m.incident, m.event])),
        origin: group(members.map((m) => [m.origin, m.event])),
      };
    }
    return this.grouped;
  }

  get current(): Map<string, string[]> {
    return this.groups().current;
  }

  get origin(): Map<string, string[]> {
    return this.groups().origin;
  }
}

export class IncidentLayers {
  private merged = new Map<string, string>();
  private pinned = new Map<string, string>();
  /** The engine ids each override's incident references resolved to when it was applied. */
  readonly refs = new Map<string, string[]>();
  readonly hints: IdentityHints = { prefer: new Map(), ban: new Map() };
  private readonly aliases: Map<string, string>;

  constructor(
    private readonly clusterOf: ReadonlyMap<string, string>,
    private readonly stored: StoredIncidents,
    ordered: readonly Override[],
  ) {
    this.aliases = stored.aliases;
    for (const o of ordered) this.apply(o);
  }

  resolve(id: string): string {
    let cur = id;
    const seen = new Set<string>();
    while (this.merged.has(cur) && !seen.has(cur)) {
      seen.add(cur);
      cur = this.merged.get(cur) ?? cur;
    }
    return cur;
  }

  incidentOfEvent(evId: string): string | undefined {
    const base = this.pinned.get(evId) ?? this.clusterOf.get(evId);
    return base === undefined ? undefined : this.resolve(base);
  }

  pinnedOf(evId: string): string | undefined {
    return this.pinned.get(evId);
  }

  /** Engine ids merged into another, and events pinned (split off or moved): all an override layer moves. */
  moved(): { merged: Iterable<string>; pinned: Iterable<string> } {
    return { merged: this.merged.keys(), pinned: this.pinned.keys() };
  }

  /** Where the layers built so far put most of these events. */
  private majority(events: readonly string[] | undefined): string | undefined {
    const votes = new Map<string, number>();
    for (const e of events ?? []) {
      const at = this.incidentOfEvent(e);
      if (at !== undefined) votes.set(at, (votes.get(at) ?? 0) + 1);
    }
    let best: string | undefined;
    let n = 0;
    for (const [id, v] of votes) if (v > n || (v === n && best !== undefined && id < best)) [best, n] = [id, v];
    return best;
  }

  private followAlias(id: string): string {
    let cur = id;
    for (let i = 0; i < 100 && this.aliases.has(cur); i++) cur = this.aliases.get(cur) ?? cur;
    return cur;
  }

  /** The engine id an override's incident reference stands for now. */
  private layerOf(o: Override, ref: string): string {
    const found =
      this.majority(o.anchors?.[ref]) ??
      this.majority(this.stored.current.get(this.followAlias(ref))) ??
      this.majority(this.stored.origin.get(ref));
    return found ?? this.resolve(ref);
  }

  private apply(o: Override): void {
    switch (o.kind) {
      case "merge-incidents": {
        const first = o.incidents[0] ?? "";
        const into = this.layerOf(o, first);
        const refs = [into];
        for (const id of o.incidents.slice(1)) {
          const from = this.layerOf(o, id);
          refs.push(from);
          if (from !== into) this.merged.set(from, into);
        }
        this.refs.set(o.id, refs);
        this.hints.prefer.set(into, this.followAlias(first));
        break;
      }
      case "split-incident": {
        const target = splitTarget(o.id);
        for (const ev of o.events) this.pinned.set(ev, target);
        this.refs.set(o.id, [this.layerOf(o, o.incident)]);
        const ban = this.hints.ban.get(target) ?? new Set<string>();
        this.hints.ban.set(target, ban.add(this.followAlias(o.incident)));
        break;
      }
      case "move-event": {
        const to = this.layerOf(o, o.to);
        this.pinned.set(o.event, to);
        this.refs.set(o.id, [to]);
        break;
      }
      default:
        break;
    }
  }

  /** Final preferences: merge targets are looked up again, since later merges may have folded them further. */
  finalHints(): IdentityHints {
    const prefer = new Map<string, string>();
    for (const [layer, id] of this.hints.prefer) prefer.set(this.resolve(layer), id);
    return { prefer, ban: this.hints.ban };
  }
}
