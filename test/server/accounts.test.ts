// Accounts and roles over real HTTP: a started server, node:http requests (exact Host, Origin and
// Cookie headers), users made through the same functions `tessera user` calls.
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliActor } from "../../src/app/audit.js";
import { addUser, issueToken } from "../../src/app/users.js";
import { type Running, startServer } from "../../src/server/serve.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { doc, tempDir } from "../helpers.js";

const tmp = tempDir();
let store: SqliteStore;
let server: Running;
let port = 0;
const tokens: Record<string, string> = {};
const PASSWORD = "correct horse battery";

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  json: () => Record<string, unknown> & { error?: { code: string; message: string } };
}

function send(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const h = { host: `127.0.0.1:${port}`, ...headers };
    const req = httpRequest({ host: "127.0.0.1", port, method, path, headers: h }, (res) => {
      let data = "";
      res.setEncoding("utf8");
      res.on("data", (d) => {
        data += d;
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: data, headers: res.headers, json: () => JSON.parse(data) }),
      );
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const bearer = (who: string): Record<string, string> => ({ authorization: `Bearer ${tokens[who]}` });
const jsonBody = { "content-type": "application/json" };
const grade = (headers: Record<string, string>, reliability = "B"): Promise<Reply> =>
  send("PUT", "/api/sources/Harbour%20Wire", { ...jsonBody, ...headers }, JSON.stringify({ reliability }));
const review = (headers: Record<string, string>): Promise<Reply> =>
  send(
    "PUT",
    "/api/reviews",
    { ...jsonBody, ...headers },
    JSON.stringify({
      doc: docId,
      target: { kind: "added", id: "x" },
      status: "added",
      value: "vessel",
      start: 4,
      end: 9,
    }),
  );
let docId = "";

beforeAll(async () => {
  store = new SqliteStore(join(tmp.dir, "accounts.db"));
  const d = doc("The ferry left the harbour two hours late on Monday, the port office said.", {
    outlet: "Harbour Wire",
  });
  docId = (await store.putDocument(d)).id;
  for (const [name, role] of [
    ["vera", "viewer"],
    ["anna", "analyst"],
    ["adam", "admin"],
  ] as const) {
    await addUser(store, cliActor(), name, role, PASSWORD);
    tokens[name] = await issueToken(store, cliActor(), name);
  }
  server = await startServer(store, 0, "127.0.0.1");
  port = Number(new URL(server.url).port);
});
afterAll(async () => {
  await server.close();
  await store.close();
  tmp.cleanup();
});

describe("accounts and roles", () => {
  it("once accounts exist, reading needs a credential and a wrong token is 401", async () => {
    expect((await send("GET", "/api/documents")).status).toBe(401);
    const wrong = await send("GET", "/api/documents", { authorization: "Bearer tsr_not-a-real-token" });
    expect(wrong.status).toBe(401);
    expect(wrong.json().error?.message).toMatch(/not valid/);
    expect(wrong.body).not.toContain("ferry");
    // health and the workbench page stay reachable so the sign-in form can load
    expect((await send("GET", "/api/health")).status).toBe(200);
    const me = await send("GET", "/api/me", bearer("vera"));
    expect(me.json()).toEqual({ name: "vera", role: "viewer" });
  });

  it("a viewer reads but cannot write; an analyst can; only an admin grades outlets and manages users", async () => {
    expect((await send("GET", "/api/documents", bearer("vera"))).status).toBe(200);
    const denied = await review(bearer("vera"));
    expect(denied.status).toBe(403);
    expect(denied.json().error?.message).toMatch(/vera is a viewer; this needs the analyst role/);
    expect(await store.listRecords("reviews")).toHaveLength(0);

    expect((await review(bearer("anna"))).status).toBe(200);
    expect(await store.listRecords("reviews")).toHaveLength(1);

    expect((await grade(bearer("anna"))).status).toBe(403);
    expect((await grade(bearer("adam"))).status).toBe(200);
    expect((await store.listSources()).find((s) => s.name === "Harbour Wire")?.reliability).toBe("B");

    const newUser = JSON.stringify({ name: "nils", role: "viewer", password: PASSWORD });
    expect((await send("POST", "/api/users", { ...jsonBody, ...bearer("anna") }, newUser)).status).toBe(403);
    expect((await send("GET", "/api/users", bearer("anna"))).status).toBe(403);
    expect((await send("POST", "/api/users", { ...jsonBody, ...bearer("adam") }, newUser)).status).toBe(200);
    const list = (await send("GET", "/api/users", bearer("adam"))).json() as unknown as { name: string }[];
    expect(list.map((u) => u.name)).toContain("nils");
    expect(JSON.stringify(list)).not.toContain("scrypt");
  });

  it("signs in with a password into an HttpOnly, SameSite=Strict cookie, and out again", async () => {
    const bad = await send("POST", "/api/login", jsonBody, JSON.stringify({ name: "anna", password: "wrong one!" }));
    expect(bad.status).toBe(401);
    const unknown = await send("POST", "/api/login", jsonBody, JSON.stringify({ name: "nobody", password: PASSWORD }));
    expect(unknown.status).toBe(401);
    expect(unknown.json().error?.message).toBe(bad.json().error?.message);

    const ok = await send("POST", "/api/login", jsonBody, JSON.stringify({ name: "anna", password: PASSWORD }));
    expect(ok.status).toBe(200);
    const setCookie = String(ok.headers["set-cookie"]);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(";")[0]!;
    expect((await send("GET", "/api/me", { cookie })).json()).toEqual({ name: "anna", role: "analyst" });
    expect((await review({ cookie })).status).toBe(200);

    expect((await send("POST", "/api/logout", { cookie, ...jsonBody }, "{}")).status).toBe(200);
    expect((await send("GET", "/api/me", { cookie })).status).toBe(401);
  });

  it("a foreign Origin or Host never reads or changes data, even with a valid credential", async () => {
    const before = JSON.stringify(await store.listSources());
    const fromPage = await grade({ ...bearer("adam"), origin: "http://attacker.example" }, "E");
    expect(fromPage.status).toBe(403);
    const rebound = await send("GET", "/api/export/json", { ...bearer("adam"), host: `attacker.example:${port}` });
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain("ferry");
    const reboundWrite = await grade({ ...bearer("adam"), host: `attacker.example:${port}` }, "E");
    expect(reboundWrite.status).toBe(403);
    expect(JSON.stringify(await store.listSources())).toBe(before);
  });
});

describe("serving beyond loopback with accounts", () => {
  it("starts on 0.0.0.0 once accounts exist, and still asks for a credential", async () => {
    const lan = await startServer(store, 0, "0.0.0.0");
    try {
      const url = new URL("api/documents", lan.url.replace("0.0.0.0", "127.0.0.1"));
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: bearer("vera") })).status).toBe(200);
    } finally {
      await lan.close();
    }
  });
});
