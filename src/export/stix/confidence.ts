// Tessera's grades as the STIX `confidence` (0–100) and OpenCTI's `x_opencti_reliability`. Every
// exported object carries a confidence because OpenCTI gives an object without one the importing
// user's maximum, which would make an unjudged claim look certain. Mapping documented in docs/stix.md.
import type { Credibility, Reliability } from "../../model/records.js";

/**
 * Information credibility → confidence, the STIX 2.1 Admiralty Credibility scale (appendix A). STIX
 * leaves 6 ("cannot be judged") without a value; Tessera writes 0 instead, because OpenCTI would read
 * a missing confidence as the importer's maximum.
 */
export const CONFIDENCE_OF_CREDIBILITY: Record<Credibility, number> = { 1: 90, 2: 70, 3: 50, 4: 30, 5: 10, 6: 0 };

/** Source reliability → confidence of what that source alone says (a report, a claim it carries). */
export const CONFIDENCE_OF_RELIABILITY: Record<Reliability, number> = { A: 90, B: 70, C: 50, D: 30, E: 10, F: 0 };

/** OpenCTI's reliability vocabulary (`reliability_ov`), one entry per Admiralty letter. */
export const OPENCTI_RELIABILITY: Record<Reliability, string> = {
  A: "A - Completely reliable",
  B: "B - Usually reliable",
  C: "C - Fairly reliable",
  D: "D - Not usually reliable",
  E: "E - Unreliable",
  F: "F - Reliability cannot be judged",
};

/** An extraction confidence (0–1, from the rule that found the value) as a STIX confidence. */
export function confidenceOfExtraction(p: number | undefined): number | undefined {
  if (p === undefined || Number.isNaN(p)) return undefined;
  return Math.max(0, Math.min(100, Math.round(p * 100)));
}
