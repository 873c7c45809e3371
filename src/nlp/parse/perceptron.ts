// A multi-class linear model over hashed features: feature hash → row of one weight per class.
// Training keeps the averaged perceptron's running sums (Daumé's trick: average = w − u/c, so each
// update is O(classes) instead of touching every weight); inference uses the quantised averaged
// weights only.

/** The weights a trained model scores with (Int16 after decoding; Float32 while training). */
export interface WeightTable {
  rowBits: number;
  classes: number;
  weights: Int16Array | Float32Array;
}

export function scoreInto(t: WeightTable, feats: Int32Array, n: number, out: Float64Array): void {
  const k = t.classes;
  const mask = (1 << t.rowBits) - 1;
  const w = t.weights;
  out.fill(0, 0, k);
  for (let i = 0; i < n; i++) {
    const base = (feats[i]! & mask) * k;
    for (let c = 0; c < k; c++) out[c]! += w[base + c]!;
  }
}

export class AveragedPerceptron implements WeightTable {
  readonly weights: Float32Array;
  private readonly sums: Float64Array;
  private instances = 1;

  constructor(
    readonly rowBits: number,
    readonly classes: number,
  ) {
    this.weights = new Float32Array((1 << rowBits) * classes);
    this.sums = new Float64Array((1 << rowBits) * classes);
  }

  /** One training instance seen (updated or not): advances the averaging clock. */
  tick(): void {
    this.instances++;
  }

  update(feats: Int32Array, n: number, truth: number, guess: number): void {
    if (truth === guess) return;
    const k = this.classes;
    const mask = (1 << this.rowBits) - 1;
    const c = this.instances;
    for (let i = 0; i < n; i++) {
      const base = (feats[i]! & mask) * k;
      this.weights[base + truth]! += 1;
      this.sums[base + truth]! += c;
      this.weights[base + guess]! -= 1;
      this.sums[base + guess]! -= c;
    }
  }

  /** Adds `delta` to class `cls` of every feature (a global, whole-sequence perceptron update). */
  add(feats: Int32Array, n: number, cls: number, delta: number): void {
    const k = this.classes;
    const mask = (1 << this.rowBits) - 1;
    const dc = delta * this.instances;
    for (let i = 0; i < n; i++) {
      const j = (feats[i]! & mask) * k + cls;
      this.weights[j]! += delta;
      this.sums[j]! += dc;
    }
  }

  /** The averaged weights, quantised to 16 bits with one scale per table (scores are scale-free). */
  averagedInt16(): Int16Array {
    const n = this.weights.length;
    const avg = new Float64Array(n);
    let max = 0;
    for (let i = 0; i < n; i++) {
      const v = this.weights[i]! - this.sums[i]! / this.instances;
      avg[i] = v;
      if (Math.abs(v) > max) max = Math.abs(v);
    }
    const out = new Int16Array(n);
    if (max === 0) return out;
    const scale = 32767 / max;
    for (let i = 0; i < n; i++) out[i] = Math.round(avg[i]! * scale);
    return out;
  }
}
