// Integer hashing for feature templates: features are never stored as strings, only as 32-bit hashes
// of (template id, part, part, …) that index a fixed-size weight table, so the model needs no
// feature dictionary and memory is known in advance. Murmur3-style mixing keeps collisions even.

export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

function mix(h: number, x: number): number {
  let k = Math.imul(x, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let r = h ^ k;
  r = (r << 13) | (r >>> 19);
  return (Math.imul(r, 5) + 0xe6546b64) | 0;
}

function finish(h: number): number {
  let r = h ^ (h >>> 16);
  r = Math.imul(r, 0x85ebca6b);
  r ^= r >>> 13;
  r = Math.imul(r, 0xc2b2ae35);
  return r ^ (r >>> 16);
}

export const feat1 = (t: number, a: number): number => finish(mix(mix(0x2545f491, t), a));
export const feat2 = (t: number, a: number, b: number): number => finish(mix(mix(mix(0x2545f491, t), a), b));
export const feat3 = (t: number, a: number, b: number, c: number): number =>
  finish(mix(mix(mix(mix(0x2545f491, t), a), b), c));

/** Deterministic PRNG (mulberry32) so training order and exploration reproduce exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffleInPlace<T>(xs: T[], rand: () => number): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = xs[i]!;
    xs[i] = xs[j]!;
    xs[j] = t;
  }
}
