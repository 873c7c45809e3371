// STIX 2.1 export and import.
export { buildStixBundle } from "./build.js";
export { EXTENSION_ID, type StixBundle, type StixObject, tesseraExtension } from "./extension.js";
export { stixId, TESSERA_STIX_NAMESPACE } from "./ids.js";
export { importIntoStore, readStixBundle, type StixImport } from "./import.js";
