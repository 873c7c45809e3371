// Cross-document entity resolution: public surface.
export { jaro, jaroWinkler } from "./jaro-winkler.js";
export {
  type EntityFeatures,
  features,
  gazetteerId,
  type MatchResult,
  matchFeatures,
  sameEntity,
  typeGroup,
} from "./match.js";
export { acronymOf, lightNormalise, personTokens, phoneticKey } from "./names.js";
export { type EntityOverrideLayer, EntityResolver, localRef, type MergeEvidence } from "./resolver.js";
