// GVDB per-article accuracy: killed and injured counts exact, both together, incident day exact,
// city exact ignoring case (date/city only over articles where the annotators filled them).
import { accRow, emptyTally, tally } from "../common/metrics.js";
import type { EvalTable } from "../types.js";
import type { GvdbArticle } from "./reader.js";

export interface GvdbPrediction {
  killed: number;
  injured: number;
  date?: string;
  city?: string;
}

const sameCity = (a: string | undefined, b: string): boolean =>
  a !== undefined && a.trim().toLowerCase().replace(/\s+/g, " ") === b.toLowerCase().replace(/\s+/g, " ");

export function scoreGvdb(articles: GvdbArticle[], preds: Map<string, GvdbPrediction>): EvalTable {
  const t = { killed: emptyTally(), injured: emptyTally(), both: emptyTally(), date: emptyTally(), city: emptyTally() };
  for (const a of articles) {
    const p = preds.get(a.id) ?? { killed: 0, injured: 0 };
    tally(t.killed, p.killed === a.gold.killed);
    tally(t.injured, p.injured === a.gold.injured);
    tally(t.both, p.killed === a.gold.killed && p.injured === a.gold.injured);
    if (a.gold.date) tally(t.date, p.date === a.gold.date);
    if (a.gold.city) tally(t.city, sameCity(p.city, a.gold.city));
  }
  return {
    title: "GVDB per-article accuracy",
    rows: [
      accRow("killed (exact)", t.killed),
      accRow("injured (exact)", t.injured),
      accRow("killed and injured", t.both),
      accRow("date (day)", t.date),
      accRow("city", t.city),
    ],
  };
}

export function goldAsPrediction(a: GvdbArticle): GvdbPrediction {
  return { ...a.gold };
}
