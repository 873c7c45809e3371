// The Store contract, run unchanged against every backend (SQLite, PostgreSQL): documents and
// duplicates, rollback of a failed document, prefixes, search, paging, facts, records, reopening, and
// the incident reads agreeing with the stored fusion result, the saved fusion engine and incremental writes.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fuseChange, fuseStored, OVERRIDES, refuse } from "../../src/app/fusion.js";
import { anchorOverride } from "../../src/app/overrides.js";
import type { DocFacts } from "../../src/model/records.js";
import { openStore } from "../../src/store/index.js";
import type { Store } from "../../src/store/types.js";
import { seed } from "../e2e/fixtures.js";
import { distractor, outletA, outletB, outletC, outletD } from "../fuse/kerman-fixture.js";
import { doc } from "../helpers.js";
import { backends, pgUnavailable } from "./backends.js";
import { endNodes, replayedGraph, storedGraph } from "./graph-replay.js";

function factsFor(id: string, mentionIds: string[]): DocFacts {
  return {
    doc: id,
    mentions: mentionIds.map((m) => ({
      id: m,
      doc: id,
      start: 0,
      end: 4,
      text: "Iran",
      kind: "place" as const,
      rule: "test",
      confidence: 1,
    })),
    entities: [],
    events: [],
    claims: [],
    judgments: [],
  };
}

if (pgUnavailable) {
  describe.skip(`postgres store contract — skipped: ${pgUnavailable}`, () => {
    it("needs a PostgreSQL server or binaries", () => {});
  });
}

