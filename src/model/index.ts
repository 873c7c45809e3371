export * from "./dates.js";
export * from "./document.js";
export * from "./records.js";
export * from "./result.js";
