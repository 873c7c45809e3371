// Cross-document coreference for ECB+ mentions using the same cues as Tessera's fusion: the head lemma (as fusion
// compares event types and triggers), the participants, places and times mentioned in the same sentence (as fusion
// compares participants, place and date), lexical overlap of the context, and document similarity (as fusion
// groups reports of one story), plus a hand-written synonym lexicon for unseen verbs. Boosted trees (or, for the
// ablation, a logistic regression) weigh the cues on the train topics; documents are first grouped into
// sub-topics by TF-IDF similarity, then mentions are clustered average-link within each group.

import { Boosted } from "./boost.js";
import type { EcbData, EcbMention } from "./load.js";
import { synonymous } from "./synonyms.js";
import { agglomerate, contentWords, cosine, jaccard, stem, tfidf, type Vector } from "./text.js";

/** Switches for the ablation table in docs/fusion.md; all on in the reported system. */
export const OPTIONS = {
  stems: true,
  synonyms: true,
  topicIdf: true,
  properBoost: 2,
  stemRate: true,
  extra: true,
  boosted: true,
};

/** What the clusterer needs of a pair model: a coreference probability for a feature row. */
export interface PairModel {
  predict(x: number[]): number;
}

/**
 * Tokens of a document for its TF-IDF vector. Names and numbers (a capitalised word inside a sentence, a 2–4
 * digit number) are what tell two stories of one kind apart — two DUI arrests of two players of one team — so
 * they are counted `properBoost` extra times.
 */
function docTokens(sentences: string[][]): string[] {
  const out: string[] = [];
  for (const s of sentences) {
    s.forEach((t, i) => {
      out.push(t);
      if ((i > 0 && /^[A-Z][a-z]/.test(t)) || /^\d{2,4}$/.test(t))
        for (let k = 0; k < OPTIONS.properBoost; k++) out.push(t);
    });
  }
  return out;
}

export interface Context {
  docVec: Map<string, Vector>;
  sentWords: Map<string, Set<string>>;
  args: Map<string, Record<string, Set<string>>>;
}

const sk = (m: { doc: string; sent: number }): string => `${m.doc}:${m.sent}`;

/**
 * Context of a set of documents. `entityChains` maps an entity mention to its coreference cluster (gold chains
 * when fitting on train, the entity clusterer's output when scoring), so arguments of two events can be compared
 * as the same entity even when worded differently ("the gunman" / "Smith").
 */
export function buildContext(data: EcbData, docs: Set<string>, entityChains?: Map<string, string> | "gold"): Context {
  // IDF is taken within each topic: words every report of the topic shares ("Chargers", "DUI") then weigh
  // little and the words that separate its stories weigh most; it also keeps the scale independent of how
  // many topics are being scored, so a threshold tuned on train carries to dev.
  const toks = new Map<number, Map<string, string[]>>();
  const sentWords = new Map<string, Set<string>>();
  for (const id of docs) {
    const d = data.documents.get(id);
    if (!d) continue;
    // the first "sentence" of an ecbplus document is its URL: leave it out
    const sents = d.subtopic.endsWith("plus") ? d.sentences.slice(1) : d.sentences;
    const key = OPTIONS.topicIdf ? d.topic : 0;
    const group = toks.get(key) ?? new Map<string, string[]>();
    group.set(id, OPTIONS.properBoost ? docTokens(sents) : sents.flat());
    toks.set(key, group);
    d.sentences.forEach((s, i) => {
      sentWords.set(`${id}:${i}`, contentWords(s));
    });
  }
  const args = new Map<string, Record<string, Set<string>>>();
  const add = (m: EcbMention, kind: string, value: string): void => {
    let a = args.get(sk(m));
    if (!a) {
      a = {};
      args.set(sk(m), a);
    }
    let s = a[kind];
    if (!s) {
      s = new Set();
      a[kind] = s;
    }
    s.add(value);
  };
  for (const m of data.entities) {
    if (!docs.has(m.doc)) continue;
    add(m, m.type, m.lemma || m.head.toLowerCase());
    // without predicted chains every entity mention stands alone: gold chains are only ever used on train
    add(m, "ENT", entityChains === "gold" ? m.chain : (entityChains?.get(m.id) ?? m.id));
    // every content word of the argument, so "the Seattle office" and "Seattle" still overlap
    for (const w of contentWords(m.text.split(/\s+/))) add(m, "ARGW", w);
  }
  for (const m of data.events) if (docs.has(m.doc)) add(m, "EV", m.lemma);
  const docVec = new Map<string, Vector>();
  for (const group of toks.values()) for (const [id, v] of tfidf(group)) docVec.set(id, v);
  return { docVec, sentWords, args };
}

