// The contract between the eval CLI and every dataset runner (including eval/ecbplus, owned by the
// fusion engineer): a runner takes options, returns a report of tables, the CLI prints it.

export interface EvalOptions {
  /** A dataset folder (then `split` picks the file) or any single file of the dataset's format. */
  data: string;
  /** Split name used when `data` is a folder; "dev" when omitted. */
  split?: string;
  /** Score only the first N documents (quick runs and tests). */
  limit?: number;
  /** Print diagnostic listings (news: the events and articles each spurious incident rests on). */
  verbose?: boolean;
}

/** One scored line: a role, slot or field. Percentages 0–100; `n` is the support (gold count or items). */
export interface EvalRow {
  name: string;
  p?: number;
  r?: number;
  f1?: number;
  acc?: number;
  n?: number;
  /** Further named columns (counts, Y/n marks), printed after the standard ones. */
  extra?: Record<string, string | number>;
}

export interface EvalTable {
  title: string;
  rows: EvalRow[];
}

export interface EvalReport {
  dataset: string;
  split: string;
  documents: number;
  /** Lines describing exactly how the numbers were computed. */
  protocol: string[];
  tables: EvalTable[];
  notes: string[];
  /** The headline numbers the ratchet (`npm run eval:check`) compares with the committed baseline. */
  headline?: Record<string, number>;
}

export type EvalRunner = (opts: EvalOptions) => Promise<EvalReport>;
