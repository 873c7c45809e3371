import { describe, expect, it } from "vitest";
import { eventLexicon, ontology } from "../../src/extract/events/lexicon.js";

describe("event ontology", () => {
  const onto = ontology();

  it("defines every required type with roles, mappings and triggers", () => {
    const ids = onto.types.map((t) => t.id);
    for (const id of [
      "attack",
      "death",
      "injury",
      "arrest",
      "claim_of_responsibility",
      "missile_strike",
      "air_strike",
      "military_exercise",
      "meeting",
      "statement",
      "accusation",
      "threat",
      "denial",
      "execution",
      "border_crossing",
    ])
      expect(ids).toContain(id);
    for (const t of onto.types) {
      expect(t.roles.length).toBeGreaterThan(0);
      expect(t.triggers.length).toBeGreaterThan(0);
      expect(t.plover).toBeDefined();
      expect(t.acled).toBeDefined();
    }
  });

  it("has unique trigger ids and GTD codes for every attack subtype named by a trigger", () => {
    const triggerIds = onto.types.flatMap((t) => t.triggers.map((x) => x.id));
    expect(new Set(triggerIds).size).toBe(triggerIds.length);
    const attack = onto.types.find((t) => t.id === "attack")!;
    const subtypes = new Set(attack.subtypes!.map((s) => s.id));
    for (const tr of attack.triggers) {
      if (tr.subtype) expect(subtypes.has(tr.subtype)).toBe(true);
      if (tr.weapon) expect(attack.weapons![tr.weapon]).toBeDefined();
    }
    for (const s of attack.subtypes!) expect(s.gtd_attacktype).toBeGreaterThanOrEqual(1);
  });

  it("compiles without gapped first slots", () => {
    expect(eventLexicon().byFirst.size).toBeGreaterThan(100);
  });
});
