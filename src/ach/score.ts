// Heuer's ACH scoring: hypotheses are ranked by how much evidence argues AGAINST them, because
// consistent evidence is often consistent with several hypotheses and so proves little.
//
// Weights (documented in docs via this header):
//   rating → inconsistency points: II = 2, I = 1, N = C = CC = 0
//   credibility and relevance each: high 1.0, medium 0.75, low 0.5
//   weighted score of a hypothesis = Σ points × credibility × relevance over the active evidence rows
// The lowest weighted score is the most likely hypothesis. Rows whose `source` is listed in
// `disabledSources` are dropped first (sensitivity analysis: "what if this outlet is wrong?").
import type { AchEvidence, AchLevel, AchModel, AchRating } from "./model.js";

export const RATING_POINTS: Record<AchRating, number> = { CC: 0, C: 0, N: 0, I: 1, II: 2 };
export const LEVEL_WEIGHT: Record<AchLevel, number> = { high: 1, medium: 0.75, low: 0.5 };

export interface AchScore {
  hypothesis: string;
  /** Unweighted inconsistency points. */
  inconsistency: number;
  /** Points × credibility × relevance. */
  weighted: number;
  /** 1 = most likely (lowest weighted score); ties share a rank. */
  rank: number;
}

/** Evidence rows that take part in scoring once disabled sources are removed. */
export function activeEvidence(m: AchModel): AchEvidence[] {
  const off = new Set(m.disabledSources);
  return m.evidence.filter((e) => !e.source || !off.has(e.source));
}

export function ratingOf(m: AchModel, evidenceId: string, hypothesisId: string): AchRating {
  return m.ratings[evidenceId]?.[hypothesisId] ?? "N";
}

/** Rounds away floating-point noise such as 0.75 × 0.75 sums, so equal scores compare equal. */
const tidy = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Scores per hypothesis, in the model's hypothesis order. */
export function scoreAch(m: AchModel): AchScore[] {
  const rows = activeEvidence(m);
  const raw = m.hypotheses.map((h) => {
    let inconsistency = 0;
    let weighted = 0;
    for (const e of rows) {
      const points = RATING_POINTS[ratingOf(m, e.id, h.id)];
      inconsistency += points;
      weighted += points * LEVEL_WEIGHT[e.credibility] * LEVEL_WEIGHT[e.relevance];
    }
    return { hypothesis: h.id, inconsistency, weighted: tidy(weighted) };
  });
  return raw.map((s) => ({ ...s, rank: 1 + raw.filter((o) => o.weighted < s.weighted).length }));
}

/**
 * True when an evidence row rates every hypothesis the same way: Heuer's "non-diagnostic" evidence,
 * which the UI greys out because it cannot help choose between hypotheses.
 */
export function isDiagnostic(m: AchModel, evidenceId: string): boolean {
  const seen = new Set(m.hypotheses.map((h) => RATING_POINTS[ratingOf(m, evidenceId, h.id)]));
  return seen.size > 1;
}
