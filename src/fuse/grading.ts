// Admiralty grading: source reliability (A–F, from the Source record, default F) next to information
// credibility (1–6) computed from independent corroboration. The table is documented in docs/fusion.md.
import type { Credibility, Reliability } from "../model/records.js";

export interface CorroborationCounts {
  /** Reliability of each independent source that supports the value (copies of one story count once). */
  supporting: Reliability[];
  /** Independent sources that report a conflicting value for the same moment. */
  contradicting: number;
}

/**
 * 1 confirmed: ≥2 independent supporting sources rated A or B, not outweighed.
 * 2 probably true: ≥3 independent supporting sources, not contradicted.
 * 3 possibly true: 1–2 independent supporting sources, not contradicted.
 * 4 doubtful: contradicted by at least one independent source, but supported by at least as many.
 * 5 improbable: contradicted by more independent sources than support it.
 * 6 cannot be judged: no source supports the value.
 */
export function credibility(c: CorroborationCounts): Credibility {
  const n = c.supporting.length;
  if (n === 0) return 6;
  if (c.contradicting > n) return 5;
  const reliable = c.supporting.filter((r) => r === "A" || r === "B").length;
  if (reliable >= 2 && c.contradicting === 0) return 1;
  if (c.contradicting > 0) return reliable >= 2 && c.contradicting < reliable ? 2 : 4;
  if (n >= 3) return 2;
  return 3;
}

export function gradeLabel(reliability: Reliability, cred: Credibility): string {
  return `${reliability}${cred}`;
}

export const CREDIBILITY_NAMES: Record<Credibility, string> = {
  1: "confirmed",
  2: "probably true",
  3: "possibly true",
  4: "doubtful",
  5: "improbable",
  6: "cannot be judged",
};
