// `npm run eval -- news --data ../shared/research-data/news-clusters`: the scoring protocol of that set's README,
// run on the product's own path (each cluster's folder ingested as one batch into a fresh store → extraction →
// fusion → the GTD coding users export). Per cluster and macro; per language for non-English articles.
import { i18nLanguages } from "../../src/extract/i18n/lexicon.js";
import { guessLanguage } from "../../src/ingest/language.js";
import { accRow, emptyTally, type Tally, tally } from "../common/metrics.js";
import type { EvalOptions, EvalReport, EvalRow, EvalTable } from "../types.js";
import { type PairTally, type Recall, scoreAgreement, scoreEntityPairs } from "./agreement.js";
import { scoreClustering } from "./clustering.js";
import { FIELD_NAMES, type FieldScores, scoreFields } from "./fields.js";
import { type GoldCluster, goldGroups, readClusters } from "./gold.js";
import { englishRuleFacts, ownValues } from "./languages.js";
import { describeSpurious } from "./spurious.js";
import { runCluster } from "./system.js";
import {
  addTally,
  articleDate,
  COUNT_CLASSES,
  type CountClass,
  emptyValueTally,
  scoreValues,
  type ValueTally,
  wrongFacts,
} from "./values.js";

const pct = (a: number, b: number): number => (b ? (100 * a) / b : 0);
const yn = (v: boolean | undefined): string => (v === undefined ? "-" : v ? "Y" : "n");

interface LanguageStats {
  articles: number;
  langId: Tally;
  values: ValueTally;
  date: Tally;
  joined: Tally;
  wrong: number;
  /** Facts of English rules in text identified as another language. */
  englishRules: number;
  /** Killed/injured values of the article's own facts, before fusion. */
  own: ValueTally;
}

const newLanguage = (): LanguageStats => ({
  articles: 0,
  langId: emptyTally(),
  values: emptyValueTally(),
  date: emptyTally(),
  joined: emptyTally(),
  wrong: 0,
  englishRules: 0,
  own: emptyValueTally(),
});

function valueRow(name: string, t: ValueTally): EvalRow {
  const p = pct(t.right, t.predicted);
  const r = pct(t.found, t.gold);
  return { name, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, n: t.gold };
}

const recallRow = (name: string, r: Recall): EvalRow => ({ name, r: pct(r.found, r.total), n: r.total });

