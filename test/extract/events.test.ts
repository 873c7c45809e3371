import { describe, expect, it } from "vitest";
import { extractEvents } from "../../src/extract/events/index.js";
import { inflections } from "../../src/extract/events/inflect.js";
import { modalityOf } from "../../src/extract/events/modality.js";
import { findTriggers } from "../../src/extract/events/triggers.js";
import { contextFor } from "./helpers.js";

const trig = (s: string) => findTriggers(s).map((t) => `${t.pattern.type}:${t.text}`);

describe("inflections", () => {
  it("derives regular forms and takes irregular ones from the ontology", () => {
    expect(inflections("explode")).toEqual(expect.arrayContaining(["explodes", "exploded", "exploding"]));
    expect(inflections("bombing")).toContain("bombings");
    expect(inflections("stab")).toEqual(expect.arrayContaining(["stabbed", "stabbing"]));
    expect(inflections("meet", { meet: ["met"] })).toContain("met");
  });
});

describe("trigger detection", () => {
  it("attack triggers, lemma-aware, longest match first", () => {
    expect(trig("Three bombs exploded near the bus station.")).toEqual(["attack:bombs", "attack:exploded"]);
    expect(trig("It was the third suicide bombing this year.")).toEqual(["attack:suicide bombing"]);
    expect(trig("Masked men opened fire on the crowd and stormed the hall.")).toEqual([
      "attack:opened fire",
      "attack:stormed",
    ]);
    expect(trig("The rebels kidnapped two engineers.")).toEqual(["attack:kidnapped"]);
  });

  it("gapped phrases: fired N missiles, claimed … responsibility", () => {
    expect(trig("The navy fired four ballistic missiles at the base.")).toEqual([
      "missile_strike:fired four ballistic missiles",
    ]);
    expect(trig("A local cell claimed responsibility.")).toEqual(["claim_of_responsibility:claimed responsibility"]);
  });

  it("other event types", () => {
    expect(trig("Police arrested the driver.")).toEqual(["arrest:arrested"]);
    expect(trig("The regime executed three prisoners.")).toEqual(["execution:executed"]);
    expect(trig("The two envoys met with tribal leaders and held talks on trade.")).toEqual([
      "meeting:met with",
      "meeting:held talks",
    ]);
    expect(trig("The brigade staged a night drill.")).toEqual(["military_exercise:drill"]);
    expect(trig("The suspect crossed the Turkish border at night.")).toEqual([
      "border_crossing:crossed the Turkish border",
    ]);
    expect(trig("The minister accused the opposition of treason.")).toEqual(["accusation:accused"]);
    expect(trig("The spokesman denied the report.")).toEqual(["denial:denied"]);
  });
});

describe("modality", () => {
  const mod = (s: string, trigger: string) => modalityOf(s, 0, s.indexOf(trigger)).modality;
  it("reads cue words around the trigger", () => {
    expect(mod("A car bomb exploded outside the court.", "exploded")).toBe("asserted");
    expect(mod("The ministry said a car bomb exploded outside the court.", "exploded")).toBe("reported");
    expect(mod("The group allegedly bombed the court.", "bombed")).toBe("claimed");
    expect(mod("The militia denied that it bombed the court.", "bombed")).toBe("denied");
    expect(mod("A second device could explode at any time.", "explode")).toBe("hypothetical");
    expect(mod("The device did not explode.", "explode")).toBe("negated");
    expect(mod("Guards thwarted an attack on the court.", "attack")).toBe("negated");
  });
  it("'no fewer than' is not a negation", () => {
    expect(mod("No fewer than nine people died.", "died")).toBe("asserted");
  });
});

