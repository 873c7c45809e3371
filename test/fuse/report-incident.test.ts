// One report = one main incident: the report's events follow its main (salience) event; background events never
// found incidents nor add counts; an undated, unplaced report finds its incident by the names it shares; a strike
// across the border told in the same report stays its own incident. Sentences written for these tests.
import { describe, expect, it } from "vitest";
import { mainEventOf, withReportContext } from "../../src/fuse/document.js";
import { FusionEngine } from "../../src/fuse/index.js";
import { nameTokens, yearTokens } from "../../src/fuse/names.js";
import type { Geo } from "../../src/model/records.js";
import { DocBuilder } from "./kerman-fixture.js";

const TOWN: Geo = { lat: 34.68, lon: 71.5, country: "PK", admin1: "Khyber Pakhtunkhwa", precision: "city" };
const FAR_TOWN: Geo = { lat: 34.01, lon: 71.58, country: "PK", admin1: "Khyber Pakhtunkhwa", precision: "city" };
const ACROSS: Geo = { lat: 27.5, lon: 62.3, country: "IR", admin1: "Sistan and Baluchestan", precision: "city" };

function undated(b: DocBuilder): DocBuilder {
  delete (b.doc as { publishedAt?: unknown }).publishedAt;
  return b;
}

describe("name tokens of a report", () => {
  it("keeps capitalised words inside sentences and drops sentence starts and common words", () => {
    const t = nameTokens("A bomb tore through a Harmony Party rally in Dunmore on Sunday. Police said 30 died.");
    expect([...t].sort()).toEqual(["dunmore", "harmony", "party"]);
  });

  it("reads the years a report names", () => {
    expect([...yearTokens("The 2019 siege and the blast of 30 July 2023 (2,400 hurt)")].sort()).toEqual([
      "y:2019",
      "y:2023",
    ]);
  });
});

describe("report context of the main event", () => {
  it("lends the main event the one place its report gives its attacks", () => {
    const b = new DocBuilder(
      "The blast ripped through the crowd. Bombers struck Dunmore at noon.",
      "Desk",
      "2023-07-31",
    );
    const town = b.entity("place", "Dunmore", { geo: TOWN });
    b.event("bombing", "blast", { attributes: { salience: "main" } });
    b.event("bombing", "struck", { place: town });
    const engine = new FusionEngine();
    engine.add(b.input());
    const [inc] = engine.incidents();
    expect(engine.incidents()).toHaveLength(1);
    expect(inc!.place).toBeDefined();
  });

  it("picks the event extraction marks main, else the first attack-like one", () => {
    const f = (id: string, family: "attack" | "related", salience?: "main" | "background") => ({
      id,
      doc: "d",
      type: "attack",
      family,
      trigger: id,
      participants: new Map(),
      docEntities: new Set<string>(),
      ...(salience ? { salience } : {}),
    });
    expect(mainEventOf([f("a", "related"), f("b", "attack"), f("c", "attack", "main")])?.id).toBe("c");
    expect(mainEventOf([f("a", "related"), f("b", "attack", "background"), f("c", "attack")])?.id).toBe("c");
    const main = f("m", "attack");
    expect(withReportContext(main, [main]).place).toBeUndefined();
  });
});

