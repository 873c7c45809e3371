// GVDB runner: one document per article (title + full text as released; publication date from the
// URL when it carries one), extractor → incident summary → per-article accuracy.
import type { Document } from "../../src/model/records.js";
import { limitItems, resolveDataFile, splitOf } from "../common/io.js";
import { type Extractor, evalDocument, loadExtractor, safeExtract } from "../common/system.js";
import { dateFromUrl } from "../common/url-date.js";
import type { EvalOptions, EvalReport } from "../types.js";
import { predictGvdb } from "./predict.js";
import { type GvdbArticle, readGvdbTsv } from "./reader.js";
import { type GvdbPrediction, scoreGvdb } from "./score.js";

export function loadGvdb(opts: EvalOptions): { file: string; split: string; articles: GvdbArticle[] } {
  const file = resolveDataFile(opts.data, opts.split ?? "dev", ["{split}.tsv"]);
  return { file, split: splitOf(opts.data, opts.split, file), articles: limitItems(readGvdbTsv(file), opts.limit) };
}

export function gvdbDocument(a: GvdbArticle): Document {
  return evalDocument({
    origin: `gvdb:${a.id}`,
    url: a.url || undefined,
    title: a.title || undefined,
    text: a.text,
    // US local news: numeric dates read month-first unless the article itself shows otherwise
    language: "en-US",
    publishedAt: dateFromUrl(a.url),
  });
}

export const GVDB_PROTOCOL = [
  "Input: the `Full text` column (<split>.tsv) as one document; publication date parsed from the article URL when it contains one (/2016/01/27/, /2016/jan/26/, -20160223-), else none; language tagged `en-US` (US local news: numeric dates read month-first unless a date with a part > 12 says otherwise).",
  "Gold per article: killed = victims whose victim-was includes 'killed'; injured = victims marked 'injured' or 'hospitalized' and not killed; date = date-and-time.date; city = date-and-time.city.value.",
  "Prediction (eval/common/incident.ts pools the document's factual violent events): killed/injured = the largest lower bound among killed/injured counts, else 1 when a death (resp. injury, if nobody died) event exists, else 0; date = first day-precision date of those events; city = the most specific event place when it is city-level, else the first city-level place mentioned in the document.",
  "Accuracy over articles: counts exact; date exact day (articles with a gold date); city exact, case-insensitive (articles with a gold city).",
];

export async function run(opts: EvalOptions, extractor?: Extractor): Promise<EvalReport> {
  const { file, split, articles } = loadGvdb(opts);
  const extract = extractor ?? (await loadExtractor());
  const failures: string[] = [];
  const preds = new Map<string, GvdbPrediction>();
  for (const a of articles) preds.set(a.id, predictGvdb(safeExtract(extract, gvdbDocument(a), failures)));
  const dated = articles.filter((a) => dateFromUrl(a.url)).length;
  const notes = [`data: ${file}`, `publication date from URL for ${dated}/${articles.length} articles`];
  if (failures.length) notes.push(`extractor failed on ${failures.length} articles (scored as empty): ${failures[0]}`);
  return {
    dataset: "gvdb",
    split,
    documents: articles.length,
    protocol: GVDB_PROTOCOL,
    tables: [scoreGvdb(articles, preds)],
    notes,
  };
}
