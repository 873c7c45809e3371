// GTD and ACLED CSV exports.
export { ACLED_COLUMNS, acledCsv, acledRows } from "./acled.js";
export { codeIncident, type IncidentCoding } from "./coding.js";
export { csvCell, parseCsv, toCsv } from "./csv.js";
export { GTD_COLUMNS, gtdCsv, gtdRows } from "./gtd.js";
