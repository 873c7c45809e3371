// Stable incident ids. The clusterer names a cluster after its founding event, and the founder changes when an
// earlier report arrives or a rebuild replays documents in another order; analyst work (ACH, reviews, notes,
// overrides) keyed by that name would be orphaned. So every fusion result is renamed against the ids stored by
// the previous one: a cluster inherits the stored id it shares most member events with, new clusters get fresh
// ids, and a stored id whose events all went to a cluster that kept another id becomes an alias of that id.

/** One member event of an incident; `origin` is the first incident id the event was ever given (never changes). */
export interface IdentityMember {
  event: string;
  incident: string;
  origin: string;
}

export interface IdentityAlias {
  alias: string;
  incident: string;
}

/** What the store remembers between fusions: which incident each event belongs to, and retired ids. */
export interface IncidentIdentity {
  members: IdentityMember[];
  aliases: IdentityAlias[];
}

export const emptyIdentity = (): IncidentIdentity => ({ members: [], aliases: [] });

/** Analyst intent that overlap alone cannot see: a merge keeps its first id; a split-off part never takes the id. */
export interface IdentityHints {
  prefer: Map<string, string>;
  ban: Map<string, Set<string>>;
}

interface Candidate {
  cluster: string;
  id: string;
  preferred: boolean;
  origin: number;
  current: number;
}

/** Follows alias links to a live id (undefined when the chain ends nowhere). */
export function resolveAlias(
  id: string,
  live: { has(id: string): boolean },
  aliases: ReadonlyMap<string, string>,
): string | undefined {
  let cur = id;
  for (let i = 0; i < 100; i++) {
    if (live.has(cur)) return cur;
    const next = aliases.get(cur);
    if (next === undefined) return undefined;
    cur = next;
  }
  return undefined;
}

function bump(m: Map<string, number>, k: string): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

/**
 * Names each cluster (keyed by the engine's own id, with its member events) with a stable id and returns the
 * identity to store next. Deterministic: the same clusters and previous identity always give the same names.
 */
/**
 * For naming only some clusters (incremental fusion): ids live in clusters not passed, which none of these may
 * take or make an alias, and ids ever used, which a fresh id must avoid.
 */
export interface OutsideIds {
  live: { has(id: string): boolean };
  used: { has(id: string): boolean };
}

export function assignIdentity(
  prev: IncidentIdentity,
  clusters: ReadonlyMap<string, readonly string[]>,
  hints: IdentityHints = { prefer: new Map(), ban: new Map() },
  outside?: OutsideIds,
): { idOf: Map<string, string>; identity: IncidentIdentity } {
  const prevIncident = new Map(prev.members.map((m) => [m.event, m.incident]));
  const prevOrigin = new Map(prev.members.map((m) => [m.event, m.origin]));
  const prevLive = new Set(prev.members.map((m) => m.incident));
  const prevAliases = new Map(prev.aliases.map((a) => [a.alias, a.incident]));
  const seen = new Set<string>([...prevLive, ...prevOrigin.values(), ...prevAliases.keys()]);
  const used = { has: (id: string) => seen.has(id) || !!outside?.used.has(id) };

  const candidates: Candidate[] = [];
  const known = new Map<string, number>();
  for (const [cluster, events] of clusters) {
    const origin = new Map<string, number>();
    const current = new Map<string, number>();
    let n = 0;
    for (const e of events) {
      const o = prevOrigin.get(e);
      const c = prevIncident.get(e);
      if (o !== undefined) bump(origin, o);
      if (c !== undefined) bump(current, c);
      if (c !== undefined) n++;
    }
    known.set(cluster, n);
    const preferred = hints.prefer.get(cluster);
    const ids = new Set([...origin.keys(), ...current.keys(), ...(preferred ? [preferred] : [])]);
    for (const id of ids) {
      if (hints.ban.get(cluster)?.has(id)) continue;
      candidates.push({
        cluster,
        id,
        preferred: id === preferred,
        origin: origin.get(id) ?? 0,
        current: current.get(id) ?? 0,
      });
    }
  }
  // the analyst's merge target first, then the id most of the cluster's events started in, then where they were
  candidates.sort(
    (a, b) =>
      Number(b.preferred) - Number(a.preferred) ||
      b.origin - a.origin ||
      b.current - a.current ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : a.cluster < b.cluster ? -1 : 1),
  );
  const idOf = new Map<string, string>();
  const taken = new Set<string>();
  for (const c of candidates) {
    if (idOf.has(c.cluster) || taken.has(c.id) || outside?.live.has(c.id)) continue;
    // a retired id comes back only for a cluster made mostly of its events (an undone merge), never by a stray event
    const retired = !prevLive.has(c.id);
    if (retired && !c.preferred && Math.max(c.origin, c.current) * 2 < (known.get(c.cluster) ?? 0)) continue;
    idOf.set(c.cluster, c.id);
    taken.add(c.id);
  }
  for (const cluster of [...clusters.keys()].sort()) {
    if (idOf.has(cluster)) continue;
    let id = cluster;
    for (let k = 2; used.has(id) || taken.has(id); k++) id = `${cluster}-${k}`;
    idOf.set(cluster, id);
    taken.add(id);
  }

  const members: IdentityMember[] = [];
  const where = new Map<string, string>();
  for (const [cluster, events] of clusters) {
    const id = idOf.get(cluster) as string;
    for (const event of events) {
      where.set(event, id);
      members.push({ event, incident: id, origin: prevOrigin.get(event) ?? id });
    }
  }
  const aliases = new Map<string, string>();
  for (const [alias, target] of prevAliases) if (!taken.has(alias)) aliases.set(alias, target);
  // a stored id no cluster kept points to the incident most of its events went to
  const lost = new Map<string, Map<string, number>>();
  for (const [event, id] of prevIncident) {
    if (taken.has(id) || outside?.live.has(id)) continue;
    const now = where.get(event);
    if (now === undefined) continue;
    const votes = lost.get(id) ?? new Map<string, number>();
    bump(votes, now);
    lost.set(id, votes);
  }
  for (const [id, votes] of lost) {
    const best = [...votes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (best) aliases.set(id, best[0]);
  }
  const out: IdentityAlias[] = [];
  for (const alias of [...aliases.keys()].sort()) {
    const target = resolveAlias(aliases.get(alias) as string, taken, aliases);
    if (target !== undefined && target !== alias) out.push({ alias, incident: target });
  }
  return { idOf, identity: { members, aliases: out } };
}
