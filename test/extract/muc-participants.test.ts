// How event participants become MUC-4 role fillers (eval/muc4/predict.ts): names vs descriptions
// of victims, a phrase around a group as both perpetrator individual and organisation, weapon
// participants, and deaths folded into the attack they report. Facts are built by hand here so
// the mapping is tested apart from the extractor.
import { describe, expect, it } from "vitest";
import { nameIn, predictRoles, predictTemplates } from "../../eval/muc4/predict.js";
import type { DocFacts, Entity, Event, Mention, Participant } from "../../src/model/records.js";

const DOC = "d1";

function event(id: string, type: string, participants: Participant[], sentenceStart = 0): Event {
  return {
    id,
    doc: DOC,
    type,
    trigger: { doc: DOC, start: sentenceStart + 5, end: sentenceStart + 10, text: "xxxxx" },
    sentence: { doc: DOC, start: sentenceStart, end: sentenceStart + 50, text: "" },
    participants,
    counts: [],
    modality: "asserted",
    attributes: {},
    rule: "test",
    confidence: 0.8,
  };
}

function facts(events: Event[], entities: Entity[] = [], mentions: Mention[] = []): DocFacts {
  return { doc: DOC, mentions, entities, events, claims: [], judgments: [] };
}

const group: Entity = {
  id: "g1",
  type: "armed_group",
  name: "Popular Front",
  aliases: ["Popular Front"],
  mentions: ["m1"],
};
const groupMention: Mention = {
  id: "m1",
  doc: DOC,
  start: 11,
  end: 28,
  text: "the Popular Front",
  kind: "armed_group",
  entity: "g1",
  rule: "test",
  confidence: 1,
};

describe("nameIn", () => {
  it("keeps the name after a title or description word", () => {
    expect(nameIn("the provincial governor maria lopez vega")).toBe("maria lopez vega");
    expect(nameIn("dr Pedro Alvarez")).toBe("Pedro Alvarez");
  });

  it("finds no name in a description", () => {
    expect(nameIn("a peasant")).toBeUndefined();
    expect(nameIn("two officers of the police")).toBeUndefined();
    expect(nameIn("eight soviet marines")).toBeUndefined();
  });
});

describe("participants → MUC-4 fillers", () => {
  it("a phrase around a group gives PerpInd and PerpOrg; a bare group name only PerpOrg", () => {
    const p: Participant = { role: "attacker", text: "members of the Popular Front", entity: "g1" };
    const [t] = predictTemplates(facts([event("e1", "attack", [p])], [group], [groupMention]));
    expect(t?.perpInd).toEqual(["members of the Popular Front"]);
    expect(t?.perpOrg).toEqual(["the Popular Front"]);
  });

  it("described victims fill the template but not the REE Victim role; names do both", () => {
    const ps: Participant[] = [
      { role: "victim", text: "a peasant" },
      { role: "victim", text: "mayor carlos rivas" },
    ];
    const ts = predictTemplates(facts([event("e1", "attack", ps)]));
    expect(ts[0]?.victim).toEqual(["a peasant", "carlos rivas"]);
    expect(predictRoles(ts).Victim).toEqual(["carlos rivas"]);
  });

  it("weapon participants are instruments; common-noun targets are physical targets", () => {
    const ps: Participant[] = [
      { role: "weapon", text: "a grenade" },
      { role: "target", text: "the bus terminal" },
    ];
    const [t] = predictTemplates(facts([event("e1", "attack", ps)]));
    expect(t?.weapon).toEqual(["a grenade"]);
    expect(t?.target).toEqual(["the bus terminal"]);
    const [u] = predictTemplates(facts([event("e2", "attack", [{ role: "target", text: "several bank branches" }])]));
    expect(u?.target).toEqual(["bank branches"]);
  });

  it("a weapon filler drops counts and vague quantities but keeps measures", () => {
    const ps: Participant[] = [
      { role: "weapon", text: "2 grenades" },
      { role: "weapon", text: "the wave of dynamite" },
      { role: "weapon", text: "300 kg of dynamite" },
    ];
    const [t] = predictTemplates(facts([event("e1", "attack", ps)]));
    expect(t?.weapon).toEqual(["grenades", "dynamite", "300 kg of dynamite"]);
  });

  it("a death in the attack's sentence adds its victim and killer to that attack", () => {
    const attack = event("e1", "attack", [{ role: "target", text: "the farm" }]);
    const death = event("e2", "death", [
      { role: "victim", text: "a farmhand" },
      { role: "attacker", text: "gunmen" },
    ]);
    const ts = predictTemplates(facts([attack, death]));
    expect(ts).toHaveLength(1);
    expect(ts[0]?.perpInd).toEqual(["gunmen"]);
    expect(ts[0]?.victim).toEqual(["a farmhand"]);
  });

  it("pronouns are never fillers", () => {
    const [t] = predictTemplates(facts([event("e1", "attack", [{ role: "attacker", text: "they" }])]));
    expect(t?.perpInd).toEqual([]);
  });
});
