// The Analysis of Competing Hypotheses (ACH) record an analyst builds for one incident. Kept as a zod
// schema so the API validates a saved matrix with the same shape the scorer is typed with.
import { z } from "zod";

export const AchLevel = z.enum(["high", "medium", "low"]);
export type AchLevel = z.infer<typeof AchLevel>;

/** Heuer's consistency scale: very consistent, consistent, neutral/not applicable, inconsistent, very inconsistent. */
export const AchRating = z.enum(["CC", "C", "N", "I", "II"]);
export type AchRating = z.infer<typeof AchRating>;

export const AchHypothesis = z.object({ id: z.string().min(1).max(100), text: z.string().max(2000) });
export type AchHypothesis = z.infer<typeof AchHypothesis>;

/** A link from an evidence row back to the extracted claim or event (and its span) it came from. */
export const AchRef = z.object({
  kind: z.enum(["claim", "event"]),
  id: z.string(),
  doc: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type AchRef = z.infer<typeof AchRef>;

export const AchEvidence = z.object({
  id: z.string().min(1).max(100),
  text: z.string().max(4000),
  ref: AchRef.optional(),
  source: z.string().max(200).optional(), // outlet name; sensitivity analysis switches whole sources off
  credibility: AchLevel,
  relevance: AchLevel,
});
export type AchEvidence = z.infer<typeof AchEvidence>;

export const AchModel = z.object({
  incident: z.string(),
  hypotheses: z.array(AchHypothesis).max(50),
  evidence: z.array(AchEvidence).max(500),
  /** ratings[evidenceId][hypothesisId]; a missing cell counts as N. */
  ratings: z.record(z.string(), z.record(z.string(), AchRating)),
  disabledSources: z.array(z.string()).default([]),
  updatedAt: z.string().optional(),
});
export type AchModel = z.infer<typeof AchModel>;

/** An empty matrix for an incident that has none yet. */
export function emptyAch(incident: string): AchModel {
  return { incident, hypotheses: [], evidence: [], ratings: {}, disabledSources: [] };
}
