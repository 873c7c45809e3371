// Two fusion cues that need no shared language: casualty figures a report shares with an incident, and a late
// follow-up that retells the incident's date. Sentences written for these tests.
import { describe, expect, it } from "vitest";
import { figureTokens } from "../../src/fuse/figures.js";
import { FusionEngine } from "../../src/fuse/index.js";
import type { Geo } from "../../src/model/records.js";
import { DocBuilder } from "./kerman-fixture.js";

const TOWN: Geo = { lat: 29.8, lon: 66.8, country: "PK", admin1: "Balochistan", precision: "city" };

function undated(b: DocBuilder): DocBuilder {
  delete (b.doc as { publishedAt?: unknown }).publishedAt;
  return b;
}

function firstReport(): DocBuilder {
  const b = new DocBuilder(
    "A bomb tore through a procession in Dunmore on 3 May, killing 52 and wounding 70.",
    "Desk A",
    "2030-05-03",
  );
  const town = b.entity("place", "Dunmore", { geo: TOWN });
  b.event("bombing", "bomb", {
    date: "2030-05-03",
    place: town,
    counts: [b.count("killed", 52), b.count("injured", 70)],
    attributes: { salience: "main" },
  });
  return b;
}

describe("casualty figures as a cue", () => {
  it("keeps victim figures of three or more and leaves out partial counts", () => {
    const b = new DocBuilder("At least 52 died, 2 attackers among them; 70 were hurt.", "Desk", "2030-05-03");
    b.event("bombing", "died", {
      counts: [b.count("killed", 52), { ...b.count("killed", 2), subset: "attackers" }, b.count("injured", 70)],
    });
    expect([...figureTokens(b.facts.events)].sort()).toEqual(["injured:70", "killed:52"]);
  });

  it("joins an undated report at the incident's town that gives the incident's toll, not one that does not", () => {
    const engine = new FusionEngine();
    engine.add(firstReport().input());
    const same = undated(new DocBuilder("Blast in Dunmore: 52 dead and 70 hurt.", "Desk B", "2030-05-04"));
    const t2 = same.entity("place", "Dunmore", { geo: TOWN });
    same.event("bombing", "Blast", {
      place: t2,
      counts: [same.count("killed", 52), same.count("injured", 70)],
      attributes: { salience: "main" },
    });
    engine.add(same.input());
    expect(engine.incidents()).toHaveLength(1);
    const other = undated(new DocBuilder("Blast in Dunmore: 4 dead.", "Desk C", "2030-05-04"));
    const t3 = other.entity("place", "Dunmore", { geo: TOWN });
    other.event("bombing", "Blast", {
      place: t3,
      counts: [other.count("killed", 4)],
      attributes: { salience: "main" },
    });
    engine.add(other.input());
    expect(engine.incidents()).toHaveLength(2);
  });
});

describe("late follow-ups", () => {
  it("joins a report months later that recalls the incident's date, and not one that does not", () => {
    const engine = new FusionEngine();
    engine.add(firstReport().input());
    const trial = new DocBuilder(
      "Two men were hanged over the attack in Dunmore. The bombing on 3 May 2030 had killed 52.",
      "Desk D",
      "2031-01-20",
    );
    const t = trial.entity("place", "Dunmore", { geo: TOWN });
    trial.event("bombing", "attack", { place: t, attributes: { salience: "main" } });
    trial.event("bombing", "bombing", { date: "2030-05-03", place: t, attributes: { salience: "background" } });
    engine.add(trial.input());
    expect(engine.incidents()).toHaveLength(1);
    const fresh = new DocBuilder("Gunmen attacked a market in Dunmore.", "Desk E", "2031-01-21");
    const t4 = fresh.entity("place", "Dunmore", { geo: TOWN });
    fresh.event("bombing", "attacked", { place: t4, attributes: { salience: "main" } });
    engine.add(fresh.input());
    expect(engine.incidents()).toHaveLength(2);
  });
});
