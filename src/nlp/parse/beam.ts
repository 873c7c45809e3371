// Beam-search decoding and globally trained (max-violation) perceptron for the arc-hybrid parser
// (Zhang & Nivre 2011; Huang et al. 2012). Greedy decoding commits to each move; the beam keeps the
// k best move sequences by summed score, so a move that looks worse now can win once later words
// are seen. Every arc-hybrid parse of n words takes 2n moves, so beam items stay in step.
// Training scores whole prefixes: at the step where the beam's best prefix beats the best correct
// prefix by the most, the correct prefix's features are rewarded and the wrong one's penalised.
// "Correct" is measured by the dynamic oracle's costs, so non-projective trees (no zero-cost path)
// are trained towards their best reachable tree.
import { LEFT, MOVES, ParseState, SHIFT } from "./arc-hybrid.js";
import { seededRandom, shuffleInPlace } from "./hash.js";
import type { Arcs, ParserExample, ParserModel, ParserTraining } from "./parser.js";
import { LABEL_FEATURES, labelFeatures, MOVE_FEATURES, moveFeatures, type ParseInput } from "./parser-features.js";
import { AveragedPerceptron, scoreInto, type WeightTable } from "./perceptron.js";
import { argmax } from "./tagger.js";

/** One move of a prefix, kept only while training (the update replays them). */
interface Step {
  prev: Step | null;
  feats: Int32Array;
  nf: number;
  move: number;
}

interface Item {
  s: ParseState;
  score: number;
  /** Gold arcs lost so far (dynamic-oracle cost, training only). */
  cost: number;
  hist: Step | null;
}

interface Candidate {
  item: number;
  move: number;
  score: number;
  cost: number;
}

const byScore = (a: Candidate, b: Candidate): number => b.score - a.score || a.item - b.item || a.move - b.move;

function arcOf(s: ParseState, move: number): [number, number] {
  const st = s.stack;
  return [move === LEFT ? s.b0 : st[st.length - 2]!, st[st.length - 1]!];
}

/** Labels the arc `move` makes with the label model's best relation (−1 for SHIFT). */
function labelFor(
  arcs: WeightTable,
  nLabels: number,
  x: ParseInput,
  s: ParseState,
  move: number,
  lf: Int32Array,
  ls: Float64Array,
): number {
  if (move === SHIFT) return -1;
  const [head, dep] = arcOf(s, move);
  scoreInto(arcs, lf, labelFeatures(x, s, move, head, dep, lf), ls);
  return argmax(ls, nLabels);
}

export function parseBeam(model: ParserModel, x: ParseInput, width: number): Arcs {
  const nLabels = model.labels.length;
  const mf = new Int32Array(MOVE_FEATURES);
  const lf = new Int32Array(LABEL_FEATURES);
  const ms = new Float64Array(MOVES);
  const ls = new Float64Array(nLabels);
  let beam: Item[] = [{ s: new ParseState(x.n), score: 0, cost: 0, hist: null }];
  while (!beam[0]!.s.done()) {
    const cands: Candidate[] = [];
    beam.forEach((it, i) => {
      scoreInto(model.moves, mf, moveFeatures(x, it.s, mf), ms);
      for (let m = 0; m < MOVES; m++)
        if (it.s.legal(m)) cands.push({ item: i, move: m, score: it.score + ms[m]!, cost: 0 });
    });
    cands.sort(byScore);
    const next: Item[] = [];
    for (const c of cands.slice(0, width)) {
      const s = beam[c.item]!.s.clone();
      s.apply(c.move, labelFor(model.arcs, nLabels, x, s, c.move, lf, ls));
      next.push({ s, score: c.score, cost: 0, hist: null });
    }
    beam = next;
  }
  const s = beam[0]!.s;
  const heads: number[] = [];
  const labels: number[] = [];
  for (let i = 1; i <= x.n; i++) {
    const h = s.heads[i]!;
    heads.push(h === x.n + 1 ? 0 : h);
    labels.push(s.labels[i]!);
  }
  return { heads, labels };
}

export interface BeamTraining extends ParserTraining {
  beam: number;
}

