import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../eval/ecbplus/index.js";
import { SHARED } from "../helpers.js";

const DATA = join(SHARED, "research-data/ecbplus");
if (!existsSync(DATA)) console.log(`ECB+ data not found at ${DATA}: skipping the ECB+ evaluation test`);

describe.skipIf(!existsSync(DATA))("ECB+ evaluation runner", () => {
  it("scores a few dev documents with the system and the lemma baseline", async () => {
    const report = await run({ data: DATA, split: "dev", limit: 12 });
    expect(report.dataset).toBe("ecbplus");
    const titles = report.tables.map((t) => t.title);
    expect(titles).toContain("Events — Tessera clusterer");
    expect(titles).toContain("Events — same-head-lemma baseline (gold topic)");
    for (const t of report.tables) {
      const conll = t.rows.find((r) => r.name === "CoNLL F1")?.f1 ?? -1;
      expect(conll).toBeGreaterThan(0);
      expect(conll).toBeLessThanOrEqual(100);
    }
    // fitting the boosted pair models on all train topics takes ~10–20 s on the shared machine
  }, 180_000);

  it("refuses the held-out test split", async () => {
    await expect(run({ data: DATA, split: "test" })).rejects.toThrow(/held out/);
  });
});
