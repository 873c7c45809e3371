// WikiEvents runner: rebuilds each document, ingests it alone (the product path), maps our events to KAIROS and
// scores triggers and argument heads on the mapped types and on all types.
import type { DocumentDraft } from "../../src/model/document.js";
import { limitItems, resolveDataFile, splitOf } from "../common/io.js";
import { runProduct } from "../common/product.js";
import type { EvalOptions, EvalReport, EvalTable } from "../types.js";
import { MAPPED_KAIROS_TYPES } from "./map.js";
import { predictEvents } from "./predict.js";
import { readWikiEvents, type WeDoc } from "./reader.js";
import { addCounts, emptyCounts, type PredEvent, scoreDoc, tablesFor } from "./score.js";

export function loadWikiEvents(opts: EvalOptions): { file: string; split: string; docs: WeDoc[] } {
  const file = resolveDataFile(opts.data, opts.split ?? "dev", ["{split}.jsonl"]);
  const split = splitOf(opts.data, opts.split, file);
  return { file, split, docs: limitItems(readWikiEvents(file, split), opts.limit) };
}

export function scoreWikiEvents(docs: WeDoc[], preds: Map<string, PredEvent[]>): EvalTable[] {
  const mapped = emptyCounts();
  const all = emptyCounts();
  for (const d of docs) {
    const p = preds.get(d.id) ?? [];
    addCounts(
      mapped,
      scoreDoc(d, p, (t) => MAPPED_KAIROS_TYPES.has(t)),
    );
    addCounts(
      all,
      scoreDoc(d, p, () => true),
    );
  }
  return [...tablesFor("mapped types", mapped), ...tablesFor("all types", all)];
}

export function weDraft(d: WeDoc): DocumentDraft {
  return { origin: `wikievents:${d.id}`, format: "text", text: d.text, language: "en" };
}

export const WIKIEVENTS_PROTOCOL = [
  "Text: the document's sentences joined by single spaces (the released `text` has no separators); no publication date is given.",
  "Our events are mapped to KAIROS types by eval/wikievents/map.ts (attack → Conflict.Attack.Unspecified, or DetonateExplode when the subtype/weapon is a bombing/explosive; death → Life.Die; injury → Life.Injure; arrest → Justice.ArrestJailDetain; meeting → Contact.Contact.Meet; statement → Contact.Contact.Broadcast; threat → Contact.ThreatenCoerce); unmapped events are ignored.",
  `"Mapped types" restricts gold and predictions to ${[...MAPPED_KAIROS_TYPES].sort().join(", ")}; "all types" keeps every gold event (unmapped gold types can only be missed).`,
  "Trigger identification: a predicted trigger overlaps a gold trigger's tokens; classification: and the KAIROS type is equal. Maximum matching, micro P/R/F1.",
  "Arguments (with our own triggers): Arg-I = the predicted argument's head token equals a gold argument's head token and the two events' triggers overlap; Arg-C = also the same role and event type. Heads = last token before the first post-modifier (of/in/at/…/comma) for both gold mentions and predicted spans. 'coref' accepts the head of any mention in the gold argument's coreference cluster (coref/<split>.jsonlines).",
];

export async function run(opts: EvalOptions): Promise<EvalReport> {
  const { file, split, docs } = loadWikiEvents(opts);
  const failures: string[] = [];
  const preds = new Map<string, PredEvent[]>();
  for (const d of docs) {
    const run = await runProduct([weDraft(d)]);
    failures.push(...run.errors);
    const doc = run.docs[0];
    const facts = doc ? run.input.facts.find((f) => f.doc === doc.id) : undefined;
    if (doc && doc.text !== d.text) failures.push(`${d.id}: text changed by normalisation; offsets unusable`);
    preds.set(d.id, facts && doc?.text === d.text ? predictEvents(d, facts) : []);
  }
  const notes = [`data: ${file}`];
  if (failures.length) notes.push(`${failures.length} documents failed (scored as empty): ${failures[0]}`);
  const tables = scoreWikiEvents(docs, preds);
  const f1 = (title: string, name: string) =>
    tables.find((t) => t.title.includes(title))?.rows.find((r) => r.name.startsWith(name))?.f1 ?? 0;
  return {
    dataset: "wikievents",
    split,
    documents: docs.length,
    protocol: WIKIEVENTS_PROTOCOL,
    tables,
    notes,
    headline: {
      "trigger C F1 (mapped)": f1("mapped types: triggers", "Trigger classification"),
      "Arg-C head F1 (mapped)": f1("mapped types: arguments", "Arg-C (head)"),
    },
  };
}
