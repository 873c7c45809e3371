// ACLED source_scale: outlet scales recorded per outlet, combined narrowest-widest, blank when unknown;
// and `tessera sources scale` storing one that `export acled` then writes.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listAudit } from "../../src/app/audit.js";
import { sourceScale } from "../../src/export/csv/source-scale.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { runCli } from "../cli/in-process.js";
import { tempDir } from "../helpers.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe("ACLED source_scale", () => {
  const scales = {
    "Metro Bugle": "Local",
    "Capital Times": "National",
    "World Wire": "International",
    Blog: "New media",
  };

  it("codes one scale as is and several as narrowest-widest", () => {
    expect(sourceScale(["Capital Times"], scales)).toBe("National");
    expect(sourceScale(["Capital Times", "Capital Times"], scales)).toBe("National");
    expect(sourceScale(["World Wire", "Capital Times"], scales)).toBe("National-International");
    expect(sourceScale(["World Wire", "Metro Bugle", "Capital Times"], scales)).toBe("Local-International");
    expect(sourceScale(["Blog", "Capital Times"], scales)).toBe("New media-National");
  });

  it("leaves out outlets without a scale, and stays blank when none has one", () => {
    expect(sourceScale(["Unknown Sheet", "World Wire"], scales)).toBe("International");
    expect(sourceScale(["Unknown Sheet"], scales)).toBeUndefined();
    expect(sourceScale([], scales)).toBeUndefined();
  });

  it("is set with `tessera sources scale` and written by `export acled`", async () => {
    const db = join(tmp.dir, "scale.db");
    const file = join(tmp.dir, "report.txt");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(
      file,
      "Gunmen attacked a police checkpoint in Mosul on Tuesday, killing two officers, police said.\n",
    );
    expect((await runCli("ingest", file, "--db", db, "--outlet", "Capital Times")).code).toBe(0);
    const bad = await runCli("sources", "scale", "Capital Times", "Galactic", "--db", db);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/scale must be one of New media, Local/);
    expect((await runCli("sources", "scale", "Capitol Times", "national", "--db", db)).err).toMatch(
      /no outlet is named/,
    );
    const set = await runCli("sources", "scale", "Capital Times", "national", "--db", db);
    expect(set.out).toContain("Capital Times: scale National");
    expect((await runCli("sources", "list", "--db", db)).out).toContain("Capital Times [National]");
    const csv = (await runCli("export", "acled", "--db", db)).out.trim().split("\n");
    const header = csv[0]!.split(",");
    const col = header.indexOf("source_scale");
    expect(col).toBeGreaterThan(-1);
    expect(csv.length).toBeGreaterThan(1);
    for (const row of csv.slice(1)) expect(row).toContain(",National,");

    // command-line ingest, grade and scale changes are in the audit trail too
    expect((await runCli("sources", "grade", "Capital Times", "B", "--db", db)).code).toBe(0);
    const store = new SqliteStore(db);
    try {
      const trail = await listAudit(store);
      expect(trail.map((e) => e.action)).toEqual(["document.ingest", "source.scale", "source.grade"]);
      expect(trail[0]?.summary).toMatch(/^cli:.* ingested .*: 1 new document$/);
      expect(trail[2]?.summary).toMatch(/^cli:.* graded Capital Times B \(was F\)$/);
    } finally {
      await store.close();
    }
  });
});
