// Which incidents read a canonical entity, so that a change to the entity re-fuses them. A frequent entity (a
// capital, a ministry) is read by a share of every incident in the store: held as one list, each new incident
// meant a scan and a copy of the list, and a saved row rewritten whole. Here it is a Set in memory and one saved
// row per (entity, incident) pair, so adding one costs the same however many incidents the entity already has.
import { TrackedMap } from "./state.js";

const SEP = "\u0000";

export class EntityIncidents {
  /** "<entity>\0<incident>" → the order it was added in (the saved form; only ever set or deleted). */
  readonly pairs = new TrackedMap<string, number>(undefined, false);
  /** The next order number (saved, so pairs added after a load sort after the loaded ones). */
  next = 0;
  /** Entity → its incidents in the order they were added; rebuilt from `pairs` on load. */
  private byEntity = new Map<string, Set<string>>();

  add(entity: string, incident: string): void {
    const set = this.byEntity.get(entity);
    if (set?.has(incident)) return;
    if (set) set.add(incident);
    else this.byEntity.set(entity, new Set([incident]));
    this.pairs.set(`${entity}${SEP}${incident}`, this.next++);
  }

  of(entity: string): ReadonlySet<string> {
    return this.byEntity.get(entity) ?? new Set();
  }

  clear(): void {
    this.pairs.clear();
    this.byEntity.clear();
  }

  /**
   * The per-entity sets from loaded pairs, in the order they were added (the order the incidents are re-fused in
   * when the entity changes); `legacy` holds the lists of a state saved before pairs (inc.entityIncidents rows).
   */
  reindex(legacy: [string, string[]][] = []): void {
    this.byEntity.clear();
    const loaded = [...this.pairs].sort((a, b) => a[1] - b[1]);
    for (const [key] of loaded) {
      const at = key.indexOf(SEP);
      const entity = key.slice(0, at);
      const set = this.byEntity.get(entity) ?? new Set();
      this.byEntity.set(entity, set.add(key.slice(at + 1)));
    }
    for (const [entity, incidents] of legacy) for (const i of incidents) this.add(entity, i);
  }

  /** Names of the fields the state codec must not save (rebuilt by `reindex`). */
  static readonly derived: ReadonlySet<string> = new Set(["byEntity"]);
}
