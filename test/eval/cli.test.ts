import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRunner } from "../../eval/cli.js";
import { type Extractor, loadExtractor } from "../../eval/common/system.js";
import { formatReport } from "../../eval/format.js";
import { run as runGtd } from "../../eval/gtd/index.js";
import { run as runGvdb } from "../../eval/gvdb/index.js";
import { run as runMuc } from "../../eval/muc4/index.js";
import type { EvalReport } from "../../eval/types.js";
import { run as runWe } from "../../eval/wikievents/index.js";
import { SHARED } from "../helpers.js";

describe("report formatting", () => {
  it("prints percentages with one decimal and the protocol", () => {
    const r: EvalReport = {
      dataset: "toy",
      split: "dev",
      documents: 2,
      protocol: ["one line"],
      tables: [{ title: "T", rows: [{ name: "role", p: 50, r: 100 / 3, f1: 40, n: 3 }] }],
      notes: ["note"],
    };
    const out = formatReport(r);
    expect(out).toContain("toy (dev): 2 documents");
    expect(out).toMatch(/role\s+50\.0\s+33\.3\s+40\.0\s+3/);
    expect(out).toContain("- one line");
  });

  it("rejects unknown datasets with a clear message", async () => {
    await expect(loadRunner("nope")).rejects.toThrow(/Unknown dataset "nope"/);
  });

  it.skipIf(existsSync(new URL("../../eval/ecbplus/index.ts", import.meta.url)))(
    "explains when the ecbplus runner is missing",
    async () => {
      await expect(loadRunner("ecbplus")).rejects.toThrow(/ecbplus runner/);
    },
  );
});

const ROOT = join(SHARED, "research-data");
if (!existsSync(ROOT)) console.warn(`skipping small-sample eval runs: ${ROOT} not found`);

/** The real extractor when it loads; otherwise an empty one, so the harness itself is still exercised. */
async function extractor(): Promise<Extractor> {
  try {
    return await loadExtractor();
  } catch (e) {
    console.warn(`eval sample runs use an empty extractor: ${(e as Error).message}`);
    return (doc) => ({ doc: doc.id, mentions: [], entities: [], events: [], claims: [], judgments: [] });
  }
}

function checkShape(r: EvalReport, dataset: string, docs: number): void {
  expect(r.dataset).toBe(dataset);
  expect(r.documents).toBe(docs);
  expect(r.protocol.length).toBeGreaterThan(0);
  expect(r.tables.length).toBeGreaterThan(0);
  for (const t of r.tables) {
    for (const row of t.rows) {
      for (const k of ["p", "r", "f1", "acc"] as const) {
        const v = row[k];
        if (v !== undefined) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(100);
        }
      }
    }
  }
}

describe.skipIf(!existsSync(ROOT))("small-sample runs on the dev data", () => {
  it("muc4", async () => {
    checkShape(await runMuc({ data: `${ROOT}/muc4`, limit: 5 }, await extractor()), "muc4", 5);
  });
  it("wikievents", async () => {
    checkShape(await runWe({ data: `${ROOT}/wikievents`, limit: 2 }, await extractor()), "wikievents", 2);
  });
  it("gvdb", async () => {
    checkShape(await runGvdb({ data: `${ROOT}/gvdb/dev.tsv`, limit: 5 }, await extractor()), "gvdb", 5);
  });
  it("gtd", async () => {
    checkShape(await runGtd({ data: `${ROOT}/gtd-israel`, limit: 5 }, await extractor()), "gtd", 5);
  });
});
