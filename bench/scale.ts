// `npm run bench -- scale [--sizes 1000,10000]`: the product path at growing store sizes on real text from
// ../shared/research-data (GVDB articles, ECB+ documents, GTD summaries, news-cluster articles), date-shifted
// copies to reach each size. At each size it prints: the per-document cost of ingesting a small batch (extract,
// store, fuse), one full re-fusion, override latency (merge, split, move, undo), /api/incidents and incident-page latency over
// HTTP on loopback, bytes on disk per MB of stored text; peak RSS at the end. Not a test: nothing here fails.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { refuse } from "../src/app/fusion.js";
import { ingestDrafts } from "../src/app/pipeline.js";
import { dateValue } from "../src/model/dates.js";
import type { DocumentDraft } from "../src/model/document.js";
import { startServer } from "../src/server/serve.js";
import { SqliteStore } from "../src/store/sqlite/store.js";
import { tempDir } from "../test/helpers.js";
import { graphLatency } from "./graph.js";
import { quantiles, timed } from "./timing.js";

const DATA = join(import.meta.dirname, "..", "..", "shared", "research-data");
const BATCH = 20;
const SAMPLES = 20;
/** Merges, splits and moves timed at each size (each undone: as many undos). */
const OVERRIDE_SAMPLES = 6;

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

/** Real texts with a publication day each (fallback: a fixed day, shifted per copy). */
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

/** The k-th document of the bench corpus: copy ⌊k / base⌋ of a base text, moved that many years later. */
export function draft(bases: Base[], k: number): DocumentDraft {
  const b = bases[k % bases.length]!;
  const copy = Math.floor(k / bases.length);
  const [y, m, d] = b.date;
  // a copy marker keeps copies distinct documents (ids are text hashes); the rest is the real text
  const text = copy ? `${b.text}\n\n(Bench copy ${copy}.)` : b.text;
  return {
    origin: `bench:${b.source}:${k}`,
    text,
    format: "text",
    language: "en",
    outlet: `${b.source} outlet ${k % 7}`,
    publishedAt: dateValue(y + copy, m, Math.min(d, 28)),
  };
}

function dbBytes(file: string): number {
  let n = 0;
  for (const f of [file, `${file}-wal`]) if (existsSync(f)) n += statSync(f).size;
  return n;
}