/** Max-violation training of the move model; the label model learns on the correct prefix's arcs. */
export function trainBeamParser(data: readonly ParserExample[], labels: string[], opts: BeamTraining): ParserModel {
  const moves = new AveragedPerceptron(opts.moveBits, MOVES);
  const arcs = new AveragedPerceptron(opts.labelBits, labels.length);
  const rand = seededRandom(opts.seed);
  const order = data.map((_, i) => i);
  const mf = new Int32Array(MOVE_FEATURES);
  const lf = new Int32Array(LABEL_FEATURES);
  const ms = new Float64Array(MOVES);
  const ls = new Float64Array(labels.length);
  const nL = labels.length;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffleInPlace(order, rand);
    for (const idx of order) {
      const { x, gold, goldLabels } = data[idx]!;
      let beam: Item[] = [{ s: new ParseState(x.n), score: 0, cost: 0, hist: null }];
      let good: Item = beam[0]!;
      let worst = 0;
      let worstPair: [Step | null, Step | null] | null = null;
      while (!good.s.done()) {
        // expand the beam and the correct item (which may have fallen out of it)
        const cands: Candidate[] = [];
        const steps: Step[] = [];
        const expand = (it: Item, i: number): void => {
          const nf = moveFeatures(x, it.s, mf);
          scoreInto(moves, mf, nf, ms);
          steps[i] = { prev: it.hist, feats: mf.slice(0, nf), nf, move: -1 };
          for (let m = 0; m < MOVES; m++)
            if (it.s.legal(m))
              cands.push({ item: i, move: m, score: it.score + ms[m]!, cost: it.cost + it.s.cost(m, gold) });
        };
        beam.forEach(expand);
        const goodInBeam = beam.indexOf(good);
        const goodIdx = goodInBeam >= 0 ? goodInBeam : beam.length;
        if (goodInBeam < 0) expand(good, goodIdx);
        // the best correct continuation: the correct item's cheapest moves, or a beam item as cheap
        let minCost = Number.POSITIVE_INFINITY;
        for (const c of cands) if (c.cost < minCost) minCost = c.cost;
        const inBeam = cands.filter((c) => c.item < beam.length).sort(byScore);
        const top = inBeam.slice(0, opts.beam);
        let bestGood: Candidate | undefined;
        for (const c of cands) if (c.cost === minCost && (!bestGood || byScore(c, bestGood) < 0)) bestGood = c;
        const make = (c: Candidate, learnLabel: boolean): Item => {
          const from = c.item < beam.length ? beam[c.item]! : good;
          const s = from.s.clone();
          let label = -1;
          if (c.move !== SHIFT) {
            const [head, dep] = arcOf(s, c.move);
            const lnf = labelFeatures(x, s, c.move, head, dep, lf);
            scoreInto(arcs, lf, lnf, ls);
            label = argmax(ls, nL);
            if (learnLabel && gold[dep] === head) {
              arcs.update(lf, lnf, goldLabels[dep]!, label);
              arcs.tick();
            }
          }
          s.apply(c.move, label);
          const st = steps[c.item]!;
          return { s, score: c.score, cost: c.cost, hist: { prev: st.prev, feats: st.feats, nf: st.nf, move: c.move } };
        };
        const next = top.map((c) => make(c, c === bestGood));
        const gi = top.indexOf(bestGood!);
        good = gi >= 0 ? next[gi]! : make(bestGood!, true);
        beam = next;
        const v = beam[0]!.score - good.score;
        if (beam[0]!.cost > good.cost && v >= worst) {
          worst = v;
          worstPair = [good.hist, beam[0]!.hist];
        }
      }
      if (worstPair) {
        // replay both prefixes back to where they share history; shared steps would cancel
        let [g, p] = worstPair;
        while (g && p && g !== p) {
          if (g.move !== p.move || g.feats !== p.feats) {
            moves.add(g.feats, g.nf, g.move, 1);
            moves.add(p.feats, p.nf, p.move, -1);
          }
          g = g.prev;
          p = p.prev;
        }
      }
      moves.tick();
    }
  }
  return {
    labels,
    beam: opts.beam,
    moves: { rowBits: opts.moveBits, classes: MOVES, weights: moves.averagedInt16() },
    arcs: { rowBits: opts.labelBits, classes: labels.length, weights: arcs.averagedInt16() },
  };
}