describe.each(backends())("$name store contract", (backend) => {
  beforeAll(() => backend.setup());
  afterAll(() => backend.teardown());

  describe("documents, facts and records", () => {
    let location: string;
    let store: Store;

    beforeEach(async () => {
      location = await backend.fresh();
      store = openStore(location);
    });
    afterEach(async () => {
      await store.close();
    });

    it("stores a document once and reports the second copy as a duplicate", async () => {
      const d = doc("Officials in the port city counted the damage after the storm.", { outlet: "Harbour Post" });
      expect((await store.putDocument(d)).status).toBe("ok");
      expect((await store.putDocument({ ...d, origin: "elsewhere" })).status).toBe("duplicate");
      expect(await store.countDocuments()).toBe(1);
      expect((await store.listSources()).map((s) => [s.name, s.reliability])).toEqual([["Harbour Post", "F"]]);
    });

    it("rolls back the whole document when a fact fails mid-write", async () => {
      const d = doc("A short report that will fail while its facts are written.", { outlet: "Rollback Wire" });
      // Two mentions with one id are refused after the document row is already inserted.
      await expect(store.putDocument(d, factsFor(d.id, ["m1", "m1"]))).rejects.toThrow();
      expect(await store.countDocuments()).toBe(0);
      expect(await store.getDocument(d.id)).toBeUndefined();
      expect((await store.search("report")).total).toBe(0);
      expect(await store.listSources()).toEqual([]);
      // and the same document goes in cleanly afterwards
      expect((await store.putDocument(d, factsFor(d.id, ["m1", "m2"]))).status).toBe("ok");
      expect((await store.getFacts(d.id))?.mentions).toHaveLength(2);
    });

    it("stores a batch in one write, each document alone: one failing mid-write leaves nothing, the rest are kept", async () => {
      const good1 = doc("The ferry left the northern quay two hours late on account of fog.", { outlet: "Quay Daily" });
      const bad = doc("This batch entry is refused once its row and outlet are written.", { outlet: "Lost Wire" });
      const good2 = doc("Farmers along the river reported the water had risen overnight.", { outlet: "Quay Daily" });
      const results = await store.putDocuments([
        { doc: good1, facts: factsFor(good1.id, ["m1"]) },
        { doc: bad, facts: factsFor(bad.id, ["m1", "m1"]) },
        { doc: good2 },
        { doc: { ...good1, origin: "again" } },
      ]);
      expect(results.map((r) => ("error" in r ? "error" : r.status))).toEqual(["ok", "error", "ok", "duplicate"]);
      expect(results.map((r) => r.id)).toEqual([good1.id, bad.id, good2.id, good1.id]);
      expect(await store.countDocuments()).toBe(2);
      expect(await store.getDocument(bad.id)).toBeUndefined();
      expect(await store.getFacts(bad.id)).toBeUndefined();
      expect((await store.search("refused")).total).toBe(0);
      expect((await store.listSources()).map((s) => s.name)).toEqual(["Quay Daily"]);
      expect((await store.getFacts(good1.id))?.mentions).toHaveLength(1);
      expect((await store.getDocument(good2.id))?.text).toBe(good2.text);
    });

    it("gives summaries of documents by full id, without their text", async () => {
      const a = { ...doc("A summary's first document."), title: "First" };
      const b = doc("A summary's second document, untitled.");
      await store.putDocument(a);
      await store.putDocument(b);
      const got = await store.getSummaries([b.id, a.id, "0".repeat(64), a.id.slice(0, 8)]);
      expect(got.map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
      expect(got.find((s) => s.id === a.id)).toMatchObject({ title: "First", chars: a.text.length });
      expect(got.find((s) => s.id === b.id)?.title).toBeUndefined();
      expect(await store.getSummaries([])).toEqual([]);
    });

    it("finds documents by unique id prefix only", async () => {
      const a = doc("First text about a ceasefire.");
      await store.putDocument(a);
      expect((await store.getDocument(a.id.slice(0, 8)))?.id).toBe(a.id);
      expect((await store.getDocument(a.id.toUpperCase()))?.text).toBe(a.text);
      expect(await store.getDocument("abc")).toBeUndefined(); // too short
      expect(await store.getDocument("not-hex!")).toBeUndefined();
    });

    it("searches titles and text and survives hostile query syntax", async () => {
      await store.putDocument(
        doc("Two blasts struck the memorial procession in Kerman.", { title: "Blasts in Kerman" }),
      );
      await store.putDocument(doc("Flood waters receded from the delta villages.", { title: "Delta flood" }));
      const hits = await store.search("kerman blasts");
      expect(hits.total).toBe(1);
      expect(hits.items[0]!.snippet).toContain("[");
      expect(hits.items[0]!.title).toBe("Blasts in Kerman");
      expect((await store.search('"unbalanced AND (OR NEAR')).total).toBe(0);
      expect((await store.search("' ; DROP TABLE documents; --")).total).toBe(0);
      expect((await store.search("flood OR kerman")).total).toBe(2);
      expect((await store.search("memor*")).total).toBe(1);
      expect((await store.search("   ")).total).toBe(0);
      expect(await store.countDocuments()).toBe(2);
    });

    it("pages and filters the document list by outlet and publication date", async () => {
      await store.putDocument(doc("Report one about talks.", { outlet: "Wire A", published: "2024-01-03" }));
      await store.putDocument(doc("Report two about talks.", { outlet: "Wire B", published: "2024-01-05" }));
      await store.putDocument(doc("Report three about talks.", { outlet: "Wire A", published: "2024-01-09" }));
      await store.putDocument(doc("An undated note about talks."));
      const page = await store.listDocuments({ limit: 2 });
      expect(page.total).toBe(4);
      expect(page.items.map((d) => d.published)).toEqual(["2024-01-03", "2024-01-05"]);
      const last = await store.listDocuments({ limit: 2, offset: 2 });
      expect(last.items.map((d) => d.published)).toEqual(["2024-01-09", undefined]);
      expect(last.items[1]!.chars).toBe("An undated note about talks.".length);
      expect((await store.listDocuments({ outlet: "Wire A" })).total).toBe(2);
      expect((await store.listDocuments({ from: "2024-01-04", to: "2024-01-06" })).total).toBe(1);
    });

    it("replaces facts atomically and exports every array", async () => {
      const d = doc("Text with facts.");
      await store.putDocument(d, factsFor(d.id, ["x1"]));
      await store.putFacts(factsFor(d.id, ["x2", "x3"]));
      const bundle = await store.exportAll();
      expect(bundle.mentions.map((m) => m.id)).toEqual(["x2", "x3"]);
      expect(bundle.mentions[0]).toMatchObject({ doc: d.id, text: "Iran" });
      for (const key of ["documents", "entities", "events", "claims", "judgments", "incidents", "contradictions"]) {
        expect(Array.isArray((bundle as unknown as Record<string, unknown>)[key])).toBe(true);
      }
      await expect(store.putFacts(factsFor("f".repeat(64), ["y"]))).rejects.toThrow(/no document/);
      await expect(store.putFacts(factsFor(d.id, ["z", "z"]))).rejects.toThrow(/share the id/);
      expect((await store.getFacts(d.id))?.mentions.map((m) => m.id)).toEqual(["x2", "x3"]);
      const all: string[] = [];
      for await (const f of store.allFacts()) all.push(f.doc);
      expect(all).toEqual([d.id]);
    });

    it("replays dated documents oldest first and undated ones after them", async () => {
      const undated = doc("An undated note about the blast at the market.");
      const late = doc("The market blast toll rose on Friday.", { published: "2024-03-08" });
      const early = doc("A blast hit the market on Monday.", { published: "2024-03-04" });
      for (const d of [undated, late, early]) await store.putDocument(d, factsFor(d.id, [`m-${d.id.slice(0, 6)}`]));
      const all: string[] = [];
      for await (const f of store.allFacts()) all.push(f.doc);
      expect(all).toEqual([early.id, late.id, undated.id]);
    });

    it("keeps analyst records and source grades", async () => {
      await store.putRecord("overrides", "o1", { kind: "merge" });
      await store.putRecord("overrides", "o1", { kind: "split" });
      await store.putRecord("ach", "a1", { hypotheses: ["h1"] });
      expect(await store.listRecords("overrides")).toEqual([{ kind: "split" }]);
      await store.deleteRecord("overrides", "o1");
      expect(await store.listRecords("overrides")).toEqual([]);
      expect(await store.listRecords("ach")).toEqual([{ hypotheses: ["h1"] }]);
      const s = await store.upsertSource("State Daily", "D", "state-run");
      expect(s).toMatchObject({ id: "state-daily", reliability: "D", notes: "state-run" });
      expect(await store.upsertSource("State Daily")).toMatchObject({ reliability: "D", notes: "state-run" });
      expect((await store.upsertSource("State Daily", "B")).reliability).toBe("B");
    });

    it("reopens an existing store without re-running migrations", async () => {
      const d = doc("Persistent text.");
      await store.putDocument(d);
      await store.close();
      store = openStore(location);
      expect(await store.countDocuments()).toBe(1);
      expect((await store.getDocument(d.id))?.text).toBe("Persistent text.");
    });
  });

  describe("incident tables", () => {
    let store: Store;
    beforeAll(async () => {
      store = openStore(await backend.fresh());
      await seed(store);
    });
    afterAll(async () => {
      await store.close();
    });

    it("pages through the incidents in the fusion order", async () => {
      const all = (await store.getFusion()).incidents;
      expect(all.length).toBeGreaterThan(1);
      const first = await store.listIncidents({ limit: 1 });
      const rest = await store.listIncidents({ limit: 10, offset: 1 });
      expect(first.total).toBe(all.length);
      expect([...first.items, ...rest.items].map((i) => i.id)).toEqual(all.map((i) => i.id));
      expect((await store.getIncident(all[1]!.id))?.title).toBe(all[1]!.title);
      expect(await store.getIncident("inc-none")).toBeUndefined();
      expect(await store.resolveIncidentId(all[0]!.id)).toBe(all[0]!.id);
      const identity = await store.getIdentity();
      expect(identity.members.length).toBeGreaterThan(0);
      for (const m of identity.members) expect(all.map((i) => i.id)).toContain(m.incident);
      const event = all[1]!.events[0]!;
      expect(await store.incidentOfEvent(event)).toBe(all[1]!.id);
      expect(await store.incidentOfEvent("no-such-event")).toBeUndefined();
    });

    it("keeps a window to the incidents and events dated in it, with each event's incident", async () => {
      const { incidents } = await store.getFusion();
      expect((await store.listIncidents({ from: "2024-01-03", to: "2024-01-03" })).total).toBe(
        incidents.filter((i) => i.date && i.date.start <= "2024-01-03" && i.date.end >= "2024-01-03").length,
      );
      expect((await store.listIncidents({ from: "2025-01-01" })).total).toBe(0);
      const events = await store.listDatedEvents({ from: "2024-01-01", to: "2024-01-31", limit: 100 });
      expect(events.total).toBeGreaterThan(0);
      for (const e of events.items) {
        const owner = incidents.find((i) => i.events.includes(e.event.id));
        expect(e.incident).toBe(owner?.id);
      }
      expect((await store.listDatedEvents({ from: "2030-01-01", limit: 10 })).items).toEqual([]);
    });

    it("counts incidents per place and lists geocoded places", async () => {
      const { incidents, entities } = await store.getFusion();
      const counts = await store.incidentsPerPlace();
      for (const i of incidents) if (i.place) expect(counts.get(i.place)).toBeGreaterThan(0);
      const geo = await store.listGeocodedEntities();
      expect(geo.map((e) => e.id)).toEqual(entities.filter((e) => e.geo && e.type !== "state").map((e) => e.id));
      const some = entities.slice(0, 2).map((e) => e.id);
      expect((await store.getEntities([...some, "no-such-entity", ...some])).map((e) => e.id)).toEqual(some);
    });

    it("reads grades and contradictions per incident", async () => {
      const { incidents, contradictions } = await store.getFusion();
      for (const i of incidents) {
        expect((await store.getAssessment(i.id))?.incident).toBe(i.id);
        expect((await store.incidentContradictions(i.id)).map((c) => c.id)).toEqual(
          contradictions.filter((c) => c.incident === i.id).map((c) => c.id),
        );
      }
      expect(contradictions.length).toBeGreaterThan(0);
    });
  });

  describe("saved fusion engine and incremental writes", () => {
    let store: Store;
    beforeEach(async () => {
      store = openStore(await backend.fresh());
    });
    afterEach(async () => {
      await store.close();
    });

    const nothing = {
      incidents: [],
      removed: [],
      contradictions: [],
      entities: [],
      members: [],
      aliases: [],
      removedAliases: [],
      assessments: [],
    };

    it("keeps state rows in the order first written through upserts and deletions, and drops them with a plain snapshot", async () => {
      const row = (key: string, value: string | null) => ({ part: "clusterer.byDay", key, value });
      await store.putFusion({
        entities: [],
        incidents: [],
        contradictions: [],
        state: { version: "v1", rows: [row("1", "[1]"), row("2", "[2]")] },
      });
      expect(await store.fusionStateVersion()).toBe("v1");
      await store.putFusionUpdate({
        ...nothing,
        state: { version: "v2", rows: [row("3", "[3]"), row("1", "[1,4]"), row("2", null)] },
      });
      const state = await store.getFusionState();
      expect(state?.version).toBe("v2");
      expect(state?.rows.map((r) => [r.key, r.value])).toEqual([
        ["1", "[1,4]"],
        ["3", "[3]"],
      ]);
      await store.putFusion({ entities: [], incidents: [], contradictions: [] });
      expect(await store.fusionStateVersion()).toBeUndefined();
      expect(await store.getFusionState()).toBeUndefined();
    });

    /** The Kerman fixture stored and fused one report at a time, in publication order. */
    const fuseInOrder = async () => {
      const builders = [outletA(), outletB(), outletC(), outletD(), distractor()].sort((a, b) =>
        `${a.doc.publishedAt?.start}${a.doc.id}` < `${b.doc.publishedAt?.start}${b.doc.id}` ? -1 : 1,
      );
      for (const b of builders) {
        if (b.source) await store.upsertSource(b.source.name, b.source.reliability);
      }
      for (const b of builders) {
        await store.putDocument(b.doc, b.facts);
        expect(await fuseStored(store, [b.doc.id])).toBe("incremental");
      }
    };
    /** Everything fusion stores, in stored order. */
    const read = async () => {
      const f = await store.getFusion();
      const identity = await store.getIdentity();
      identity.members.sort((a, b) => (a.event < b.event ? -1 : 1));
      const grades = await Promise.all(f.incidents.map((i) => store.getAssessment(i.id)));
      const pages = (await store.listIncidents({ limit: 100 })).items.map((i) => i.id);
      return { ...f, identity, grades, pages };
    };

    it("fuses reports one at a time in publication order exactly as a rebuild does", async () => {
      await fuseInOrder();
      const incremental = await read();
      expect(incremental.incidents.length).toBe(2);
      expect(incremental.contradictions.length).toBeGreaterThan(0);
      await refuse(store);
      expect(await read()).toEqual(incremental);
    });

    it("applies an override, its undo and a grade from the saved engine, as a rebuild would", async () => {
      await fuseInOrder();
      const [a, b] = (await store.listIncidents({ limit: 10 })).items;
      const outlet = (await store.listSources())[0]?.name;
      if (!a || !b || !outlet) throw new Error("fixture: two incidents and an outlet expected");
      const merge = await anchorOverride(store, {
        id: "ovr-contract",
        createdAt: "2026-02-01T00:00:00.000Z",
        kind: "merge-incidents",
        incidents: [a.id, b.id],
      });
      const changes: (() => Promise<unknown>)[] = [
        () => store.putRecord(OVERRIDES, merge.id, merge),
        () => store.deleteRecord(OVERRIDES, merge.id),
        () => store.upsertSource(outlet, "A"),
      ];
      const counts: number[] = [];
      for (const change of changes) {
        expect((await fuseChange(store, change)).mode).toBe("incremental");
        const after = await read();
        counts.push(after.incidents.length);
        await refuse(store);
        expect(await read()).toEqual(after);
      }
      expect(counts).toEqual([1, 2, 2]);
    });

    it("keeps the actor graph through an override, its undo and an outlet grade as a rebuild draws it", async () => {
      await fuseInOrder();
      const same = async () => {
        const [stored, replayed] = [await storedGraph(store), await replayedGraph(store)];
        expect(stored.edges).toEqual(replayed.edges);
        expect(endNodes(stored)).toEqual(endNodes(replayed));
        return stored;
      };
      const before = await same();
      const [a, b] = (await store.listIncidents({ limit: 10 })).items;
      const outlet = (await store.listSources())[0]?.name;
      if (!a || !b || !outlet) throw new Error("fixture: two incidents and an outlet expected");
      const merge = await anchorOverride(store, {
        id: "ovr-graph",
        createdAt: "2026-02-01T00:00:00.000Z",
        kind: "merge-incidents",
        incidents: [b.id, a.id],
      });
      await fuseChange(store, () => store.putRecord(OVERRIDES, merge.id, merge));
      const merged = await same();
      // merged into the second: the perpetrator list's edges and a document's claim of the first now point at it
      const at = (g: typeof merged, id: string) => g.edges.filter((e) => e.target === id).map((e) => e.relation);
      expect(at(before, a.id).sort()).toEqual(["attributed", "claimed"]);
      expect(at(merged, b.id).sort()).toEqual(["attributed", "claimed"]);
      expect(at(merged, a.id)).toEqual([]);
      await fuseChange(store, () => store.deleteRecord(OVERRIDES, merge.id));
      expect((await same()).edges).toEqual(before.edges);
      await fuseChange(store, () => store.upsertSource(outlet, "A"));
      const graded = await same();
      await refuse(store);
      expect((await same()).edges).toEqual(graded.edges);
    });

    it("keeps the actor graph with every fusion write as a replay of every document's facts draws it", async () => {
      const same = async (window = {}) => {
        const [stored, replayed] = [await storedGraph(store, window), await replayedGraph(store, window)];
        expect(stored.edges).toEqual(replayed.edges);
        expect(endNodes(stored)).toEqual(endNodes(replayed));
        return stored;
      };
      const builders = [outletA(), outletB(), outletC(), outletD(), distractor()].sort((a, b) =>
        `${a.doc.publishedAt?.start}${a.doc.id}` < `${b.doc.publishedAt?.start}${b.doc.id}` ? -1 : 1,
      );
      for (const b of builders) {
        await store.putDocument(b.doc, b.facts);
        await fuseStored(store, [b.doc.id]);
        await same();
      }
      const graph = await same();
      expect(graph.edges.length).toBeGreaterThan(0);
      const days = graph.edges.flatMap((e) => (e.date ? [e.date] : [])).sort();
      await same({ from: days[days.length - 1] });
      await same({ to: days[0] });
      expect((await storedGraph(store, { relations: ["claimed"] })).edges.every((e) => e.relation === "claimed")).toBe(
        true,
      );
      // a later write that renames one actor and makes the others places: the rows of the documents naming them follow
      const ids = [...new Set(graph.edges.flatMap((e) => [e.source, e.target]))];
      const actors = (await store.getEntities(ids)).filter((e) => e.type !== "place");
      const [renamed, ...others] = actors;
      expect(others.length).toBeGreaterThan(0);
      await store.putFusionUpdate({
        ...nothing,
        entities: [{ ...renamed!, name: "Renamed actor" }, ...others.map((e) => ({ ...e, type: "place" as const }))],
        state: { version: "v", rows: [] },
      });
      const after = await same();
      expect(after.nodes.get(renamed!.id)?.label).toBe("Renamed actor");
      expect(after.edges.length).toBeLessThan(graph.edges.length);
      await refuse(store);
      expect((await same()).edges).toEqual(graph.edges);
    });
  });
});
