// `tessera incidents`, `tessera refuse` and `tessera brief` on ids: the list comes from the incident rows, a
// rebuild keeps the ids, and an id merged into another incident still finds it.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OVERRIDES, refuse } from "../../src/app/fusion.js";
import { anchorOverride } from "../../src/app/overrides.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { seed } from "../e2e/fixtures.js";
import { tempDir } from "../helpers.js";
import { runCli } from "./in-process.js";

const tmp = tempDir();
const db = join(tmp.dir, "cli-incidents.db");
let ids: string[] = [];

beforeAll(async () => {
  const store = new SqliteStore(db);
  await seed(store);
  ids = (await store.listIncidents()).items.map((i) => i.id);
  await store.close();
});
afterAll(() => tmp.cleanup());

describe("tessera incidents", () => {
  it("lists the incidents and keeps their ids through tessera refuse", async () => {
    const list = await runCli("incidents", "--db", db, "--json");
    expect(list.code).toBe(0);
    expect(JSON.parse(list.out).items.map((i: { id: string }) => i.id)).toEqual(ids);
    const rebuilt = await runCli("refuse", "--db", db);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.out).toMatch(new RegExp(`^${ids.length} incidents from \\d+ documents`));
    const again = JSON.parse((await runCli("incidents", "--db", db, "--json")).out);
    expect(again.items.map((i: { id: string }) => i.id)).toEqual(ids);
  });

  it("finds an incident by an id merged into it, for incidents and brief", async () => {
    const [into, from] = ids as [string, string];
    const store = new SqliteStore(db);
    const o = await anchorOverride(store, {
      id: "ovr-cli",
      kind: "merge-incidents",
      incidents: [into, from],
      createdAt: new Date().toISOString(),
    });
    await store.putRecord(OVERRIDES, o.id, o);
    await refuse(store);
    await store.close();
    const shown = await runCli("incidents", from, "--db", db);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain(`${from} was merged into ${into}`);
    const brief = await runCli("brief", from, "--db", db);
    expect(brief.code).toBe(0);
    expect(brief.out.length).toBeGreaterThan(100);
    const missing = await runCli("incidents", "inc-nothing", "--db", db);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no incident has the id inc-nothing/);
  });
});
