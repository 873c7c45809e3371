import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { doc, tempDir } from "../helpers.js";

const tmp = tempDir();
let store: SqliteStore;
let app: ReturnType<typeof createApp>;
const hostile = doc('Payload <script>alert("x")</script> and <img src=x onerror="alert(1)"> inside an article.', {
  title: "Hostile <b>title</b>",
  outlet: "Test Wire",
  published: "2024-01-04",
});

beforeAll(async () => {
  store = new SqliteStore(join(tmp.dir, "api.db"));
  await store.putDocument(hostile);
  await store.putDocument(doc("A calm report on grain exports.", { title: "Grain", published: "2024-02-01" }));
  app = createApp(store);
});
afterAll(async () => {
  await store.close();
  tmp.cleanup();
});

const get = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
};

describe("HTTP API", () => {
  it("reports health and store size", async () => {
    const r = await get("/api/health");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: "ok", documents: 2 });
  });

  it("lists documents with pagination", async () => {
    const r = await get("/api/documents?limit=1&offset=1");
    expect(r.body).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect((r.body.items as Array<{ title: string }>)[0]!.title).toBe("Grain");
  });

  it("returns one error shape for bad input and unknown ids", async () => {
    const bad = await get("/api/documents?limit=0");
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: "bad_request" } });
    const missing = await get(`/api/documents/${"0".repeat(12)}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: "not_found" } });
    const noRoute = await get("/api/nothing-here");
    expect(noRoute.status).toBe(404);
    expect(noRoute.body).toMatchObject({ error: { code: "not_found" } });
  });

  it("serves document text as JSON data, never as markup, with a strict CSP", async () => {
    const r = await get(`/api/documents/${hostile.id.slice(0, 10)}`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("application/json");
    expect(r.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(r.body.text).toContain("<script>");
  });

  it("searches", async () => {
    const r = await get("/api/search?q=grain");
    expect(r.body).toMatchObject({ total: 1 });
    expect((await get("/api/search")).status).toBe(400);
  });

  it("grades a source and validates the grade", async () => {
    const ok = await app.request("/api/sources/Test%20Wire", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ reliability: "B" }),
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ name: "Test Wire", reliability: "B" });
    const bad = await app.request("/api/sources/Test%20Wire", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ reliability: "Z" }),
    });
    expect(bad.status).toBe(400);
  });

  it("ingests an uploaded file, reports duplicates, and refuses empty or hostile uploads cleanly", async () => {
    const body =
      "<html><head><title>Port strike</title></head><body><article><p>Dock workers in the harbour town walked out on Monday over unpaid wages, the union said in a statement to reporters.</p><script>window.x=1</script></article></body></html>";
    const up = (b: string) =>
      app.request("/api/documents?filename=strike.html&outlet=Harbour%20Post", {
        method: "POST",
        headers: { "content-type": "text/html" },
        body: b,
      });
    const first = await up(body);
    expect(first.status).toBe(200);
    const r1 = (await first.json()) as { results: Array<{ status: string; id: string }> };
    expect(r1.results.map((r) => r.status)).toEqual(["ok"]);
    const stored = await get(`/api/documents/${r1.results[0]!.id}`);
    expect(stored.body).toMatchObject({ outlet: "Harbour Post", format: "html" });
    expect(stored.body.text).not.toContain("window.x");
    const again = (await (await up(body)).json()) as { results: Array<{ status: string }> };
    expect(again.results.map((r) => r.status)).toEqual(["duplicate"]);
    expect((await up("")).status).toBe(400);
    const junk = await app.request("/api/documents?filename=x.bin", {
      method: "POST",
      headers: { "content-type": "application/octet-stream" },
      body: new Uint8Array([0, 1, 2, 255, 254, 0, 7, 0, 0, 3]),
    });
    expect(junk.status).toBe(200);
    expect(((await junk.json()) as { results: Array<{ status: string }> }).results[0]!.status).toBe("error");
  });

  it("publishes an OpenAPI 3.1 document listing every API route", async () => {
    const r = await get("/api/openapi.json");
    expect(r.body.openapi).toBe("3.1.0");
    const paths = Object.keys(r.body.paths as object);
    for (const p of ["/api/health", "/api/documents", "/api/documents/{id}", "/api/search", "/api/incidents"]) {
      expect(paths).toContain(p);
    }
  });
});
