// Greedy arc-hybrid dependency parser: one averaged perceptron picks the move, a second picks the
// arc's UD relation. Trained with the dynamic oracle and exploration (Goldberg & Nivre 2013): after
// the first epoch the trainer mostly follows its own predictions, so it learns to recover from its
// mistakes the way it will meet them at run time.
import { LEFT, MOVES, ParseState, SHIFT } from "./arc-hybrid.js";
import { seededRandom, shuffleInPlace } from "./hash.js";
import { LABEL_FEATURES, labelFeatures, MOVE_FEATURES, moveFeatures, type ParseInput } from "./parser-features.js";
import { AveragedPerceptron, scoreInto, type WeightTable } from "./perceptron.js";
import { argmax } from "./tagger.js";
import type { WordKeys } from "./tokens.js";

export interface ParserModel {
  labels: string[];
  /** Beam width the move model was trained for; 1 = greedy. */
  beam: number;
  moves: WeightTable;
  arcs: WeightTable;
}

const NONE_WORD = 0x1b873593;
const ROOT_WORD = 0x2ad1b5c3;
const NONE_TAG = -1;
const ROOT_TAG = -2;

export function parseInput(keys: WordKeys, tags: readonly number[]): ParseInput {
  const n = tags.length;
  const word = new Int32Array(n + 2);
  const tag = new Int32Array(n + 2);
  const suf3 = new Int32Array(n + 2);
  word[0] = NONE_WORD;
  tag[0] = NONE_TAG;
  word[n + 1] = ROOT_WORD;
  tag[n + 1] = ROOT_TAG;
  suf3[n + 1] = ROOT_WORD;
  for (let i = 0; i < n; i++) {
    word[i + 1] = keys.lower[i]!;
    tag[i + 1] = tags[i]!;
    suf3[i + 1] = keys.suf3[i]!;
  }
  return { n, word, tag, suf3 };
}

export interface Arcs {
  /** 1-based head per word, 0 for the root. */
  heads: number[];
  labels: number[];
}

export function parseWith(model: ParserModel, x: ParseInput): Arcs {
  const s = new ParseState(x.n);
  const mf = new Int32Array(MOVE_FEATURES);
  const lf = new Int32Array(LABEL_FEATURES);
  const ms = new Float64Array(MOVES);
  const ls = new Float64Array(model.labels.length);
  while (!s.done()) {
    scoreInto(model.moves, mf, moveFeatures(x, s, mf), ms);
    const move = bestLegal(s, ms);
    let label = -1;
    if (move !== SHIFT) {
      const [head, dep] = arcOf(s, move);
      scoreInto(model.arcs, lf, labelFeatures(x, s, move, head, dep, lf), ls);
      label = argmax(ls, model.labels.length);
    }
    s.apply(move, label);
  }
  const heads: number[] = [];
  const labels: number[] = [];
  for (let i = 1; i <= x.n; i++) {
    const h = s.heads[i]!;
    heads.push(h === x.n + 1 ? 0 : h);
    labels.push(s.labels[i]!);
  }
  return { heads, labels };
}

function arcOf(s: ParseState, move: number): [number, number] {
  const st = s.stack;
  const dep = st[st.length - 1]!;
  return [move === LEFT ? s.b0 : st[st.length - 2]!, dep];
}

function bestLegal(s: ParseState, scores: Float64Array): number {
  let best = -1;
  for (let m = 0; m < MOVES; m++) if (s.legal(m) && (best < 0 || scores[m]! > scores[best]!)) best = m;
  return best;
}

export interface ParserExample {
  x: ParseInput;
  /** Gold head per word index 1..n, root as n+1 (index 0 unused). */
  gold: Int32Array;
  goldLabels: Int32Array;
}

export interface ParserTraining {
  epochs: number;
  moveBits: number;
  labelBits: number;
  seed: number;
  /** Probability of following the model's own move once exploration starts (epoch 2 on). */
  explore: number;
}

export function trainParser(data: readonly ParserExample[], labels: string[], opts: ParserTraining): ParserModel {
  const moves = new AveragedPerceptron(opts.moveBits, MOVES);
  const arcs = new AveragedPerceptron(opts.labelBits, labels.length);
  const rand = seededRandom(opts.seed);
  const order = data.map((_, i) => i);
  const mf = new Int32Array(MOVE_FEATURES);
  const lf = new Int32Array(LABEL_FEATURES);
  const ms = new Float64Array(MOVES);
  const ls = new Float64Array(labels.length);
  const costs = new Int32Array(MOVES);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffleInPlace(order, rand);
    for (const idx of order) {
      const { x, gold, goldLabels } = data[idx]!;
      const s = new ParseState(x.n);
      while (!s.done()) {
        const nf = moveFeatures(x, s, mf);
        scoreInto(moves, mf, nf, ms);
        let minCost = Number.POSITIVE_INFINITY;
        for (let m = 0; m < MOVES; m++) {
          costs[m] = s.legal(m) ? s.cost(m, gold) : 1 << 30;
          if (costs[m]! < minCost) minCost = costs[m]!;
        }
        const guess = bestLegal(s, ms);
        let best = -1;
        for (let m = 0; m < MOVES; m++) if (costs[m] === minCost && (best < 0 || ms[m]! > ms[best]!)) best = m;
        moves.update(mf, nf, best, guess);
        moves.tick();
        const follow = costs[guess] === minCost || (epoch > 0 && rand() < opts.explore) ? guess : best;
        let label = -1;
        if (follow !== SHIFT) {
          const [head, dep] = arcOf(s, follow);
          const lnf = labelFeatures(x, s, follow, head, dep, lf);
          scoreInto(arcs, lf, lnf, ls);
          label = argmax(ls, labels.length);
          if (gold[dep] === head) {
            arcs.update(lf, lnf, goldLabels[dep]!, label);
            arcs.tick();
          }
        }
        s.apply(follow, label);
      }
    }
  }
  return {
    labels,
    beam: 1,
    moves: { rowBits: opts.moveBits, classes: MOVES, weights: moves.averagedInt16() },
    arcs: { rowBits: opts.labelBits, classes: labels.length, weights: arcs.averagedInt16() },
  };
}
