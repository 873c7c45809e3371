// Runs the product on one cluster exactly as a user would: the cluster's articles folder ingested as one batch
// into a fresh store (reading, extraction, fusion), then the records every exporter reads. Nothing here decides
// anything about the text; it only looks up which stored document each article became.
import { resolve } from "node:path";
import { ingestAll } from "../../src/app/pipeline.js";
import { type ExportInput, loadExportInput } from "../../src/export/input.js";
import { ExportIndex } from "../../src/export/view.js";
import type { Document, Event, Incident } from "../../src/model/records.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { FETCHED_AT, mainIncidentOf } from "../common/product.js";
import type { GoldCluster } from "./gold.js";

export interface SystemArticle {
  id: string;
  doc?: Document;
  error?: string;
  /** The incident holding this article's most salient event (see `mainIncidentOf`). */
  incident?: Incident;
}

export interface SystemCluster {
  articles: Map<string, SystemArticle>;
  input: ExportInput;
  ix: ExportIndex;
  incidents: Incident[];
  /** Article id of each stored document. */
  articleOfDoc: Map<string, string>;
}

/** The events of a document, by the document-id prefix every extracted id carries. */
export function eventsOfDoc(ix: ExportIndex, inc: Incident, docId: string): Event[] {
  return ix.eventsOf(inc).filter((e) => e.doc === docId);
}

export async function runCluster(c: GoldCluster): Promise<SystemCluster> {
  const store = new SqliteStore(":memory:");
  try {
    const outcomes = await ingestAll(store, [c.articlesDir], { fetchedAt: FETCHED_AT });
    const input = await loadExportInput(store);
    const ix = new ExportIndex(input);
    const incidents = input.fusion.incidents;
    const byFile = new Map(outcomes.map((o) => [resolve(o.input), o]));
    const articles = new Map<string, SystemArticle>();
    const articleOfDoc = new Map<string, string>();
    for (const a of c.articles) {
      const o = byFile.get(resolve(a.file));
      const sa: SystemArticle = { id: a.id };
      const doc = o?.id ? ix.docs.get(o.id) : undefined;
      if (doc) {
        sa.doc = doc;
        articleOfDoc.set(doc.id, a.id);
        const inc = mainIncidentOf(ix, incidents, doc.id);
        if (inc) sa.incident = inc;
      } else {
        sa.error = o?.error ?? (o ? `not stored (${o.status})` : "not ingested");
      }
      articles.set(a.id, sa);
    }
    return { articles, input, ix, incidents, articleOfDoc };
  } finally {
    await store.close();
  }
}
