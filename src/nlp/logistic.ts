// Binary logistic regression over string features: a weight per known feature string, unknown
// features weigh nothing. Trained by full-batch gradient descent with AdaGrad steps and an L2
// penalty: no sampling, so the same examples in the same order give the same weights on every run.
// Weights are rounded when stored, which makes the written model file byte-stable.

export interface LogisticModel {
  bias: number;
  weights: Record<string, number>;
}

export interface LogisticExample {
  features: readonly string[];
  label: boolean;
}

export interface LogisticOptions {
  /** Gradient steps over the whole set. */
  iterations: number;
  /** L2 penalty per weight (scaled by the number of examples). */
  l2: number;
  /** Features seen in fewer examples are dropped. */
  minCount: number;
  /** AdaGrad base step. */
  rate: number;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function logisticScore(model: LogisticModel, features: readonly string[]): number {
  let z = model.bias;
  for (const f of features) z += model.weights[f] ?? 0;
  return sigmoid(z);
}

/** Rounded to 4 decimals; weights that round to zero are left out. */
function rounded(names: string[], w: Float64Array, bias: number): LogisticModel {
  const weights: Record<string, number> = {};
  names.forEach((n, i) => {
    const v = Math.round(w[i]! * 1e4) / 1e4;
    if (v !== 0) weights[n] = v;
  });
  return { bias: Math.round(bias * 1e4) / 1e4, weights };
}

export function trainLogistic(examples: readonly LogisticExample[], opts: LogisticOptions): LogisticModel {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of new Set(e.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const names = [...counts]
    .filter(([, n]) => n >= opts.minCount)
    .map(([f]) => f)
    .sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const rows = examples.map((e) => [...new Set(e.features.map((f) => index.get(f)).filter((i) => i !== undefined))]);
  const w = new Float64Array(names.length);
  const g2 = new Float64Array(names.length);
  let bias = 0;
  let b2 = 0;
  const n = Math.max(1, examples.length);
  for (let it = 0; it < opts.iterations; it++) {
    const grad = new Float64Array(names.length);
    let gb = 0;
    examples.forEach((e, k) => {
      let z = bias;
      for (const i of rows[k]!) z += w[i]!;
      const err = sigmoid(z) - (e.label ? 1 : 0);
      gb += err;
      for (const i of rows[k]!) grad[i]! += err;
    });
    for (let i = 0; i < w.length; i++) {
      const g = grad[i]! / n + opts.l2 * w[i]!;
      g2[i]! += g * g;
      if (g2[i]! > 0) w[i]! -= (opts.rate * g) / Math.sqrt(g2[i]!);
    }
    const g = gb / n;
    b2 += g * g;
    if (b2 > 0) bias -= (opts.rate * g) / Math.sqrt(b2);
  }
  return rounded(names, w, bias);
}
