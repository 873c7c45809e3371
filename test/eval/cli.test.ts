import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRunner } from "../../eval/cli.js";
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
});

const ROOT = join(SHARED, "research-data");
if (!existsSync(ROOT)) console.warn(`skipping small-sample eval runs: ${ROOT} not found`);

/** Every score is a percentage and the report carries headline numbers for the ratchet. */
function checkShape(r: EvalReport, dataset: string, docs: number): void {
  expect(r.dataset).toBe(dataset);
  expect(r.documents).toBe(docs);
  expect(r.protocol.length).toBeGreaterThan(0);
  expect(Object.keys(r.headline ?? {}).length).toBeGreaterThan(0);
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

// Small samples through the product path: each must score clearly above an empty system on a field an empty
// system gets wrong, so a broken pipeline (no extraction, no fusion, no coding) fails here.
describe.skipIf(!existsSync(ROOT))("small-sample runs on the dev data", () => {
  it("muc4: incident types are found", async () => {
    const r = await runMuc({ data: `${ROOT}/muc4`, limit: 8 });
    checkShape(r, "muc4", 8);
    const type = r.tables.at(-1)!.rows.find((x) => x.name === "INCIDENT: TYPE")!;
    expect(type.f1!).toBeGreaterThan(20);
  });
  it("wikievents: triggers are found", async () => {
    const r = await runWe({ data: `${ROOT}/wikievents`, limit: 2 });
    checkShape(r, "wikievents", 2);
    expect(r.headline!["trigger C F1 (mapped)"]!).toBeGreaterThan(20);
  });
  it("gvdb: most cities or dates are found", async () => {
    const r = await runGvdb({ data: `${ROOT}/gvdb/dev.tsv`, limit: 10 });
    checkShape(r, "gvdb", 10);
    expect(r.headline!["killed (exact)"]!).toBeGreaterThan(50);
  });
  it("gtd: dates and attack types are coded", async () => {
    const r = await runGtd({ data: `${ROOT}/gtd-israel`, limit: 60 });
    checkShape(r, "gtd", 60);
    expect(r.headline!.date!).toBeGreaterThan(60);
    expect(r.headline!.attacktype!).toBeGreaterThan(60);
  });
});
