// Near-duplicate detection for syndicated and wire copies: MinHash signatures over 5-word shingles with
// locality-sensitive hashing (bands of rows) so a new document is compared only with documents that share
// a band bucket, never with the whole collection. Copies of one story then corroborate a fact once.

export const SHINGLE = 5;
export const PERMUTATIONS = 64;
export const BANDS = 16; // 16 bands × 4 rows: pairs above ~0.5 Jaccard very likely share a bucket
export const DUPLICATE_JACCARD = 0.6;
/**
 * Ids a band bucket keeps (the most recent). Copies of one text share all 16 buckets, so without a cap each new
 * copy of a popular story is compared with every earlier one. A copy needs one earlier copy to be linked: the
 * engine joins copies in a union-find (independence groups), so the family stays one group through the 32 latest.
 * What the cap drops is part of the list of earlier copies a document names (its `duplicates`, shown in an
 * incident's explanation): a copy is compared with at most 16 × 32 earlier documents, the latest in its buckets.
 */
export const BUCKET_CAP = 32;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit integer mix (murmur3 finaliser) standing in for one random permutation per seed. */
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const SEEDS = Array.from({ length: PERMUTATIONS }, (_, i) => mix(i + 1, 0x9e3779b9));

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function shingles(text: string, k = SHINGLE): Set<number> {
  const w = words(text);
  const out = new Set<number>();
  if (w.length < k) {
    if (w.length) out.add(fnv1a(w.join(" ")));
    return out;
  }
  for (let i = 0; i + k <= w.length; i++) out.add(fnv1a(w.slice(i, i + k).join(" ")));
  return out;
}

export function minhash(text: string): Uint32Array {
  const sig = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  for (const s of shingles(text)) {
    for (let i = 0; i < PERMUTATIONS; i++) {
      const v = mix(s, SEEDS[i] ?? 0);
      if (v < (sig[i] ?? 0)) sig[i] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of the two shingle sets. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

export class NearDuplicateIndex {
  // both maps are only ever `set` (never changed in place), so the saved state tracks them as explicit
  private sigs = new Map<string, Uint32Array>();
  private buckets = new Map<string, string[]>();
  constructor(private threshold = DUPLICATE_JACCARD) {}

  /** Index a document; returns the earlier documents it is a near-duplicate of, with their similarity. */
  add(id: string, text: string): { doc: string; similarity: number }[] {
    if (this.sigs.has(id)) return [];
    const sig = minhash(text);
    const rows = PERMUTATIONS / BANDS;
    const candidates = new Set<string>();
    const keys: string[] = [];
    for (let b = 0; b < BANDS; b++) {
      const key = `${b}:${Array.from(sig.subarray(b * rows, (b + 1) * rows)).join(",")}`;
      keys.push(key);
      for (const other of this.buckets.get(key) ?? []) candidates.add(other);
    }
    for (const key of keys) {
      // a new array (at most BUCKET_CAP long) rather than a push: the saved state writes a bucket when it is set
      const list = this.buckets.get(key) ?? [];
      this.buckets.set(key, [...list.slice(Math.max(0, list.length - BUCKET_CAP + 1)), id]);
    }
    this.sigs.set(id, sig);
    const out: { doc: string; similarity: number }[] = [];
    for (const c of candidates) {
      const other = this.sigs.get(c);
      if (!other) continue;
      const s = similarity(sig, other);
      if (s >= this.threshold) out.push({ doc: c, similarity: s });
    }
    return out.sort((a, b) => b.similarity - a.similarity);
  }
}
