import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadGvdb } from "../../eval/gvdb/index.js";
import { goldFromRecord, readGvdbTsv } from "../../eval/gvdb/reader.js";
import { goldAsPrediction, scoreGvdb } from "../../eval/gvdb/score.js";
import { dateFromUrl } from "../../src/ingest/published.js";
import { SHARED } from "../helpers.js";

const record = {
  "date-and-time": { date: "2016-02-03", city: { value: "Springfield", startIndex: 5, endIndex: 16 } },
  "victim-section": [
    { "victim-was": ["killed"] },
    { "victim-was": ["injured", "hospitalized"] },
    { "victim-was": ["hospitalized"] },
    { "victim-was": ["hospitalized", "killed"] },
    { "victim-was": [] },
  ],
};

describe("GVDB gold", () => {
  it("counts killed victims, and injured or hospitalized ones not killed", () => {
    expect(goldFromRecord(record)).toEqual({ killed: 2, injured: 2, date: "2016-02-03", city: "Springfield" });
  });

  it("reads the TSV layout", () => {
    const dir = mkdtempSync(join(tmpdir(), "gvdb-"));
    const file = join(dir, "dev.tsv");
    const head = ["Article id", "Article url", "Article title", "Full text", "Json", "Worker"].join("\t");
    const row = ["7", "http://x.test/2016/02/04/a", "T", "A man was shot.", JSON.stringify(record), "W"].join("\t");
    writeFileSync(file, `${head}\n${row}\n`);
    const [a] = readGvdbTsv(file);
    expect(a).toMatchObject({ id: "7", text: "A man was shot.", gold: { killed: 2 } });
    expect(loadGvdb({ data: dir }).articles).toHaveLength(1);
  });

  it("scores exact counts, day and case-insensitive city", () => {
    const [a] = [{ id: "1", url: "", title: "", text: "", gold: goldFromRecord(record) }];
    const t = scoreGvdb([a!], new Map([["1", { killed: 2, injured: 1, date: "2016-02-03", city: "SPRINGFIELD" }]]));
    expect(t.rows.map((r) => r.acc)).toEqual([100, 0, 0, 100, 100]);
    expect(scoreGvdb([a!], new Map([["1", goldAsPrediction(a!)]])).rows.every((r) => r.acc === 100)).toBe(true);
  });

  it("reads publication dates from URLs", () => {
    expect(dateFromUrl("http://news.test/2016/01/27/shooting")?.iso).toBe("2016-01-27");
    expect(dateFromUrl("http://news.test/news/2016/jan/26/story")?.iso).toBe("2016-01-26");
    expect(dateFromUrl("http://news.test/tn-blr-me-20160223-story.html")?.iso).toBe("2016-02-23");
    expect(dateFromUrl("http://news.test/story/29692711/")).toBeUndefined();
  });
});

const GV = join(SHARED, "research-data/gvdb");
if (!existsSync(GV)) console.warn(`skipping GVDB data checks: ${GV} not found`);

describe.skipIf(!existsSync(GV))("GVDB dev data", () => {
  it("reads 400 articles and gold scores 100", () => {
    const { articles } = loadGvdb({ data: GV });
    expect(articles).toHaveLength(400);
    const t = scoreGvdb(articles, new Map(articles.map((a) => [a.id, goldAsPrediction(a)])));
    expect(t.rows.every((r) => r.acc === 100)).toBe(true);
  });
});
