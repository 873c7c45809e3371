// End to end on one dev cluster of real reporting (../shared/research-data/news-clusters): the cluster's
// articles ingested as one batch on the product path must fuse into few incidents, with the main incident's
// date, place, claimant and coded toll as its gold.json has them. Skips when the shared data is absent.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scoreClustering } from "../../eval/news/clustering.js";
import { scoreFields } from "../../eval/news/fields.js";
import { readClusters } from "../../eval/news/gold.js";
import { runCluster } from "../../eval/news/system.js";
import { SHARED } from "../helpers.js";

const CLUSTER = join(SHARED, "research-data/news-clusters/clusters/kabul-airport-2021");
if (!existsSync(CLUSTER))
  console.log(`news-clusters data not found at ${CLUSTER}: skipping the end-to-end cluster test`);

describe.skipIf(!existsSync(CLUSTER))("a real multi-outlet cluster on the product path", () => {
  it("fuses the English reports into the main incident and codes it as gold has it", async () => {
    const [c] = readClusters(CLUSTER);
    const s = await runCluster(c!);
    const m = scoreClustering(c!, s);
    expect(m.b3.p).toBeGreaterThan(0.9);
    expect(m.b3.f1).toBeGreaterThan(0.7);
    expect(m.formed).toBeLessThanOrEqual(m.gold + 2);
    const f = scoreFields(c!, s, c!.gold.incident, m.matched.get(0));
    expect(f).toMatchObject({ date: true, place: true, type: true, claimed: true, killed: true });
  }, 120_000);
});
