// One pathological file must not stop a batch: a 5 MB text of a single token used to run for
// more than ten minutes in the tokenizer, so nothing after it was stored and fusion never ran.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ingestAll } from "../../src/app/pipeline.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { tempDir } from "../helpers.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe("a batch with a 5 MB single-token file", () => {
  it("stores it without facts, with the reason, and goes on to the next file and to fusion", async () => {
    writeFileSync(join(tmp.dir, "a-blob.txt"), "k".repeat(5 * 1024 * 1024));
    writeFileSync(
      join(tmp.dir, "b-report.txt"),
      "A car bomb killed 14 people at a bus station in Mosul on 3 May 2021, police said.\n",
    );
    const store = new SqliteStore(join(tmp.dir, "stall.db"));
    try {
      const started = Date.now();
      const out = await ingestAll(store, [tmp.dir]);
      expect(Date.now() - started).toBeLessThan(30_000); // well under the old ten minutes
      const blob = out.find((o) => o.input.endsWith("a-blob.txt"))!;
      expect(blob.status).toBe("ok"); // the text is kept and searchable
      expect(blob.warning).toMatch(/over the analysis limit/);
      const report = out.find((o) => o.input.endsWith("b-report.txt"))!;
      expect(report.status).toBe("ok");
      expect(report.warning).toBeUndefined();
      expect((await store.getFacts(report.id!))?.events.length).toBeGreaterThan(0);
      expect((await store.getFusion()).incidents.length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });
});
