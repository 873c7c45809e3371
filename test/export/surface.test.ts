// The export surface: HTTP endpoints (with their OpenAPI entries) and the CLI commands export stix/gtd/acled,
// import stix and brief, run against a store holding the hand-made Kerman incident.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app.js";
import { openStore } from "../../src/store/index.js";
import { tempDir } from "../helpers.js";
import { kermanFixture } from "./fixture.js";

const tmp = tempDir("tessera-export-");
const db = join(tmp.dir, "k.db");
let app: ReturnType<typeof createApp>;
let store: ReturnType<typeof openStore>;

beforeAll(async () => {
  const { input } = kermanFixture();
  store = openStore(db);
  for (const s of input.sources) await store.upsertSource(s.name, s.reliability, s.notes);
  for (const d of input.documents)
    await store.putDocument(
      d,
      input.facts.find((f) => f.doc === d.id),
    );
  await store.putFusion(input.fusion);
  app = createApp(store);
});
afterAll(async () => {
  await store.close();
  tmp.cleanup();
});

describe("export HTTP API", () => {
  it("serves the STIX bundle, whole or for one incident, and 404s an unknown incident", async () => {
    const all = await app.request("/api/export/stix");
    expect(all.status).toBe(200);
    const bundle = (await all.json()) as { type: string; objects: { type: string }[] };
    expect(bundle.type).toBe("bundle");
    expect(bundle.objects.some((o) => o.type === "incident")).toBe(true);
    expect((await app.request("/api/export/stix?incident=inc-kerman")).status).toBe(200);
    expect((await app.request("/api/export/stix?incident=missing")).status).toBe(404);
  });

  it("takes the STIX profile and TLP as query parameters and refuses unknown ones", async () => {
    const res = await app.request("/api/export/stix?profile=misp&tlp=amber%2Bstrict");
    expect(res.status).toBe(200);
    const b = (await res.json()) as { objects: { type: string; name?: string }[] };
    expect(b.objects.filter((o) => o.type === "report")).toHaveLength(1);
    expect(b.objects.some((o) => o.type === "incident" || o.type === "extension-definition")).toBe(false);
    expect(b.objects.find((o) => o.type === "marking-definition")!.name).toBe("TLP:AMBER+STRICT");
    const oc = (await (await app.request("/api/export/stix?profile=opencti")).json()) as typeof b;
    expect(oc.objects.some((o) => o.type === "extension-definition")).toBe(false);
    expect(oc.objects.find((o) => o.type === "marking-definition")!.name).toBe("TLP:CLEAR");
    expect((await app.request("/api/export/stix?profile=xml")).status).toBe(400);
    expect((await app.request("/api/export/stix?tlp=white")).status).toBe(400);
  });

  it("serves GTD and ACLED CSV with a CSV content type", async () => {
    for (const f of ["gtd", "acled"]) {
      const res = await app.request(`/api/export/${f}.csv`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
      expect(await res.text()).toContain("84");
    }
  });

  it("serves the brief as Markdown and as escaped HTML", async () => {
    const md = await app.request("/api/incidents/inc-kerman/brief");
    expect(md.headers.get("content-type")).toMatch(/^text\/markdown/);
    expect(await md.text()).toContain("[^1]:");
    const html = await app.request("/api/incidents/inc-kerman/brief?format=html");
    const body = await html.text();
    expect(html.headers.get("content-type")).toMatch(/^text\/html/);
    expect(body).not.toMatch(/<script/i);
    expect((await app.request("/api/incidents/missing/brief")).status).toBe(404);
    expect((await app.request("/api/incidents/inc-kerman/brief?format=doc")).status).toBe(400);
  });

  it("documents the endpoints in the OpenAPI description", async () => {
    const spec = (await (await app.request("/api/openapi.json")).json()) as { paths: Record<string, unknown> };
    for (const p of ["/api/export/stix", "/api/export/gtd.csv", "/api/export/acled.csv", "/api/incidents/{id}/brief"]) {
      expect(Object.keys(spec.paths)).toContain(p);
    }
  });
});

describe("export CLI", () => {
  const runner = join(import.meta.dirname, "..", "cli", "run-cli.ts");
  const tessera = (...args: string[]) => {
    const r = spawnSync(process.execPath, ["--import", "tsx", runner, ...args], { encoding: "utf8", timeout: 120_000 });
    return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
  };

  it("exports STIX to a file and imports it into a fresh database", () => {
    const file = join(tmp.dir, "k.stix.json");
    expect(tessera("export", "stix", "--db", db, "--out", file).code).toBe(0);
    const fresh = join(tmp.dir, "fresh.db");
    const r = tessera("import", "stix", file, "--db", fresh);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Imported 2 document\(s\) \(0 already present\), 1 incident/);
    const again = tessera("export", "stix", "--db", fresh, "--compact");
    expect(JSON.parse(again.out)).toEqual(JSON.parse(readFileSync(file, "utf8")));
  });

  it("exports the opencti and misp profiles with a TLP, and refuses an unknown profile or level in one sentence", () => {
    const r = tessera("export", "stix", "--db", db, "--profile", "opencti", "--tlp", "amber", "--compact");
    expect(r.code, r.err).toBe(0);
    const b = JSON.parse(r.out) as { objects: { type: string; name?: string; object_marking_refs?: string[] }[] };
    expect(b.objects.some((o) => o.type === "extension-definition")).toBe(false);
    const marking = b.objects.find((o) => o.type === "marking-definition")!;
    expect(marking.name).toBe("TLP:AMBER");
    const m = JSON.parse(tessera("export", "stix", "--db", db, "--profile", "misp", "--compact").out) as typeof b;
    expect(m.objects.filter((o) => o.type === "report")).toHaveLength(1);
    const bad = tessera("export", "stix", "--db", db, "--profile", "xml");
    expect(bad.code).toBe(1);
    expect(bad.err.trim()).toBe('tessera: unknown STIX profile "xml": use tessera, opencti, misp.');
    const tlp = tessera("export", "stix", "--db", db, "--tlp", "white");
    expect(tlp.err.trim()).toBe('tessera: unknown TLP level "white": use clear, green, amber, amber+strict, red.');
  });

  it("writes GTD and ACLED CSV", () => {
    expect(tessera("export", "gtd", "--db", db).out.split("\r\n")[0]).toMatch(/^eventid,iyear,imonth,iday/);
    expect(tessera("export", "acled", "--db", db, "--incident", "inc-kerman").out).toContain("Suicide bomb");
  });

  it("writes a PDF brief; refuses an unknown incident and a non-bundle in one sentence", () => {
    const pdf = join(tmp.dir, "b.pdf");
    expect(tessera("brief", "inc-kerman", "--db", db, "--format", "pdf", "--out", pdf).code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const bad = tessera("brief", "nope", "--db", db);
    expect(bad.code).toBe(1);
    expect(bad.err.trim()).toBe("tessera: no incident has the id nope.");
    const junk = join(tmp.dir, "junk.json");
    writeFileSync(junk, JSON.stringify({ type: "report" }));
    expect(tessera("import", "stix", junk, "--db", join(tmp.dir, "x.db")).err).toMatch(/not a STIX 2.1 bundle/);
  });
});
