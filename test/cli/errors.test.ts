// Each CLI failure a tester met is one clear sentence with a non-zero exit: no commander complaint
// about the wrong thing, no Node internals, no silent success.
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { tempDir } from "../helpers.js";
import { runCli } from "./in-process.js";

const tmp = tempDir();
const db = join(tmp.dir, "errors.db");
afterAll(() => tmp.cleanup());

/** Exactly one line on stderr, "tessera: … ." */
const oneSentence = /^tessera: [^\n]+\.\n$/;

beforeAll(async () => {
  const report = join(tmp.dir, "report.txt");
  writeFileSync(report, "Gunmen attacked a checkpoint in Gao on 2 June 2022, killing four soldiers, the army said.\n");
  const r = await runCli("ingest", report, "--db", db, "--outlet", "Harbour Wire");
  expect(r.code).toBe(0);
}, 60_000);

describe("CLI errors", () => {
  it("export json takes --incident and --out, as the README says", async () => {
    const store = new SqliteStore(db);
    const incident = (await store.getFusion()).incidents[0]!.id;
    await store.close();
    const out = join(tmp.dir, "one.json");
    const r = await runCli("export", "json", "--incident", incident, "--out", out, "--db", db);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const missing = await runCli("export", "json", "--incident", "nope", "--db", db);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^tessera: no incident has the id nope\.\n$/);
  });

  it("an unknown export format is named as such, not as an unknown --db option", async () => {
    const r = await runCli("export", "xml", "--db", db);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(oneSentence);
    expect(r.err).toMatch(/unknown export format "xml"; use json, stix, gtd or acled/);
    expect(r.err).not.toMatch(/unknown option/);
  });

  it("a port out of range is refused in one sentence", async () => {
    const r = await runCli("serve", "--port", "99999", "--db", db);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(oneSentence);
    expect(r.err).toMatch(/--port must be a whole number from 1 to 65535/);
    expect(r.err).not.toMatch(/ERR_SOCKET|options\.port|RangeError/);
  });

  it("a refused URL names the real flag and reads as English", async () => {
    const r = await runCli("ingest", "http://0.0.0.0:9/x", "--db", db);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/pass --allow-private to fetch it/);
    expect(r.out).not.toMatch(/allowPrivate|is a unspecified/);
  });

  it("show says that an id prefix needs 6 or more characters", async () => {
    const r = await runCli("show", "2737", "--db", db);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(oneSentence);
    expect(r.err).toMatch(/an id prefix needs at least 6 characters \(got 4: 2737\)/);
  });

  it("grading an outlet no document names is refused, with a hint, unless --create", async () => {
    const r = await runCli("sources", "grade", "No Such Outlet", "B", "--db", db);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(oneSentence);
    expect(r.err).toMatch(/no outlet is named "No Such Outlet"/);
    const typo = await runCli("sources", "grade", "harbour wire", "B", "--db", db);
    expect(typo.err).toMatch(/did you mean "Harbour Wire"\?/);
    const list = await runCli("sources", "list", "--json", "--db", db);
    expect(JSON.parse(list.out).map((s: { name: string }) => s.name)).toEqual(["Harbour Wire"]);
    const created = await runCli("sources", "grade", "No Such Outlet", "B", "--create", "--db", db);
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/No Such Outlet graded B/);
  });

  it("ingest exits non-zero when a file was read but could not be stored", async () => {
    const sdb = join(tmp.dir, "refusing.db");
    const store = new SqliteStore(sdb);
    // a real store failure, no mock: the database itself refuses one of the two documents
    store.db.exec(
      "CREATE TRIGGER refuse_one BEFORE INSERT ON documents WHEN NEW.text LIKE '%refused here%' BEGIN SELECT RAISE(ABORT, 'the store refused this row'); END;",
    );
    await store.close();
    const good = join(tmp.dir, "good.txt");
    const bad = join(tmp.dir, "bad.txt");
    writeFileSync(good, "Customs officers seized a truck of rifles at the northern crossing on Sunday.\n");
    writeFileSync(bad, "This report is refused here by the database, though it reads perfectly well.\n");
    const r = await runCli("ingest", good, bad, "--db", sdb);
    expect(r.out).toMatch(/1 ingested, 0 duplicate, 1 failed/);
    expect(r.out).toMatch(/error +.*bad\.txt: the store refused this row/);
    expect(r.err).toMatch(/1 input\(s\) were read but could not be stored/);
    expect(r.code).toBe(1);
  });
});
