// Passive and noun-led rocket/mortar strikes, and responsibility claims by groups the gazetteer
// does not know.
import { describe, expect, it } from "vitest";
import { extractClaims } from "../../src/extract/claims/index.js";
import { findTriggers } from "../../src/extract/events/triggers.js";
import type { EntityType } from "../../src/model/records.js";
import { contextFor } from "./helpers.js";

const types = (s: string) => [...new Set(findTriggers(s).map((t) => t.pattern.type))];
const claimsOf = (text: string, tags: Record<string, EntityType> = {}) =>
  extractClaims(contextFor(text, tags)).claims.filter((c) => c.kind === "responsibility");

describe("missile strikes without an active 'fired N rockets'", () => {
  it("passive and noun-led wordings", () => {
    expect(types("A Qassam rocket was fired at the crossing.")).toContain("missile_strike");
    expect(types("Two mortar shells landed in an open field near the kibbutz.")).toContain("missile_strike");
    expect(types("Rockets were launched from the coast overnight.")).toContain("missile_strike");
    expect(types("Militants fired between eight and eleven rockets at the town.")).toContain("missile_strike");
  });

  it("strikes carry the explosives weapon; shots fired are a shooting", () => {
    const [t] = findTriggers("A mortar was fired at the outpost.").filter((x) => x.pattern.type === "missile_strike");
    expect(t!.pattern.entry.weapon).toBe("Explosives");
    expect(types("Gunmen fired several shots at a passing car.")).toContain("attack");
  });
});

describe("responsibility claims", () => {
  it("an unknown group is named by the capitalised subject before the cue", () => {
    const [c] = claimsOf("A parcel bomb exploded at the depot. Grey October claimed responsibility for the blast.");
    expect(c).toMatchObject({ kind: "responsibility", speakerText: "Grey October", rule: "claim:responsibility:name" });
    expect(c!.speaker).toBeUndefined();
  });

  it("passive claims take the claimant after 'by'", () => {
    const [c] = claimsOf("The ambush was claimed by the Northern Shield Brigades.", {
      "Northern Shield Brigades": "armed_group",
    });
    expect(c).toMatchObject({ speaker: "e:northern-shield-brigades", rule: "claim:responsibility:passive" });
    const [d] = claimsOf("The bombing was claimed by the Valley Martyrs Front on its website.");
    expect(d?.speakerText).toBe("Valley Martyrs Front");
  });

  it("wider claim wordings", () => {
    expect(claimsOf("The Red Hand Brigades claimed they launched three projectiles.").length).toBe(1);
    expect(claimsOf("The Red Hand Brigades claimed firing two mortars at the base.").length).toBe(1);
  });

  it("no claim when nobody claims, or a lower-case subject", () => {
    expect(claimsOf("There were no reports of any group claiming responsibility for the attack.")).toEqual([]);
    expect(claimsOf("It claimed responsibility.")).toEqual([]);
    expect(claimsOf("Senator Paul Vance took credit for the new law.", { "Paul Vance": "person" })).toEqual([]);
  });
});
