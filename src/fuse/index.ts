// Fusion: public surface used by the app layer, the store replay and the server.

export { assessIncident, type IncidentAssessment } from "./assessment.js";
export { findContradictions, valuesConflict } from "./contradictions.js";
export { FusionEngine, type FusionOptions } from "./engine.js";
export { type Family, familyOf } from "./families.js";
export { CREDIBILITY_NAMES, credibility, gradeLabel } from "./grading.js";
export {
  assignIdentity,
  emptyIdentity,
  type IdentityAlias,
  type IdentityMember,
  type IncidentIdentity,
  resolveAlias,
} from "./identity.js";
export { countInterval, countsConflict, intervalsOverlap } from "./intervals.js";
export { minhash, NearDuplicateIndex, similarity } from "./neardup.js";
export {
  type Corroboration,
  type FusionDelta,
  type FusionInput,
  type IncidentLink,
  Override,
  type OverrideKind,
} from "./types.js";
