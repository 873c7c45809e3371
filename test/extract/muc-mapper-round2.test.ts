// MUC-4 mapper, round 2: a target introduced by a possessive pronoun ("his car") is keyed without
// it, as the answer keys leave determiners out; a possessive noun ("the judge's car") stays. An
// attack with no perpetrator organisation takes an armed group named in its own sentence.
import { describe, expect, it } from "vitest";
import { predictTemplates } from "../../eval/muc4/predict.js";
import type { DocFacts, Entity, Event, Mention, Participant } from "../../src/model/records.js";

const DOC = "d1";

function attack(participants: Participant[], entities: Entity[] = [], mentions: Mention[] = []): DocFacts {
  const e: Event = {
    id: "e1",
    doc: DOC,
    type: "attack",
    trigger: { doc: DOC, start: 4, end: 10, text: "bombed" },
    sentence: { doc: DOC, start: 0, end: 40, text: "" },
    participants,
    counts: [],
    modality: "asserted",
    attributes: {},
    rule: "test",
    confidence: 0.8,
  };
  return { doc: DOC, mentions, entities, events: [e], claims: [], judgments: [] };
}

describe("target fillers and possessive pronouns", () => {
  it("drops his / their before a target", () => {
    const [t] = predictTemplates(
      attack([
        { role: "target", text: "his car" },
        { role: "target", text: "their offices" },
      ]),
    );
    expect(t?.target).toEqual(["car", "offices"]);
  });

  it("keeps a possessive noun, which names whose target it was", () => {
    const [t] = predictTemplates(attack([{ role: "target", text: "the judge's car" }]));
    expect(t?.target).toEqual(["the judge's car"]);
  });
});

const front: Entity = { id: "g1", type: "armed_group", name: "Red Dawn Front", aliases: [], mentions: ["m1"] };
const mentionAt = (start: number): Mention => ({
  id: "m1",
  doc: DOC,
  start,
  end: start + 14,
  text: "Red Dawn Front",
  kind: "armed_group",
  entity: "g1",
  rule: "test",
  confidence: 1,
});

describe("perpetrator organisation from the event's sentence", () => {
  it("a group named in the attack's sentence is the organisation when the frame found none", () => {
    const [t] = predictTemplates(attack([{ role: "target", text: "the bridge" }], [front], [mentionAt(20)]));
    expect(t?.perpOrg).toEqual(["Red Dawn Front"]);
  });

  it("a group named in another sentence is not", () => {
    const [t] = predictTemplates(attack([{ role: "target", text: "the bridge" }], [front], [mentionAt(80)]));
    expect(t?.perpOrg).toEqual([]);
  });
});

describe("weapon fillers", () => {
  it("a verb left in front of the weapon phrase is dropped", () => {
    const [t] = predictTemplates(
      attack([
        { role: "weapon", text: "fired automatic weapons" },
        { role: "weapon", text: "hurled two grenades" },
      ]),
    );
    expect(t?.weapon).toEqual(["automatic weapons", "grenades"]);
  });
});
