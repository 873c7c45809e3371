// `tessera ingest --author/--published` set every document's author and publication date (on SQLite here; the
// PostgreSQL queue carries the same options to its workers, test/app/worker.test.ts), and a date that cannot be
// read is refused before anything is stored.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { tempDir } from "../helpers.js";
import { runCli } from "./in-process.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe("ingest metadata options", () => {
  it("stores the given author and date, overriding what the text says", { timeout: 60_000 }, async () => {
    const db = join(tmp.dir, "meta.db");
    const file = join(tmp.dir, "note.txt");
    writeFileSync(file, "Officials said on Monday that the bridge near the border would reopen next week.\n");
    const r = await runCli("ingest", file, "--db", db, "--author", "R. Ndlovu", "--published", "2025-04-07");
    expect(r.code).toBe(0);
    const store = new SqliteStore(db);
    try {
      const [summary] = (await store.listDocuments()).items;
      const d = await store.getDocument(summary!.id);
      expect(d?.author).toBe("R. Ndlovu");
      expect(d?.publishedAt).toMatchObject({ iso: "2025-04-07", precision: "day" });
    } finally {
      await store.close();
    }
  });

  it("refuses a publication date it cannot read", async () => {
    const r = await runCli(
      "ingest",
      join(tmp.dir, "note.txt"),
      "--db",
      join(tmp.dir, "none.db"),
      "--published",
      "soon",
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^tessera: --published must be a date such as 2024-01-03 \(got soon\)\.\n$/);
  });
});
