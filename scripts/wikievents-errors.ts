// Error buckets for WikiEvents arguments (dev): runs the product path as eval/wikievents does and sorts every
// missed gold argument and every spurious predicted argument by cause. Diagnostic only; prints a table.
// `npx tsx scripts/wikievents-errors.ts [--data DIR] [--split dev] [--list BUCKET]`
import { runProduct } from "../eval/common/product.js";
import { weDraft } from "../eval/wikievents/index.js";
import { MAPPED_KAIROS_TYPES } from "../eval/wikievents/map.js";
import { predictEvents } from "../eval/wikievents/predict.js";
import { readWikiEvents, type WeDoc } from "../eval/wikievents/reader.js";
import type { PredEvent } from "../eval/wikievents/score.js";

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const data = arg("--data") ?? "../shared/research-data/wikievents";
const split = arg("--split") ?? "dev";
const list = arg("--list");

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < Math.max(b.end, b.start + 1) && b.start < Math.max(a.end, a.start + 1);

const sentenceOf = (d: WeDoc, tok: number) => {
  let s = 0;
  for (let i = 0; i < d.sentenceStarts.length; i++) if (d.sentenceStarts[i]! <= tok) s = i;
  return s;
};

const missed = new Map<string, number>();
const spurious = new Map<string, number>();
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const examples: string[] = [];

async function main() {
  const docs = readWikiEvents(`${data}/${split}.jsonl`, split);
  // roles the product ever gives, per KAIROS type
  const produced = new Map<string, Set<string>>();
  const all: { d: WeDoc; preds: PredEvent[] }[] = [];
  for (const d of docs) {
    const run = await runProduct([weDraft(d)]);
    const doc = run.docs[0];
    const facts = doc ? run.input.facts.find((f) => f.doc === doc.id) : undefined;
    const preds = (facts ? predictEvents(d, facts) : []).filter((e) => MAPPED_KAIROS_TYPES.has(e.type));
    for (const e of preds)
      for (const a of e.args) (produced.get(e.type) ?? produced.set(e.type, new Set()).get(e.type)!).add(a.role);
    all.push({ d, preds });
  }
  const words = (d: WeDoc, a: number, b: number) =>
    d.tokens
      .slice(a, b)
      .map((t) => t.text)
      .join(" ");
  for (const { d, preds } of all) {
    const gold = d.events.filter((e) => MAPPED_KAIROS_TYPES.has(e.type));
    for (const g of gold) {
      const same = preds.filter((p) => overlaps(p, g) && p.type === g.type);
      const any = preds.filter((p) => overlaps(p, g));
      for (const a of g.args) {
        const m = d.mentions.get(a.entity)!;
        const ok = same.some((p) => p.args.some((x) => x.head === a.head && x.role === a.role));
        if (ok) continue;
        let why: string;
        if (!any.length) why = "no event found";
        else if (!same.length) why = "event of another type";
        else if (same.some((p) => p.args.some((x) => x.head === a.head))) why = "wrong role";
        else if (same.some((p) => p.args.some((x) => x.head >= m.start && x.head < m.end)))
          why = "span head differs (inside gold mention)";
        else if (sentenceOf(d, m.head) !== sentenceOf(d, g.start)) why = "argument in another sentence";
        else if (!produced.get(g.type)?.has(a.role)) why = `role never produced (${g.type.split(".")[1]}.${a.role})`;
        else if (same.some((p) => p.args.some((x) => x.role === a.role))) why = "role filled by another phrase";
        else why = "missed in sentence";
        bump(missed, why);
        if (list && why.startsWith(list))
          examples.push(
            `MISS ${d.id} ${g.type} [${words(d, g.start, g.end)}] ${a.role}=${words(d, m.start, m.end)} :: ${words(d, d.sentenceStarts[sentenceOf(d, g.start)]!, d.sentenceStarts[sentenceOf(d, g.start) + 1] ?? d.tokens.length).slice(0, 200)} || pred: ${same.flatMap((p) => p.args.map((x) => `${x.role}=${d.tokens[x.head]?.text}`)).join(", ")}`,
          );
      }
    }
    for (const p of preds) {
      const g = gold.filter((x) => overlaps(p, x) && p.type === x.type);
      const gAny = gold.filter((x) => overlaps(p, x));
      for (const a of p.args) {
        if (g.some((x) => x.args.some((y) => y.head === a.head && y.role === a.role))) continue;
        let why: string;
        if (!gAny.length) why = "spurious event";
        else if (!g.length) why = "event type wrong";
        else if (g.some((x) => x.args.some((y) => y.head === a.head))) why = "wrong role";
        else if (
          g.some((x) =>
            x.args.some((y) => {
              const m = d.mentions.get(y.entity)!;
              return a.head >= m.start && a.head < m.end;
            }),
          )
        )
          why = "span head differs (inside gold mention)";
        else if (gold.some((x) => x.args.some((y) => y.head === a.head))) why = "argument of another event";
        else why = "not an argument";
        bump(spurious, why);
        if (list && why.startsWith(list))
          examples.push(`SPUR ${d.id} ${p.type} [${words(d, p.start, p.end)}] ${a.role}=${d.tokens[a.head]?.text}`);
      }
    }
  }
  const print = (title: string, m: Map<string, number>) => {
    const tot = [...m.values()].reduce((x, y) => x + y, 0);
    console.log(`\n${title} (${tot})`);
    for (const [k, v] of [...m].sort((x, y) => y[1] - x[1])) console.log(`${String(v).padStart(4)}  ${k}`);
  };
  print("missed gold arguments", missed);
  print("spurious predicted arguments", spurious);
  for (const e of examples) console.log(e);
}
void main();
