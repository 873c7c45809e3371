// Reader for the news-clusters format (../shared/research-data/news-clusters/README.md): one folder per cluster
// with `articles/NN-<outlet>.txt` (front matter + excerpt) and `gold.json`. Any folder in that format is scorable:
// the data path may be the set's root (holding `clusters/`), a `clusters/` folder, or one cluster folder.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { splitFrontMatter } from "../../src/ingest/frontmatter.js";

export type GoldNumber = number | string;

export interface GoldValue {
  value: GoldNumber;
  article: string;
  as_of?: string | null;
  by?: string | null;
  /** A partial count (e.g. one nationality only) that must not be coded as the total. */
  subset?: string;
  unofficial?: boolean;
  note?: string;
}

export interface GoldCount {
  accepted: number[];
  values: GoldValue[];
}

export interface GoldPlace {
  name: string;
  admin1?: string;
  country?: string;
}

export interface GoldIncident {
  title: string;
  type?: string;
  suicide?: boolean | null;
  date?: string | null;
  place?: GoldPlace;
  perpetrator?: { claimed?: string[]; attributed?: { actor: string; by?: string }[]; denied?: string[] };
  killed?: GoldCount;
  injured?: GoldCount;
  arrested?: GoldCount | null;
  articles: string[];
}

export interface GoldFile {
  incident: GoldIncident;
  other_incidents: GoldIncident[];
  background_mentions?: { what: string; article: string; date?: string | null }[];
  entities?: { type: string; names: string[] }[];
  revisions?: { attribute: string; sequence: GoldNumber[]; note?: string }[];
  disputes?: { attribute: string; values: GoldNumber[]; note?: string }[];
  hazards?: unknown;
}

export interface GoldArticle {
  /** File name without `.txt` — the id gold.json uses. */
  id: string;
  file: string;
  /** The annotator's ISO 639-1 label from the front matter. */
  language?: string;
  /** The excerpt without its front matter (for language identification). */
  body: string;
}

export interface GoldCluster {
  slug: string;
  articlesDir: string;
  articles: GoldArticle[];
  gold: GoldFile;
}

function isCluster(dir: string): boolean {
  return existsSync(join(dir, "gold.json")) && existsSync(join(dir, "articles"));
}

function readCluster(dir: string): GoldCluster {
  const articlesDir = join(dir, "articles");
  const articles = readdirSync(articlesDir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f): GoldArticle => {
      const file = join(articlesDir, f);
      const { meta, body } = splitFrontMatter(readFileSync(file, "utf8"));
      const a: GoldArticle = { id: f.replace(/\.txt$/, ""), file, body };
      if (meta.language) a.language = meta.language.toLowerCase();
      return a;
    });
  const gold = JSON.parse(readFileSync(join(dir, "gold.json"), "utf8")) as GoldFile;
  gold.other_incidents ??= [];
  for (const g of [gold.incident, ...gold.other_incidents]) normaliseCounts(g);
  return { slug: basename(dir), articlesDir, articles, gold };
}

/**
 * Other incidents may list figures as a bare array without articles: read it as values stated by each of that
 * incident's articles, and as the accepted figures.
 */
function normaliseCounts(g: GoldIncident): void {
  for (const k of ["killed", "injured", "arrested"] as const) {
    const raw = g[k] as unknown;
    if (!Array.isArray(raw)) continue;
    const list = raw as GoldNumber[];
    g[k] = {
      accepted: list.filter((v): v is number => typeof v === "number"),
      values: g.articles.flatMap((article) => list.map((value) => ({ value, article }))),
    };
  }
}

/** Every cluster under `data`, in name order. */
export function readClusters(data: string): GoldCluster[] {
  if (!existsSync(data)) throw new Error(`no news-clusters data at ${data}`);
  if (isCluster(data)) return [readCluster(data)];
  const root = existsSync(join(data, "clusters")) ? join(data, "clusters") : data;
  const dirs = readdirSync(root)
    .map((n) => join(root, n))
    .filter((p) => statSync(p).isDirectory() && isCluster(p))
    .sort();
  if (!dirs.length) throw new Error(`no cluster folders (gold.json + articles/) under ${data}`);
  return dirs.map(readCluster);
}

/** The gold groups of a cluster: the main incident first, then the other incidents. */
export function goldGroups(c: GoldCluster): GoldIncident[] {
  return [c.gold.incident, ...c.gold.other_incidents];
}
