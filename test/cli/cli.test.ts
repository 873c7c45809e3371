import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SHARED, tempDir } from "../helpers.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const runner = join(import.meta.dirname, "run-cli.ts");
// The child runs in a temp cwd, so the TypeScript loader is named by its resolved location.
const tsx = import.meta.resolve("tsx");

function tessera(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, ["--import", tsx, runner, ...args], {
    cwd: tmp.dir,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

describe("tessera CLI", { timeout: 180_000 }, () => {
  const db = join(tmp.dir, "cli.db");

  it("prints help for every command", () => {
    for (const cmd of ["ingest", "list", "show", "search", "export", "serve", "demo", "sources"]) {
      const r = tessera(cmd, "--help");
      expect(r.code, cmd).toBe(0);
      expect(r.out).toContain("Usage: tessera");
    }
  });

  it("ingests a batch with one bad file, reports per-file results, then duplicates", () => {
    const dir = join(tmp.dir, "batch");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "a.txt"), "Flooding closed the coastal road on Tuesday, the county office said.\n");
    writeFileSync(join(dir, "b.txt"), "Protesters gathered outside the ministry for a second day.\n");
    writeFileSync(join(dir, "junk.bin"), Buffer.from([0, 159, 146, 150, 0, 1, 2, 3, 255, 254, 0, 0, 7, 8]));
    writeFileSync(join(dir, "empty.txt"), "");
    const first = tessera("ingest", dir, "--db", db, "--outlet", "County Wire");
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/2 ingested, 0 duplicate, 2 failed/);
    expect(first.out).toMatch(/error\s+.*junk\.bin/);
    const again = tessera("ingest", dir, "--db", db, "--json");
    expect(again.code).toBe(0);
    const parsed = JSON.parse(again.out);
    expect(parsed.summary).toEqual({ ok: 0, duplicate: 2, error: 2 });
    const strict = tessera("ingest", join(dir, "junk.bin"), "--db", db, "--strict");
    expect(strict.code).toBe(1);
    expect(strict.err).not.toMatch(/\n\s+at /); // no stack trace without --debug
  });

  it("lists, searches, shows and exports what was ingested", () => {
    const list = tessera("list", "--db", db, "--json");
    const page = JSON.parse(list.out);
    expect(page.total).toBe(2);
    expect(page.items[0].outlet).toBe("County Wire");
    const search = tessera("search", "coastal", "road", "--db", db);
    expect(search.out).toContain("1 of 1 matches");
    const show = tessera("show", page.items[0].id.slice(0, 10), "--db", db);
    expect(show.code).toBe(0);
    expect(show.out).toContain("County Wire");
    const exp = JSON.parse(tessera("export", "json", "--db", db).out);
    expect(exp.documents).toHaveLength(2);
    for (const key of ["entities", "events", "claims", "judgments", "incidents", "contradictions"]) {
      expect(Array.isArray(exp[key]), key).toBe(true);
    }
  });

  it("turns failures into one clear sentence", () => {
    const missing = tessera("list", "--db", join(tmp.dir, "nope.db"));
    expect(missing.code).toBe(1);
    expect(missing.err.trim()).toMatch(/^tessera: no database at .*\.$/);
    const badId = tessera("show", "zzzzzz", "--db", db);
    expect(badId.code).toBe(1);
    expect(badId.err).toMatch(/zzzzzz is not a document id/);
    const badUrl = tessera("ingest", "http://127.0.0.1:9/x", "--db", db);
    expect(badUrl.code).toBe(1);
    expect(badUrl.out).toMatch(/error .*(private|loopback)/i);
  });

  describe.skipIf(!existsSync(join(SHARED, "seeds")))("on the seed articles", () => {
    it("stores two documents without navigation lines, and reports two duplicates the second time", () => {
      const seeds = join(SHARED, "seeds");
      const sdb = join(tmp.dir, "seeds.db");
      const first = tessera("ingest", seeds, "--db", sdb, "--json");
      expect(JSON.parse(first.out).summary).toMatchObject({ ok: 2, error: 0 });
      const second = tessera("ingest", seeds, "--db", sdb, "--json");
      expect(JSON.parse(second.out).summary).toMatchObject({ ok: 0, duplicate: 2 });
      const exp = JSON.parse(tessera("export", "json", "--db", sdb).out);
      expect(exp.documents).toHaveLength(2);
      expect(exp.documents.some((d: { title?: string }) => d.title)).toBe(true);
      expect(exp.documents.some((d: { author?: string }) => d.author)).toBe(true);
      for (const d of exp.documents) {
        expect(d).toMatchObject({ format: "text", language: "en" });
        expect(d.fetchedAt).toBeTruthy();
        expect(d.text).not.toMatch(/^(Previous|Next|Breadcrumb)$/m);
        expect(d.text).not.toMatch(/Follow him on Twitter/);
      }
    });
  });
  if (!existsSync(join(SHARED, "seeds"))) console.warn("skipping seed CLI test: ../shared/seeds is absent");
});
