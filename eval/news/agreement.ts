// Protocol steps 5 and 6: revisions told from disputes on the main incident, and "same entity" decisions over
// the spellings gold lists.
import type { Contradiction, Incident } from "../../src/model/records.js";
import { norm } from "./fields.js";
import type { GoldCluster, GoldNumber } from "./gold.js";
import { goldNumber, systemNumber } from "./numbers.js";
import type { SystemCluster } from "./system.js";

export interface Recall {
  found: number;
  total: number;
}

/** How many of a gold entry's figures a contradiction carries (numbers only; statements without one are skipped). */
function shared(values: GoldNumber[], c: Contradiction): number {
  const sys = new Set(c.values.map((v) => systemNumber(v.value)).filter((n) => n !== undefined));
  return new Set(values.map(goldNumber).filter((n) => n !== undefined && sys.has(n))).size;
}

/**
 * A gold revision counts as presented when one `revision` record on its attribute carries at least two of its
 * figures; a gold dispute when one `dispute` record carries at least two of its figures.
 */
export function scoreAgreement(
  c: GoldCluster,
  contradictions: Contradiction[],
  inc: Incident | undefined,
): { revisions: Recall; disputes: Recall } {
  const mine = inc ? contradictions.filter((x) => x.incident === inc.id) : [];
  const hit = (attribute: string, values: GoldNumber[], kind: Contradiction["kind"]) =>
    mine.some((x) => x.attribute === attribute && x.kind === kind && shared(values, x) >= 2);
  const revisions = { found: 0, total: 0 };
  for (const r of c.gold.revisions ?? []) {
    revisions.total++;
    if (hit(r.attribute, r.sequence, "revision")) revisions.found++;
  }
  const disputes = { found: 0, total: 0 };
  for (const d of c.gold.disputes ?? []) {
    disputes.total++;
    if (hit(d.attribute, d.values, "dispute")) disputes.found++;
  }
  return { revisions, disputes };
}

export interface PairTally {
  tp: number;
  fp: number;
  fn: number;
  /** Spellings gold lists that the system surfaced as an entity's name, alias or mention. */
  surfaced: number;
  spellings: number;
}

/**
 * Each gold spelling is mapped to the canonical entity that carries it most often (name, alias or mention text).
 * Pairs of surfaced spellings in one gold item should share an entity; pairs across items should not.
 */
export function scoreEntityPairs(c: GoldCluster, s: SystemCluster): PairTally {
  const votes = new Map<string, Map<string, number>>();
  const vote = (spelling: string, entity: string, w: number) => {
    const m = votes.get(spelling) ?? new Map<string, number>();
    m.set(entity, (m.get(entity) ?? 0) + w);
    votes.set(spelling, m);
  };
  const mentionText = new Map<string, string>();
  for (const f of s.input.facts) for (const m of f.mentions) mentionText.set(m.id, norm(m.text));
  for (const e of s.input.fusion.entities) {
    for (const name of [e.name, ...e.aliases]) vote(norm(name), e.id, 1);
    for (const m of e.mentions) {
      const t = mentionText.get(m);
      if (t) vote(t, e.id, 1);
    }
  }
  const entityOf = (spelling: string): string | undefined => {
    const m = votes.get(norm(spelling));
    if (!m) return undefined;
    return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  };
  const items = (c.gold.entities ?? []).map((item, i) => ({
    i,
    names: [...new Set(item.names.map(norm))].filter(Boolean),
  }));
  const surfaced: { item: number; entity: string }[] = [];
  let spellings = 0;
  const seen = new Set<string>();
  for (const it of items) {
    for (const n of it.names) {
      if (seen.has(n)) continue; // a spelling listed under two items is ambiguous: left out
      seen.add(n);
      spellings++;
      const e = entityOf(n);
      if (e) surfaced.push({ item: it.i, entity: e });
    }
  }
  const t: PairTally = { tp: 0, fp: 0, fn: 0, surfaced: surfaced.length, spellings };
  for (let a = 0; a < surfaced.length; a++) {
    for (let b = a + 1; b < surfaced.length; b++) {
      const x = surfaced[a]!;
      const y = surfaced[b]!;
      const same = x.entity === y.entity;
      if (x.item === y.item) same ? t.tp++ : t.fn++;
      else if (same) t.fp++;
    }
  }
  return t;
}
