// Counting helpers for the scorers: precision/recall/F1 from match counts, accuracy tallies, and
// conversion to report rows (percentages, so every table reads the same way).
import type { EvalRow } from "../types.js";

/** Match counts for P/R/F1. `credit` allows partial matches (MUC 1992 gives 0.5 for a partial). */
export interface Prf {
  credit: number;
  predicted: number;
  gold: number;
}

export const emptyPrf = (): Prf => ({ credit: 0, predicted: 0, gold: 0 });

export function addPrf(into: Prf, more: Prf): Prf {
  into.credit += more.credit;
  into.predicted += more.predicted;
  into.gold += more.gold;
  return into;
}

/** P, R, F1 in percent. Empty denominators score 0 except the all-empty case, which is perfect. */
export function prfScores(c: Prf): { p: number; r: number; f1: number } {
  if (c.predicted === 0 && c.gold === 0) return { p: 100, r: 100, f1: 100 };
  const p = c.predicted ? (100 * c.credit) / c.predicted : 0;
  const r = c.gold ? (100 * c.credit) / c.gold : 0;
  const f1 = p + r > 0 ? (2 * p * r) / (p + r) : 0;
  return { p, r, f1 };
}

export function prfRow(name: string, c: Prf): EvalRow {
  return { name, ...prfScores(c), n: c.gold };
}

/** Accuracy over items where gold is defined. */
export interface Tally {
  correct: number;
  total: number;
}

export const emptyTally = (): Tally => ({ correct: 0, total: 0 });

export function tally(t: Tally, correct: boolean): void {
  t.total += 1;
  if (correct) t.correct += 1;
}

export function accRow(name: string, t: Tally): EvalRow {
  // No scorable item: leave accuracy out rather than report a misleading 0 (and keep it out of macro averages).
  return t.total ? { name, acc: (100 * t.correct) / t.total, n: t.total } : { name, n: 0 };
}

/** Macro average of the accuracy rows that have one (each field weighs the same). */
export function macroAccRow(name: string, rows: EvalRow[]): EvalRow {
  const accs = rows.map((r) => r.acc).filter((a): a is number => a !== undefined);
  return { name, acc: accs.length ? accs.reduce((a, b) => a + b, 0) / accs.length : 0, n: accs.length };
}
