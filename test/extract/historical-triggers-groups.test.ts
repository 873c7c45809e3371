// Round-2 MUC-4 rules: attack verbs of 1980s wire reports (murder, burn, machinegun, dynamite as a
// verb, fire on / at) and the Latin American armed groups of that era in the gazetteer. Sentences
// are invented for these tests.
import { describe, expect, it } from "vitest";
import { armedGroup, findArmedGroups } from "../../src/extract/entities/groups.js";
import { findTriggers } from "../../src/extract/events/triggers.js";

const attacks = (s: string) => findTriggers(s).filter((t) => t.pattern.type === "attack");
const ids = (s: string) => attacks(s).map((t) => t.pattern.entry.id);
const groups = (s: string) => findArmedGroups(s).map((m) => m.id);

describe("attack verbs without an 'attack' word", () => {
  it("murder is an attack with no GTD subtype of its own", () => {
    const [t] = attacks("Unknown men murdered a union leader outside his home.");
    expect(t?.pattern.entry.id).toBe("attack.murder");
    expect(t?.pattern.entry.subtype).toBeUndefined();
    expect(ids("The murder of the judge shocked the capital.")).toContain("attack.murder");
  });

  it("burning a building is arson with an incendiary weapon", () => {
    for (const s of [
      "The rebels burned the town hall and two buses.",
      "Guerrillas set the telephone exchange on fire.",
      "A mob set a police post ablaze on Sunday.",
      "The warehouse was burned down overnight.",
    ]) {
      const [t] = attacks(s);
      expect(t?.pattern.entry.id, s).toBe("attack.arson");
      expect(t?.pattern.entry.subtype).toBe("Facility/Infrastructure Attack");
      expect(t?.pattern.entry.weapon).toBe("Incendiary");
    }
  });

  it("machinegunned and gunned down are shootings", () => {
    expect(ids("About twenty terrorists machinegunned a crowded bus near the bridge.")).toContain("attack.shooting");
    expect(ids("Two gunmen on a motorbike gunned down the mayor.")).toContain("attack.shooting");
  });

  it("dynamite as a verb is a bombing, the noun alone is not a trigger", () => {
    const [t] = attacks("Rebels dynamited the oil pipeline again on Tuesday.");
    expect(t?.pattern.entry.subtype).toBe("Bombing/Explosion");
    expect(attacks("The police found 40 kg of dynamite in a truck.")).toHaveLength(0);
  });

  it("fired on / at is a shooting unless a rocket or missile was fired", () => {
    expect(ids("Soldiers fired on the demonstrators in the square.")).toContain("attack.fire-on");
    expect(ids("Unidentified men fired at a patrol car.")).toContain("attack.fire-on");
    expect(ids("A rocket was fired at the settlement.")).not.toContain("attack.fire-on");
    // "a fire at the factory" is a noun, not the verb
    expect(attacks("A fire at the textile factory killed nobody.")).toHaveLength(0);
  });
});

describe("historical Latin American armed groups", () => {
  it("full names match in lower-cased text", () => {
    expect(groups("troops clashed with the farabundo marti national liberation front near the volcano")).toEqual([
      "fmln",
    ]);
    expect(groups("a communique from the tupac amaru revolutionary movement")).toEqual(["mrta"]);
    expect(groups("the manuel rodriguez patriotic front planted the device")).toEqual(["fpmr"]);
    expect(groups("hitmen of the medellin cartel")).toEqual(["medellin-cartel"]);
    expect(groups("the extraditables announced a truce")).toEqual(["extraditables"]);
    expect(groups("members of the army of national liberation")).toEqual(["eln"]);
    expect(groups("the guatemalan national revolutionary unity said")).toEqual(["urng"]);
    expect(groups("a cell of the lautaro youth movement")).toEqual(["mapu-lautaro"]);
    expect(groups("the cinchoneros hijacked a plane")).toEqual(["cinchoneros"]);
  });

  it("short acronyms stay case-sensitive", () => {
    expect(groups("The FMLN and the URNG issued a joint statement.")).toEqual(["fmln", "urng"]);
    expect(groups("M-19 and MRTA fighters")).toEqual(["m-19", "mrta"]);
    expect(groups("the erp of the enterprise software vendor")).toEqual([]);
    expect(groups("The ERP ambushed a convoy.")).toEqual(["erp-el-salvador"]);
  });

  it("historical groups are marked as such and keep their parents", () => {
    const erp = armedGroup("erp-el-salvador") as { parent?: string; active?: string } | undefined;
    expect(erp?.parent).toBe("fmln");
    expect(erp?.active).toBe("historical");
    expect((armedGroup("farc") as { active?: string } | undefined)?.active).toBeUndefined();
  });
});

describe("fire on / at near a projectile", () => {
  it("a rocket a few words away wins over the shooting reading", () => {
    expect(ids("Militants fired at least nine rockets into the south.")).not.toContain("attack.fire-on");
    expect(ids("Five homemade projectiles were fired at the town.")).not.toContain("attack.fire-on");
    expect(ids("Police fired at the crowd; later that week a rocket hit the port.")).toContain("attack.fire-on");
  });
});
