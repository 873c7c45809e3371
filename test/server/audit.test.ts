// Every write route leaves an audit entry naming who acted: each state-changing route in the OpenAPI
// document is driven over real HTTP by a signed-in user, then the trail is read back.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliActor, listAudit } from "../../src/app/audit.js";
import { addUser, issueToken } from "../../src/app/users.js";
import type { AuditEntry } from "../../src/model/accounts.js";
import { type Running, startServer } from "../../src/server/serve.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { seed } from "../e2e/fixtures.js";
import { tempDir } from "../helpers.js";

const tmp = tempDir();
let store: SqliteStore;
let server: Running;
let docs: Awaited<ReturnType<typeof seed>>;
const token: Record<string, string> = {};
// biome-ignore lint/suspicious/noExplicitAny: tests read loosely shaped JSON responses
type Json = Record<string, any>;
const driven = new Set<string>();

async function call(who: string, method: string, path: string, body?: unknown, route?: string): Promise<Json> {
  const headers: Record<string, string> = { authorization: `Bearer ${token[who]}` };
  let payload: string | undefined;
  if (body !== undefined) {
    payload = typeof body === "string" ? body : JSON.stringify(body);
    headers["content-type"] = typeof body === "string" ? "text/plain" : "application/json";
  }
  const res = await fetch(new URL(path.slice(1), server.url), {
    method,
    headers,
    ...(payload ? { body: payload } : {}),
  });
  const json = (await res.json()) as Json;
  if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  if (method !== "GET") driven.add(`${method.toLowerCase()} ${route ?? path}`);
  return json;
}
const incidents = async (): Promise<Json[]> => (await call("anna", "GET", "/api/incidents?limit=500")).items;

beforeAll(async () => {
  store = new SqliteStore(join(tmp.dir, "audit.db"));
  docs = await seed(store);
  await addUser(store, cliActor(), "anna", "analyst", "analyst password");
  await addUser(store, cliActor(), "adam", "admin", "admin password!");
  token.anna = await issueToken(store, cliActor(), "anna");
  token.adam = await issueToken(store, cliActor(), "adam");
  server = await startServer(store, 0, "127.0.0.1");
});
afterAll(async () => {
  await server.close();
  await store.close();
  tmp.cleanup();
});

