// Public surface of the ACH module: the record schema and its scoring.
export * from "./model.js";
export * from "./score.js";