describe("extractEvents", () => {
  const text = [
    "On 14 March 2023, a suicide bomber from the Northern Front blew himself up at the Central Mosque in Dara, killing 19 worshippers.",
    "Police said they arrested 6 suspects.",
    "The Northern Front claimed responsibility for the attack.",
    "Envoy Lara Diaz met with Omar Said in Dara.",
  ].join(" ");
  const ctx = contextFor(
    text,
    {
      "Northern Front": "armed_group",
      "Central Mosque": "facility",
      Dara: "place",
      Police: "organization",
      "Lara Diaz": "person",
      "Omar Said": "person",
    },
    "2023-03-16",
  );
  const events = extractEvents(ctx);
  const byType = (t: string) => events.filter((e) => e.type === t);

  it("builds an attack with subtype, weapon, suicide flag, date, place, attacker and counts", () => {
    const [attack] = byType("attack");
    expect(attack).toBeDefined();
    expect(attack!.subtype).toBe("Bombing/Explosion");
    expect(attack!.attributes).toMatchObject({
      attackType: "Bombing/Explosion",
      weapon: "Explosives",
      suicide: true,
      gtd_attacktype: 3,
      gtd_weaptype: 6,
    });
    expect(attack!.date?.iso).toBe("2023-03-14");
    expect(attack!.place).toBe("e:central-mosque");
    expect(attack!.participants.find((p) => p.role === "attacker")?.entity).toBe("e:northern-front");
    expect(attack!.counts.map((c) => [c.kind, c.value])).toEqual([["killed", 19]]);
    expect(attack!.rule).toBe("attack.suicide-bombing");
    expect(attack!.modality).toBe("asserted");
    expect(attack!.id).toMatch(/^[0-9a-f]{12}:ev0$/);
  });

  it("takes the date from an earlier sentence in the paragraph and marks reported speech", () => {
    const [arrest] = byType("arrest");
    expect(arrest!.date?.iso).toBe("2023-03-14");
    expect(arrest!.modality).toBe("reported");
    expect(arrest!.reportedBy).toBe("e:police");
    expect(arrest!.counts.map((c) => [c.kind, c.value])).toEqual([["arrested", 6]]);
  });

  it("claim of responsibility names the claimant; meetings list participants", () => {
    const [claim] = byType("claim_of_responsibility");
    expect(claim!.participants).toMatchObject([{ role: "claimant", entity: "e:northern-front" }]);
    expect(claim!.modality).toBe("asserted");
    const [meeting] = byType("meeting");
    expect(meeting!.participants.map((p) => p.entity)).toEqual(["e:lara-diaz", "e:omar-said"]);
    expect(meeting!.place).toBe("e:dara");
  });

  it("reads a generic 'attack' as armed assault when guns are mentioned", () => {
    const c2 = contextFor("Gunmen with rifles carried out an attack on a checkpoint.", {}, "2023-03-16");
    const [a] = extractEvents(c2).filter((e) => e.type === "attack");
    expect(a!.attributes.attackType).toBe("Armed Assault");
    expect(a!.attributes.suicide).toBe(false);
  });

  it("missile strikes carry missile counts and the attacking state", () => {
    const c3 = contextFor(
      "On 2 May, Freedonia fired seven missiles on Sylvania.",
      { Freedonia: "state", Sylvania: "place" },
      "2023-05-04",
    );
    const [m] = extractEvents(c3).filter((e) => e.type === "missile_strike");
    expect(m!.counts.map((c) => [c.kind, c.value])).toEqual([["missiles", 7]]);
    expect(m!.participants.find((p) => p.role === "attacker")?.entity).toBe("e:freedonia");
    expect(m!.place).toBe("e:sylvania");
    expect(m!.date?.iso).toBe("2023-05-02");
  });
});

describe("event arguments: dates and context rules", () => {
  it("a 'since' date is background; the previous paragraph's last date is used instead", () => {
    const ctx = contextFor(
      "On 5 June, a bomb exploded at the Grand Bazaar.\nNine shoppers died in the worst attack since 1998.",
      { "Grand Bazaar": "facility" },
      "2023-06-07",
    );
    const death = extractEvents(ctx).find((e) => e.type === "death");
    expect(death?.date?.iso).toBe("2023-06-05");
    expect(death?.attributes.dateFrom).toBe("previous-paragraph");
  });

  it("a claim of responsibility does not make the attack itself 'claimed'", () => {
    const ctx = contextFor("The Red Hand group claimed the attack on the depot.", { "Red Hand": "armed_group" });
    const events = extractEvents(ctx);
    expect(events.find((e) => e.type === "attack")?.modality).toBe("asserted");
    expect(events.find((e) => e.type === "attack")?.participants[0]).toMatchObject({
      role: "attacker",
      text: "Red Hand",
    });
    expect(events.find((e) => e.type === "claim_of_responsibility")?.participants[0]?.text).toBe("Red Hand");
  });

  it("a group named in an 'anti-' modifier is not the actor", () => {
    const ctx = contextFor("The army held an anti-ISIS drill near the border.", {
      ISIS: "armed_group",
      army: "organization",
    });
    const drill = extractEvents(ctx).find((e) => e.type === "military_exercise");
    expect(drill?.participants.map((p) => p.text)).toEqual(["army"]);
  });

  it("execution counts must follow the trigger closely", () => {
    const far = contextFor("The state executed a man who had killed 8 guards.", {});
    expect(extractEvents(far).find((e) => e.type === "execution")?.counts).toEqual([]);
    const near = contextFor("The state executed 5 prisoners at dawn.", {});
    expect(
      extractEvents(near)
        .find((e) => e.type === "execution")
        ?.counts.map((c) => c.value),
    ).toEqual([5]);
  });
});