describe("the audit trail", () => {
  it("records every write route with who, what, before and after", { timeout: 60_000 }, async () => {
    const start = (await listAudit(store)).length;
    await call(
      "anna",
      "POST",
      "/api/documents?filename=note.txt",
      "The depot guard reported a fire at dawn.",
      "/api/documents",
    );
    await call("adam", "PUT", "/api/sources/Ledger%20Two", { reliability: "A" }, "/api/sources/{name}");

    const target = { kind: "event", id: `${docs.first.id.slice(0, 6)}-ev1` };
    await call("anna", "PUT", "/api/reviews", { doc: docs.first.id, target, status: "accepted" });
    const edited = await call("anna", "PUT", "/api/reviews", {
      doc: docs.first.id,
      target,
      status: "edited",
      value: "12",
    });
    await call("anna", "DELETE", `/api/reviews/${encodeURIComponent(edited.id)}`, undefined, "/api/reviews/{id}");

    const [a, b] = (await incidents()).filter((i) => i.events.length).map((i) => i.id);
    const merged = await call("anna", "POST", "/api/overrides", { kind: "merge-incidents", incidents: [a, b] });
    await call("anna", "DELETE", `/api/overrides/${merged.override.id}`, undefined, "/api/overrides/{id}");
    const kerman = (await incidents()).find((i) => i.title.includes("Kerman"))!;
    const moved = kerman.events.filter((e: string) => e.startsWith(docs.second.id.slice(0, 6)));
    await call("anna", "POST", "/api/overrides", { kind: "split-incident", incident: kerman.id, events: moved });

    const ents = (await call("anna", "GET", "/api/entities?limit=500")).items as Json[];
    const [p0, p1] = ents.filter((e) => e.type === "place");
    const places = [p0, p1].filter((e): e is Json => e !== undefined);
    expect(places).toHaveLength(2);
    await call("anna", "POST", "/api/overrides", { kind: "merge-entities", entities: places.map((e) => e.id) });
    await call("anna", "POST", "/api/overrides", {
      kind: "unmerge-entity",
      entity: p0?.id,
      members: [p1?.name],
    });

    const assessed = (await incidents())[0]!;
    await call(
      "anna",
      "PUT",
      `/api/incidents/${assessed.id}/ach`,
      {
        incident: assessed.id,
        hypotheses: [{ id: "h1", text: "A local cell acted alone" }],
        evidence: [],
        ratings: {},
      },
      "/api/incidents/{id}/ach",
    );
    await call("adam", "POST", "/api/users", { name: "vera", role: "viewer", password: "viewer password" });
    await call("adam", "DELETE", "/api/users/vera", undefined, "/api/users/{name}");

    // every state-changing route the API publishes was driven above (signing in and out aside)
    const spec = (await call("anna", "GET", "/api/openapi.json")) as { paths: Record<string, Record<string, unknown>> };
    const writes = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ["post", "put", "patch", "delete"].includes(m))
        .map((m) => `${m} ${path}`),
    );
    const unaudited = new Set(["post /api/login", "post /api/logout"]);
    expect(writes.filter((w) => !unaudited.has(w) && !driven.has(w))).toEqual([]);

    const trail = (await listAudit(store)).slice(start);
    expect(trail.map((e) => e.action)).toEqual([
      "document.ingest",
      "source.grade",
      "review.set",
      "review.set",
      "review.withdraw",
      "override.apply",
      "override.undo",
      "override.apply",
      "override.apply",
      "override.apply",
      "ach.edit",
      "user.add",
      "user.remove",
    ]);
    for (const e of trail) {
      expect(e.actor.name).toBe(e.action === "source.grade" || e.action.startsWith("user.") ? "adam" : "anna");
      expect(e.summary.startsWith(e.actor.name)).toBe(true);
      expect(Date.parse(e.at)).not.toBeNaN();
    }
    const grade = trail[1] as AuditEntry;
    expect(grade.before).toMatchObject({ reliability: "C" });
    expect(grade.after).toMatchObject({ reliability: "A" });
    expect(grade.summary).toBe("adam graded Ledger Two A (was C)");
    const reEdit = trail[3] as AuditEntry;
    expect(reEdit.before).toMatchObject({ status: "accepted" });
    expect(reEdit.after).toMatchObject({ status: "edited", value: "12" });
    // names, never raw ids, in what people read
    for (const e of trail.filter((x) => x.action.startsWith("override")))
      expect(e.summary).not.toMatch(/inc-|ovr-|ent-/);
    expect(JSON.stringify(trail)).not.toContain("scrypt");
  });

  it("serves an incident's history (its events and documents included) and exports the trail", async () => {
    const kerman = (await incidents()).find((i) => i.title.includes("Kerman"))!;
    const history = (await call("anna", "GET", `/api/audit?incident=${kerman.id}`)) as unknown as AuditEntry[];
    const actions = history.map((e) => e.action);
    expect(actions).toContain("review.set"); // a review of one of its documents
    expect(actions).toContain("override.apply"); // the split
    expect(actions).not.toContain("user.add");
    const bundle = await call("anna", "GET", "/api/export/json");
    expect(bundle.audit.length).toBe((await listAudit(store)).length);
  });

  it("a viewer's refused write leaves no entry", async () => {
    await addUser(store, cliActor(), "vic", "viewer", "viewer password");
    token.vic = await issueToken(store, cliActor(), "vic");
    const before = (await listAudit(store)).length;
    await expect(
      call("vic", "PUT", "/api/reviews", {
        doc: docs.first.id,
        target: { kind: "event", id: "x" },
        status: "accepted",
      }),
    ).rejects.toThrow(/403/);
    // the two account entries above (add, token) were made from the command line
    expect((await listAudit(store)).length).toBe(before);
  });
});