export async function run(opts: EvalOptions): Promise<EvalReport> {
  let clusters: GoldCluster[] = readClusters(opts.data);
  if (opts.limit) clusters = clusters.slice(0, opts.limit);
  const clusterRows: EvalRow[] = [];
  const fieldRows: EvalRow[] = [];
  const fieldTotals = Object.fromEntries(FIELD_NAMES.map((f) => [f, { right: 0, scored: 0 }])) as Record<
    (typeof FIELD_NAMES)[number],
    { right: number; scored: number }
  >;
  const values = Object.fromEntries(COUNT_CLASSES.map((k) => [k, emptyValueTally()])) as Record<CountClass, ValueTally>;
  const englishKilled = emptyValueTally();
  const revisions: Recall = { found: 0, total: 0 };
  const disputes: Recall = { found: 0, total: 0 };
  const pairs: PairTally = { tp: 0, fp: 0, fn: 0, surfaced: 0, spellings: 0 };
  const languages = new Map<string, LanguageStats>();
  const notes: string[] = [];
  let micro = { p: 0, r: 0, n: 0 };
  let macroF1 = 0;
  let formedOver = 0;
  let articles = 0;

  for (const c of clusters) {
    const s = await runCluster(c);
    articles += c.articles.length;
    const m = scoreClustering(c, s);
    macroF1 += m.b3.f1;
    micro = { p: micro.p + m.b3.p * m.b3.n, r: micro.r + m.b3.r * m.b3.n, n: micro.n + m.b3.n };
    if (m.formed <= m.gold + 1) formedOver++;
    clusterRows.push({
      name: c.slug,
      p: 100 * m.b3.p,
      r: 100 * m.b3.r,
      f1: 100 * m.b3.f1,
      n: m.b3.n,
      extra: { formed: m.formed, gold: m.gold, spurious: m.spurious.length, background: m.fromBackground },
    });
    if (opts.verbose) notes.push(...describeSpurious(c.slug, s, m.spurious));
    const main = m.matched.get(0);
    const f: FieldScores = scoreFields(c, s, c.gold.incident, main);
    for (const k of FIELD_NAMES) {
      if (f[k] === undefined) continue;
      fieldTotals[k].scored++;
      if (f[k]) fieldTotals[k].right++;
    }
    fieldRows.push({ name: c.slug, extra: Object.fromEntries(FIELD_NAMES.map((k) => [k, yn(f[k])])) });
    const langOf = new Map(c.articles.map((a) => [a.id, a.language ?? "und"]));
    for (const k of COUNT_CLASSES) addTally(values[k], scoreValues(s, c.gold.incident, main, k));
    addTally(
      englishKilled,
      scoreValues(s, c.gold.incident, main, "killed", (a) => langOf.get(a) === "en"),
    );
    const ag = scoreAgreement(c, s.input.fusion.contradictions, main);
    revisions.found += ag.revisions.found;
    revisions.total += ag.revisions.total;
    disputes.found += ag.disputes.found;
    disputes.total += ag.disputes.total;
    const pt = scoreEntityPairs(c, s);
    for (const k of ["tp", "fp", "fn", "surfaced", "spellings"] as const) pairs[k] += pt[k];

    const groups = goldGroups(c);
    const factsOf = new Map(s.input.facts.map((f) => [f.doc, f]));
    for (const a of c.articles) {
      const lang = a.language ?? "und";
      const st = languages.get(lang) ?? newLanguage();
      languages.set(lang, st);
      st.articles++;
      tally(st.langId, guessLanguage(a.body) === lang);
      const stored = s.articles.get(a.id)?.doc;
      if (stored) st.englishRules += englishRuleFacts(stored, factsOf.get(stored.id));
      const gi = m.goldOf.get(a.id);
      const g = gi === undefined ? undefined : groups[gi];
      if (lang === "en") continue;
      addTally(st.own, ownValues(stored ? factsOf.get(stored.id) : undefined, a.id, g));
      for (const k of ["killed", "injured"] as const) {
        if (g)
          addTally(
            st.values,
            scoreValues(s, g, m.matched.get(gi!), k, (x) => x === a.id),
          );
      }
      if (g?.date) tally(st.date, articleDate(s, a.id) === g.date);
      if (gi !== undefined) {
        const inc = s.articles.get(a.id)?.incident;
        tally(st.joined, !!inc && m.matched.get(gi)?.id === inc.id);
      }
      const wrong = wrongFacts(c, s, a.id, g);
      st.wrong += wrong.length;
      if (wrong.length) notes.push(`${c.slug}/${a.id} (${lang}): ${wrong.join(", ")}`);
    }
    const failed = [...s.articles.values()].filter((x) => x.error);
    for (const x of failed) notes.push(`${c.slug}/${x.id}: ${x.error}`);
  }

  const n = clusters.length;
  const b3p = micro.n ? micro.p / micro.n : 0;
  const b3r = micro.n ? micro.r / micro.n : 0;
  clusterRows.push({
    name: "micro (articles pooled)",
    p: 100 * b3p,
    r: 100 * b3r,
    f1: b3p + b3r ? (200 * b3p * b3r) / (b3p + b3r) : 0,
    n: micro.n,
  });
  clusterRows.push({ name: "macro (mean of clusters)", f1: n ? (100 * macroF1) / n : 0, n });
  fieldRows.push({
    name: "right / scored",
    extra: Object.fromEntries(FIELD_NAMES.map((k) => [k, `${fieldTotals[k].right}/${fieldTotals[k].scored}`])),
  });
  const pairP = pct(pairs.tp, pairs.tp + pairs.fp);
  const pairR = pct(pairs.tp, pairs.tp + pairs.fn);
  const langRows: EvalRow[] = [...languages.entries()]
    .sort((a, b) => b[1].articles - a[1].articles || a[0].localeCompare(b[0]))
    .map(([lang, st]) => ({
      name: lang,
      n: st.articles,
      extra: {
        "lang-id": accRow("", st.langId).acc?.toFixed(1) ?? "",
        "values R": lang === "en" ? "" : pct(st.values.found, st.values.gold).toFixed(1),
        "values P": lang === "en" ? "" : pct(st.values.right, st.values.predicted).toFixed(1),
        "own R": lang === "en" ? "" : pct(st.own.found, st.own.gold).toFixed(1),
        "own P": lang === "en" ? "" : pct(st.own.right, st.own.predicted).toFixed(1),
        date: lang === "en" ? "" : (accRow("", st.date).acc?.toFixed(1) ?? ""),
        joined: lang === "en" ? "" : (accRow("", st.joined).acc?.toFixed(1) ?? ""),
        wrong: lang === "en" ? "" : st.wrong,
        "en-rule facts": st.englishRules,
      },
    }));
  const langIdAll = emptyTally();
  for (const st of languages.values()) {
    langIdAll.correct += st.langId.correct;
    langIdAll.total += st.langId.total;
  }
  // the languages the product has rules for, pooled
  const read = newLanguage();
  for (const [lang, st] of languages) {
    if (!i18nLanguages().includes(lang)) continue;
    read.articles += st.articles;
    addTally(read.values, st.values);
    addTally(read.own, st.own);
    for (const k of ["date", "joined"] as const) {
      read[k].correct += st[k].correct;
      read[k].total += st[k].total;
    }
    read.wrong += st.wrong;
    read.englishRules += st.englishRules;
  }
  langRows.push({
    name: `pooled: ${i18nLanguages().join(" ")}`,
    n: read.articles,
    extra: {
      "lang-id": "",
      "values R": pct(read.values.found, read.values.gold).toFixed(1),
      "values P": pct(read.values.right, read.values.predicted).toFixed(1),
      "own R": pct(read.own.found, read.own.gold).toFixed(1),
      "own P": pct(read.own.right, read.own.predicted).toFixed(1),
      date: accRow("", read.date).acc?.toFixed(1) ?? "",
      joined: accRow("", read.joined).acc?.toFixed(1) ?? "",
      wrong: read.wrong,
      "en-rule facts": read.englishRules,
    },
  });
  const tables: EvalTable[] = [
    { title: "Clustering: B-cubed of article → incident (incidents formed vs gold)", rows: clusterRows },
    { title: "Main incident fields (Y right, n wrong, - not scored)", rows: fieldRows },
    {
      title: "Count values on the main incident with their article (R = gold values kept; P = system values right)",
      rows: [...COUNT_CLASSES.map((k) => valueRow(k, values[k])), valueRow("killed, English articles", englishKilled)],
    },
    {
      title: "Revision vs dispute (recall)",
      rows: [recallRow("revisions shown as revisions", revisions), recallRow("disputes flagged", disputes)],
    },
    {
      title: "Entity spellings merged (pairwise over surfaced spellings)",
      rows: [
        {
          name: "same-entity pairs",
          p: pairP,
          r: pairR,
          f1: pairP + pairR ? (2 * pairP * pairR) / (pairP + pairR) : 0,
          n: pairs.tp + pairs.fn,
          extra: { "wrong merges": pairs.fp, surfaced: `${pairs.surfaced}/${pairs.spellings}` },
        },
      ],
    },
    {
      title:
        "Per language (front-matter label): language identification, and for non-English articles their values, date, incident and wrong facts",
      rows: [...langRows, { ...accRow("", langIdAll), name: "language identification, all articles" }],
    },
  ];
  const headline: Record<string, number> = {
    "b3 f1 micro": clusterRows.at(-2)!.f1!,
    "b3 f1 macro": clusterRows.at(-1)!.f1!,
    "clusters with incidents <= gold + 1": formedOver,
    ...Object.fromEntries(FIELD_NAMES.map((k) => [`${k} right`, fieldTotals[k].right])),
    "killed value recall": pct(values.killed.found, values.killed.gold),
    "killed value precision": pct(values.killed.right, values.killed.predicted),
    "killed value recall (en)": pct(englishKilled.found, englishKilled.gold),
    "injured value recall": pct(values.injured.found, values.injured.gold),
    "entity pair f1": pairP + pairR ? (2 * pairP * pairR) / (pairP + pairR) : 0,
  };
  return {
    dataset: "news",
    split: opts.split ?? "dev",
    documents: articles,
    protocol: [
      "Each cluster folder is ingested as one batch into a fresh in-memory store with `ingestAll` (the path of `tessera ingest <folder>`): front matter, extraction, fusion. Fetch time is fixed at 2000-01-01, so an undated report never looks dated by the day it was read.",
      "An article's incident = the incident holding its most salient event (an event the product marks `salience: main`; otherwise the incident holding most of the article's events, ties to the one whose first event comes first).",
      "Clustering: B-cubed P/R/F1 of article → incident against gold groups (main incident + other_incidents); an article in no incident is a singleton. Gold groups are matched one-to-one to system incidents by shared articles (largest overlap first). Spurious = incidents matched to no gold group; background = spurious incidents citing an article with a background mention of the same date.",
      "Main-incident fields come from `codeIncident` + `gtdRow` (the `tessera export gtd` coding) of the system incident matched to the gold main incident: date = coded day; place = coded city equals a part of the gold place name (notes and the words district/agency/province dropped; gold `entities` spellings count) and the place's country equals gold; type = GTD attack type renamed to the gold vocabulary (missile/air strike event types = air_missile_strike); suicide = GTD suicide; claimed = a coded group with basis `claimed` whose name or GTD name is a gold spelling of a gold claimant (none coded when gold lists none); killed/injured = GTD nkill/nwound ∈ accepted.",
      "Values: a gold value is kept when the main incident holds a value of that class from the same article with the same number (gold statements without a number match a vague value). P counts system values of the main incident that match a gold value of their own article (a `subset` value never matches).",
      "Revisions/disputes: one contradiction record of that kind on that attribute carrying at least two of the gold figures.",
      "Entities: each gold spelling maps to the canonical entity carrying it most often (name, alias, mention text); pairs within a gold item are positives, across items negatives.",
      "Per language: language identification by the product's detector on the excerpt without front matter; non-English articles: killed/injured value R/P against their article's gold values; date = the day of the article's first dated attack-like event on its incident vs its gold incident's date; joined = its incident is the one matched to its gold group; wrong = count values or event dates from the article that gold contradicts; own R/P = the same values read from the article's own extracted facts, before fusion places it; en-rule facts = facts of English rules whose span lies in text the product identified as another language (target 0).",
    ],
    tables,
    notes,
    headline,
  };
}
