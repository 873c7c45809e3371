// The scale bench's corpus: real texts from ../shared/research-data (GVDB articles, ECB+ documents, GTD summaries,
// news-cluster articles) and date-shifted copies of them to reach 100k documents, as a stream in publication
// order (the order incremental fusion needs: a document older than the newest fused makes ingest rebuild).
// Each base text is extracted once with the product's extraction; a copy's facts are its base's, moved to the
// copy's id and dates (bench/copies.ts).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { prepareDocument } from "../src/app/pipeline.js";
import { extractFacts } from "../src/extract/index.js";
import { replayKey } from "../src/fuse/engine.js";
import { dateValue } from "../src/model/dates.js";
import type { DocumentDraft } from "../src/model/document.js";
import type { DocFacts, Document } from "../src/model/records.js";
import { copyFacts } from "./copies.js";

export const DATA = join(import.meta.dirname, "..", "..", "shared", "research-data");

export interface Base {
  text: string;
  date: [number, number, number];
  source: string;
}

function jsonLines(file: string): Record<string, unknown>[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const joinTokens = (sentences: unknown): string =>
  (sentences as string[][]).map((s) => s.join(" ").replace(/ ([.,;:!?'’)])/g, "$1")).join(" ");

/** Real texts with a publication day each (fallback: a fixed day). */
export function baseTexts(): Base[] {
  const out: Base[] = [];
  for (const r of jsonLines(join(DATA, "gvdb", "dev.json"))) {
    const [y, m, d] = String(r.date ?? "2015-06-01")
      .split("-")
      .map(Number);
    out.push({ text: joinTokens(r.full_text), date: [y ?? 2015, m ?? 6, d ?? 1], source: "GVDB" });
  }
  for (const r of jsonLines(join(DATA, "ecbplus", "documents.jsonl"))) {
    out.push({ text: joinTokens(r.sentences), date: [2012, 5, 1 + (out.length % 28)], source: "ECB+" });
  }
  for (const r of jsonLines(join(DATA, "gtd-israel", "gtd_israel_with_summary_1971_2009.jsonl"))) {
    const summary = String(r.summary ?? "");
    if (summary.length < 40) continue;
    out.push({
      text: summary,
      date: [Number(r.iyear) || 2000, Math.max(1, Number(r.imonth) || 1), Math.max(1, Number(r.iday) || 1)],
      source: "GTD",
    });
  }
  const clusters = join(DATA, "news-clusters", "clusters");
  if (existsSync(clusters)) {
    for (const c of readdirSync(clusters)) {
      const dir = join(clusters, c, "articles");
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir))
        out.push({ text: readFileSync(join(dir, f), "utf8"), date: [2024, 1, 15], source: "news" });
    }
  }
  return out.filter((b) => b.text.length >= 40);
}

/**
 * Years between copy c and copy c + 1 of every text: more than the base dates span, so each copy of the whole
 * corpus is published after the one before; a multiple of 4, so 29 February stays a day (but for 2100 and like).
 */
export function yearsPerCopy(bases: Base[]): number {
  const years = bases.map((b) => b.date[0]);
  return 4 * Math.ceil((Math.max(...years) - Math.min(...years) + 1) / 4);
}

/** Copy `copy` of base `b`: its real text (with a copy marker: ids are text hashes), published `copy` × years later. */
export function draftOf(b: Base, copy: number, years: number, k: number): DocumentDraft {
  const [y, m, d] = b.date;
  return {
    origin: `bench:${b.source}:${k}`,
    text: copy ? `${b.text}\n\n(Bench copy ${copy}.)` : b.text,
    format: "text",
    language: "en",
    outlet: `${b.source} outlet ${k % 7}`,
    publishedAt: dateValue(y + copy * years, m, Math.min(d, 28)),
  };
}

/** The k-th document of the bench corpus (copy ⌊k / bases⌋ of base k mod bases), in no particular order. */
export function draft(bases: Base[], k: number): DocumentDraft {
  return draftOf(bases[k % bases.length] as Base, Math.floor(k / bases.length), yearsPerCopy(bases), k);
}

export interface Item {
  doc: Document;
  facts: DocFacts;
}

/** The corpus as a stream in publication order: copy 0 of every text, then copy 1, … (each sorted as replayed). */
export class Stream {
  readonly years: number;
  private facts: (DocFacts | undefined)[];
  private copy = -1;
  private order: { doc: Document; base: number }[] = [];
  /** Documents handed out so far. */
  next = 0;
  /** Base texts extracted so far (each once) and the time it took. */
  extracted = 0;
  extractMs = 0;

  constructor(readonly bases: Base[]) {
    this.years = yearsPerCopy(bases);
    this.facts = new Array(bases.length);
  }

  /** The copy the k-th document belongs to, its documents sorted in replay order. */
  private load(copy: number): void {
    if (this.copy === copy) return;
    this.order = this.bases
      .map((b, i) => ({
        doc: prepareDocument(draftOf(b, copy, this.years, copy * this.bases.length + i)),
        base: i,
      }))
      .sort((a, b) => (replayKey(a.doc) < replayKey(b.doc) ? -1 : 1));
    this.copy = copy;
  }

  /** The document at position k without handing it out. */
  peek(k = this.next): Document {
    this.load(Math.floor(k / this.bases.length));
    return (this.order[k % this.bases.length] as { doc: Document }).doc;
  }

  /** The next document with its facts: the base's own extraction for copy 0, moved to the copy for the others. */
  take(): Item {
    const k = this.next++;
    const copy = Math.floor(k / this.bases.length);
    this.load(copy);
    const { doc, base } = this.order[k % this.bases.length] as { doc: Document; base: number };
    let facts = this.facts[base];
    if (!facts) {
      // copy 0 comes first, so a base's facts are extracted from its own document
      const t0 = performance.now();
      facts = extractFacts(copy ? this.baseDoc(base) : doc);
      this.extractMs += performance.now() - t0;
      this.extracted++;
      this.facts[base] = facts;
    }
    return { doc, facts: copy ? copyFacts(facts, doc.id, copy * this.years) : facts };
  }

  private baseDoc(i: number): Document {
    return prepareDocument(draftOf(this.bases[i] as Base, 0, this.years, i));
  }
}
