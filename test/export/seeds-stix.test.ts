// The two seed articles in ../shared/seeds through the whole pipeline, exported in every STIX profile:
// schema-valid, nothing OpenCTI or misp-stix would refuse, merge or drop, and a byte-identical round
// trip. Skips with a message when ../shared/seeds is absent.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ingestAll } from "../../src/app/pipeline.js";
import { loadExportInput } from "../../src/export/input.js";
import { buildStixBundle } from "../../src/export/stix/build.js";
import { importIntoStore, readStixBundle } from "../../src/export/stix/import.js";
import { STIX_PROFILES } from "../../src/export/stix/profiles.js";
import { openStore } from "../../src/store/index.js";
import { SHARED, tempDir } from "../helpers.js";
import { mispProblems, openctiProblems } from "./interop.js";
import { haveStixSchemas, stixValidator } from "./stix-schemas.js";

const seeds = join(SHARED, "seeds");
const ready = existsSync(seeds) && haveStixSchemas;
if (!ready) console.warn("seed STIX test skipped: needs ../shared/seeds and ../shared/stix2-json-schemas");
const tmp = tempDir("tessera-seeds-stix-");
afterAll(() => tmp.cleanup());

describe.skipIf(!ready)("STIX exports of the seed articles", () => {
  it("import cleanly into OpenCTI and MISP in every profile and round-trip", async () => {
    const store = openStore(join(tmp.dir, "seeds.db"));
    await ingestAll(store, [seeds]);
    const input = await loadExportInput(store);
    expect(input.fusion.incidents.length).toBeGreaterThan(0);
    const v = stixValidator();
    for (const profile of STIX_PROFILES) {
      const b = buildStixBundle(input, { profile });
      const bad = b.objects.map((o) => ({ id: o.id, errors: v.object(o) })).filter((x) => x.errors.length);
      expect(bad, profile).toEqual([]);
      if (profile === "opencti") expect(openctiProblems(b)).toEqual([]);
      if (profile === "misp") expect(mispProblems(b)).toEqual([]);
      const copy = openStore(join(tmp.dir, `${profile}.db`));
      await importIntoStore(copy, readStixBundle(JSON.parse(JSON.stringify(b))).input);
      expect(JSON.stringify(buildStixBundle(await loadExportInput(copy), { profile })), profile).toBe(
        JSON.stringify(b),
      );
      await copy.close();
    }
    await store.close();
  }, 180_000);
});