describe("one report, one main incident", () => {
  it("keeps a report's undated, unplaced mentions of the attack on its main incident", () => {
    const b = new DocBuilder(
      "A suicide bomber hit a Harmony Party rally in Dunmore on 30 July, killing 40. The attack was the worst in years. Another blast followed.",
      "Desk A",
      "2023-07-31",
    );
    const town = b.entity("place", "Dunmore", { geo: TOWN });
    b.event("bombing", "suicide bomber", {
      date: "2023-07-30",
      place: town,
      counts: [b.count("killed", 40)],
      attributes: { salience: "main" },
    });
    b.event("attack", "attack");
    b.event("bombing", "blast");
    const engine = new FusionEngine();
    engine.add(b.input());
    expect(engine.incidents()).toHaveLength(1);
  });

  it("never founds an incident for a background event and never adds its toll", () => {
    const b = new DocBuilder(
      "A bomb hit a rally in Dunmore on 30 July, killing 40. In 2019 a siege of the town had killed 300.",
      "Desk A",
      "2023-07-31",
    );
    const town = b.entity("place", "Dunmore", { geo: TOWN });
    b.event("bombing", "bomb", {
      date: "2023-07-30",
      place: town,
      counts: [b.count("killed", 40)],
      attributes: { salience: "main" },
    });
    b.event("siege", "siege", {
      date: "2019-05-01",
      place: town,
      counts: [b.count("killed", 300)],
      attributes: { salience: "background" },
    });
    const engine = new FusionEngine();
    engine.add(b.input());
    const incidents = engine.incidents();
    expect(incidents).toHaveLength(1);
    const killed = incidents[0]!.attributes.killed?.map((v) => (v.value as { value: number }).value);
    expect(killed).toEqual([40]);
  });

  it("lets an undated, unplaced report join by the names it shares with the incident's reports", () => {
    const first = new DocBuilder(
      "A suicide bomber struck a Harmony Party convention in Dunmore, where Senator Okafor Belloq was to speak; the Lantern Front later claimed it. The wounded went to Saint Brigid Hospital, said Ines Marlowe.",
      "Desk A",
      "2023-07-31",
    );
    const town = first.entity("place", "Dunmore", { geo: TOWN });
    first.entity("person", "Okafor Belloq");
    first.entity("armed_group", "Lantern Front");
    first.event("bombing", "suicide bomber", { date: "2023-07-30", place: town, attributes: { salience: "main" } });
    const later = undated(
      new DocBuilder(
        "Mourners buried victims of the blast at the Harmony Party convention in Dunmore. Senator Okafor Belloq blamed the Lantern Front, and at Saint Brigid Hospital staff told Ines Marlowe more had died.",
        "Desk B",
        "2023-08-02",
      ),
    );
    later.entity("person", "Okafor Belloq");
    later.entity("armed_group", "Lantern Front");
    later.event("bombing", "blast", { attributes: { salience: "main" } });
    const engine = new FusionEngine();
    engine.add(first.input());
    engine.add(later.input());
    expect(engine.incidents()).toHaveLength(1);
    expect(engine.incidents()[0]!.documents).toHaveLength(2);
  });

  it("does not join an undated report that shares only a common word or two", () => {
    const first = new DocBuilder(
      "A suicide bomber struck a Harmony Party convention in Dunmore.",
      "Desk A",
      "2023-07-31",
    );
    const town = first.entity("place", "Dunmore", { geo: TOWN });
    first.event("bombing", "suicide bomber", { date: "2023-07-30", place: town, attributes: { salience: "main" } });
    const other = undated(
      new DocBuilder("Gunmen robbed a bank near the Corvin Bridge in Ashgrove.", "Desk B", "2023-08-02"),
    );
    other.event("attack", "robbed", { attributes: { salience: "main" } });
    const engine = new FusionEngine();
    engine.add(first.input());
    engine.add(other.input());
    expect(engine.incidents()).toHaveLength(2);
  });

  it("keeps a report whose main event carries a wrong day on the incident its other events join", () => {
    const first = new DocBuilder(
      "Twin blasts hit a memorial march in Dunmore on 3 May, killing 80.",
      "Desk A",
      "2030-05-03",
    );
    const town = first.entity("place", "Dunmore", { geo: TOWN });
    first.event("bombing", "blasts", {
      date: "2030-05-03",
      place: town,
      counts: [first.count("killed", 80)],
      attributes: { salience: "main" },
    });
    const misdated = new DocBuilder(
      "The blasts of 28 April in Dunmore killed 80, a mourner said. The explosions at the march shook the town.",
      "Desk B",
      "2030-05-04",
    );
    const town2 = misdated.entity("place", "Dunmore", { geo: TOWN });
    misdated.event("bombing", "blasts", { date: "2030-04-28", place: town2, attributes: { salience: "main" } });
    misdated.event("bombing", "explosions", { place: town2 });
    const second = new DocBuilder("Funerals followed the blasts in Dunmore on 3 May.", "Desk C", "2030-05-05");
    const town3 = second.entity("place", "Dunmore", { geo: TOWN });
    second.event("bombing", "blasts", { date: "2030-05-03", place: town3, attributes: { salience: "main" } });
    const engine = new FusionEngine();
    engine.add(first.input());
    engine.add(misdated.input());
    engine.add(second.input());
    expect(engine.incidents()).toHaveLength(1);
    expect(engine.incidents()[0]!.date?.iso).toBe("2030-05-03");
  });

  it("keeps a strike across the border told in the same report as its own incident", () => {
    const b = new DocBuilder(
      "Missiles hit Dunmore on 16 January, killing two children. Two days later the neighbour struck back at Saravar.",
      "Desk A",
      "2024-01-19",
    );
    const town = b.entity("place", "Dunmore", { geo: TOWN });
    const across = b.entity("place", "Saravar", { geo: ACROSS });
    b.event("missile_strike", "Missiles hit", {
      date: "2024-01-16",
      place: town,
      counts: [b.count("killed", 2)],
      attributes: { salience: "main" },
    });
    b.event("missile_strike", "struck back", { place: across });
    const engine = new FusionEngine();
    engine.add(b.input());
    expect(engine.incidents()).toHaveLength(2);
  });

  it("keeps another attack-like event of the report on its incident though it names a town far off in the country", () => {
    const b = new DocBuilder(
      "A bomb tore through a rally in Dunmore. The wounded were flown to Kelso, where the attack was condemned.",
      "Desk A",
      "2023-07-31",
    );
    const town = b.entity("place", "Dunmore", { geo: TOWN });
    const far = b.entity("place", "Kelso", { geo: FAR_TOWN });
    b.event("bombing", "bomb", { date: "2023-07-30", place: town, attributes: { salience: "main" } });
    b.event("attack", "attack", { place: far });
    const engine = new FusionEngine();
    engine.add(b.input());
    expect(engine.incidents()).toHaveLength(1);
  });
});
