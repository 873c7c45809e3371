// Facts are stored without the document id and text they repeat, and read back exactly as extracted.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { decodeFact, decodeRecord, encodeFact, encodeRecord } from "../../src/store/sqlite/fact-codec.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { doc, tempDir } from "../helpers.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe("fact rows", () => {
  it("drops the repeated id and span text, and keeps a surface that differs from the text", () => {
    const text = "Gunmen attacked a checkpoint near Gao on Monday.";
    const fact = {
      id: "x",
      doc: "d1",
      trigger: { doc: "d1", start: 7, end: 15, text: "attacked" },
      alias: { doc: "d2", start: 0, end: 6, text: "gunmen" },
      count: 0,
    };
    const row = encodeFact(fact, "d1", text);
    expect(row).not.toContain("attacked");
    expect(row).not.toContain('"d1"');
    expect(row).toContain('"gunmen"');
    expect(row).toContain('"d2"');
    expect(decodeFact(row, "d1", text)).toEqual(fact);
  });

  it("reads back every extracted fact of a document unchanged", async () => {
    const d = doc(
      "A car bomb killed 12 people and wounded 30 at a bus station in Mosul on 4 March 2021, police said. " +
        "No group claimed the bombing, but officials blamed the Islamic State. Three suspects were arrested on Friday.",
      { outlet: "Test Wire", published: "2021-03-05" },
    );
    const facts = extractFacts(d);
    expect(facts.events.length).toBeGreaterThan(0);
    const store = new SqliteStore(join(tmp.dir, "codec.db"));
    try {
      await store.putDocument(d, facts);
      expect(await store.getFacts(d.id)).toEqual(facts);
      await store.putFacts(facts);
      expect(await store.getFacts(d.id)).toEqual(facts);
      const stored = store.db.prepare("SELECT sum(length(data)) FROM doc_facts").pluck().get() as number;
      // compact and deflated: well under a tenth of the facts as JSON
      expect(stored).toBeLessThan(JSON.stringify(facts).length / 5);
    } finally {
      await store.close();
    }
  });

  it("stores a fused record's spans without the document ids their values already name", () => {
    const value = (doc: string) => ({ doc, event: `${doc}:ev1`, span: { doc, start: 3, end: 5, text: "14" } });
    const incident = {
      id: "inc-1",
      documents: ["d1", "d2"],
      attributes: { killed: [value("d1"), value("d2"), { doc: "d1", span: { doc: "d2", start: 0, end: 1 } }] },
    };
    const row = encodeRecord(incident);
    expect(row.match(/"doc":0/g)).toHaveLength(2);
    expect(decodeRecord(row)).toEqual(incident);
  });
});
