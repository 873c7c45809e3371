// The demo is the first thing a new user sees: every report whose headline names Kerman is about the Kerman
// bombing (the state-media toll report, the claim, the arrests, the suspect, the missile strikes citing it, the
// assessment) and must be found on the one Kerman incident. A background mention or a misdated report splitting
// off shows here first (the state-media report once left it when a foretold funeral day dated its blasts).
import { afterAll, describe, expect, it } from "vitest";
import { demoFiles } from "../../src/app/demo.js";
import { ingestAll } from "../../src/app/pipeline.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";

describe("the demo corpus", () => {
  const store = new SqliteStore(":memory:");
  afterAll(() => store.close());

  it("puts every report headlined with Kerman on one Kerman incident", async () => {
    await ingestAll(store, demoFiles(), { fetchedAt: new Date("2026-01-01T00:00:00Z") });
    const docs = (await store.listDocuments({ limit: 100 })).items;
    const kermanDocs = docs.filter((d) => /\bKerman\b/.test(d.title ?? "")).map((d) => d.id);
    expect(kermanDocs.length).toBeGreaterThanOrEqual(6);
    const { incidents } = await store.getFusion();
    const kerman = incidents.find((i) => /\bKerman\b/.test(i.title));
    if (!kerman) throw new Error(`no Kerman incident among: ${incidents.map((i) => i.title).join("; ")}`);
    expect(kermanDocs.filter((d) => !kerman.documents.includes(d))).toEqual([]);
    // no second incident is titled with Kerman: the bombing is one incident
    expect(incidents.filter((i) => /\bKerman\b/.test(i.title))).toHaveLength(1);
  }, 300_000);
});