/** Coreference rate of lemma pairs seen in the train topics, per topic so a topic can be left out. */
export class LemmaPairStats {
  private perTopic = new Map<number, Map<string, [number, number]>>();
  private total = new Map<string, [number, number]>();
  prior = 0.05;

  static key(x: string, y: string): string {
    // counted by stem so "arrest"/"arrested" and "shoot"/"shooting" pool their evidence
    const a = OPTIONS.stemRate ? stem(x) : x;
    const b = OPTIONS.stemRate ? stem(y) : y;
    return a < b ? `${a}|${b}` : `${b}|${a}`;
  }

  fit(mentions: EcbMention[]): void {
    const byTopic = new Map<number, EcbMention[]>();
    for (const m of mentions) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m]);
    let c = 0;
    let t = 0;
    for (const [topic, list] of byTopic) {
      const map = new Map<string, [number, number]>();
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i] as EcbMention;
          const b = list[j] as EcbMention;
          const k = LemmaPairStats.key(a.lemma, b.lemma);
          const v = map.get(k) ?? [0, 0];
          const co = a.chain === b.chain ? 1 : 0;
          v[0] += co;
          v[1] += 1;
          c += co;
          t += 1;
          map.set(k, v);
        }
      }
      this.perTopic.set(topic, map);
      for (const [k, v] of map) {
        const tot = this.total.get(k) ?? [0, 0];
        tot[0] += v[0];
        tot[1] += v[1];
        this.total.set(k, tot);
      }
    }
    this.prior = t ? c / t : 0.05;
  }

  /** Smoothed coreference rate of a lemma pair, leaving out one topic's own counts. */
  rate(a: string, b: string, excludeTopic?: number): number {
    const k = LemmaPairStats.key(a, b);
    const tot = this.total.get(k) ?? [0, 0];
    const own = excludeTopic === undefined ? undefined : this.perTopic.get(excludeTopic)?.get(k);
    const c = tot[0] - (own?.[0] ?? 0);
    const t = tot[1] - (own?.[1] ?? 0);
    return (c + 2 * this.prior) / (t + 2);
  }
}

const EMPTY = new Set<string>();

const trigramCache = new Map<string, Set<string>>();
function trigrams(w: string): Set<string> {
  let t = trigramCache.get(w);
  if (!t) {
    t = new Set();
    const s = `#${w}#`;
    for (let i = 0; i + 3 <= s.length; i++) t.add(s.slice(i, i + 3));
    trigramCache.set(w, t);
  }
  return t;
}

/** Character-trigram overlap of two lemmas: "quake" ~ "earthquake", "explode" ~ "explosion". */
function trigramSim(a: string, b: string): number {
  return jaccard(trigrams(a), trigrams(b));
}

/** Shared prefix as a share of the shorter lemma, from 5 letters: "nominate"/"nominee", "piracy"/"pirate". */
function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i >= 5 ? i / Math.min(a.length, b.length) : 0;
}

function argSet(ctx: Context, m: EcbMention, kind: string): Set<string> {
  return ctx.args.get(sk(m))?.[kind] ?? EMPTY;
}

