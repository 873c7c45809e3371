// `npm run bench -- store [--sizes 10000,30000] [--base 300]`: incident page and search latency (p50 / p95, over
// HTTP on loopback, the workbench's own requests) on SQLite and on PostgreSQL as the store grows.
//
// Filling a store through ingest (extraction ≈ 0.1 s per document on this machine) would take hours at these sizes,
// so the store is filled with copies instead: `--base` texts (bench/scale.ts's research-data corpus, or the
// synthetic corpus without ../shared) are ingested and fused once through the product path; then each copy k
// stores every base document again with a copy marker appended to its text (so a new document id), its facts and
// its share of the fusion (incidents, contradictions, entities, incident ids, grades) with every id renamed for the
// copy and every YYYY-MM date moved 4·k years later, so that copies never meet in one incident. Year-only dates are
// not moved. Entities are renamed per copy too, so the entity table grows with the copies (a real archive reuses
// its places and groups: its entity table is smaller, its entities' mention lists longer). Not a test.
import { createHash } from "node:crypto";
import { join } from "node:path";
import { refuse } from "../src/app/fusion.js";
import { ingestDrafts } from "../src/app/pipeline.js";
import { dateValue } from "../src/model/dates.js";
import { type DocumentDraft, documentId } from "../src/model/document.js";
import type { DocFacts, Document } from "../src/model/records.js";
import { startServer } from "../src/server/serve.js";
import { PgStore } from "../src/store/postgres/store.js";
import { SqliteStore } from "../src/store/sqlite/store.js";
import type { FusionSnapshot, Store } from "../src/store/types.js";
import { tempDir } from "../test/helpers.js";
import { startPg } from "../test/store/pg-server.js";
import { syntheticDocument } from "./corpus.js";
import { baseTexts, draft } from "./scale.js";

const SAMPLES = 60;
/** Words of the incident vocabulary: common ones (every page of hits full, many to rank) and rarer ones. */
const QUERIES = ["police", "killed", "market", "explosion", "attack", "suspects arrested", "ceasefire", "kidnapping"];

interface Base {
  docs: Document[];
  facts: DocFacts[];
  fusion: FusionSnapshot;
}

/** Ingests and fuses the base documents once, in a throwaway SQLite store. */
async function makeBase(n: number): Promise<Base> {
  const research = baseTexts();
  const drafts: DocumentDraft[] = research.length
    ? Array.from({ length: n }, (_, k) => draft(research, k))
    : Array.from({ length: n }, (_, k) => ({
        origin: `bench:synthetic:${k}`,
        text: syntheticDocument(k, 2000),
        format: "text" as const,
        language: "en",
        outlet: `synthetic outlet ${k % 7}`,
        publishedAt: dateValue(2015 + (k % 9), 1 + (k % 12), 1 + (k % 28)),
      }));
  const tmp = tempDir("tessera-store-base-");
  const store = new SqliteStore(join(tmp.dir, "base.db"));
  try {
    const outcomes = await ingestDrafts(store, drafts, { fuse: false });
    await refuse(store);
    const docs: Document[] = [];
    const facts: DocFacts[] = [];
    for (const o of outcomes) {
      if (o.status !== "ok" || !o.id) continue;
      const d = await store.getDocument(o.id);
      const f = await store.getFacts(o.id);
      if (d && f) {
        docs.push(d);
        facts.push(f);
      }
    }
    // the snapshot leaves out what the store keeps beside it: incident ids and the grades the incident page reads
    const fusion = await store.getFusion();
    const assessments = [];
    for (const i of fusion.incidents) {
      const a = await store.getAssessment(i.id);
      if (a) assessments.push(a);
    }
    // without stored grades the page would build a live engine over the whole store: not what is measured here
    if (assessments.length !== fusion.incidents.length) throw new Error("the base fusion stored no grades");
    return { docs, facts, fusion: { ...fusion, identity: await store.getIdentity(), assessments } };
  } finally {
    await store.close();
    tmp.cleanup();
  }
}

const hex12 = (s: string): string => createHash("sha256").update(s).digest("hex").slice(0, 12);

