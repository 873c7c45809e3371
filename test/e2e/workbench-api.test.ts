// The workbench API over a hand-written corpus: reviews, overrides with undo, the incident page data,
// ACH matrices, timeline / map / graph aggregates and the static web serving.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { OpenAPIHono } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Document } from "../../src/model/records.js";
import { createApp } from "../../src/server/app.js";
import { serveWorkbench } from "../../src/server/routes/workbench-static.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { tempDir } from "../helpers.js";
import { seed } from "./fixtures.js";

const tmp = tempDir();
let store: SqliteStore;
let app: ReturnType<typeof createApp>;
let docs: Awaited<ReturnType<typeof seed>>;

// biome-ignore lint/suspicious/noExplicitAny: tests read loosely shaped JSON responses
type Json = Record<string, any>;
const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> => {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { "Content-Type": "application/json" };
  }
  const res = await app.request(path, init);
  return { status: res.status, body: (await res.json()) as Json };
};
const incidents = async () => (await call("GET", "/api/incidents")).body.items as Json[];
const kerman = async () => (await incidents()).find((i) => i.title.includes("Kerman"))!;

beforeAll(async () => {
  store = new SqliteStore(join(tmp.dir, "wb.db"));
  docs = await seed(store);
  app = createApp(store);
});
afterAll(async () => {
  await store.close();
  tmp.cleanup();
});

describe("incident page data", () => {
  it("lists every source value with outlet, grade and the revision 11 → 35", async () => {
    const inc = await kerman();
    const { status, body } = await call("GET", `/api/incidents/${inc.id}/view`);
    expect(status).toBe(200);
    const arrested = body.incident.attributes.arrested as Json[];
    expect(arrested.map((v) => v.value.value).sort((a: number, b: number) => a - b)).toEqual([11, 35]);
    expect(body.grades.arrested).toHaveLength(2);
    for (const g of body.grades.arrested) expect(g).toMatch(/^[A-F][1-6]$/);
    const outlets = arrested.map((v) => body.documents[v.doc].outlet).sort();
    expect(outlets).toEqual(["Ledger Two", "Wire One"]);
    expect(body.contradictions.some((c: Json) => c.attribute === "arrested")).toBe(true);
    expect(body.corroboration.place.independentSources).toBe(2);
  });

  it("offers the incident's events as ACH evidence with spans", async () => {
    const inc = await kerman();
    const { body } = await call("GET", `/api/incidents/${inc.id}/evidence?limit=50`);
    expect(body.total).toBe(inc.events.length);
    const item = body.items[0];
    const d: Document = item.doc === docs.first.id ? docs.first : docs.second;
    expect(d.text.slice(item.start, item.end)).toBe(item.text);
  });

  it("answers 404 in the shared error shape for an unknown incident", async () => {
    const r = await call("GET", "/api/incidents/inc-nope/view");
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ error: { code: "not_found" } });
  });
});

describe("reviews", () => {
  it("stores one verdict per extraction and replaces it on re-review", async () => {
    const target = { kind: "event", id: `${docs.first.id.slice(0, 6)}-ev2` };
    const a = await call("PUT", "/api/reviews", { doc: docs.first.id, target, status: "accepted" });
    expect(a.status).toBe(200);
    const b = await call("PUT", "/api/reviews", { doc: docs.first.id, target, status: "edited", value: "12" });
    expect(b.body.id).toBe(a.body.id);
    const list = await call("GET", `/api/reviews?doc=${docs.first.id}`);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ status: "edited", value: "12" });
    expect((await call("DELETE", `/api/reviews/${encodeURIComponent(a.body.id)}`)).status).toBe(200);
    expect((await call("GET", `/api/reviews?doc=${docs.first.id}`)).body.total).toBe(0);
  });

  it("adds a missed span with the text cut from the document", async () => {
    const start = docs.first.text.indexOf("Police");
    const r = await call("PUT", "/api/reviews", {
      doc: docs.first.id,
      target: { kind: "added", id: "new" },
      status: "added",
      value: "organization",
      start,
      end: start + 6,
    });
    expect(r.status).toBe(200);
    expect(r.body.text).toBe("Police");
    expect(r.body.target).toEqual({ kind: "added", id: r.body.id });
  });

  it("rejects a span outside the text and an unknown document", async () => {
    const bad = await call("PUT", "/api/reviews", {
      doc: docs.first.id,
      target: { kind: "added", id: "x" },
      status: "added",
      start: 5,
      end: 100_000,
    });
    expect(bad.status).toBe(400);
    const missing = await call("PUT", "/api/reviews", {
      doc: "0".repeat(64),
      target: { kind: "event", id: "x" },
      status: "accepted",
    });
    expect(missing.status).toBe(404);
  });
});

