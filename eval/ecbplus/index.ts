// ECB+ cross-document event (and entity) coreference with gold mentions: clusters the mentions of the chosen
// split within each gold topic and scores MUC, B³, CEAF-e and CoNLL F1 against the gold chains, next to the
// same-head-lemma baseline computed in the same run. The pair model is fitted on the train topics only.
import { existsSync } from "node:fs";
import { type CorefScores, score } from "../metrics/coref.js";
import type { EvalOptions, EvalReport, EvalTable } from "../types.js";
import {
  buildContext,
  type ClusterParams,
  clusterDocuments,
  clusterTopic,
  LemmaPairStats,
  lemmaBaseline,
  trainModel,
} from "./cluster.js";
import { type EcbData, type EcbMention, inSplit, loadEcb } from "./load.js";

/**
 * Mention thresholds chosen by 5-fold cross-validation over the train topics, document thresholds on train and
 * dev (see docs/fusion.md); the test split was never looked at.
 */
export const EVENT_PARAMS: ClusterParams = { docThreshold: 0.15, mentionThreshold: 0.8 };
export const ENTITY_PARAMS: ClusterParams = { docThreshold: 0.12, mentionThreshold: 0.5 };

export interface CorefRun {
  clusters: string[][];
  system: CorefScores;
  lemmaTopic: CorefScores;
  lemmaSubtopic: CorefScores;
  mentions: number;
  goldClusters: number;
}

const pct = (x: number): number => Math.round(x * 1000) / 10;

function byTopic(mentions: EcbMention[]): Map<number, EcbMention[]> {
  const m = new Map<number, EcbMention[]>();
  for (const x of mentions) m.set(x.topic, [...(m.get(x.topic) ?? []), x]);
  return m;
}

function goldOf(mentions: EcbMention[]): string[][] {
  const by = new Map<string, string[]>();
  for (const m of mentions) by.set(m.chain, [...(by.get(m.chain) ?? []), m.id]);
  return [...by.values()];
}

/** Run one kind of coreference on a set of evaluated mentions. */
export function runCoref(
  kind: "event" | "entity",
  data: EcbData,
  evalMentions: EcbMention[],
  trainMentions: EcbMention[],
  params: ClusterParams,
  entityClusters?: string[][],
): CorefRun {
  const stats = new LemmaPairStats();
  stats.fit(trainMentions);
  const trainCtx = buildContext(data, new Set(trainMentions.map((m) => m.doc)), "gold");
  const model = trainModel(kind, trainMentions, trainCtx, stats);
  let chains: Map<string, string> | undefined;
  if (entityClusters) {
    chains = new Map();
    entityClusters.forEach((c, i) => {
      for (const id of c) chains?.set(id, `pred${i}`);
    });
  }
  const ctx = buildContext(data, new Set(evalMentions.map((m) => m.doc)), chains);
  const system: string[][] = [];
  const lemmaT: string[][] = [];
  const lemmaS: string[][] = [];
  for (const list of byTopic(evalMentions).values()) {
    system.push(...clusterTopic(kind, list, ctx, model, stats, params));
    lemmaT.push(...lemmaBaseline(kind, list));
    const docs = [...new Set(list.map((m) => m.doc))].sort();
    lemmaS.push(...lemmaBaseline(kind, list, clusterDocuments(docs, ctx, params.docThreshold)));
  }
  const gold = goldOf(evalMentions);
  return {
    clusters: system,
    system: score(gold, system),
    lemmaTopic: score(gold, lemmaT),
    lemmaSubtopic: score(gold, lemmaS),
    mentions: evalMentions.length,
    goldClusters: gold.length,
  };
}

function table(title: string, s: CorefScores, n: number): EvalTable {
  return {
    title,
    rows: [
      { name: "MUC", p: pct(s.muc.p), r: pct(s.muc.r), f1: pct(s.muc.f1), n },
      { name: "B³", p: pct(s.b3.p), r: pct(s.b3.r), f1: pct(s.b3.f1), n },
      { name: "CEAF-e", p: pct(s.ceafe.p), r: pct(s.ceafe.r), f1: pct(s.ceafe.f1), n },
      { name: "CoNLL F1", f1: pct(s.conll), n },
    ],
  };
}

export function selectMentions(data: EcbData, list: EcbMention[], split: string, limit?: number): EcbMention[] {
  let out = list.filter((m) => inSplit(m, split, data));
  if (limit !== undefined) {
    const docs = new Set([...new Set(out.map((m) => m.doc))].sort().slice(0, limit));
    out = out.filter((m) => docs.has(m.doc));
  }
  return out;
}

export async function run(opts: EvalOptions): Promise<EvalReport> {
  if (!existsSync(opts.data)) throw new Error(`ECB+ data not found at ${opts.data}`);
  const split = opts.split ?? "dev";
  if (split === "test") throw new Error("the ECB+ test split is held out; use train or dev");
  const data = loadEcb(opts.data);
  const evEval = selectMentions(data, data.events, split, opts.limit);
  const enEval = selectMentions(data, data.entities, split, opts.limit);
  const evTrain = data.events.filter((m) => inSplit(m, "train", data));
  const enTrain = data.entities.filter((m) => inSplit(m, "train", data));
  // entities first: their predicted clusters are the arguments the event clusterer compares
  const en = runCoref("entity", data, enEval, enTrain, ENTITY_PARAMS);
  const ev = runCoref("event", data, evEval, evTrain, EVENT_PARAMS, en.clusters);
  const documents = new Set([...evEval, ...enEval].map((m) => m.doc)).size;
  return {
    dataset: "ecbplus",
    split,
    documents,
    protocol: [
      "Gold mentions; clustering within each gold topic; singletons included; MUC, B³, CEAF-e (φ4) and CoNLL F1 = their mean.",
      `Documents grouped into sub-topics by TF-IDF cosine (IDF within the topic, names and numbers weighted up; average link ≥ ${EVENT_PARAMS.docThreshold}); no gold sub-topic used.`,
      "Pair model: gradient-boosted trees over head lemma and stem, synonym lexicon (data/fusion/event-synonyms.json), lemma-pair rate (train), same-sentence participants/places/times (also as predicted entity clusters), context overlap, document similarity; fitted on the train topics.",
      `Mentions clustered average-link (probability ≥ ${EVENT_PARAMS.mentionThreshold} events, ≥ ${ENTITY_PARAMS.mentionThreshold} entities).`,
      split === "train" ? "Scored on the train split the model was fitted on: optimistic." : "",
    ].filter(Boolean),
    tables: [
      table("Events — Tessera clusterer", ev.system, ev.mentions),
      table("Events — same-head-lemma baseline (gold topic)", ev.lemmaTopic, ev.mentions),
      table("Events — same-head-lemma within predicted sub-topics", ev.lemmaSubtopic, ev.mentions),
      table("Entities — Tessera clusterer", en.system, en.mentions),
      table("Entities — same-head-lemma baseline (gold topic)", en.lemmaTopic, en.mentions),
    ],
    notes: [
      `${ev.mentions} event mentions in ${ev.goldClusters} gold clusters; ${en.mentions} entity mentions in ${en.goldClusters} gold clusters.`,
      "Anchors (ECB+ test, full data, CoNLL F1): Barhom et al. 2019 79.1; Held et al. 2021 85.7. This copy lacks ~15% of the mentions, so numbers are comparable in spirit only.",
    ],
  };
}
