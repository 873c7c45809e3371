// A strike answering an earlier attack is its own incident, linked to the one it answers ("response to"); a toll
// placed abroad joins its incident without moving it abroad.
// Sentences, states and towns written for these tests.
import { describe, expect, it } from "vitest";
import { ingestDrafts } from "../../src/app/pipeline.js";
import { FusionEngine } from "../../src/fuse/index.js";
import { hasResponseCue, isResponseReport } from "../../src/fuse/response.js";
import type { Geo } from "../../src/model/records.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { DocBuilder } from "./kerman-fixture.js";

const VELMOR: Geo = { lat: 27.1, lon: 64.2, country: "PK", admin1: "Balochistan", precision: "city" };

/** Ardenia's strike on camps near Velmor, reported on the day. */
function firstStrike(): { b: DocBuilder; event: string } {
  const b = new DocBuilder(
    "Ardenia fired missiles at militant camps near Velmor on Tuesday, killing two children, officials said.",
    "Desk A",
    "2031-03-04",
  );
  const ardenia = b.entity("state", "Ardenia", { country: "IR" });
  const velmor = b.entity("place", "Velmor", { geo: VELMOR });
  const event = b.event("missile_strike", "fired missiles", {
    date: "2031-03-04",
    place: velmor,
    participants: [{ role: "attacker", entity: ardenia, text: "Ardenia" }],
    attributes: { salience: "main" },
  });
  return { b, event };
}

/** A report two days later of Borvia's strikes, which also recalls Ardenia's strike on Velmor. */
function answer(headline: string): DocBuilder {
  const b = new DocBuilder(
    `${headline}\n\nBorvia carried out strikes against hideouts across the border at dawn. ` +
      "The strikes came after Ardenia fired missiles at camps near Velmor.",
    "Desk B",
    "2031-03-06",
  );
  const borvia = b.entity("state", "Borvia", { country: "PK" });
  const ardenia = b.entity("state", "Ardenia", { country: "IR" });
  const velmor = b.entity("place", "Velmor", { geo: VELMOR });
  b.event("air_strike", "carried out strikes", {
    participants: [{ role: "attacker", entity: borvia, text: "Borvia" }],
    attributes: { salience: "main" },
  });
  b.event("missile_strike", "fired missiles at camps", {
    place: velmor,
    participants: [{ role: "attacker", entity: ardenia, text: "Ardenia" }],
  });
  return b;
}

const incidentOf = (engine: FusionEngine, doc: string) =>
  engine.incidents().find((i) => i.events.some((e) => e.startsWith(doc.slice(0, 10)) && i.documents.includes(doc)));

describe("the language of response", () => {
  it("reads a retaliation in the headline or in the main event's sentence, not a reply by officials", () => {
    expect(hasResponseCue("Borvia's retaliatory strike on Ardenia")).toBe(true);
    expect(hasResponseCue("strikes came just hours after the Ardenian missile attack")).toBe(true);
    expect(hasResponseCue("In response to the incident, the ministry summoned the envoy")).toBe(false);
    expect(hasResponseCue("Borvia carried out strikes against hideouts")).toBe(false);
    const text = "Talks resumed.\n\nTwo died after Borvia hit back at camps. Later, envoys met.";
    expect(isResponseReport(text, text.indexOf("hit back"))).toBe(true);
    expect(isResponseReport(text, text.indexOf("envoys"))).toBe(false);
  });
});

describe("responses are separate incidents", () => {
  it("keeps a retaliation by another state apart from the strike it answers, and links the two", () => {
    const engine = new FusionEngine();
    const first = firstStrike().b;
    engine.add(first.input());
    const reply = answer("Borvia's retaliatory strikes on Ardenia");
    engine.add(reply.input());
    const parent = incidentOf(engine, first.doc.id);
    const response = engine.incidents().find((i) => i.id !== parent?.id && i.documents.includes(reply.doc.id));
    expect(parent).toBeDefined();
    expect(response).toBeDefined();
    expect(response?.events.some((e) => parent?.events.includes(e))).toBe(false);
    expect(response?.relations).toEqual([{ kind: "response_to", incident: parent?.id, docs: [reply.doc.id] }]);
    expect(parent?.relations).toBeUndefined();
  });

  it("without the language of response the same report joins the strike it tells of", () => {
    const engine = new FusionEngine();
    const first = firstStrike().b;
    engine.add(first.input());
    engine.add(answer("Borvia and Ardenia trade accusations").input());
    expect(engine.incidents()).toHaveLength(1);
  });

  it("sends an undated report of the first strike to that strike, not to the response", () => {
    const engine = new FusionEngine();
    const first = firstStrike().b;
    engine.add(first.input());
    engine.add(answer("Borvia's retaliatory strikes on Ardenia").input());
    const late = new DocBuilder(
      "Missiles fired by Ardenia hit a village near Velmor, killing two.",
      "Desk C",
      "2031-03-05",
    );
    delete (late.doc as { publishedAt?: unknown }).publishedAt;
    const ardenia = late.entity("state", "Ardenia", { country: "IR" });
    const velmor = late.entity("place", "Velmor", { geo: VELMOR });
    late.event("missile_strike", "Missiles fired", {
      place: velmor,
      participants: [{ role: "attacker", entity: ardenia, text: "Ardenia" }],
      attributes: { salience: "main" },
    });
    engine.add(late.input());
    const parent = incidentOf(engine, first.doc.id);
    expect(parent?.documents).toContain(late.doc.id);
    const response = engine.incidents().find((i) => i.relations?.length);
    expect(response?.documents).not.toContain(late.doc.id);
  });

  it("keeps an undated response told days after a dated strike out of it even when no attacker is read", () => {
    const engine = new FusionEngine();
    const first = firstStrike().b;
    engine.add(first.input());
    const reply = new DocBuilder(
      "Retaliatory strikes hit camps near Velmor at dawn, state media said.",
      "Desk D",
      "2031-03-07",
    );
    const velmor = reply.entity("place", "Velmor", { geo: VELMOR });
    reply.event("air_strike", "strikes", { place: velmor, attributes: { salience: "main" } });
    engine.add(reply.input());
    expect(engine.incidents()).toHaveLength(2);
  });
});

