// Small text helpers for the ECB+ clusterer: content-word sets and TF-IDF vectors over the pre-tokenised text.
const STOP = new Set(
  "a an the of to in on at for from by with and or but is are was were be been being has have had it its this that these those he she they them his her their we you i as not no said says say will would could should may might can also after before over into about than then there here who whom which what when where while up out more most some any all one two three new s t".split(
    " ",
  ),
);

export function contentWords(tokens: string[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) {
    const w = t.toLowerCase();
    if (w.length < 3 || STOP.has(w) || !/^[a-z][a-z'-]*$/.test(w)) continue;
    out.add(w.length > 5 ? w.slice(0, 6) : w); // crude stemming: shared 6-letter prefix
  }
  return out;
}

export function jaccard<T>(a: Set<T>, b: Set<T>): number {
  if (!a.size || !b.size) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / (a.size + b.size - n);
}

export type Vector = Map<string, number>;

export function tfidf(docs: Map<string, string[]>): Map<string, Vector> {
  const df = new Map<string, number>();
  const tf = new Map<string, Map<string, number>>();
  for (const [id, toks] of docs) {
    const counts = new Map<string, number>();
    for (const t of toks) {
      const w = t.toLowerCase();
      if (w.length < 3 || STOP.has(w) || !/^[a-z]/.test(w)) continue;
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    tf.set(id, counts);
    for (const w of counts.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const n = docs.size;
  const out = new Map<string, Vector>();
  for (const [id, counts] of tf) {
    const v: Vector = new Map();
    let norm = 0;
    for (const [w, c] of counts) {
      const x = (1 + Math.log(c)) * Math.log((n + 1) / ((df.get(w) ?? 0) + 1) + 1);
      v.set(w, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [w, x] of v) v.set(w, x / norm);
    out.set(id, v);
  }
  return out;
}

export function cosine(a: Vector | undefined, b: Vector | undefined): number {
  if (!a || !b) return 0;
  const [s, l] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [w, x] of s) dot += x * (l.get(w) ?? 0);
  return dot;
}

/** Average-link agglomerative clustering of n items given a similarity function, merging while ≥ threshold. */
export function agglomerate(n: number, sim: (i: number, j: number) => number, threshold: number): number[][] {
  const clusters: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const s: number[][] = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 0 : sim(i, j))),
  );
  // cluster-level average similarity kept in a matrix indexed by cluster slot
  const alive = new Array<boolean>(n).fill(true);
  const avg = s.map((row) => [...row]);
  for (;;) {
    let bi = -1;
    let bj = -1;
    let best = threshold;
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      const row = avg[i] as number[];
      for (let j = i + 1; j < n; j++) {
        if (alive[j] && (row[j] ?? 0) >= best) {
          best = row[j] ?? 0;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) break;
    const ci = clusters[bi] as number[];
    const cj = clusters[bj] as number[];
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === bi || k === bj) continue;
      const v = ((avg[bi]?.[k] ?? 0) * ci.length + (avg[bj]?.[k] ?? 0) * cj.length) / (ci.length + cj.length);
      (avg[bi] as number[])[k] = v;
      (avg[k] as number[])[bi] = v;
    }
    clusters[bi] = [...ci, ...cj];
    alive[bj] = false;
  }
  return clusters.filter((_, i) => alive[i]);
}

/**
 * A light suffix stripper so inflected or mis-lemmatised heads meet ("arrested"/"arrest", "shooting"/"shoot",
 * "drive"/"driving", "oscars"/"oscar"). Deliberately crude: it only decides whether two heads share a stem.
 */
export function stem(word: string): string {
  let w = word.toLowerCase();
  for (const suffix of ["ings", "ing", "ed", "es", "s"]) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.length > 3 && w.endsWith("e")) w = w.slice(0, -1);
  // "stopp" (from "stopped") and "stop" meet when a doubled final consonant is undone
  if (w.length > 3 && w.at(-1) === w.at(-2) && !/[aeiouls]/.test(w.at(-1) ?? "")) w = w.slice(0, -1);
  return w;
}
