// Reading the ECB+ copy in ../shared/research-data/ecbplus (documents, event and entity mentions, splits)
// into per-topic structures the clusterers use. Sentence tokens are pre-tokenised in the data.
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";

export interface EcbDocument {
  id: string;
  topic: number;
  subtopic: string;
  split: string;
  sentences: string[][];
}

export interface EcbMention {
  id: string;
  doc: string;
  topic: number;
  subtopic: string;
  split: string;
  sent: number;
  tokens: number[];
  text: string;
  head: string;
  lemma: string;
  pos: string;
  type: string; // ACT/NEG for events, HUM/NON/TIM/LOC for entities
  chain: string;
}

export interface EcbData {
  documents: Map<string, EcbDocument>;
  events: EcbMention[];
  entities: EcbMention[];
  splits: { train: number[]; dev: number[]; test: number[] };
}

function readJsonl(path: string): Record<string, unknown>[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

function toMention(r: Record<string, unknown>, i: number): EcbMention {
  const tokens = (r.tokens_number as number[] | undefined) ?? [];
  return {
    id: String(r.mention_id ?? `${r.doc_id}_${r.sent_id}_${tokens.join("-")}_${i}`),
    doc: String(r.doc_id),
    topic: Number(r.topic_id ?? r.topic),
    subtopic: String(r.subtopic ?? ""),
    split: String(r.split ?? ""),
    sent: Number(r.sent_id),
    tokens,
    text: String(r.tokens_str ?? ""),
    head: String(r.mention_head ?? ""),
    lemma: String(r.mention_head_lemma ?? r.mention_head ?? "").toLowerCase(),
    pos: String(r.mention_head_pos ?? ""),
    type: String(r.mention_type ?? ""),
    chain: String(r.coref_chain ?? ""),
  };
}

/** `data` is the dataset folder, or one event-mention file of the same format (siblings are read if present). */
export function loadEcb(data: string): EcbData {
  const folder = statSync(data).isDirectory() ? data : dirname(data);
  const eventFile = statSync(data).isDirectory() ? join(folder, "event_mentions.jsonl") : data;
  const documents = new Map<string, EcbDocument>();
  for (const r of readJsonl(join(folder, "documents.jsonl"))) {
    documents.set(String(r.doc_id), {
      id: String(r.doc_id),
      topic: Number(r.topic),
      subtopic: String(r.subtopic ?? ""),
      split: String(r.split ?? ""),
      sentences: (r.sentences as string[][]) ?? [],
    });
  }
  const dedupe = (list: EcbMention[]): EcbMention[] => {
    const seen = new Set<string>();
    return list.filter((m) => {
      if (seen.has(m.id)) return false;
      seen.add(m.id);
      return true;
    });
  };
  const events = dedupe(readJsonl(eventFile).map(toMention));
  const entities = dedupe(readJsonl(join(folder, "entity_mentions.jsonl")).map(toMention));
  const splitsPath = join(folder, "splits.json");
  const s = existsSync(splitsPath) ? (JSON.parse(readFileSync(splitsPath, "utf8")) as Record<string, number[]>) : {};
  return {
    documents,
    events,
    entities,
    splits: { train: s.train_topics ?? [], dev: s.dev_topics ?? [], test: s.test_topics ?? [] },
  };
}

/** Mentions of one split: by the record's split field, else by the split's topic list. */
export function inSplit(m: EcbMention, split: string, data: EcbData): boolean {
  if (split === "all") return true;
  if (m.split) return m.split === split;
  const topics = data.splits[split as "train" | "dev" | "test"] ?? [];
  return topics.includes(m.topic);
}
