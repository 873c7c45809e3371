// STIX 2.1 export and import.
export { buildStixBundle } from "./build.js";
export { EXTENSION_ID, type StixBundle, type StixObject, tesseraExtension } from "./extension.js";
export { stixId, TESSERA_STIX_NAMESPACE } from "./ids.js";
export { importIntoStore, readStixBundle, type StixImport } from "./import.js";
export { isTlpLevel, TLP_LEVELS, type TlpLevel } from "./markings.js";
export { isStixProfile, STIX_PROFILES, type StixOptions, type StixProfile } from "./profiles.js";
