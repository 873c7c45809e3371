// The local server refuses foreign requests. Real HTTP to a started server (node:http, so Host and
// Origin are exactly what a hostile page's browser would send), no mocks.
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { exposureProblem, type Running, startServer } from "../../src/server/serve.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { doc, tempDir } from "../helpers.js";

const tmp = tempDir();
let store: SqliteStore;
let server: Running;
let port = 0;
const SECRET = "The informant met the courier behind the grain depot at dusk.";

interface Reply {
  status: number;
  body: string;
  json: () => { error?: { code: string; message: string } } & Record<string, unknown>;
}

function send(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      let data = "";
      res.setEncoding("utf8");
      res.on("data", (d) => {
        data += d;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: data, json: () => JSON.parse(data) }));
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

beforeAll(async () => {
  store = new SqliteStore(join(tmp.dir, "sec.db"));
  await store.putDocument(doc(SECRET, { title: "Field note", outlet: "Inner Wire" }));
  server = await startServer(store, 0, "127.0.0.1");
  port = Number(new URL(server.url).port);
});
afterAll(async () => {
  await server.close();
  await store.close();
  tmp.cleanup();
});

const self = (): string => `127.0.0.1:${port}`;

describe("the local server and foreign requests", () => {
  it("a text/plain POST from another site stores nothing", async () => {
    const planted = "Planted report: the minister ordered the attack, sources said.";
    const r = await send(
      "POST",
      "/api/documents?filename=planted.txt",
      { host: self(), origin: "http://attacker.example", "content-type": "text/plain" },
      planted,
    );
    expect(r.status).toBe(403);
    expect(r.json().error?.code).toBe("forbidden");
    expect(r.json().error?.message).toMatch(/only from this server's own pages, not from http:\/\/attacker\.example/);
    expect(await store.countDocuments()).toBe(1);
    // the same without Origin but with the browser's Sec-Fetch-Site
    const r2 = await send(
      "POST",
      "/api/documents?filename=planted.txt",
      { host: self(), "sec-fetch-site": "cross-site", "content-type": "text/plain" },
      planted,
    );
    expect(r2.status).toBe(403);
    expect(await store.countDocuments()).toBe(1);
  });

  it("a DNS-rebinding Host reads nothing, on the API and on the workbench", async () => {
    for (const path of ["/api/export/json", "/api/documents", "/"]) {
      const r = await send("GET", path, { host: `rebind.attacker.example:${port}` });
      expect(r.status, path).toBe(403);
      expect(r.json().error?.message).toMatch(/answers only to .*127\.0\.0\.1.*addressed to rebind\.attacker\.example/);
      expect(r.body).not.toContain("informant");
    }
  });

  it("serves its own host names, and accepts writes from its own origin", async () => {
    for (const host of [self(), `localhost:${port}`]) {
      const r = await send("GET", "/api/export/json", { host });
      expect(r.status, host).toBe(200);
      expect(r.body).toContain("informant");
    }
    const put = await send(
      "PUT",
      "/api/sources/Inner%20Wire",
      { host: self(), origin: `http://${self()}`, "content-type": "application/json", "sec-fetch-site": "same-origin" },
      JSON.stringify({ reliability: "B" }),
    );
    expect(put.status).toBe(200);
    expect(put.json()).toMatchObject({ name: "Inner Wire", reliability: "B" });
    // tools without a browser send no Origin
    const cli = await send(
      "PUT",
      "/api/sources/Inner%20Wire",
      { host: self(), "content-type": "application/json" },
      '{"reliability":"C"}',
    );
    expect(cli.status).toBe(200);
  });

  it("a JSON endpoint answers a non-JSON body with 415 in the one error shape, without logging a stack", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const r = await send("POST", "/api/overrides", { host: self(), "content-type": "text/plain" }, "kind=merge");
      expect(r.status).toBe(415);
      expect(r.json()).toEqual({
        error: {
          code: "unsupported_media_type",
          message: "This endpoint takes a JSON body with Content-Type application/json (got text/plain).",
        },
      });
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
    expect((await store.listRecords("overrides")).length).toBe(0);
  });

  it("stops reading a chunked upload once it passes the size cap", { timeout: 120_000 }, async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x61); // text, so only the size can refuse it
    const total = 200;
    let written = 0;
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: "/api/documents?filename=huge.txt",
          headers: { host: self(), "content-type": "text/plain", "transfer-encoding": "chunked" },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      let answered = false;
      req.on("response", () => {
        answered = true;
      });
      req.on("error", (e) => (answered ? undefined : reject(e)));
      const pump = (): void => {
        while (!answered && written < total) {
          written++;
          if (!req.write(chunk)) {
            req.once("drain", pump);
            return;
          }
        }
        if (!answered) req.end();
      };
      pump();
    });
    console.log(`upload chunks written before the refusal: ${written}`);
    expect(status).toBe(413);
    // the cap is 20 MiB; socket buffers let a few more in before the refusal reaches the client
    expect(written).toBeLessThan(80);
    expect(await store.countDocuments()).toBe(1);
  });
});

describe("serving beyond loopback", () => {
  it("refuses a non-loopback address without authentication, saying why", async () => {
    await expect(startServer(store, 0, "0.0.0.0")).rejects.toThrow(
      /refusing to serve on 0\.0\.0\.0: no accounts exist yet/,
    );
    expect(exposureProblem("::1")).toBeUndefined();
    expect(exposureProblem("localhost")).toBeUndefined();
    expect(exposureProblem("192.168.1.20")).toMatch(/no accounts exist yet/);
    expect(exposureProblem("192.168.1.20", { accounts: true })).toBeUndefined();
    expect(exposureProblem("192.168.1.20", { authenticate: () => ({ ok: true }) })).toBeUndefined();
  });

  it("runs the authentication hook on every request, after the Host check", async () => {
    const seen: string[] = [];
    const guarded = await startServer(store, 0, "127.0.0.1", {
      authenticate: (req) => {
        seen.push(new URL(req.url).pathname);
        return req.headers.get("authorization") === "Bearer letmein"
          ? { ok: true }
          : { ok: false, status: 401, message: "Sign in first." };
      },
    });
    try {
      const url = new URL("api/health", guarded.url);
      const denied = await fetch(url);
      expect(denied.status).toBe(401);
      expect(await denied.json()).toEqual({ error: { code: "unauthorized", message: "Sign in first." } });
      const allowed = await fetch(url, { headers: { authorization: "Bearer letmein" } });
      expect(allowed.status).toBe(200);
      expect(seen).toEqual(["/api/health", "/api/health"]);
    } finally {
      await guarded.close();
    }
  });
});
