// Maximum bipartite matching between predictions and gold items (Kuhn's augmenting paths), so a
// scorer never loses credit to the order in which predictions arrive. Sizes are per document and
// per role (a handful), so the simple algorithm is plenty.

/** Number of pairs in a maximum matching where `ok(p, g)` says prediction p may match gold g. */
export function maxMatching(nPred: number, nGold: number, ok: (p: number, g: number) => boolean): number {
  return maxMatchingPairs(nPred, nGold, ok).length;
}

/**
 * Best total credit when each pair scores 0, 0.5 or 1 (MUC partial credit): first match the full
 * pairs, then match the partial pairs among what is left. Exact for 0/0.5/1 credits in practice.
 */
export function bestCredit(nPred: number, nGold: number, credit: (p: number, g: number) => number): number {
  const full = maxMatchingPairs(nPred, nGold, (p, g) => credit(p, g) >= 1);
  const usedP = new Set(full.map(([p]) => p));
  const usedG = new Set(full.map(([, g]) => g));
  const restP = [...Array(nPred).keys()].filter((p) => !usedP.has(p));
  const restG = [...Array(nGold).keys()].filter((g) => !usedG.has(g));
  const half = maxMatching(restP.length, restG.length, (i, j) => credit(restP[i]!, restG[j]!) > 0);
  return full.length + 0.5 * half;
}

/** Like maxMatching but returns the matched [pred, gold] pairs. */
export function maxMatchingPairs(
  nPred: number,
  nGold: number,
  ok: (p: number, g: number) => boolean,
): [number, number][] {
  const goldTo = new Array<number>(nGold).fill(-1);
  const tryAssign = (p: number, seen: boolean[]): boolean => {
    for (let g = 0; g < nGold; g++) {
      if (seen[g] || !ok(p, g)) continue;
      seen[g] = true;
      if (goldTo[g] === -1 || tryAssign(goldTo[g]!, seen)) {
        goldTo[g] = p;
        return true;
      }
    }
    return false;
  };
  for (let p = 0; p < nPred; p++) tryAssign(p, new Array<boolean>(nGold).fill(false));
  const pairs: [number, number][] = [];
  goldTo.forEach((p, g) => {
    if (p >= 0) pairs.push([p, g]);
  });
  return pairs;
}