describe("overrides", () => {
  it("merges two incidents and undoes the merge", async () => {
    const before = await incidents();
    expect(before).toHaveLength(2);
    const [a, b] = before.map((i) => i.id);
    const r = await call("POST", "/api/overrides", { kind: "merge-incidents", incidents: [a, b] });
    expect(r.status).toBe(200);
    expect(await incidents()).toHaveLength(1);
    const undo = await call("DELETE", `/api/overrides/${r.body.override.id}`);
    expect(undo.body.incidents).toBe(2);
    expect(await incidents()).toHaveLength(2);
  });

  it("splits events into a new incident and reports where they went", async () => {
    const inc = await kerman();
    const moved = inc.events.filter((e: string) => e.startsWith(docs.second.id.slice(0, 6)));
    const r = await call("POST", "/api/overrides", { kind: "split-incident", incident: inc.id, events: moved });
    expect(r.status).toBe(200);
    expect(await incidents()).toHaveLength(3);
    expect(r.body.affected.length).toBeGreaterThanOrEqual(2);
    // the answer names the incidents: the workbench's message uses these titles, never an id
    const titles = (r.body.incidents as { id: string; title: string }[]).map((i) => i.title);
    expect(titles.length).toBe(r.body.affected.length);
    for (const t of titles) expect(t).not.toMatch(/^(inc|ent)-|^[0-9a-f]{12}/);
    await call("DELETE", `/api/overrides/${r.body.override.id}`);
    expect(await incidents()).toHaveLength(2);
  });

  it("moves one event to another incident and back", async () => {
    const inc = await kerman();
    const quetta = (await incidents()).find((i) => i.id !== inc.id)!;
    const event = inc.events[0] as string;
    const r = await call("POST", "/api/overrides", { kind: "move-event", event, to: quetta.id });
    expect(r.status).toBe(200);
    const after = await incidents();
    expect(after.find((i) => i.id === quetta.id)?.events).toContain(event);
    expect(after.find((i) => i.id === inc.id)?.events ?? []).not.toContain(event);
    await call("DELETE", `/api/overrides/${r.body.override.id}`);
    expect((await kerman()).events).toContain(event);
  });

  it("validates the override body", async () => {
    const r = await call("POST", "/api/overrides", { kind: "merge-incidents", incidents: ["only-one"] });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("bad_request");
    expect((await call("DELETE", "/api/overrides/ovr-missing")).status).toBe(404);
  });
});

describe("ACH", () => {
  it("starts empty, saves a matrix and returns Heuer scores", async () => {
    const inc = await kerman();
    const empty = await call("GET", `/api/incidents/${inc.id}/ach`);
    expect(empty.body.model.hypotheses).toEqual([]);
    const model = {
      incident: inc.id,
      hypotheses: [
        { id: "h1", text: "Planned attack" },
        { id: "h2", text: "Accidental explosion" },
      ],
      evidence: [
        { id: "e1", text: "Two separate blasts", source: "Wire One", credibility: "high", relevance: "high" },
        { id: "e2", text: "Mass detentions followed", source: "Ledger Two", credibility: "medium", relevance: "low" },
      ],
      ratings: { e1: { h1: "C", h2: "II" }, e2: { h1: "C", h2: "I" }, ghost: { h1: "II" } },
      disabledSources: [],
    };
    const saved = await call("PUT", `/api/incidents/${inc.id}/ach`, model);
    expect(saved.status).toBe(200);
    expect(saved.body.model.ratings.ghost).toBeUndefined();
    const h2 = saved.body.scores.find((s: Json) => s.hypothesis === "h2");
    expect(h2).toMatchObject({ inconsistency: 3, weighted: 2.375, rank: 2 });
    const again = await call("GET", `/api/incidents/${inc.id}/ach`);
    expect(again.body.model.evidence).toHaveLength(2);
    const bad = await call("PUT", `/api/incidents/${inc.id}/ach`, { ...model, ratings: { e1: { h1: "maybe" } } });
    expect(bad.status).toBe(400);
  });
});

describe("view aggregates", () => {
  it("draws incidents and events on the timeline as day ranges", async () => {
    const { body } = await call("GET", "/api/timeline?from=2024-01-01&to=2024-01-31");
    expect(body.incidents).toHaveLength(2);
    expect(body.events.every((e: Json) => e.start <= e.end)).toBe(true);
    const none = await call("GET", "/api/timeline?from=2025-01-01");
    expect(none.body.incidents).toHaveLength(0);
  });

  it("places incidents on the map from their place entity", async () => {
    const { body } = await call("GET", "/api/map");
    const k = body.incidents.find((i: Json) => i.place === "Kerman");
    expect(k).toMatchObject({ lat: 30.28, lon: 57.08 });
  });

  it("returns a graph even when no actor is linked", async () => {
    const { status, body } = await call("GET", "/api/graph");
    expect(status).toBe(200);
    expect(Array.isArray(body.nodes)).toBe(true);
  });
});

describe("OpenAPI", () => {
  it("documents every workbench route", async () => {
    const { status, body } = await call("GET", "/api/openapi.json");
    expect(status).toBe(200);
    const paths = Object.keys(body.paths);
    for (const p of [
      "/api/reviews",
      "/api/reviews/{id}",
      "/api/overrides",
      "/api/overrides/{id}",
      "/api/incidents/{id}/view",
      "/api/incidents/{id}/evidence",
      "/api/incidents/{id}/documents",
      "/api/incidents/{id}/ach",
      "/api/timeline",
      "/api/graph",
      "/api/map",
    ]) {
      expect(paths).toContain(p);
    }
  });
});

describe("static workbench serving", () => {
  it("serves files, falls back to index.html, and never leaves the build folder", async () => {
    const dir = join(tmp.dir, "dist");
    mkdirSync(join(dir, "assets"), { recursive: true });
    writeFileSync(join(dir, "index.html"), "<!doctype html><title>wb</title>");
    writeFileSync(join(dir, "assets", "a.js"), "console.log(1)");
    writeFileSync(join(tmp.dir, "secret.txt"), "do not serve");
    const web = new OpenAPIHono();
    web.get("/api/x", (c) => c.json({ ok: true }));
    expect(serveWorkbench(web, dir)).toBe(true);
    const js = await web.request("/assets/a.js");
    expect(js.headers.get("content-type")).toContain("javascript");
    expect(await (await web.request("/incident/abc")).text()).toContain("<title>wb</title>");
    expect(await (await web.request("/%2e%2e/secret.txt")).text()).not.toContain("do not serve");
    expect(await (await web.request("/api/x")).json()).toEqual({ ok: true });
  });
});
