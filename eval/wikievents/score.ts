// WikiEvents scoring with our own triggers: trigger identification (a predicted trigger overlaps a
// gold trigger's tokens) and classification (+ same KAIROS type); argument identification (the
// argument's head token matches a gold argument of a matched event) and classification (+ same role
// and event type). "Head" matching compares head tokens; "coref" also accepts the head of any
// mention coreferent with the gold argument. Maximum matching, micro P/R/F1.
import { maxMatching } from "../common/matching.js";
import { addPrf, emptyPrf, type Prf, prfRow } from "../common/metrics.js";
import type { EvalTable } from "../types.js";
import type { WeDoc, WeEvent } from "./reader.js";

export interface PredArgument {
  role: string;
  head: number;
}

export interface PredEvent {
  type: string; // KAIROS type
  start: number;
  end: number;
  args: PredArgument[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < Math.max(b.end, b.start + 1) && b.start < Math.max(a.end, a.start + 1);

export interface WeCounts {
  trigI: Prf;
  trigC: Prf;
  argIHead: Prf;
  argCHead: Prf;
  argICoref: Prf;
  argCCoref: Prf;
}

export const emptyCounts = (): WeCounts => ({
  trigI: emptyPrf(),
  trigC: emptyPrf(),
  argIHead: emptyPrf(),
  argCHead: emptyPrf(),
  argICoref: emptyPrf(),
  argCCoref: emptyPrf(),
});

/** The heads acceptable for a gold argument under coref matching. */
function corefHeads(doc: WeDoc, entity: string): Set<number> {
  const c = doc.cluster.get(entity) ?? entity;
  const heads = new Set<number>();
  for (const m of doc.mentions.values()) if ((doc.cluster.get(m.id) ?? m.id) === c) heads.add(m.head);
  heads.add(doc.mentions.get(entity)?.head ?? -1);
  return heads;
}

interface ArgItem {
  ev: { start: number; end: number; type: string };
  role: string;
  head: number;
  heads?: Set<number>;
}

function argCounts(pred: ArgItem[], gold: ArgItem[], classify: boolean, coref: boolean): Prf {
  const ok = (p: number, g: number) => {
    const a = pred[p]!;
    const b = gold[g]!;
    if (!overlaps(a.ev, b.ev)) return false;
    if (classify && (a.role !== b.role || a.ev.type !== b.ev.type)) return false;
    return coref ? b.heads!.has(a.head) : a.head === b.head;
  };
  return { credit: maxMatching(pred.length, gold.length, ok), predicted: pred.length, gold: gold.length };
}

/** Counts for one document; `keep` restricts both sides to the evaluated event types. */
export function scoreDoc(doc: WeDoc, pred: PredEvent[], keep: (type: string) => boolean): WeCounts {
  const gold = doc.events.filter((e) => keep(e.type));
  const p = pred.filter((e) => keep(e.type));
  const c = emptyCounts();
  const trig = (classify: boolean): Prf => ({
    credit: maxMatching(
      p.length,
      gold.length,
      (i, j) => overlaps(p[i]!, gold[j]!) && (!classify || p[i]!.type === gold[j]!.type),
    ),
    predicted: p.length,
    gold: gold.length,
  });
  c.trigI = trig(false);
  c.trigC = trig(true);
  const predArgs: ArgItem[] = p.flatMap((e) => e.args.map((a) => ({ ev: e, role: a.role, head: a.head })));
  const goldArgs: ArgItem[] = gold.flatMap((e: WeEvent) =>
    e.args.map((a) => ({ ev: e, role: a.role, head: a.head, heads: corefHeads(doc, a.entity) })),
  );
  c.argIHead = argCounts(predArgs, goldArgs, false, false);
  c.argCHead = argCounts(predArgs, goldArgs, true, false);
  c.argICoref = argCounts(predArgs, goldArgs, false, true);
  c.argCCoref = argCounts(predArgs, goldArgs, true, true);
  return c;
}

export function addCounts(into: WeCounts, c: WeCounts): void {
  for (const k of Object.keys(into) as (keyof WeCounts)[]) addPrf(into[k], c[k]);
}

export function tablesFor(label: string, c: WeCounts): EvalTable[] {
  return [
    {
      title: `WikiEvents ${label}: triggers`,
      rows: [prfRow("Trigger identification", c.trigI), prfRow("Trigger classification", c.trigC)],
    },
    {
      title: `WikiEvents ${label}: arguments`,
      rows: [
        prfRow("Arg-I (head)", c.argIHead),
        prfRow("Arg-C (head)", c.argCHead),
        prfRow("Arg-I (coref)", c.argICoref),
        prfRow("Arg-C (coref)", c.argCCoref),
      ],
    },
  ];
}

/** Gold events as predictions (for the gold-vs-gold check). */
export function goldAsPrediction(doc: WeDoc): PredEvent[] {
  return doc.events.map((e) => ({
    type: e.type,
    start: e.start,
    end: e.end,
    args: e.args.map((a) => ({ role: a.role, head: a.head })),
  }));
}