/** Copy `k` of the base: JSON with document ids, fact-id prefixes, incident/entity/contradiction ids and dates moved. */
function copier(base: Base, k: number): { json: (v: unknown) => unknown; text: (d: Document) => string } {
  const marker = `\n\n(Bench copy ${k}.)`;
  const ids = new Map<string, string>();
  for (const d of base.docs) {
    const id = documentId(d.text + marker);
    ids.set(d.id, id);
    ids.set(d.id.slice(0, 12), id.slice(0, 12));
  }
  const shift = 4 * k; // a multiple of 4 keeps 29 February a real day (until 2100)
  const rename = (s: string): string =>
    s
      .replace(/[0-9a-f]{64}/g, (m) => ids.get(m) ?? m)
      .replace(/\b([0-9a-f]{12}):/g, (_m, p: string) => `${ids.get(p) ?? p}:`)
      .replace(/\b(inc|ent|con)-([0-9a-f]{12})\b/g, (_m, kind: string, h: string) => `${kind}-${hex12(`${h}/${k}`)}`)
      .replace(/(?<![\w-])(\d{4})-(\d{2})(?=[-"T])/g, (_m, y: string, mo: string) => `${Number(y) + shift}-${mo}`);
  return {
    json: (v) => (k === 0 ? v : JSON.parse(rename(JSON.stringify(v)))),
    text: (d) => (k === 0 ? d.text : d.text + marker),
  };
}

/** Stores copy `k` of the base (documents with facts, then its fusion), `parallel` documents at a time. */
async function storeCopy(store: Store, base: Base, k: number, parallel: number): Promise<void> {
  const c = copier(base, k);
  let next = 0;
  const one = async (): Promise<void> => {
    for (let i = next++; i < base.docs.length; i = next++) {
      const d = base.docs[i]!;
      const doc = { ...(c.json({ ...d, text: "" }) as Document), text: c.text(d) };
      await store.putDocument(doc, c.json(base.facts[i]) as DocFacts);
    }
  };
  await Promise.all(Array.from({ length: parallel }, one));
  const f = c.json(base.fusion) as FusionSnapshot;
  await store.putFusionUpdate({
    incidents: f.incidents,
    removed: [],
    contradictions: f.contradictions,
    entities: f.entities,
    members: f.identity?.members ?? [],
    aliases: f.identity?.aliases ?? [],
    removedAliases: [],
    assessments: f.assessments ?? [],
    state: { version: `bench-fill-${k}`, rows: [] },
  });
}

function quantiles(ms: number[]): { p50: number; p95: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
  return { p50: Number(at(0.5).toFixed(1)), p95: Number(at(0.95).toFixed(1)) };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Incident pages of incidents spread over every copy, and searches, over HTTP. */
async function measure(store: Store, base: Base, copies: number): Promise<Record<string, number>> {
  const server = await startServer(store, 0);
  try {
    const url = server.url.replace(/\/$/, "");
    const incidents = base.fusion.incidents.map((i) => i.id);
    const page: number[] = [];
    for (let i = 0; i < SAMPLES && incidents.length; i++) {
      // a fixed stride over copies and incidents: every run asks for the same pages
      const k = (i * 7919) % copies;
      const id = (copier(base, k).json(incidents[(i * 104_729) % incidents.length]) as string) ?? "";
      page.push(
        await timed(async () => {
          const r = await fetch(`${url}/api/incidents/${id}/view`);
          if (r.status !== 200) throw new Error(`incident page ${id}: HTTP ${r.status}`);
          await r.arrayBuffer();
        }),
      );
    }
    const search: number[] = [];
    let hits = 0;
    for (let i = 0; i < SAMPLES; i++) {
      const q = QUERIES[i % QUERIES.length]!;
      search.push(
        await timed(async () => {
          const r = await fetch(`${url}/api/search?q=${encodeURIComponent(q)}&limit=20`);
          if (r.status !== 200) throw new Error(`search ${q}: HTTP ${r.status}`);
          hits += ((await r.json()) as { total: number }).total;
        }),
      );
    }
    const p = quantiles(page);
    const s = quantiles(search);
    return {
      incident_page_p50_ms: p.p50,
      incident_page_p95_ms: p.p95,
      search_p50_ms: s.p50,
      search_p95_ms: s.p95,
      search_mean_hits: Math.round(hits / SAMPLES),
    };
  } finally {
    await server.close();
  }
}

/** Fills `store` to each size in turn (whole copies) and measures at each. */
async function ladder(
  name: string,
  store: Store,
  base: Base,
  sizes: number[],
  parallel: number,
): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  let copies = 0;
  for (const size of sizes) {
    const t0 = performance.now();
    const before = copies;
    while (copies * base.docs.length < size) await storeCopy(store, base, copies++, parallel);
    const filled = (copies - before) * base.docs.length;
    const docs = await store.countDocuments();
    // the run takes many minutes: say how far it got (stdout carries the result)
    process.stderr.write(`store bench: ${name} filled to ${docs} documents, measuring\n`);
    out[`${name} fill ms/doc@${docs}`] = filled ? Number(((performance.now() - t0) / filled).toFixed(2)) : 0;
    out[`${name} incidents@${docs}`] = (await store.listIncidents({ limit: 1 })).total;
    const step = await measure(store, base, copies);
    for (const [k, v] of Object.entries(step)) out[`${name} ${k}@${docs}`] = v;
    process.stderr.write(`store bench: ${name}@${docs} ${JSON.stringify(step)}\n`);
  }
  return out;
}

export async function benchStore(
  sizes: number[],
  baseDocs: number,
  stores: string[] = ["sqlite", "postgres"],
): Promise<Record<string, number | string>> {
  const base = await makeBase(baseDocs);
  const out: Record<string, number | string> = {
    "base documents": base.docs.length,
    "base incidents": base.fusion.incidents.length,
  };
  if (stores.includes("sqlite")) {
    const tmp = tempDir("tessera-store-bench-");
    const sqlite = new SqliteStore(join(tmp.dir, "store.db"));
    try {
      Object.assign(out, await ladder("sqlite", sqlite, base, sizes, 1));
    } finally {
      await sqlite.close();
      tmp.cleanup();
    }
  }
  if (!stores.includes("postgres")) return out;
  const server = await startPg();
  try {
    const pg = new PgStore(await server.createDatabase());
    try {
      // documents stored four at a time (the pool's size), as several ingest workers would
      Object.assign(out, await ladder("postgres", pg, base, sizes, 4));
    } finally {
      await pg.close();
    }
  } finally {
    await server.stop();
  }
  out.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  return out;
}
