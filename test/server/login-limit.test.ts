// Failed sign-ins over real HTTP, with the limiter's clock in the test's hands: per account name (whatever
// the address), per client address (whatever the name; a second loopback address, 127.0.0.2, stands for
// another machine), a wait that grows after each failure past the limit, and a successful sign-in resetting.
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliActor } from "../../src/app/audit.js";
import { addUser } from "../../src/app/users.js";
import { LoginLimiter } from "../../src/server/login-limit.js";
import { type Running, startServer } from "../../src/server/serve.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { tempDir } from "../helpers.js";

const tmp = tempDir();
const PASSWORD = "a long enough secret";
let store: SqliteStore;
let server: Running;
let port = 0;
let clock = 1_000_000;

interface Reply {
  status: number;
  retryAfter?: string;
  code?: string;
}

function login(name: string, password: string, from = "127.0.0.1"): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        localAddress: from,
        method: "POST",
        path: "/api/login",
        headers: { host: `127.0.0.1:${port}`, "content-type": "application/json" },
      },
      (res) => {
        let data = "";
        res.setEncoding("utf8");
        res.on("data", (d) => {
          data += d;
        });
        res.on("end", () => {
          const reply: Reply = { status: res.statusCode ?? 0 };
          const ra = res.headers["retry-after"];
          if (typeof ra === "string") reply.retryAfter = ra;
          const code = (JSON.parse(data) as { error?: { code: string } }).error?.code;
          if (code) reply.code = code;
          resolve(reply);
        });
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify({ name, password }));
  });
}

async function fail(name: string, times: number, from?: string): Promise<void> {
  for (let i = 0; i < times; i++) expect((await login(name, "not the password", from)).status).toBe(401);
}

beforeAll(async () => {
  store = new SqliteStore(join(tmp.dir, "limit.db"));
  for (const name of ["anna", "omar", "lena", "ravi"]) await addUser(store, cliActor(), name, "analyst", PASSWORD);
  server = await startServer(store, 0, "127.0.0.1", {
    loginLimit: { perAccount: 5, perAddress: 8, firstWaitMs: 30_000, now: () => clock },
  });
  port = Number(new URL(server.url).port);
});

afterAll(async () => {
  await server?.close();
  await store?.close();
  tmp.cleanup();
});

describe("failed sign-in limit", () => {
  it("makes an account wait after 5 failures, even with the right password and from another address", async () => {
    await fail("anna", 5);
    const blocked = await login("anna", PASSWORD);
    expect(blocked).toMatchObject({ status: 429, retryAfter: "30", code: "too_many_requests" });
    expect((await login("anna", PASSWORD, "127.0.0.2")).status).toBe(429);
    clock += 10_000;
    expect((await login("anna", PASSWORD)).retryAfter).toBe("20");
    // another account from the same address is not held up by anna's failures
    expect((await login("omar", PASSWORD)).status).toBe(200);
  });

  it("lets the account in once the wait is over, and that sign-in resets its count", async () => {
    clock += 20_000;
    expect((await login("anna", PASSWORD)).status).toBe(200);
    await fail("anna", 4);
    expect((await login("anna", PASSWORD)).status).toBe(200);
  });

  it("doubles the wait with each failure past the limit", async () => {
    await fail("lena", 5, "127.0.0.2");
    expect((await login("lena", "guess", "127.0.0.2")).retryAfter).toBe("30");
    clock += 30_000;
    await fail("lena", 1, "127.0.0.2"); // the sixth failure: checked (the wait was over), and wrong
    expect((await login("lena", PASSWORD, "127.0.0.2")).retryAfter).toBe("60");
    clock += 60_000;
    await fail("lena", 1, "127.0.0.2");
    expect((await login("lena", PASSWORD, "127.0.0.2")).retryAfter).toBe("120");
    clock += 120_000;
    expect((await login("lena", PASSWORD, "127.0.0.2")).status).toBe(200);
  });

  it("makes one address wait after failures spread over many names, made-up ones included", async () => {
    clock += 2 * 3600_000; // earlier failures forgotten
    await fail("ravi", 4);
    await fail("nobody-1", 4);
    // 8 failures from 127.0.0.1: any name from it waits, a right password included
    expect(await login("ravi", PASSWORD)).toMatchObject({ status: 429, retryAfter: "30" });
    expect((await login("omar", PASSWORD)).status).toBe(429);
    // the same account from another address is let in
    expect((await login("ravi", PASSWORD, "127.0.0.2")).status).toBe(200);
  });
});

describe("LoginLimiter", () => {
  it("forgets failures an hour after the last one, and keeps at most maxTracked counters", () => {
    let now = 0;
    const limiter = new LoginLimiter({ perAccount: 2, perAddress: 100, maxTracked: 4, now: () => now });
    limiter.fail("a", "x");
    limiter.fail("a", "x");
    expect(limiter.wait("a", "y")).toBe(30_000);
    now += 3600_001;
    expect(limiter.wait("a", "y")).toBe(0);
    limiter.fail("a", "x");
    expect(limiter.wait("a", "y")).toBe(0); // one failure, not three
    limiter.fail("a", "x");
    // two counters per failure (name and address): a flood of names pushes out the oldest
    for (const n of ["b", "c", "d"]) limiter.fail(n, `addr-${n}`);
    expect(limiter.wait("a", "y")).toBe(0);
  });
});