describe("responses on the product path", () => {
  it("stores the retaliation as its own incident with its response_to link, as the export and the API read it", async () => {
    const store = new SqliteStore(":memory:");
    try {
      const first =
        "---\noutlet: Desk A\npublished: 2031-05-05\n---\nTurkey strikes militant camps in northern Syria\n\n" +
        "Turkey launched air strikes on militant camps near Qamishli in Syria on Monday, killing six people, " +
        "officials said. The Syrian government condemned the strikes.";
      const reply =
        "---\noutlet: Desk B\npublished: 2031-05-07\n---\nSyria's retaliatory missile strikes on Turkey kill three " +
        "soldiers\n\nSyria fired missiles at army posts near Gaziantep in Turkey, killing three soldiers, the Turkish " +
        "defence ministry said. The strikes came two days after Turkey launched air strikes near Qamishli.";
      const out = await ingestDrafts(
        store,
        [
          { origin: "a.txt", text: first, format: "text" },
          { origin: "b.txt", text: reply, format: "text" },
        ],
        { fetchedAt: new Date("2031-06-01T00:00:00Z") },
      );
      const [a, b] = out.map((o) => o.id as string);
      const { incidents } = await store.exportAll();
      const parent = incidents.find((i) => i.documents.includes(a as string) && !i.relations);
      const response = incidents.find((i) => i.relations?.length);
      expect(parent).toBeDefined();
      expect(response?.documents).toEqual([b]);
      expect(response?.relations).toEqual([{ kind: "response_to", incident: parent?.id, docs: [b] }]);
      expect((await store.getIncident(response?.id as string))?.relations?.[0]?.incident).toBe(parent?.id);
    } finally {
      await store.close();
    }
  }, 60_000);
});

describe("a toll placed abroad", () => {
  it("joins its incident without making that foreign place the incident's, so the next report still joins", () => {
    const engine = new FusionEngine();
    const a = new DocBuilder(
      "Gunmen opened fire in a church in Norland on Sunday, killing 4; one victim from Santa Clara died.",
      "Desk A",
      "2031-02-02",
    );
    const norland = a.entity("state", "Norland", { geo: { lat: 39, lon: 35, country: "TR", precision: "country" } });
    const clara = a.entity("place", "Santa Clara", {
      geo: { lat: -29.7, lon: -53.8, country: "BR", precision: "city" },
    });
    const group = a.entity("armed_group", "Red Hand Front");
    a.event("armed_assault", "opened fire", {
      date: "2031-02-02",
      place: norland,
      counts: [a.count("killed", 4)],
      participants: [{ role: "attacker", entity: group, text: "Red Hand Front" }],
      attributes: { salience: "main" },
    });
    a.event("death", "died", { place: clara, counts: [a.count("killed", 1)] });
    engine.add(a.input());
    const b = new DocBuilder(
      "Red Hand Front gunmen attacked a church in Valdport on Sunday, killing 4.",
      "Desk B",
      "2031-02-02",
    );
    const town = b.entity("place", "Valdport", { geo: { lat: 41, lon: 29, country: "TR", precision: "city" } });
    const group2 = b.entity("armed_group", "Red Hand Front");
    b.event("armed_assault", "attacked", {
      date: "2031-02-02",
      place: town,
      counts: [b.count("killed", 4)],
      participants: [{ role: "attacker", entity: group2, text: "Red Hand Front" }],
      attributes: { salience: "main" },
    });
    engine.add(b.input());
    expect(engine.incidents()).toHaveLength(1);
  });
});
