// MUC-4 runner: reads processed/<split>.json (texts + role-filler gold) and the original answer
// keys under raw/ (all 24 slots), runs the extractor on each text, and scores (a) REE entity F1
// (exact and head-noun match) and (b) 1992-style per-slot scores.
import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import type { DocumentDraft } from "../../src/model/document.js";
import type { DateValue } from "../../src/model/records.js";
import { limitItems, resolveDataFile, splitOf } from "../common/io.js";
import { runProduct } from "../common/product.js";
import type { EvalOptions, EvalReport, EvalTable } from "../types.js";
import { readJsonKeys } from "./json-keys.js";
import { type MucPrediction, predictMessage, predictRoles } from "./predict.js";
import { type MucDoc, readProcessed } from "./processed.js";
import { type KeyTemplate, readDatelines, readKeyDir } from "./raw-keys.js";
import { type RolePrediction, scoreRee } from "./ree.js";
import { JSON_KEY_SLOTS, type ResponseTemplate, SCORED_SLOTS, scoreSlots } from "./slots.js";

export type { MucPrediction };

export interface MucData {
  file: string;
  split: string;
  docs: MucDoc[];
  /** Original keys by message id; empty when no raw key files were found. */
  keys: Map<string, KeyTemplate[]>;
  /** Where the keys came from: raw key files (all slots), keys_json (string slots and type only), none. */
  keySource: "raw" | "json" | "none";
  datelines: Map<string, DateValue>;
}

/** The dataset root: the folder given, or for a single file the folder above processed/. */
function rootOf(data: string, file: string): string {
  if (statSync(data).isDirectory()) return data;
  const up = dirname(dirname(file));
  return existsSync(join(up, "raw")) ? up : dirname(file);
}

export function loadMuc(opts: EvalOptions): MucData {
  const file = resolveDataFile(opts.data, opts.split ?? "dev", ["processed/{split}.json", "{split}.json"]);
  const split = splitOf(opts.data, opts.split, file);
  const docs = limitItems(readProcessed(file), opts.limit);
  const root = rootOf(opts.data, file);
  const rawDir = existsSync(join(root, "raw")) ? join(root, "raw") : undefined;
  const ids = new Set(docs.map((d) => d.id));
  const keys = new Map<string, KeyTemplate[]>();
  const datelines = new Map<string, DateValue>();
  let keySource: MucData["keySource"] = "none";
  if (rawDir) {
    for (const [id, ts] of readKeyDir(rawDir)) if (ids.has(id)) keys.set(id, ts);
    for (const [id, d] of readDatelines(rawDir)) if (ids.has(id)) datelines.set(id, d);
    if (keys.size) keySource = "raw";
  }
  const jsonKeys = join(root, "keys_json", `keys_${split}`);
  if (!keys.size && existsSync(jsonKeys)) {
    for (const [id, ts] of readJsonKeys(jsonKeys)) if (ids.has(id)) keys.set(id, ts);
    if (keys.size) keySource = "json";
  }
  return { file, split, docs, keys, keySource, datelines };
}

/** Score given predictions (the runner's, a baseline's, or gold turned into predictions). */
export function scoreMuc(data: MucData, preds: Map<string, MucPrediction>): EvalTable[] {
  const roles = new Map<string, RolePrediction>();
  const templates = new Map<string, ResponseTemplate[]>();
  for (const d of data.docs) {
    const p = preds.get(d.id) ?? { templates: [], namedVictims: [] };
    roles.set(d.id, predictRoles(p));
    templates.set(d.id, p.templates);
  }
  const tables = [scoreRee(data.docs, roles, "exact"), scoreRee(data.docs, roles, "head")];
  const keyed = data.docs.filter((d) => data.keys.has(d.id)).map((d) => d.id);
  if (keyed.length)
    tables.push(scoreSlots(keyed, data.keys, templates, data.keySource === "json" ? JSON_KEY_SLOTS : SCORED_SLOTS));
  return tables;
}

export function mucDraft(d: MucDoc, publishedAt?: DateValue): DocumentDraft {
  const draft: DocumentDraft = { origin: `muc4:${d.id}`, format: "text", text: d.text, language: "en" };
  if (publishedAt) draft.publishedAt = publishedAt;
  return draft;
}

