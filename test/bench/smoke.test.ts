// The benchmarks run in CI on tiny inputs so they keep working; the numbers that matter come from
// `npm run bench` (docs/performance.md). Nothing here asserts a speed.
import { describe, expect, it } from "vitest";
import { syntheticDocument } from "../../bench/corpus.js";
import { benchExtract } from "../../bench/extract.js";
import { benchGraph } from "../../bench/graph.js";
import { benchIngest } from "../../bench/ingest.js";

describe("benchmarks on small samples", () => {
  it("generates deterministic synthetic reports", () => {
    expect(syntheticDocument(7, 800)).toBe(syntheticDocument(7, 800));
    expect(syntheticDocument(7, 800)).not.toBe(syntheticDocument(8, 800));
    expect(syntheticDocument(1, 2000).length).toBeGreaterThanOrEqual(2000);
  });

  it("measures ingest throughput end to end", async () => {
    const r = await benchIngest(0.2, 2000);
    expect(r.documents).toBeGreaterThan(90);
    expect(r.mbPerSecond).toBeGreaterThan(0);
    expect(r.peakRssMb).toBeGreaterThan(0);
  });

  it("measures extraction throughput against tokenize-only", () => {
    const r = benchExtract(0.05, 2000);
    expect(r.documents).toBeGreaterThan(20);
    expect(r.ratioToTokenize).toBeGreaterThan(0);
    expect(r.tokenizeMbPerSecond).toBeGreaterThan(0);
  });

  it("measures /api/graph latency next to the replay it replaced", { timeout: 120_000 }, async () => {
    const r = await benchGraph([60]);
    expect(r["edges@60"]).toBeGreaterThan(0);
    expect(r["graph_p50_ms@60"]).toBeGreaterThan(0);
    expect(r["graph_p95_ms@60"]).toBeGreaterThanOrEqual(r["graph_p50_ms@60"] as number);
    expect(r["replay_ms@60"]).toBeGreaterThanOrEqual(0);
  });
});
