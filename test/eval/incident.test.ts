import { describe, expect, it } from "vitest";
import { cityOf, summarise } from "../../eval/common/incident.js";
import { predictGtd } from "../../eval/gtd/predict.js";
import { predictGvdb } from "../../eval/gvdb/predict.js";
import { predictTemplates } from "../../eval/muc4/predict.js";
import type { CountValue, DocFacts, Entity, Event, Mention } from "../../src/model/records.js";

// Facts for an invented report: "Gunmen of the Red Dawn Front fired rockets at Port Vale, Norland;
// two people died and five were hurt. The Red Dawn Front claimed responsibility."
const span = (start: number, text: string) => ({ doc: "d", start, end: start + text.length, text });
const count = (kind: CountValue["kind"], n: number, at: number): CountValue => ({
  kind,
  value: n,
  min: n,
  max: n,
  qualifier: "exact",
  span: span(at, String(n)),
});
const ent = (id: string, type: Entity["type"], name: string, geo?: Entity["geo"]): Entity => ({
  id,
  type,
  name,
  aliases: [name],
  mentions: [`m-${id}`],
  ...(geo ? { geo } : {}),
});
const event = (id: string, type: string, extra: Partial<Event> = {}): Event => ({
  id,
  doc: "d",
  type,
  trigger: span(10, type),
  participants: [],
  counts: [],
  modality: "asserted",
  attributes: {},
  rule: "test",
  confidence: 0.9,
  ...extra,
});
const mention = (id: string, kind: Mention["kind"], entity: string, start: number): Mention => ({
  id,
  doc: "d",
  start,
  end: start + 5,
  text: "x",
  kind,
  entity,
  rule: "test",
  confidence: 1,
});

function facts(events: Event[], extraEntities: Entity[] = []): DocFacts {
  const entities = [
    ent("g", "armed_group", "Red Dawn Front"),
    ent("country", "place", "Norland", { lat: 0, lon: 0, precision: "country" }),
    ent("city", "place", "Port Vale", { lat: 0, lon: 0, precision: "city" }),
    ...extraEntities,
  ];
  return {
    doc: "d",
    mentions: [mention("m-city", "place", "city", 40), mention("m-country", "place", "country", 60)],
    entities,
    events,
    claims: [
      {
        id: "c1",
        doc: "d",
        kind: "responsibility",
        speaker: "g",
        cue: span(90, "claimed"),
        content: span(100, "responsibility"),
        quoted: false,
        about: [],
        stance: "assert",
        rule: "test",
        confidence: 0.9,
      },
    ],
    judgments: [],
  };
}

describe("incident summary", () => {
  const strike = event("e1", "missile_strike", {
    place: "country",
    participants: [{ role: "attacker", entity: "g", text: "Red Dawn Front" }],
    attributes: { weapon: "Explosives" },
    date: { iso: "2020-03-04", precision: "day", start: "2020-03-04", end: "2020-03-04" },
  });
  const death = event("e2", "death", { place: "city", counts: [count("killed", 2, 70)] });
  const injury = event("e3", "injury", { counts: [count("injured", 5, 80)] });

  it("pools place, counts, type and perpetrator over the violent events", () => {
    const s = summarise(facts([strike, death, injury]));
    expect(cityOf(s.place)).toBe("Port Vale");
    expect(s).toMatchObject({ killed: 2, injured: 5, attackType: "Bombing/Explosion", weapon: "Explosives" });
    expect(s.attackers.map((a) => a.name)).toEqual(["Red Dawn Front"]);
  });

  it("falls back to one victim for a count-less death, and no injury fallback when someone died", () => {
    const s = summarise(facts([event("e4", "death"), event("e5", "injury")]));
    expect(s.killed).toBe(1);
    expect(s.injured).toBeUndefined();
    expect(summarise(facts([event("e6", "injury")])).injured).toBe(1);
  });

  it("ignores negated and hypothetical events", () => {
    const s = summarise(facts([event("e7", "death", { modality: "negated", counts: [count("killed", 3, 5)] })]));
    expect(s.killed).toBeUndefined();
  });

  it("maps the summary onto GTD, GVDB and MUC fields", () => {
    const f = facts([strike, death, injury]);
    expect(predictGtd(f)).toMatchObject({
      date: "2020-03-04",
      city: "Port Vale",
      attacktype: "Bombing/Explosion",
      weaptype: "Explosives",
      nkill: 2,
      nwound: 5,
      claimed: true,
    });
    expect(predictGtd(f).gnames).toContain("Red Dawn Front");
    expect(predictGvdb(f)).toEqual({ killed: 2, injured: 5, date: "2020-03-04", city: "Port Vale" });
    const [t] = predictTemplates(f);
    expect(t).toMatchObject({ incidentType: "BOMBING", perpOrg: ["Red Dawn Front"], location: ["Norland"] });
  });
});
