// Reader for WikiEvents (Li et al., NAACL 2021) JSON lines: rebuilds each document's text from its
// sentences (the released `text` field has no separators and its token offsets do not index it),
// keeps token character spans into that text, and the gold events with argument head tokens.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { normaliseText } from "../../src/model/document.js";
import { readJsonLines } from "../common/io.js";
import { headIndex } from "./heads.js";

export interface WeToken {
  text: string;
  start: number;
  end: number;
}

export interface WeEntityMention {
  id: string;
  start: number; // token index
  end: number; // token index, exclusive
  type: string;
  head: number; // token index of the head word
}

export interface WeArgument {
  role: string;
  entity: string;
  head: number;
}

export interface WeEvent {
  id: string;
  type: string;
  /** Trigger token range [start, end). */
  start: number;
  end: number;
  args: WeArgument[];
}

export interface WeDoc {
  id: string;
  text: string;
  tokens: WeToken[];
  /** Token index where each sentence starts. */
  sentenceStarts: number[];
  mentions: Map<string, WeEntityMention>;
  events: WeEvent[];
  /** Entity-mention id → coreference cluster id (the mention's own id when not clustered). */
  cluster: Map<string, string>;
}

interface RawDoc {
  doc_id: string;
  tokens: string[];
  sentences: [[string, number, number][], string][];
  entity_mentions: { id: string; start: number; end: number; entity_type: string }[];
  event_mentions: {
    id: string;
    event_type: string;
    trigger: { start: number; end: number };
    arguments: { entity_id: string; role: string }[];
  }[];
}

/** Text = sentences joined by one space; token spans found by scanning each sentence in order. */
function layout(raw: RawDoc): { text: string; tokens: WeToken[]; sentenceStarts: number[] } {
  let text = "";
  const tokens: WeToken[] = [];
  const sentenceStarts: number[] = [];
  for (const [toks, sentRaw] of raw.sentences) {
    const sent = normaliseText(sentRaw);
    if (text) text += " ";
    const base = text.length;
    text += sent;
    sentenceStarts.push(tokens.length);
    let cursor = 0;
    for (const [tokRaw] of toks) {
      const tok = tokRaw.normalize("NFC");
      const at = sent.indexOf(tok, cursor);
      // A token the sentence does not spell the same way gets an empty span at the cursor.
      const start = at === -1 ? cursor : at;
      const end = at === -1 ? cursor : at + tok.length;
      tokens.push({ text: tok, start: base + start, end: base + end });
      cursor = end;
    }
  }
  return { text, tokens, sentenceStarts };
}

export function parseWeDoc(raw: RawDoc, clusters?: string[][]): WeDoc {
  const { text, tokens, sentenceStarts } = layout(raw);
  const mentions = new Map<string, WeEntityMention>();
  for (const m of raw.entity_mentions) {
    const words = tokens.slice(m.start, m.end).map((t) => t.text);
    mentions.set(m.id, { id: m.id, start: m.start, end: m.end, type: m.entity_type, head: m.start + headIndex(words) });
  }
  const events = raw.event_mentions.map((e) => ({
    id: e.id,
    type: e.event_type,
    start: e.trigger.start,
    end: e.trigger.end,
    args: e.arguments
      .filter((a) => mentions.has(a.entity_id))
      .map((a) => ({ role: a.role, entity: a.entity_id, head: mentions.get(a.entity_id)!.head })),
  }));
  const cluster = new Map<string, string>();
  for (const c of clusters ?? []) for (const id of c) cluster.set(id, c[0]!);
  return { id: raw.doc_id, text, tokens, sentenceStarts, mentions, events, cluster };
}

/** Read a split file; coreference clusters come from coref/<split>.jsonlines next to it when present. */
export function readWikiEvents(file: string, split: string): WeDoc[] {
  const corefFile = join(dirname(file), "coref", `${split}.jsonlines`);
  const clusters = new Map<string, string[][]>();
  if (existsSync(corefFile)) {
    for (const c of readJsonLines<{ doc_key: string; clusters: string[][] }>(corefFile))
      clusters.set(c.doc_key, c.clusters);
  }
  return readJsonLines<RawDoc>(file).map((r) => parseWeDoc(r, clusters.get(r.doc_id)));
}
