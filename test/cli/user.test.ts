// `tessera user add|list|token|remove` in-process (password from TESSERA_PASSWORD), then the token
// checked against the store the way the server checks it.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listAudit } from "../../src/app/audit.js";
import { whoHolds } from "../../src/app/users.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { tempDir } from "../helpers.js";
import { runCli } from "./in-process.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe("tessera user", () => {
  it("adds, lists, issues a token for and removes accounts, each audited", async () => {
    const db = join(tmp.dir, "users.db");
    process.env.TESSERA_PASSWORD = "a long enough secret";
    try {
      const added = await runCli("user", "add", "mira", "--role", "viewer", "--db", db);
      expect(added.code, added.err).toBe(0);
      expect(added.out).toContain("added mira (viewer)");
      expect((await runCli("user", "add", "mira", "--db", db)).err).toMatch(/already exists/);
      expect((await runCli("user", "add", "omar", "--role", "boss", "--db", db)).err).toMatch(/--role must be/);
      process.env.TESSERA_PASSWORD = "short";
      expect((await runCli("user", "add", "omar", "--db", db)).err).toMatch(/at least 10 characters/);
    } finally {
      delete process.env.TESSERA_PASSWORD;
    }
    const list = await runCli("user", "list", "--json", "--db", db);
    expect(JSON.parse(list.out)).toEqual([expect.objectContaining({ name: "mira", role: "viewer" })]);
    expect(list.out).not.toContain("scrypt");

    const token = (await runCli("user", "token", "mira", "--db", db)).out.trim();
    expect(token).toMatch(/^tsr_[\w-]{40,}$/);
    const store = new SqliteStore(db);
    try {
      expect(await whoHolds(store, token)).toEqual({ name: "mira", role: "viewer" });
      expect(JSON.stringify(await store.listRecords("credentials"))).not.toContain(token);
    } finally {
      await store.close();
    }

    expect((await runCli("user", "remove", "mira", "--db", db)).out).toContain("removed mira");
    expect((await runCli("user", "remove", "mira", "--db", db)).err).toMatch(/no user is named mira/);
    const after = new SqliteStore(db);
    try {
      expect(await whoHolds(after, token)).toBeUndefined();
      expect((await listAudit(after)).map((e) => e.action)).toEqual(["user.add", "user.token", "user.remove"]);
    } finally {
      await after.close();
    }
  });
});
