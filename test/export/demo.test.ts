// The exporters on real pipeline output: the demo corpus (data/demo) ingested, extracted and fused, then
// exported to STIX in every profile (every object validated against the official schemas, checked
// against OpenCTI's and misp-stix's import rules, then round-tripped), GTD/ACLED and a brief whose
// footnotes all quote their documents. Skips when the demo or the schemas are absent.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { dataDir } from "../../src/app/paths.js";
import { ingestAll } from "../../src/app/pipeline.js";
import { buildBrief } from "../../src/export/brief/index.js";
import { acledRows } from "../../src/export/csv/acled.js";
import { gtdRows } from "../../src/export/csv/gtd.js";
import { loadExportInput } from "../../src/export/input.js";
import { buildStixBundle } from "../../src/export/stix/build.js";
import { importIntoStore, readStixBundle } from "../../src/export/stix/import.js";
import { STIX_PROFILES } from "../../src/export/stix/profiles.js";
import type { Reliability } from "../../src/model/records.js";
import { openStore } from "../../src/store/index.js";
import { tempDir } from "../helpers.js";
import { mispProblems, openctiProblems } from "./interop.js";
import { haveStixSchemas, STIX_SCHEMAS, stixValidator } from "./stix-schemas.js";

const demo = dataDir("demo");
const ready = haveStixSchemas && existsSync(demo);
if (!ready) console.warn(`demo export test skipped: needs ${demo} and ${STIX_SCHEMAS}`);
const tmp = tempDir("tessera-demo-export-");
afterAll(() => tmp.cleanup());

describe.skipIf(!ready)("exports of the demo corpus", () => {
  it("validates, round-trips and cites", async () => {
    const store = openStore(join(tmp.dir, "demo.db"));
    const grades = join(demo, "sources.json");
    if (existsSync(grades)) {
      for (const g of JSON.parse(readFileSync(grades, "utf8")) as {
        name: string;
        reliability: Reliability;
        notes?: string;
      }[]) {
        await store.upsertSource(g.name, g.reliability, g.notes);
      }
    }
    await ingestAll(store, [demo]);
    const input = await loadExportInput(store);
    expect(input.documents.length).toBeGreaterThan(0);

    const bundle = buildStixBundle(input);
    const v = stixValidator();
    const invalid = bundle.objects.map((o) => ({ id: o.id, errors: v.object(o) })).filter((x) => x.errors.length);
    expect(invalid).toEqual([]);
    expect(bundle.objects.filter((o) => o.type === "report").length).toBe(input.documents.length);

    const copy = openStore(join(tmp.dir, "copy.db"));
    await importIntoStore(copy, readStixBundle(JSON.parse(JSON.stringify(bundle))).input);
    expect(buildStixBundle(await loadExportInput(copy))).toEqual(bundle);

    for (const profile of STIX_PROFILES) {
      const b = buildStixBundle(input, { profile, tlp: "green" });
      const bad = b.objects.map((o) => ({ id: o.id, errors: v.object(o) })).filter((x) => x.errors.length);
      expect(bad, profile).toEqual([]);
      if (profile === "opencti") expect(openctiProblems(b)).toEqual([]);
      if (profile === "misp") expect(mispProblems(b)).toEqual([]);
      const again = buildStixBundle(await loadExportInput(copy), { profile, tlp: "green" });
      expect(JSON.stringify(again), profile).toBe(JSON.stringify(b));
    }

    // The demo's Kerman reports revise the toll ≥103 → 95 → 84 → 89 → 94: GTD codes the latest current figure,
    // ACLED the lowest credible one.
    const kermanGtd = gtdRows(input).filter((r) => r.city === "Kerman");
    expect(kermanGtd).toHaveLength(1);
    expect(kermanGtd[0]).toMatchObject({ iyear: 2024, imonth: 1, iday: 3, nkill: 94 });
    const kermanAcled = acledRows(input).filter((r) => r.location === "Kerman");
    expect(kermanAcled).toHaveLength(1);
    expect(kermanAcled[0]).toMatchObject({ sub_event_type: "Suicide bomb", fatalities: 84 });
    const biggest = [...input.fusion.incidents].sort((a, b) => b.documents.length - a.documents.length)[0];
    expect(biggest?.documents.length).toBeGreaterThan(2);
    {
      const brief = buildBrief(input, biggest!.id)!;
      const texts = new Map(input.documents.map((d) => [d.id, d.text]));
      for (const f of brief.footnotes)
        expect(f.quote.replace(/…$/, "")).toBe(
          texts.get(f.doc)!.slice(f.start, f.end).slice(0, f.quote.replace(/…$/, "").length),
        );
      for (const s of brief.sections.flatMap((x) => x.sentences)) expect(s.notes.length).toBeGreaterThan(0);
    }
    await store.close();
    await copy.close();
  }, 120_000);
});