export async function benchScale(sizes: number[]): Promise<Record<string, number | string>> {
  const bases = baseTexts();
  if (!bases.length) return { skipped: `no research data under ${DATA}` };
  const out: Record<string, number | string> = { baseTexts: bases.length };
  const tmp = tempDir("tessera-scale-");
  const file = join(tmp.dir, "scale.db");
  const store = new SqliteStore(file);
  let held = 0;
  let firstPerDoc: number | undefined;
  try {
    for (const size of sizes) {
      // fill to the size without fusing (the fill is not what is measured), then fuse once
      const fill: DocumentDraft[] = [];
      for (; held < size - BATCH; held++) fill.push(draft(bases, held));
      for (let i = 0; i < fill.length; i += 500) await ingestDrafts(store, fill.slice(i, i + 500), { fuse: false });
      out[`refuse_ms@${size}`] = Math.round(await timed(() => refuse(store)));
      // the measured batch: the ordinary path, extraction to fusion, of reports newer than the store (a live
      // stream: fusion continues from the saved engine); the fill above is older, so its fusion was a rebuild
      const batch: DocumentDraft[] = [];
      for (; held < size; held++)
        batch.push({ ...draft(bases, held), publishedAt: dateValue(2200 + sizes.indexOf(size), 1, 1 + (held % 28)) });
      let mode = "";
      const ingestMs = await timed(() =>
        ingestDrafts(store, batch, {
          onFused: (m) => {
            mode = m;
          },
        }),
      );
      out[`ingest_fusion_mode@${size}`] = mode;
      const perDoc = ingestMs / batch.length;
      firstPerDoc ??= perDoc;
      out[`ingest_ms_per_doc@${size}`] = Number(perDoc.toFixed(1));
      out[`ingest_cost_ratio@${size}`] = Number((firstPerDoc / perDoc).toFixed(2));

      const server = await startServer(store, 0);
      try {
        const base = server.url.replace(/\/$/, "");
        const headers = { "Content-Type": "application/json", Origin: base };
        const list: number[] = [];
        const page: number[] = [];
        let ids: string[] = [];
        for (let i = 0; i < SAMPLES; i++) {
          list.push(
            await timed(async () => {
              const r = await fetch(`${base}/api/incidents?limit=50&offset=${i * 50}`);
              const body = (await r.json()) as { items: { id: string }[] };
              if (i === 0) ids = body.items.map((x) => x.id);
            }),
          );
        }
        for (let i = 0; i < SAMPLES && ids.length; i++) {
          const id = ids[i % ids.length]!;
          page.push(await timed(async () => (await fetch(`${base}/api/incidents/${id}/view`)).arrayBuffer()));
        }
        // each kind of override on its own incidents, each undone after: latency of the analyst's request over HTTP
        // (fusion continues from the engine the server holds; see fuseChange)
        const post = async (o: Record<string, unknown>): Promise<string> => {
          const r = await fetch(`${base}/api/overrides`, { method: "POST", headers, body: JSON.stringify(o) });
          if (!r.ok) throw new Error(`override ${String(o.kind)}: HTTP ${r.status} ${await r.text()}`);
          return ((await r.json()) as { override: { id: string } }).override.id;
        };
        const times: Record<"merge" | "split" | "move" | "undo", number[]> = {
          merge: [],
          split: [],
          move: [],
          undo: [],
        };
        const many = await (async () => {
          const r = await fetch(`${base}/api/incidents?limit=200`);
          const items = ((await r.json()) as { items: { id: string; events: string[] }[] }).items;
          return items.filter((i) => i.events.length >= 2);
        })();
        const undo = async (made: string) =>
          times.undo.push(
            await timed(async () =>
              (await fetch(`${base}/api/overrides/${made}`, { method: "DELETE", headers })).text(),
            ),
          );
        for (let i = 0; i + 1 < many.length && i < OVERRIDE_SAMPLES; i++) {
          const a = many[i];
          const b = many[i + 1];
          if (!a || !b) break;
          let made = "";
          times.merge.push(
            await timed(async () => (made = await post({ kind: "merge-incidents", incidents: [a.id, b.id] }))),
          );
          await undo(made);
          const events = a.events.slice(-1);
          times.split.push(
            await timed(async () => (made = await post({ kind: "split-incident", incident: a.id, events }))),
          );
          await undo(made);
          const event = a.events[0] as string;
          times.move.push(await timed(async () => (made = await post({ kind: "move-event", event, to: b.id }))));
          await undo(made);
        }
        const l = quantiles(list);
        const p = quantiles(page);
        out[`incidents_list_p50_ms@${size}`] = Number(l.p50.toFixed(1));
        out[`incidents_list_p95_ms@${size}`] = Number(l.p95.toFixed(1));
        out[`incident_page_p50_ms@${size}`] = Number(p.p50.toFixed(1));
        out[`incident_page_p95_ms@${size}`] = Number(p.p95.toFixed(1));
        for (const [kind, ms] of Object.entries(times)) {
          const q = quantiles(ms);
          out[`override_${kind}_p50_ms@${size}`] = Number(q.p50.toFixed(0));
          out[`override_${kind}_p95_ms@${size}`] = Number(q.p95.toFixed(0));
        }
        const all = quantiles(Object.values(times).flat());
        out[`override_all_p50_ms@${size}`] = Number(all.p50.toFixed(0));
        out[`override_all_p95_ms@${size}`] = Number(all.p95.toFixed(0));
        Object.assign(out, await graphLatency(base, `@${size}`));
      } finally {
        await server.close();
      }
      store.db.pragma("wal_checkpoint(TRUNCATE)");
      const textBytes = store.db
        .prepare("SELECT sum(length(CAST(text AS BLOB))) FROM documents")
        .pluck()
        .get() as number;
      out[`db_bytes_per_text_byte@${size}`] = Number((dbBytes(file) / textBytes).toFixed(2));
      out[`incidents@${size}`] = (await store.listIncidents({ limit: 1 })).total;
    }
    out.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  } finally {
    await store.close();
    tmp.cleanup();
  }
  return out;
}
