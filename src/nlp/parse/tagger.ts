// Greedy left-to-right UPOS tagger: an averaged perceptron over the word, its affixes and shape,
// two words either side and the two previous predicted tags; frequent unambiguous words are tagged
// from a dictionary (faster, and as accurate).

import type { TreebankSentence } from "./conllu.js";
import { feat1, feat2, feat3, seededRandom, shuffleInPlace } from "./hash.js";
import { AveragedPerceptron, scoreInto, type WeightTable } from "./perceptron.js";
import { normalise, type WordKeys, wordKeys } from "./tokens.js";

export interface TaggerModel {
  tags: string[];
  /** Normalised word → tag index, for words seen often with one tag. */
  dict: Map<string, number>;
  /** Normalised word → bit set of the tags it had in training (words seen 3+ times): its ambiguity class. */
  classes: Map<string, number>;
  table: WeightTable;
}

const START = -1;
const END = -2;
export const TAGGER_FEATURES = 34;

function taggerFeatures(k: WordKeys, amb: Int32Array, i: number, p1: number, p2: number, out: Int32Array): number {
  const n = k.lower.length;
  const w = (j: number): number => (j < 0 ? START : j >= n ? END : k.lower[j]!);
  const s3 = (j: number): number => (j < 0 ? START : j >= n ? END : k.suf3[j]!);
  const sh = (j: number): number => (j < 0 ? START : j >= n ? END : k.shape[j]!);
  let m = 0;
  out[m++] = feat1(0, 0);
  out[m++] = feat1(1, k.lower[i]!);
  out[m++] = feat1(2, k.suf1[i]!);
  out[m++] = feat1(3, k.suf2[i]!);
  out[m++] = feat1(4, k.suf3[i]!);
  out[m++] = feat1(5, k.suf4[i]!);
  out[m++] = feat1(6, k.pre1[i]!);
  out[m++] = feat1(7, k.shape[i]!);
  out[m++] = feat1(8, w(i - 1));
  out[m++] = feat1(9, w(i + 1));
  out[m++] = feat1(10, w(i - 2));
  out[m++] = feat1(11, w(i + 2));
  out[m++] = feat1(12, p1);
  out[m++] = feat2(13, p2, p1);
  out[m++] = feat2(14, p1, k.lower[i]!);
  out[m++] = feat1(15, s3(i + 1));
  out[m++] = feat1(16, s3(i - 1));
  out[m++] = feat2(17, w(i - 1), k.lower[i]!);
  out[m++] = feat2(18, k.lower[i]!, w(i + 1));
  out[m++] = feat2(19, i === 0 ? 1 : 0, k.shape[i]!);
  out[m++] = feat1(20, k.raw[i]!);
  out[m++] = feat3(21, p1, k.suf3[i]!, w(i + 1));
  out[m++] = feat1(22, k.pre3[i]!);
  out[m++] = feat1(23, sh(i + 1));
  out[m++] = feat1(24, sh(i - 1));
  out[m++] = feat2(25, w(i + 1), w(i + 2));
  out[m++] = feat2(26, p1, sh(i));
  out[m++] = feat3(27, p1, w(i - 1), k.lower[i]!);
  const a = (j: number): number => (j < 0 ? START : j >= n ? END : amb[j]!);
  out[m++] = feat1(28, a(i));
  out[m++] = feat1(29, a(i + 1));
  out[m++] = feat1(30, a(i + 2));
  out[m++] = feat2(31, p1, a(i));
  out[m++] = feat2(32, a(i), a(i + 1));
  out[m++] = feat3(33, p1, a(i), a(i + 1));
  return m;
}

function ambiguity(classes: Map<string, number>, k: WordKeys): Int32Array {
  const out = new Int32Array(k.lower.length);
  k.lowerStrings.forEach((w, i) => {
    out[i] = classes.get(w) ?? -3;
  });
  return out;
}

export function tagWithKeys(model: TaggerModel, forms: readonly string[], k: WordKeys): number[] {
  const amb = ambiguity(model.classes, k);
  const feats = new Int32Array(TAGGER_FEATURES);
  const scores = new Float64Array(model.tags.length);
  const out: number[] = [];
  for (let i = 0; i < forms.length; i++) {
    const known = model.dict.get(k.lowerStrings[i]!);
    if (known !== undefined) {
      out.push(known);
      continue;
    }
    const nf = taggerFeatures(k, amb, i, out[i - 1] ?? START, out[i - 2] ?? START, feats);
    scoreInto(model.table, feats, nf, scores);
    out.push(argmax(scores, model.tags.length));
  }
  return out;
}

export function argmax(xs: Float64Array, n: number): number {
  let best = 0;
  for (let c = 1; c < n; c++) if (xs[c]! > xs[best]!) best = c;
  return best;
}

export interface TaggerTraining {
  epochs: number;
  rowBits: number;
  seed: number;
}

/** Trains on the sentences in a seeded order; same data and options give the same weights. */
export function trainTagger(data: readonly TreebankSentence[], tags: string[], opts: TaggerTraining): TaggerModel {
  const tagIndex = new Map(tags.map((t, i) => [t, i]));
  const { dict, classes } = buildLexicon(data, tagIndex);
  const ap = new AveragedPerceptron(opts.rowBits, tags.length);
  const keyed = data.map((s) => {
    const keys = wordKeys(s.forms);
    return { keys, amb: ambiguity(classes, keys), gold: s.upos.map((t) => tagIndex.get(t) ?? 0) };
  });
  const order = keyed.map((_, i) => i);
  const rand = seededRandom(opts.seed);
  const feats = new Int32Array(TAGGER_FEATURES);
  const scores = new Float64Array(tags.length);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffleInPlace(order, rand);
    for (const idx of order) {
      const { keys, amb, gold } = keyed[idx]!;
      const prev: number[] = [];
      for (let i = 0; i < gold.length; i++) {
        const known = dict.get(keys.lowerStrings[i]!);
        if (known !== undefined) {
          prev.push(known);
          continue;
        }
        const nf = taggerFeatures(keys, amb, i, prev[i - 1] ?? START, prev[i - 2] ?? START, feats);
        scoreInto(ap, feats, nf, scores);
        const guess = argmax(scores, tags.length);
        ap.update(feats, nf, gold[i]!, guess);
        ap.tick();
        prev.push(guess);
      }
    }
  }
  return { tags, dict, classes, table: { rowBits: opts.rowBits, classes: tags.length, weights: ap.averagedInt16() } };
}

function buildLexicon(
  data: readonly TreebankSentence[],
  tagIndex: Map<string, number>,
): { dict: Map<string, number>; classes: Map<string, number> } {
  const counts = new Map<string, Map<number, number>>();
  for (const s of data) {
    s.forms.forEach((f, i) => {
      const w = normalise(f);
      const t = tagIndex.get(s.upos[i]!) ?? 0;
      let m = counts.get(w);
      if (!m) {
        m = new Map();
        counts.set(w, m);
      }
      m.set(t, (m.get(t) ?? 0) + 1);
    });
  }
  const dict = new Map<string, number>();
  const classes = new Map<string, number>();
  for (const w of [...counts.keys()].sort()) {
    const m = counts.get(w)!;
    let total = 0;
    let best = 0;
    let bestTag = 0;
    let bits = 0;
    for (const [t, c] of m) {
      total += c;
      bits |= 1 << t;
      if (c > best) [best, bestTag] = [c, t];
    }
    if (total >= 20 && best / total >= 0.97) dict.set(w, bestTag);
    if (total >= 3) classes.set(w, bits);
  }
  return { dict, classes };
}
