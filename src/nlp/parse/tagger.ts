// Greedy left-to-right UPOS tagger: an averaged perceptron over the word, its affixes and shape,
// two words either side and the two previous predicted tags; frequent unambiguous words are tagged
// from a dictionary (faster, and as accurate).
import { feat1, feat2, feat3, seededRandom, shuffleInPlace } from "./hash.js";
import { AveragedPerceptron, scoreInto, type WeightTable } from "./perceptron.js";
import type { TreebankSentence } from "./conllu.js";
import { type WordKeys, normalise, wordKeys } from "./tokens.js";

export interface TaggerModel {
  tags: string[];
  /** Normalised word → tag index, for words seen often with one tag. */
  dict: Map<string, number>;
  table: WeightTable;
}

const START = -1;
const END = -2;
export const TAGGER_FEATURES = 22;

function taggerFeatures(k: WordKeys, i: number, p1: number, p2: number, out: Int32Array): number {
  const n = k.lower.length;
  const w = (j: number): number => (j < 0 ? START : j >= n ? END : k.lower[j]!);
  const s3 = (j: number): number => (j < 0 ? START : j >= n ? END : k.suf3[j]!);
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
  return m;
}

export function tagWithKeys(model: TaggerModel, forms: readonly string[], k: WordKeys): number[] {
  const feats = new Int32Array(TAGGER_FEATURES);
  const scores = new Float64Array(model.tags.length);
  const out: number[] = [];
  for (let i = 0; i < forms.length; i++) {
    const known = model.dict.get(k.lowerStrings[i]!);
    if (known !== undefined) {
      out.push(known);
      continue;
    }
    const nf = taggerFeatures(k, i, out[i - 1] ?? START, out[i - 2] ?? START, feats);
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
  const dict = buildTagDict(data, tagIndex);
  const ap = new AveragedPerceptron(opts.rowBits, tags.length);
  const model: TaggerModel = { tags, dict, table: ap };
  const keyed = data.map((s) => ({ keys: wordKeys(s.forms), gold: s.upos.map((t) => tagIndex.get(t) ?? 0) }));
  const order = keyed.map((_, i) => i);
  const rand = seededRandom(opts.seed);
  const feats = new Int32Array(TAGGER_FEATURES);
  const scores = new Float64Array(tags.length);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffleInPlace(order, rand);
    for (const idx of order) {
      const { keys, gold } = keyed[idx]!;
      const prev: number[] = [];
      for (let i = 0; i < gold.length; i++) {
        const known = dict.get(keys.lowerStrings[i]!);
        if (known !== undefined) {
          prev.push(known);
          continue;
        }
        const nf = taggerFeatures(keys, i, prev[i - 1] ?? START, prev[i - 2] ?? START, feats);
        scoreInto(ap, feats, nf, scores);
        const guess = argmax(scores, tags.length);
        ap.update(feats, nf, gold[i]!, guess);
        ap.tick();
        prev.push(guess);
      }
    }
  }
  return { tags, dict, table: { rowBits: opts.rowBits, classes: tags.length, weights: ap.averagedInt16() } };
}

function buildTagDict(data: readonly TreebankSentence[], tagIndex: Map<string, number>): Map<string, number> {
  const counts = new Map<string, Map<number, number>>();
  for (const s of data) {
    s.forms.forEach((f, i) => {
      const w = normalise(f);
      const t = tagIndex.get(s.upos[i]!) ?? 0;
      let m = counts.get(w);
      if (!m) counts.set(w, (m = new Map()));
      m.set(t, (m.get(t) ?? 0) + 1);
    });
  }
  const dict = new Map<string, number>();
  for (const w of [...counts.keys()].sort()) {
    const m = counts.get(w)!;
    let total = 0;
    let best = 0;
    let bestTag = 0;
    for (const [t, c] of m) {
      total += c;
      if (c > best) [best, bestTag] = [c, t];
    }
    if (total >= 20 && best / total >= 0.97) dict.set(w, bestTag);
  }
  return dict;
}
