// Coreference scores with their standard definitions: MUC (Vilain et al. 1995), B³ (Bagga & Baldwin 1998),
// entity-based CEAF (φ4, Luo 2005) and the CoNLL F1 (their mean). Clusters are arrays of mention ids;
// singletons count (the usual setting for ECB+ event coreference). A mention missing from the response is
// treated as a response singleton, as the reference scorer does with gold mentions.

export type Clustering = string[][];

export interface PRF {
  p: number;
  r: number;
  f1: number;
}

export interface CorefScores {
  muc: PRF;
  b3: PRF;
  ceafe: PRF;
  conll: number;
}

const prf = (pn: number, pd: number, rn: number, rd: number): PRF => {
  const p = pd === 0 ? 0 : pn / pd;
  const r = rd === 0 ? 0 : rn / rd;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
};

function index(clusters: Clustering): Map<string, number> {
  const m = new Map<string, number>();
  clusters.forEach((c, i) => {
    for (const x of c) m.set(x, i);
  });
  return m;
}

/** Add every key mention the response lacks as a response singleton (and drop response-only mentions). */
export function alignMentions(key: Clustering, response: Clustering): Clustering {
  const keyMentions = new Set(key.flat());
  const out = response.map((c) => c.filter((x) => keyMentions.has(x))).filter((c) => c.length);
  const seen = new Set(out.flat());
  for (const x of keyMentions) if (!seen.has(x)) out.push([x]);
  return out;
}

/** MUC recall numerator/denominator of `a` partitioned by `b`. */
function mucPart(a: Clustering, bIndex: Map<string, number>): [number, number] {
  let num = 0;
  let den = 0;
  for (const c of a) {
    const parts = new Set<string>();
    for (const x of c) {
      const j = bIndex.get(x);
      parts.add(j === undefined ? `solo:${x}` : String(j));
    }
    num += c.length - parts.size;
    den += c.length - 1;
  }
  return [num, den];
}

export function muc(key: Clustering, response: Clustering): PRF {
  const [rn, rd] = mucPart(key, index(response));
  const [pn, pd] = mucPart(response, index(key));
  return prf(pn, pd, rn, rd);
}

function b3Part(a: Clustering, b: Clustering): [number, number] {
  const bIndex = index(b);
  let num = 0;
  let den = 0;
  for (const c of a) {
    const counts = new Map<number, number>();
    for (const x of c) {
      const j = bIndex.get(x);
      if (j !== undefined) counts.set(j, (counts.get(j) ?? 0) + 1);
    }
    // Σ over mentions of |A∩B|/|A| = Σ over overlapping B of |A∩B|²/|A|
    for (const n of counts.values()) num += (n * n) / c.length;
    den += c.length;
  }
  return [num, den];
}

export function b3(key: Clustering, response: Clustering): PRF {
  const [rn, rd] = b3Part(key, response);
  const [pn, pd] = b3Part(response, key);
  return prf(pn, pd, rn, rd);
}

/** Maximum-weight assignment (Hungarian algorithm, Kuhn–Munkres) on a rows×cols matrix of non-negative weights. */
export function maxAssignment(w: number[][]): number {
  const n = w.length;
  const m = n ? (w[0]?.length ?? 0) : 0;
  if (!n || !m) return 0;
  const size = Math.max(n, m);
  let max = 0;
  for (const row of w) for (const v of row) if (v > max) max = v;
  // convert to a square minimisation problem
  const cost = (i: number, j: number): number => max - (i < n && j < m ? (w[i]?.[j] ?? 0) : 0);
  const u = new Float64Array(size + 1);
  const v = new Float64Array(size + 1);
  const p = new Int32Array(size + 1);
  const way = new Int32Array(size + 1);
  for (let i = 1; i <= size; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(size + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Uint8Array(size + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0] ?? 0;
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      for (let j = 1; j <= size; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - (u[i0] ?? 0) - (v[j] ?? 0);
        if (cur < (minv[j] ?? 0)) {
          minv[j] = cur;
          way[j] = j0;
        }
        if ((minv[j] ?? 0) < delta) {
          delta = minv[j] ?? 0;
          j1 = j;
        }
      }
      for (let j = 0; j <= size; j++) {
        if (used[j]) {
          u[p[j] ?? 0] = (u[p[j] ?? 0] ?? 0) + delta;
          v[j] = (v[j] ?? 0) - delta;
        } else minv[j] = (minv[j] ?? 0) - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0] ?? 0;
      p[j0] = p[j1] ?? 0;
      j0 = j1;
    } while (j0);
  }
  let total = 0;
  for (let j = 1; j <= size; j++) {
    const i = (p[j] ?? 0) - 1;
    if (i >= 0 && i < n && j - 1 < m) total += w[i]?.[j - 1] ?? 0;
  }
  return total;
}

/** Entity-based CEAF (φ4 = 2|K∩R| / (|K|+|R|)); the alignment is solved per connected component. */
export function ceafe(key: Clustering, response: Clustering): PRF {
  const rIndex = index(response);
  // connected components of the bipartite key–response overlap graph
  const parent: number[] = [];
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x] ?? x] ?? x;
      x = parent[x] ?? x;
    }
    return x;
  };
  const nK = key.length;
  for (let i = 0; i < nK + response.length; i++) parent.push(i);
  key.forEach((c, i) => {
    for (const x of c) {
      const j = rIndex.get(x);
      if (j !== undefined) parent[find(i)] = find(nK + j);
    }
  });
  const comps = new Map<number, { k: number[]; r: number[] }>();
  for (let i = 0; i < nK + response.length; i++) {
    const root = find(i);
    let c = comps.get(root);
    if (!c) {
      c = { k: [], r: [] };
      comps.set(root, c);
    }
    if (i < nK) c.k.push(i);
    else c.r.push(i - nK);
  }
  let sim = 0;
  for (const { k, r } of comps.values()) {
    if (!k.length || !r.length) continue;
    const w = k.map((ki) => {
      const kc = key[ki] ?? [];
      const counts = new Map<number, number>();
      for (const x of kc) {
        const j = rIndex.get(x);
        if (j !== undefined) counts.set(j, (counts.get(j) ?? 0) + 1);
      }
      return r.map((rj) => (2 * (counts.get(rj) ?? 0)) / (kc.length + (response[rj]?.length ?? 0)));
    });
    sim += maxAssignment(w);
  }
  return prf(sim, response.length, sim, key.length);
}

export function score(key: Clustering, response: Clustering): CorefScores {
  const resp = alignMentions(key, response);
  const m = muc(key, resp);
  const b = b3(key, resp);
  const c = ceafe(key, resp);
  return { muc: m, b3: b, ceafe: c, conll: (m.f1 + b.f1 + c.f1) / 3 };
}
