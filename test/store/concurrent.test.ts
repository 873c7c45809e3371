// Processes writing one store at once all get their documents in: on SQLite they wait for each
// other instead of failing with "database is locked" (they used to lose documents that way while
// both reported success); on PostgreSQL they also migrate a new database together, and a text that
// two of them store at the same moment is kept once.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { backends } from "./backends.js";

const tsx = import.meta.resolve("tsx");
const writer = join(import.meta.dirname, "writer.ts");

function runWriter(location: string, name: string, count: number): Promise<{ code: number; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", tsx, writer, location, name, String(count)]);
    let err = "";
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.once("close", (code) => resolve({ code: code ?? -1, err }));
  });
}

describe.each(backends())("concurrent writers on one $name store", (backend) => {
  beforeAll(() => backend.setup());
  afterAll(() => backend.teardown());

  it("store every document of each, without a lock error", { timeout: 120_000 }, async () => {
    const location = await backend.fresh();
    // SQLite: created and migrated before the race, as after a first ingest; PostgreSQL: the writers
    // find an empty database and migrate it together
    if (backend.name === "sqlite") await openStore(location).close();
    const [a, b, c] = await Promise.all([
      runWriter(location, "a", 150),
      runWriter(location, "b", 150),
      runWriter(location, "c", 150),
    ]);
    expect(a.err + b.err + c.err).not.toMatch(/locked|busy|deadlock|duplicate key/i);
    expect([a.code, b.code, c.code]).toEqual([0, 0, 0]);
    const store = openStore(location);
    expect(await store.countDocuments()).toBe(451);
    expect((await store.listSources()).map((s) => s.name)).toEqual(["Common Wire", "Outlet a", "Outlet b", "Outlet c"]);
    await store.close();
  });
});