export const MUC_PROTOCOL = [
  "Texts: processed/<split>.json doctext (lower-cased by GRIT/GTT), ingested as written; the product reads a caseless document with its case restored (src/nlp/truecase.ts: sentence starts, gazetteer names, names after titles, bracketed acronyms); matching is case-insensitive.",
  "Prediction: each message is ingested alone into a fresh store (`ingestDrafts`: extraction and fusion); every incident the product forms of a violent type (attack, missile/air strike, death, injury, execution) is one response template, read field by field from the incident record (eval/muc4/predict.ts): type = the coded GTD attack type renamed (Bombing/Explosion → BOMBING, hostage taking and hijacking → KIDNAPPING, facility attack → ARSON, else ATTACK); date = coded date; location = place and its country; perpetrator organisation/individual = the incident's perpetrator groups/people and its `attacker` values; physical target / victim / instrument = its `target` / `victim` / `instrument` values (as the text they were read from; an entity as its longest form in the message); effect = DEATH/INJURY when the coded totals are above zero. REE = union over the templates; Victim keeps victims that are person entities (GRIT's gold lists named victims).",
  "Publication date: the dateline date of the raw text file (raw/*/<corpus>), when present.",
  "(a) REE as in GRIT/TempGen: per document and role (PerpInd, PerpOrg, Target, Victim, Weapon), gold = union of the templates' entities (merged when they share a mention); a predicted string matches a gold entity if it equals any mention after lower-casing, dropping punctuation and leading articles ('exact') or if their head words match ('head': last word before a post-modifier such as 'of'); each gold entity and each prediction match at most once (maximum matching); micro P/R/F1.",
  "(b) 1992-style slot scoring against the original keys (raw/*/key-*; when none, keys_json/keys_<split>, which lacks date, location and effect, so those slots are then not scored): templates aligned per message (pairs need a full or partial INCIDENT: TYPE match, greedy by credit); credit 1 correct, 0.5 partial; R = credit/POS, P = credit/ACT; optional ('?') fillers and OPTIONAL templates count only when matched; irrelevant messages ('*') make every response spurious.",
  "(b) Partial credit (scoring-guidelines.v7, automated): strings equal modulo articles/numbers/quantifiers = 1, one's words a subset of the other's = 0.5; date inside a key range or before a default '- D' = 0.5; location with right country but other place, or a less specific place of the key path = 0.5; ATTACK for any other type = 0.5. HUM TGT: NAME and DESCRIPTION are scored as one victim slot (descriptions that cross-reference a name are alternatives of it); HUM TGT: EFFECT only for DEATH/INJURY.",
];

export async function run(opts: EvalOptions): Promise<EvalReport> {
  const data = loadMuc(opts);
  const failures: string[] = [];
  const preds = new Map<string, MucPrediction>();
  for (const d of data.docs) {
    const run = await runProduct([mucDraft(d, data.datelines.get(d.id))]);
    failures.push(...run.errors);
    preds.set(d.id, predictMessage(run));
  }
  const notes = [`data: ${data.file}`];
  if (data.keySource === "none") notes.push("no answer keys found next to the data: slot scores (b) skipped");
  if (data.keySource === "json")
    notes.push("keys from keys_json (no raw key files): date, location and effect are not scored");
  if (failures.length) notes.push(`${failures.length} documents failed in the pipeline: ${failures[0]}`);
  const tables = scoreMuc(data, preds);
  const row = (title: string, name: string) =>
    tables.find((t) => t.title.startsWith(title))?.rows.find((r) => r.name.startsWith(name))?.f1 ?? 0;
  return {
    dataset: "muc4",
    split: data.split,
    documents: data.docs.length,
    protocol: MUC_PROTOCOL,
    tables,
    notes,
    headline: {
      "REE exact micro F1": row("MUC-4 role-filler entities (exact", "all roles"),
      "slots F (9 slots)": tables.at(-1)?.rows.at(-1)?.f1 ?? 0,
    },
  };
}