/** Pair features; the same list serves events (participants as context) and entities (events as context). */
export function pairFeatures(
  kind: "event" | "entity",
  a: EcbMention,
  b: EcbMention,
  ctx: Context,
  stats: LemmaPairStats,
  excludeTopic?: number,
): number[] {
  const sameLemma = a.lemma === b.lemma ? 1 : 0;
  const prefix = !sameLemma && a.lemma.length >= 4 && a.lemma.slice(0, 4) === b.lemma.slice(0, 4) ? 1 : 0;
  const rate = stats.rate(a.lemma, b.lemma, excludeTopic);
  const sentJ = jaccard(ctx.sentWords.get(sk(a)) ?? EMPTY, ctx.sentWords.get(sk(b)) ?? EMPTY);
  const docCos = a.doc === b.doc ? 1 : cosine(ctx.docVec.get(a.doc), ctx.docVec.get(b.doc));
  const sameDoc = a.doc === b.doc ? 1 : 0;
  const sameSent = sameDoc && a.sent === b.sent ? 1 : 0;
  if (kind === "event") {
    const hum = jaccard(argSet(ctx, a, "HUM"), argSet(ctx, b, "HUM"));
    const loc = jaccard(argSet(ctx, a, "LOC"), argSet(ctx, b, "LOC"));
    const tim = jaccard(argSet(ctx, a, "TIM"), argSet(ctx, b, "TIM"));
    const non = jaccard(argSet(ctx, a, "NON"), argSet(ctx, b, "NON"));
    const bothHum = argSet(ctx, a, "HUM").size && argSet(ctx, b, "HUM").size ? 1 : 0;
    const argw = jaccard(argSet(ctx, a, "ARGW"), argSet(ctx, b, "ARGW"));
    const evA = new Set(argSet(ctx, a, "EV"));
    evA.delete(a.lemma);
    const evB = new Set(argSet(ctx, b, "EV"));
    evB.delete(b.lemma);
    const evj = jaccard(evA, evB);
    const ent = jaccard(argSet(ctx, a, "ENT"), argSet(ctx, b, "ENT"));
    const sameStem = OPTIONS.stems && !sameLemma && stem(a.lemma) === stem(b.lemma) ? 1 : 0;
    const lcp = OPTIONS.extra && !sameLemma && !sameStem ? commonPrefix(a.lemma, b.lemma) : 0;
    const textJ = OPTIONS.extra ? jaccard(contentWords(a.text.split(/\s+/)), contentWords(b.text.split(/\s+/))) : 0;
    const syn = OPTIONS.synonyms && !sameLemma && !sameStem && synonymous(a.lemma, b.lemma) ? 1 : 0;
    return [
      1,
      sameLemma,
      prefix,
      rate * 5,
      Math.log(rate + 1e-3),
      hum,
      loc,
      tim,
      non,
      bothHum && hum === 0 ? 1 : 0,
      sentJ,
      docCos,
      sameDoc,
      sameSent,
      a.pos === b.pos ? 1 : 0,
      sameLemma * docCos,
      argw,
      evj,
      sameLemma * sameDoc,
      sameLemma ? 0 : trigramSim(a.lemma, b.lemma),
      sameLemma * argw,
      sameLemma * (bothHum && hum === 0 ? 1 : 0),
      ent,
      sameLemma * ent,
      sameStem,
      syn,
      syn * docCos,
      syn * argw,
      lcp,
      textJ,
    ];
  }
  const ta = new Set(a.text.toLowerCase().split(/\s+/));
  const tb = new Set(b.text.toLowerCase().split(/\s+/));
  const ev = jaccard(argSet(ctx, a, "EV"), argSet(ctx, b, "EV"));
  const pron = /^(PRON|DET)$/.test(a.pos) || /^(PRON|DET)$/.test(b.pos) ? 1 : 0;
  return [
    1,
    sameLemma,
    a.text.toLowerCase() === b.text.toLowerCase() ? 1 : 0,
    jaccard(ta, tb),
    prefix,
    rate * 5,
    Math.log(rate + 1e-3),
    ev,
    sentJ,
    docCos,
    sameDoc,
    sameSent,
    pron,
    sameLemma * docCos,
  ];
}

export class Logistic {
  w: number[] = [];
  predict(x: number[]): number {
    let z = 0;
    for (let i = 0; i < x.length; i++) z += (this.w[i] ?? 0) * (x[i] ?? 0);
    return 1 / (1 + Math.exp(-z));
  }
  /** Newton–Raphson (IRLS) with a small L2 penalty and class balancing; converges in a few passes. */
  fit(xs: number[][], ys: number[], iterations = 12, l2 = 1e-3): void {
    const d = xs[0]?.length ?? 0;
    this.w = new Array(d).fill(0);
    const n = xs.length;
    const pos = ys.reduce((s, y) => s + y, 0);
    // balance classes so the rare positive pairs are not drowned
    const wPos = pos ? n / (2 * pos) : 1;
    const wNeg = n - pos ? n / (2 * (n - pos)) : 1;
    for (let it = 0; it < iterations; it++) {
      const g = new Array<number>(d).fill(0);
      const h = Array.from({ length: d }, () => new Array<number>(d).fill(0));
      for (let k = 0; k < n; k++) {
        const x = xs[k] as number[];
        const y = ys[k] as number;
        const cw = y ? wPos : wNeg;
        const p = this.predict(x);
        const r = cw * (p - y);
        const s = cw * p * (1 - p);
        for (let i = 0; i < d; i++) {
          const xi = x[i] ?? 0;
          if (xi === 0) continue;
          g[i] = (g[i] ?? 0) + r * xi;
          const row = h[i] as number[];
          for (let j = 0; j < d; j++) row[j] = (row[j] ?? 0) + s * xi * (x[j] ?? 0);
        }
      }
      for (let i = 0; i < d; i++) {
        g[i] = (g[i] ?? 0) / n + l2 * (this.w[i] ?? 0);
        const row = h[i] as number[];
        for (let j = 0; j < d; j++) row[j] = (row[j] ?? 0) / n + (i === j ? l2 : 0);
      }
      const step = solve(h, g);
      for (let i = 0; i < d; i++) this.w[i] = (this.w[i] ?? 0) - (step[i] ?? 0);
    }
  }
}

