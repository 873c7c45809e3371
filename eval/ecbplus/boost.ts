// Gradient-boosted decision trees for the mention-pair model. The cues interact (a shared head lemma means
// much when the participants agree and little when they differ; a synonym counts only inside one story), which
// a linear model sees only through the interaction terms written for it; shallow trees find such interactions
// themselves. Logistic loss, Newton leaf values, features binned by quantiles so each level is one pass.

interface Node {
  feature: number; // -1 for a leaf
  threshold: number; // go left when x[feature] <= threshold
  bin: number; // the same test on binned training rows
  left: number;
  right: number;
  value: number;
}

export interface BoostOptions {
  trees: number;
  depth: number;
  rate: number;
  bins: number;
  lambda: number;
  minChild: number;
}

const DEFAULTS: BoostOptions = { trees: 120, depth: 3, rate: 0.1, bins: 32, lambda: 1, minChild: 5 };

export class Boosted {
  private forest: Node[][] = [];
  private base = 0;
  private opts: BoostOptions;

  constructor(opts: Partial<BoostOptions> = {}) {
    this.opts = { ...DEFAULTS, ...opts };
  }

  private margin(x: number[]): number {
    let z = this.base;
    for (const tree of this.forest) {
      let n = tree[0] as Node;
      while (n.feature >= 0) n = tree[(x[n.feature] ?? 0) <= n.threshold ? n.left : n.right] as Node;
      z += n.value;
    }
    return z;
  }

  predict(x: number[]): number {
    return 1 / (1 + Math.exp(-this.margin(x)));
  }

  /** Fit on feature rows and 0/1 labels; classes are balanced as in the logistic model. */
  fit(xs: number[][], ys: number[]): void {
    const { trees, depth, rate, bins, lambda, minChild } = this.opts;
    const n = xs.length;
    const d = xs[0]?.length ?? 0;
    const pos = ys.reduce((s, y) => s + y, 0);
    const wPos = pos ? n / (2 * pos) : 1;
    const wNeg = n - pos ? n / (2 * (n - pos)) : 1;
    const weight = ys.map((y) => (y ? wPos : wNeg));
    // quantile cut points per feature; a value's bin is the number of cut points below it
    const cuts: number[][] = [];
    const binOf: Uint8Array[] = [];
    for (let f = 0; f < d; f++) {
      const values = xs.map((x) => x[f] ?? 0).sort((a, b) => a - b);
      const c: number[] = [];
      for (let q = 1; q < bins; q++) {
        const v = values[Math.floor((q * n) / bins)] ?? 0;
        if (c.length === 0 || v > (c[c.length - 1] as number)) c.push(v);
      }
      // with few distinct values the cut points are the values themselves, so 0/1 features split cleanly
      cuts.push(c);
      const b = new Uint8Array(n);
      for (let k = 0; k < n; k++) {
        const v = xs[k]?.[f] ?? 0;
        let lo = 0;
        while (lo < c.length && v > (c[lo] as number)) lo++;
        b[k] = lo;
      }
      binOf.push(b);
    }
    this.base = 0;
    this.forest = [];
    const z = new Float64Array(n);
    const g = new Float64Array(n);
    const h = new Float64Array(n);
    const nodeOf = new Int32Array(n);
    const nb = bins + 1;
    for (let t = 0; t < trees; t++) {
      for (let k = 0; k < n; k++) {
        const p = 1 / (1 + Math.exp(-(z[k] ?? 0)));
        const w = weight[k] ?? 1;
        g[k] = w * (p - (ys[k] ?? 0));
        h[k] = w * Math.max(p * (1 - p), 1e-6);
      }
      const tree: Node[] = [{ feature: -1, threshold: 0, bin: 0, left: -1, right: -1, value: 0 }];
      nodeOf.fill(0);
      let frontier = [0];
      for (let level = 0; level <= depth && frontier.length; level++) {
        const slot = new Map<number, number>();
        frontier.forEach((id, i) => {
          slot.set(id, i);
        });
        const m = frontier.length;
        const G = new Float64Array(m * d * nb);
        const H = new Float64Array(m * d * nb);
        const GT = new Float64Array(m);
        const HT = new Float64Array(m);
        for (let k = 0; k < n; k++) {
          const s = slot.get(nodeOf[k] as number);
          if (s === undefined) continue;
          const gk = g[k] as number;
          const hk = h[k] as number;
          GT[s] = (GT[s] as number) + gk;
          HT[s] = (HT[s] as number) + hk;
          if (level === depth) continue;
          const base = s * d * nb;
          for (let f = 0; f < d; f++) {
            const i = base + f * nb + (binOf[f]?.[k] as number);
            G[i] = (G[i] as number) + gk;
            H[i] = (H[i] as number) + hk;
          }
        }
        const next: number[] = [];
        frontier.forEach((id, s) => {
          const node = tree[id] as Node;
          const gt = GT[s] as number;
          const ht = HT[s] as number;
          node.value = (-rate * gt) / (ht + lambda);
          if (level === depth) return;
          let best = 0;
          let bf = -1;
          let bb = -1;
          const parent = (gt * gt) / (ht + lambda);
          for (let f = 0; f < d; f++) {
            let gl = 0;
            let hl = 0;
            const c = cuts[f] as number[];
            for (let b = 0; b < c.length; b++) {
              const i = s * d * nb + f * nb + b;
              gl += G[i] as number;
              hl += H[i] as number;
              const hr = ht - hl;
              if (hl < minChild || hr < minChild) continue;
              const gr = gt - gl;
              const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parent;
              if (gain > best) [best, bf, bb] = [gain, f, b];
            }
          }
          if (bf < 0) return;
          node.feature = bf;
          node.threshold = (cuts[bf] as number[])[bb] as number;
          node.bin = bb;
          node.left = tree.length;
          tree.push({ feature: -1, threshold: 0, bin: 0, left: -1, right: -1, value: node.value });
          node.right = tree.length;
          tree.push({ feature: -1, threshold: 0, bin: 0, left: -1, right: -1, value: node.value });
          next.push(node.left, node.right);
        });
        if (level === depth) break;
        for (let k = 0; k < n; k++) {
          const node = tree[nodeOf[k] as number] as Node;
          if (node.feature < 0 || !slot.has(nodeOf[k] as number)) continue;
          nodeOf[k] = (binOf[node.feature]?.[k] as number) <= node.bin ? node.left : node.right;
        }
        frontier = next;
      }
      this.forest.push(tree);
      for (let k = 0; k < n; k++) {
        let node = tree[0] as Node;
        while (node.feature >= 0)
          node = tree[(xs[k]?.[node.feature] ?? 0) <= node.threshold ? node.left : node.right] as Node;
        z[k] = (z[k] as number) + node.value;
      }
    }
  }
}
