// A report long after an attack — the hanging of its attackers, a verdict — and the history a report tells in
// passing. Sentences written for these tests.
import { describe, expect, it } from "vitest";
import { FusionEngine } from "../../src/fuse/index.js";
import type { Geo } from "../../src/model/records.js";
import { DocBuilder } from "./kerman-fixture.js";

const TOWN: Geo = { lat: 31.6, lon: 52.5, country: "IR", admin1: "Fars", precision: "city" };
const LAND: Geo = { lat: 32.4, lon: 53.7, country: "IR", precision: "country" };

function firstReport(): DocBuilder {
  const b = new DocBuilder("A gunman opened fire in the Halvan shrine on 4 March, killing 14.", "Desk A", "2030-03-04");
  const town = b.entity("place", "Halvan", { geo: TOWN });
  b.event("shooting", "opened fire", {
    date: "2030-03-04",
    place: town,
    counts: [b.count("killed", 14)],
    attributes: { salience: "main" },
  });
  return b;
}

/** The engine's incidents, each as the sorted triggers of its events. */
function triggersByIncident(engine: FusionEngine, docs: DocBuilder[]): string[][] {
  const trigger = new Map(docs.flatMap((d) => d.facts.events.map((e) => [e.id, e.trigger.text] as const)));
  return engine.incidents().map((inc) => inc.events.map((id) => trigger.get(id) ?? id).sort());
}

describe("an undated mention in a late follow-up already placed in the incident", () => {
  it("stays with the report's incident instead of founding one", () => {
    const engine = new FusionEngine();
    const first = firstReport();
    engine.add(first.input());
    const text =
      "Iran hanged two men on Monday over the shooting at the Halvan shrine. The attack on 4 March 2030 killed 14.";
    const late = new DocBuilder(text, "Desk B", "2030-11-20");
    const town = late.entity("place", "Halvan", { geo: TOWN });
    const land = late.entity("place", "Iran", { geo: LAND });
    late.event("shooting", "shooting", { place: town, attributes: { salience: "main" } });
    late.event("shooting", "attack", { date: "2030-03-04", place: town, attributes: { salience: "background" } });
    late.event("execution", "hanged", { place: land });
    engine.add(late.input());
    expect(triggersByIncident(engine, [first, late])).toEqual([["attack", "hanged", "opened fire", "shooting"]]);
  });

  it("does not carry a report that never places itself in the incident", () => {
    const engine = new FusionEngine();
    engine.add(firstReport().input());
    const late = new DocBuilder("Iran hanged two men on Monday for drug smuggling.", "Desk C", "2030-11-20");
    const land = late.entity("place", "Iran", { geo: LAND });
    late.event("execution", "hanged", { place: land, attributes: { salience: "main" } });
    engine.add(late.input());
    expect(engine.incidents()).toHaveLength(2);
  });
});

describe("a judicial follow-up months later that leads with the hanging", () => {
  function hanging(figure: number, place: string, geo: Geo): DocBuilder {
    const text = `Iran hanged two men on Monday over an attack on a shrine in ${place} that killed ${figure} people in March. The attack shocked the country. The gunman later died of his wounds.`;
    const b = new DocBuilder(text, "Desk E", "2030-11-18");
    const town = b.entity("place", place, { geo });
    // extraction's main event is the toll told in the hanging's sentence, dated by the hanging
    b.event("death", "killed", {
      date: "2030-11-18",
      place: town,
      counts: [b.count("killed", figure)],
      attributes: { salience: "main" },
    });
    b.event("execution", "hanged", { date: "2030-11-18" });
    b.event("shooting", "attack", { place: town });
    b.event("death", "died");
    return b;
  }

  it("is read by the attack it retells and joins that attack's incident with all its events", () => {
    const engine = new FusionEngine();
    const first = firstReport();
    engine.add(first.input());
    const late = hanging(14, "Halvan", TOWN);
    engine.add(late.input());
    expect(triggersByIncident(engine, [first, late])).toEqual([["attack", "died", "hanged", "opened fire"]]);
    // the hanging does not stretch the incident's days
    expect(engine.incidents()[0]?.date?.iso).toBe("2030-03-04");
  });

  it("stays apart from an incident it does not retell (another town, no figure in common)", () => {
    const engine = new FusionEngine();
    engine.add(firstReport().input());
    const elsewhere: Geo = { lat: 36.3, lon: 59.6, country: "IR", admin1: "Khorasan", precision: "city" };
    engine.add(hanging(9, "Varzan", elsewhere).input());
    expect(engine.incidents()).toHaveLength(2);
  });
});

describe("a dated toll its report's incident cannot hold", () => {
  function report(deathDate: string): DocBuilder {
    const text = "A gunman opened fire in the Halvan shrine on 4 March. The group killed 27 guards in the hills.";
    const b = new DocBuilder(text, "Desk D", "2030-03-05");
    const town = b.entity("place", "Halvan", { geo: TOWN });
    b.event("shooting", "opened fire", { date: "2030-03-04", place: town, attributes: { salience: "main" } });
    b.event("death", "killed", { date: deathDate, counts: [b.count("killed", 27)] });
    return b;
  }

  it("is history: it founds no incident of its own when dated years before", () => {
    const engine = new FusionEngine();
    engine.add(report("2019-02").input());
    expect(engine.incidents()).toHaveLength(1);
    expect(engine.incidents()[0]?.events).toHaveLength(1);
  });

  it("is the report's toll when dated within the incident's days", () => {
    const engine = new FusionEngine();
    engine.add(report("2030-03-04").input());
    expect(engine.incidents()).toHaveLength(1);
    expect(engine.incidents()[0]?.events).toHaveLength(2);
  });
});