/** Solve A x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]?.[c] ?? 0) > Math.abs(m[piv]?.[c] ?? 0)) piv = r;
    [m[c], m[piv]] = [m[piv] as number[], m[c] as number[]];
    const pr = m[c] as number[];
    const pv = pr[c] ?? 0;
    if (Math.abs(pv) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const row = m[r] as number[];
      const f = (row[c] ?? 0) / pv;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) row[k] = (row[k] ?? 0) - f * (pr[k] ?? 0);
    }
  }
  return m.map((row, i) => {
    const v = row[i] ?? 0;
    return Math.abs(v) < 1e-12 ? 0 : (row[n] ?? 0) / v;
  });
}

/** Group a topic's documents into sub-topics by TF-IDF cosine (average link). */
export function clusterDocuments(docs: string[], ctx: Context, threshold: number): string[][] {
  const sim = (i: number, j: number): number => cosine(ctx.docVec.get(docs[i] ?? ""), ctx.docVec.get(docs[j] ?? ""));
  const groups = agglomerate(docs.length, sim, threshold);
  // Fragments (one or two documents) join the large group they resemble most: a sub-topic of ECB+ has several
  // reports, and a stray document is more often an outlier report than a story of its own.
  const big = groups.filter((g) => g.length > MIN_GROUP);
  if (big.length) {
    for (const g of groups) {
      if (g.length > MIN_GROUP) continue;
      let best = big[0] as number[];
      let bestSim = -1;
      for (const b of big) {
        let s = 0;
        for (const i of g) for (const j of b) s += sim(i, j);
        s /= g.length * b.length;
        if (s > bestSim) [best, bestSim] = [b, s];
      }
      best.push(...g);
    }
  }
  return (big.length ? big : groups).map((g) => g.map((i) => docs[i] as string));
}

const MIN_GROUP = 2;

export interface ClusterParams {
  docThreshold: number;
  mentionThreshold: number;
}

/** Cluster the mentions of one topic: documents into sub-topics, then mentions average-link within each. */
export function clusterTopic(
  kind: "event" | "entity",
  mentions: EcbMention[],
  ctx: Context,
  model: PairModel,
  stats: LemmaPairStats,
  p: ClusterParams,
): string[][] {
  const docs = [...new Set(mentions.map((m) => m.doc))].sort();
  const groups = p.docThreshold > 0 ? clusterDocuments(docs, ctx, p.docThreshold) : [docs];
  const out: string[][] = [];
  for (const g of groups) {
    const set = new Set(g);
    const ms = mentions.filter((m) => set.has(m.doc));
    const compatible = (a: EcbMention, b: EcbMention): boolean => kind === "event" || a.type === b.type;
    const clusters = agglomerate(
      ms.length,
      (i, j) => {
        const a = ms[i] as EcbMention;
        const b = ms[j] as EcbMention;
        return compatible(a, b) ? model.predict(pairFeatures(kind, a, b, ctx, stats)) : 0;
      },
      p.mentionThreshold,
    );
    for (const c of clusters) out.push(c.map((i) => (ms[i] as EcbMention).id));
  }
  return out;
}

/** Same-head-lemma baseline: mentions with the same head lemma in the same topic (or document group) corefer. */
export function lemmaBaseline(kind: "event" | "entity", mentions: EcbMention[], groups?: string[][]): string[][] {
  const groupOf = new Map<string, number>();
  groups?.forEach((g, i) => {
    for (const d of g) groupOf.set(d, i);
  });
  const by = new Map<string, string[]>();
  for (const m of mentions) {
    const k = `${groupOf.get(m.doc) ?? 0}|${kind === "entity" ? m.type : ""}|${m.lemma}`;
    by.set(k, [...(by.get(k) ?? []), m.id]);
  }
  return [...by.values()];
}

/** Training pairs from the train topics (features computed with each topic's own lemma-pair counts left out). */
export function trainModel(
  kind: "event" | "entity",
  mentions: EcbMention[],
  ctx: Context,
  stats: LemmaPairStats,
): PairModel {
  const byTopic = new Map<number, EcbMention[]>();
  for (const m of mentions) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m]);
  const xs: number[][] = [];
  const ys: number[] = [];
  for (const [topic, list] of byTopic) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i] as EcbMention;
        const b = list[j] as EcbMention;
        if (kind === "entity" && a.type !== b.type) continue;
        // inference only compares mentions inside one document group, so train on pairs of one sub-topic
        if (a.subtopic !== b.subtopic) continue;
        const y = a.chain === b.chain ? 1 : 0;
        xs.push(pairFeatures(kind, a, b, ctx, stats, topic));
        ys.push(y);
      }
    }
  }
  const model = OPTIONS.boosted ? new Boosted() : new Logistic();
  model.fit(xs, ys);
  return model;
}
