// Protocol steps 1–2: B-cubed over article → incident assignments, and the incidents formed per cluster.
import type { Incident } from "../../src/model/records.js";
import { type GoldCluster, goldGroups } from "./gold.js";
import type { SystemCluster } from "./system.js";

export interface B3 {
  p: number;
  r: number;
  f1: number;
  n: number;
}

/** B-cubed precision/recall (0–1) of a system partition against a gold one, over the same items. */
export function bcubed(system: Map<string, string>, gold: Map<string, string>): B3 {
  const members = (m: Map<string, string>) => {
    const out = new Map<string, Set<string>>();
    for (const [item, k] of m) out.set(k, (out.get(k) ?? new Set()).add(item));
    return out;
  };
  const sys = members(system);
  const gld = members(gold);
  let p = 0;
  let r = 0;
  for (const [item, gk] of gold) {
    const s = sys.get(system.get(item) ?? `singleton:${item}`) ?? new Set([item]);
    const g = gld.get(gk) ?? new Set([item]);
    let both = 0;
    for (const x of s) if (g.has(x)) both++;
    p += both / s.size;
    r += both / g.size;
  }
  const n = gold.size;
  const P = n ? p / n : 1;
  const R = n ? r / n : 1;
  return { p: P, r: R, f1: P + R ? (2 * P * R) / (P + R) : 0, n };
}

export interface ClusterMatch {
  b3: B3;
  /** Gold group index → the system incident holding most of its articles (each system incident used once). */
  matched: Map<number, Incident>;
  /** Gold group index of every article. */
  goldOf: Map<string, number>;
  formed: number;
  gold: number;
  spurious: Incident[];
  /** Spurious incidents that rest on an article naming a background event whose date they carry. */
  fromBackground: number;
}

export function scoreClustering(c: GoldCluster, s: SystemCluster): ClusterMatch {
  const groups = goldGroups(c);
  const goldOf = new Map<string, number>();
  groups.forEach((g, i) => {
    for (const a of g.articles) goldOf.set(a, i);
  });
  const gold = new Map<string, string>();
  const system = new Map<string, string>();
  for (const a of c.articles) {
    const gi = goldOf.get(a.id);
    if (gi === undefined) continue; // an article gold does not place is not scored
    gold.set(a.id, `g${gi}`);
    const inc = s.articles.get(a.id)?.incident;
    system.set(a.id, inc ? inc.id : `singleton:${a.id}`);
  }
  // Match gold groups to system incidents greedily by shared articles, largest overlap first.
  const overlaps: { gi: number; inc: Incident; n: number }[] = [];
  groups.forEach((g, gi) => {
    const count = new Map<string, { inc: Incident; n: number }>();
    for (const a of g.articles) {
      const inc = s.articles.get(a)?.incident;
      if (!inc) continue;
      const e = count.get(inc.id) ?? { inc, n: 0 };
      e.n++;
      count.set(inc.id, e);
    }
    for (const { inc, n } of count.values()) overlaps.push({ gi, inc, n });
  });
  overlaps.sort((a, b) => b.n - a.n || a.gi - b.gi || a.inc.id.localeCompare(b.inc.id));
  const matched = new Map<number, Incident>();
  const used = new Set<string>();
  for (const o of overlaps) {
    if (matched.has(o.gi) || used.has(o.inc.id)) continue;
    matched.set(o.gi, o.inc);
    used.add(o.inc.id);
  }
  const spurious = s.incidents.filter((i) => !used.has(i.id));
  const background = c.gold.background_mentions ?? [];
  let fromBackground = 0;
  for (const inc of spurious) {
    const day = inc.date?.start ?? "";
    const hit = background.some((b) => {
      const doc = [...s.articles.values()].find((x) => x.id === b.article)?.doc?.id;
      if (!doc || !inc.documents.includes(doc)) return false;
      const when = (b.date ?? "").replace(/[^\d-]/g, "");
      return !!when && !!day && (day.startsWith(when) || when.startsWith(day.slice(0, 4)));
    });
    if (hit) fromBackground++;
  }
  return {
    b3: bcubed(system, gold),
    matched,
    goldOf,
    formed: s.incidents.length,
    gold: groups.length,
    spurious,
    fromBackground,
  };
}
