// Round trip: records → store → STIX → fresh store → STIX gives the same bundle, and the rebuilt store
// holds the same documents (text included), facts, sources and fusion records.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ExportInput } from "../../src/export/input.js";
import { loadExportInput } from "../../src/export/input.js";
import { buildStixBundle } from "../../src/export/stix/build.js";
import { importIntoStore, readStixBundle } from "../../src/export/stix/import.js";
import { openStore } from "../../src/store/index.js";
import { tempDir } from "../helpers.js";
import { kermanFixture } from "./fixture.js";

const tmp = tempDir("tessera-stix-");
afterAll(() => tmp.cleanup());

async function storeWith(input: ExportInput, name: string) {
  const store = openStore(join(tmp.dir, name));
  for (const s of input.sources) await store.upsertSource(s.name, s.reliability, s.notes);
  for (const d of input.documents)
    await store.putDocument(
      d,
      input.facts.find((f) => f.doc === d.id),
    );
  await store.putFusion(input.fusion);
  return store;
}

describe("STIX round trip", () => {
  it("export → import into a fresh store → export gives the same bundle", async () => {
    const first = await storeWith(kermanFixture().input, "a.db");
    const bundle1 = buildStixBundle(await loadExportInput(first));
    const text = JSON.stringify(bundle1);

    const { input, foreign, lost } = readStixBundle(JSON.parse(text));
    expect(foreign).toBe(0);
    expect(lost).toEqual([]);
    const second = openStore(join(tmp.dir, "b.db"));
    expect(await importIntoStore(second, input)).toEqual({ documents: 2, duplicates: 0 });
    const reloaded = await loadExportInput(second);
    const bundle2 = buildStixBundle(reloaded);
    expect(bundle2).toEqual(bundle1);
    expect(JSON.stringify(bundle2)).toBe(text);

    const original = await loadExportInput(first);
    expect(reloaded.documents.map((d) => d.text)).toEqual(original.documents.map((d) => d.text));
    expect(reloaded.facts).toEqual(original.facts);
    expect(reloaded.fusion).toEqual(original.fusion);
    expect(reloaded.sources).toEqual(original.sources);
    await first.close();
    await second.close();
  });

  for (const profile of ["opencti", "misp"] as const) {
    it(`the ${profile} profile round-trips too: export → import → export is byte-identical`, async () => {
      const first = await storeWith(kermanFixture().input, `${profile}-a.db`);
      const options = { profile, tlp: "amber" as const };
      const text = JSON.stringify(buildStixBundle(await loadExportInput(first), options));
      const { input, foreign, lost } = readStixBundle(JSON.parse(text));
      expect([foreign, lost]).toEqual([0, []]);
      const second = openStore(join(tmp.dir, `${profile}-b.db`));
      await importIntoStore(second, input);
      expect(JSON.stringify(buildStixBundle(await loadExportInput(second), options))).toBe(text);
      expect((await loadExportInput(second)).fusion).toEqual((await loadExportInput(first)).fusion);
      await first.close();
      await second.close();
    });
  }

  it("importing the same bundle twice reports duplicates instead of copying", async () => {
    const store = await storeWith(kermanFixture().input, "c.db");
    const bundle = buildStixBundle(await loadExportInput(store));
    const res = await importIntoStore(store, readStixBundle(bundle).input);
    expect(res).toEqual({ documents: 0, duplicates: 2 });
    expect(await store.countDocuments()).toBe(2);
    await store.close();
  });

  it("reads a bundle from another tool best-effort and lists what is lost", () => {
    const t = "2024-01-05T00:00:00.000Z";
    const core = { spec_version: "2.1", created: t, modified: t };
    const foreign = {
      type: "bundle",
      id: "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d",
      objects: [
        { ...core, type: "incident", id: "incident--0b1c4a43-52a7-4b8e-9a64-4e6c2a0ef0a1", name: "Kerman bombing" },
        {
          ...core,
          type: "threat-actor",
          id: "threat-actor--6f3cd7f4-36c5-4f9b-a0c2-9a1b6a3f0c55",
          name: "ISKP",
          aliases: ["IS-K"],
        },
        {
          ...core,
          type: "relationship",
          id: "relationship--a3d0e5c1-7b44-4ad0-8e0d-0c9b7d3a9f10",
          relationship_type: "attributed-to",
          source_ref: "incident--0b1c4a43-52a7-4b8e-9a64-4e6c2a0ef0a1",
          target_ref: "threat-actor--6f3cd7f4-36c5-4f9b-a0c2-9a1b6a3f0c55",
        },
        {
          ...core,
          type: "report",
          id: "report--c0ffee00-1111-4222-8333-444455556666",
          name: "Analyst note",
          description: "Two blasts hit a memorial crowd in Kerman.",
          published: t,
          object_refs: ["incident--0b1c4a43-52a7-4b8e-9a64-4e6c2a0ef0a1"],
          external_references: [{ source_name: "Other Desk", url: "https://example.com/x" }],
        },
        {
          ...core,
          type: "note",
          id: "note--0d0d0d0d-1111-4222-8333-444455556666",
          content: "x",
          object_refs: ["incident--0b1c4a43-52a7-4b8e-9a64-4e6c2a0ef0a1"],
        },
      ],
    };
    const { input, foreign: n, lost } = readStixBundle(foreign);
    expect(n).toBe(5);
    expect(input.documents[0]!.text).toBe("Two blasts hit a memorial crowd in Kerman.");
    expect(input.documents[0]!.outlet).toBe("Other Desk");
    const inc = input.fusion.incidents[0]!;
    expect(inc.documents).toEqual([input.documents[0]!.id]);
    expect(inc.perpetrators[0]!.entity).toBe(input.fusion.entities[0]!.id);
    expect(input.fusion.entities[0]!.aliases).toEqual(["ISKP", "IS-K"]);
    expect(lost.some((l) => l.startsWith("note"))).toBe(true);
  });

  it("reads OpenCTI's incident → location targets as the place; TLP markings are not foreign objects", () => {
    const t = "2024-01-05T00:00:00.000Z";
    const core = { spec_version: "2.1", created: t, modified: t };
    const inc = "incident--1b1c4a43-52a7-4b8e-9a64-4e6c2a0ef0a1";
    const loc = "location--2b1c4a43-52a7-4b8e-9a64-4e6c2a0ef0a1";
    const { input, foreign } = readStixBundle({
      type: "bundle",
      id: "bundle--3b1c4a43-52a7-4b8e-9a64-4e6c2a0ef0a1",
      objects: [
        buildStixBundle(kermanFixture().input, { tlp: "green" }).objects.find((o) => o.type === "marking-definition"),
        { ...core, type: "incident", id: inc, name: "Market blast" },
        { ...core, type: "location", id: loc, name: "Zaranj", latitude: 31, longitude: 61.9, city: "Zaranj" },
        {
          ...core,
          type: "relationship",
          id: "relationship--4b1c4a43-52a7-4b8e-9a64-4e6c2a0ef0a1",
          relationship_type: "targets",
          source_ref: inc,
          target_ref: loc,
        },
      ],
    });
    expect(foreign).toBe(3);
    expect(input.fusion.incidents[0]!.place).toBe(`stix:${loc}`);
  });

  it("refuses a file that is not a bundle", () => {
    expect(() => readStixBundle({ type: "report" })).toThrow(/not a STIX 2.1 bundle/);
  });
});
