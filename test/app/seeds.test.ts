// The whole pipeline on the two seed articles (read from ../shared, never copied): one Kerman incident
// backed by both, one Soleimani and one IS-K across both, the 11-vs-35 arrests discrepancy surfaced, and
// the incident exported to valid STIX, a GTD row and a briefing that cites both documents.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestAll } from "../../src/app/pipeline.js";
import { exportBrief, exportCsv, exportStix } from "../../src/export/run.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { haveStixSchemas, stixValidator } from "../export/stix-schemas.js";
import { SHARED, tempDir } from "../helpers.js";

const seeds = join(SHARED, "seeds");
const present = existsSync(seeds);
if (!present) console.warn("skipping the seed pipeline test: ../shared/seeds is absent");

describe.skipIf(!present)("pipeline on the seed articles", { timeout: 120_000 }, () => {
  const tmp = tempDir();
  let store: SqliteStore;
  beforeAll(async () => {
    store = new SqliteStore(join(tmp.dir, "seeds.db"));
    const out = await ingestAll(store, [seeds]);
    expect(out.map((o) => o.status)).toEqual(["ok", "ok"]);
  });
  afterAll(async () => {
    await store.close();
    tmp.cleanup();
  });

  const kerman = async () => {
    const { incidents } = await store.getFusion();
    return incidents.filter((i) => i.type === "attack" && /Kerman/.test(i.title) && i.date?.iso === "2024-01-03");
  };

  it("fuses both reports into one Kerman incident with the arrests discrepancy", async () => {
    const found = await kerman();
    expect(found).toHaveLength(1);
    expect(found[0]!.documents).toHaveLength(2);
    const { contradictions } = await store.getFusion();
    const arrests = contradictions.filter((c) => c.incident === found[0]!.id && c.attribute === "arrested");
    const values = arrests.flatMap((c) => c.values.map((v) => (v.value as { value: number }).value));
    expect(new Set(values)).toEqual(new Set([11, 35]));
    expect(arrests.every((c) => c.kind === "dispute" || c.kind === "revision")).toBe(true);
  });

  it("resolves Soleimani and IS-K to one entity each across both reports", async () => {
    const { entities } = await store.getFusion();
    const soleimani = entities.filter((e) => e.type === "person" && /Soleimani/.test(e.name));
    expect(soleimani).toHaveLength(1);
    expect(soleimani[0]!.aliases).toEqual(expect.arrayContaining(["Qassem Soleimani", "Qassim Soleimani"]));
    const isk = entities.filter((e) => e.type === "armed_group" && e.aliases.includes("IS-K"));
    expect(isk).toHaveLength(1);
    expect(isk[0]!.aliases).toEqual(expect.arrayContaining(["IS-KP"]));
  });

  it("exports the incident to a GTD row, a cited brief and schema-valid STIX", async () => {
    const id = (await kerman())[0]!.id;
    const csv = await exportCsv(store, "gtd", id);
    const [header, row] = csv.trim().split(/\r?\n/);
    const cols = header!.split(",");
    const cells = row!.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, "").replace(/^"|"$/g, ""));
    const get = (k: string) => cells[cols.indexOf(k)];
    expect([get("iyear"), get("imonth"), get("iday"), get("city")]).toEqual(["2024", "1", "3", "Kerman"]);
    expect(Number(get("latitude"))).toBeCloseTo(30.28, 1);
    expect(Number(get("longitude"))).toBeCloseTo(57.08, 1);
    expect([get("attacktype1_txt"), get("nkill"), get("suicide")]).toEqual(["Bombing/Explosion", "84", "1"]);
    expect(get("gname")).toMatch(/Khorasan/);
    const brief = String(await exportBrief(store, id, "md"));
    const docs = (await store.listDocuments()).items.map((d) => d.id.slice(0, 12));
    for (const d of docs) expect(brief).toContain(d);
    if (haveStixSchemas) {
      const bundle = await exportStix(store, id);
      const v = stixValidator();
      const errors = (bundle.objects as Array<{ type: string }>).flatMap((o) => v.object(o));
      expect(errors).toEqual([]);
    }
  });
});
