// Two processes writing one SQLite file wait for each other instead of failing with "database is
// locked" (they used to lose documents that way while both reported success).
import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { tempDir } from "../helpers.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const tsx = import.meta.resolve("tsx");
const writer = join(import.meta.dirname, "writer.ts");

function runWriter(file: string, name: string, count: number): Promise<{ code: number; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", tsx, writer, file, name, String(count)]);
    let err = "";
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.once("close", (code) => resolve({ code: code ?? -1, err }));
  });
}

describe("concurrent writers on one SQLite file", () => {
  it("store every document of each, without a lock error", { timeout: 120_000 }, async () => {
    const file = join(tmp.dir, "shared.db");
    new SqliteStore(file).close(); // created and migrated before the race, as after a first ingest
    const [a, b, c] = await Promise.all([
      runWriter(file, "a", 150),
      runWriter(file, "b", 150),
      runWriter(file, "c", 150),
    ]);
    expect(a.err + b.err + c.err).not.toMatch(/locked|busy/i);
    expect([a.code, b.code, c.code]).toEqual([0, 0, 0]);
    const store = new SqliteStore(file);
    expect(await store.countDocuments()).toBe(450);
    await store.close();
  });
});
