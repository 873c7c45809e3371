// Protocol steps 4 and 7: count values with their provenance, and facts taken from non-English articles.
import type { AttributeValue, Incident } from "../../src/model/records.js";
import type { GoldCluster, GoldIncident, GoldValue } from "./gold.js";
import { goldNumber, sameFigure, systemNumber } from "./numbers.js";
import type { SystemCluster } from "./system.js";

export const COUNT_CLASSES = ["killed", "injured", "arrested"] as const;
export type CountClass = (typeof COUNT_CLASSES)[number];

export interface ValueTally {
  /** Gold values found on the main incident with their article. */
  found: number;
  gold: number;
  /** System values on the main incident that match a gold value of their article. */
  right: number;
  predicted: number;
}

export const emptyValueTally = (): ValueTally => ({ found: 0, gold: 0, right: 0, predicted: 0 });

export function addTally(a: ValueTally, b: ValueTally): void {
  a.found += b.found;
  a.gold += b.gold;
  a.right += b.right;
  a.predicted += b.predicted;
}

/** Restricts scoring to a set of articles (e.g. one language); undefined = all. */
export type ArticleFilter = ((article: string) => boolean) | undefined;

function valuesOf(inc: Incident | undefined, cls: CountClass): AttributeValue[] {
  return inc?.attributes[cls] ?? [];
}

/** A system value is right when a gold value from the same article states the same figure and is not a subset. */
function matchesGold(v: AttributeValue, article: string | undefined, gold: GoldValue[]): boolean {
  return gold.some((g) => g.article === article && !g.subset && sameFigure(g.value, v.value));
}

export function scoreValues(
  s: SystemCluster,
  gold: GoldIncident,
  inc: Incident | undefined,
  cls: CountClass,
  only?: ArticleFilter,
): ValueTally {
  const t = emptyValueTally();
  const goldValues = gold[cls]?.values ?? [];
  const sys = valuesOf(inc, cls);
  for (const g of goldValues) {
    if (only && !only(g.article)) continue;
    t.gold++;
    const doc = s.articles.get(g.article)?.doc?.id;
    if (doc && sys.some((v) => v.doc === doc && sameFigure(g.value, v.value))) t.found++;
  }
  for (const v of sys) {
    const article = s.articleOfDoc.get(v.doc);
    if (only && (!article || !only(article))) continue;
    t.predicted++;
    if (matchesGold(v, article, goldValues)) t.right++;
  }
  return t;
}

/**
 * Facts from one article that gold contradicts: count values on any incident that no gold value of that article
 * states, and a day-precision event date that differs from the date of the article's gold incident.
 */
export function wrongFacts(
  c: GoldCluster,
  s: SystemCluster,
  article: string,
  gold: GoldIncident | undefined,
): string[] {
  const doc = s.articles.get(article)?.doc?.id;
  if (!doc) return [];
  const wrong: string[] = [];
  for (const inc of s.incidents) {
    for (const cls of COUNT_CLASSES) {
      for (const v of inc.attributes[cls] ?? []) {
        if (v.doc !== doc) continue;
        const goldValues = [c.gold.incident, ...c.gold.other_incidents].flatMap((g) => g[cls]?.values ?? []);
        if (!matchesGold(v, article, goldValues)) wrong.push(`${cls} ${systemNumber(v.value) ?? "?"}`);
      }
    }
  }
  if (gold?.date) {
    const inc = s.articles.get(article)?.incident;
    for (const e of inc ? s.ix.eventsOf(inc) : []) {
      if (e.doc !== doc || e.date?.precision !== "day") continue;
      if (e.date.start !== gold.date) wrong.push(`date ${e.date.start}`);
    }
  }
  return wrong;
}

/** The day the system gives an article's main event: its first dated attack-like event, else any dated one. */
export function articleDate(s: SystemCluster, article: string): string | undefined {
  const sa = s.articles.get(article);
  if (!sa?.doc || !sa.incident) return undefined;
  const evs = s.ix
    .eventsOf(sa.incident)
    .filter((e) => e.doc === sa.doc!.id && e.date?.precision === "day")
    .sort((a, b) => a.trigger.start - b.trigger.start);
  const attack = evs.find((e) => !/death|injur|arrest|claim|statement|denial|accusation/.test(e.type));
  return (attack ?? evs[0])?.date?.start;
}

/** Gold values that state no number at all (kept as statements). */
export function isVagueGold(v: GoldValue): boolean {
  return goldNumber(v.value) === undefined;
}
