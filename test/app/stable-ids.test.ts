// Analyst work keyed by an incident id survives new reports, merges and rebuilds: the store keeps incident ids
// (member events and aliases) and every re-fusion inherits them. Runs the product path: store → refuse → HTTP.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refuse } from "../../src/app/fusion.js";
import { exportBrief } from "../../src/export/run.js";
import { dateValue } from "../../src/model/dates.js";
import { createApp } from "../../src/server/app.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { type DocBuilder, distractor, outletA, outletB, outletC, outletD } from "../fuse/kerman-fixture.js";
import { tempDir } from "../helpers.js";

// biome-ignore lint/suspicious/noExplicitAny: tests read loosely shaped JSON responses
type Json = Record<string, any>;

const tmp = tempDir();
let store: SqliteStore;
let app: ReturnType<typeof createApp>;

async function put(s: SqliteStore, builders: DocBuilder[]): Promise<void> {
  for (const b of builders) {
    if (b.source) await s.upsertSource(b.source.name, b.source.reliability);
    await s.putDocument(b.doc, b.facts);
  }
}

/** The fixture's second report, published the day after the bombing so that the first report is earlier. */
function laterB(): DocBuilder {
  const b = outletB();
  b.doc.publishedAt = dateValue(2024, 1, 4);
  return b;
}

const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> => {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { "Content-Type": "application/json" };
  }
  const res = await app.request(path, init);
  return { status: res.status, body: (await res.json()) as Json };
};
const list = async () => (await call("GET", "/api/incidents?limit=100")).body.items as Json[];
const find = async (word: string) => (await list()).find((i) => i.title.includes(word));

const matrix = (incident: string) => ({
  incident,
  hypotheses: [
    { id: "h1", text: "a group claimed it" },
    { id: "h2", text: "a state service did it" },
  ],
  evidence: [{ id: "x1", text: "claim of responsibility", credibility: "high", relevance: "high" }],
  ratings: { x1: { h1: "C", h2: "I" } },
  disabledSources: [],
});

beforeAll(async () => {
  store = new SqliteStore(join(tmp.dir, "ids.db"));
  await put(store, [laterB(), outletC(), outletD(), distractor()]);
  await refuse(store);
  app = createApp(store);
});
afterAll(async () => {
  await store.close();
  tmp.cleanup();
});

describe("stable incident ids through the store", () => {
  let kermanId = "";
  let quettaId = "";

  it("keeps the ACH matrix reachable when an earlier-dated report joins the incident", async () => {
    kermanId = (await find("Kerman"))?.id;
    quettaId = (await find("Quetta"))?.id;
    expect(kermanId).toBeTruthy();
    const saved = await call("PUT", `/api/incidents/${kermanId}/ach`, matrix(kermanId));
    expect(saved.status).toBe(200);

    await put(store, [outletA()]);
    await refuse(store);
    const now = await find("Kerman");
    expect(now?.id).toBe(kermanId);
    expect(now?.documents).toHaveLength(4);
    const ach = await call("GET", `/api/incidents/${kermanId}/ach`);
    expect(ach.status).toBe(200);
    expect(ach.body.model.hypotheses.map((h: Json) => h.text)).toEqual([
      "a group claimed it",
      "a state service did it",
    ]);

    // the same four reports fused from nothing name the incident after its new founding report: a different id,
    // so the test above really crossed a change of founder
    const fresh = new SqliteStore(join(tmp.dir, "fresh.db"));
    await put(fresh, [outletA(), laterB(), outletC(), outletD(), distractor()]);
    const snap = await refuse(fresh);
    await fresh.close();
    expect(snap.incidents.find((i) => i.title.includes("Kerman"))?.id).not.toBe(kermanId);
  });

  it("resolves a merged-away id to the surviving incident (HTTP, ACH, brief)", async () => {
    const r = await call("POST", "/api/overrides", { kind: "merge-incidents", incidents: [quettaId, kermanId] });
    expect(r.status).toBe(200);
    expect(r.body.override.anchors[kermanId]).toEqual(expect.arrayContaining([expect.any(String)]));
    const ids = (await list()).map((i) => i.id);
    expect(ids).toEqual([quettaId]);
    const viaAlias = await call("GET", `/api/incidents/${kermanId}`);
    expect(viaAlias.status).toBe(200);
    expect(viaAlias.body.incident.id).toBe(quettaId);
    expect((await call("GET", `/api/incidents/${kermanId}/view`)).body.incident.id).toBe(quettaId);
    // the matrix saved under the merged-away id is still found from either id
    const ach = await call("GET", `/api/incidents/${quettaId}/ach`);
    expect(ach.body.model.hypotheses).toHaveLength(2);
    expect((await call("GET", `/api/incidents/${kermanId}/ach`)).body.model.hypotheses).toHaveLength(2);
    const brief = String(await exportBrief(store, kermanId, "md"));
    expect(brief.length).toBeGreaterThan(100);
    expect(await store.resolveIncidentId(kermanId)).toBe(quettaId);
  });

  it("keeps every id across a rebuild and brings the merged-away id back on undo", async () => {
    const before = (await list()).map((i) => i.id);
    await refuse(store);
    expect((await list()).map((i) => i.id)).toEqual(before);
    const overrides = (await call("GET", "/api/overrides")).body.items as Json[];
    const undo = await call("DELETE", `/api/overrides/${overrides[0]?.id}`);
    expect(undo.status).toBe(200);
    expect((await find("Kerman"))?.id).toBe(kermanId);
    expect((await find("Quetta"))?.id).toBe(quettaId);
    await refuse(store);
    expect((await find("Kerman"))?.id).toBe(kermanId);
    expect((await call("GET", `/api/incidents/${kermanId}/ach`)).body.model.hypotheses).toHaveLength(2);
  });
});
