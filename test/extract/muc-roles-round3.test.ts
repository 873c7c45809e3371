// Round 3 of the MUC-4 role rules: state and adjective perpetrators, by-phrase conjuncts, victims
// behind a date phrase or a relative clause, lower-case victims of kill words, targets of damage
// verbs. Every sentence was written for
// this test and runs through the full pipeline (wink tokens + entity layer).
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { makeDocument } from "../../src/model/document.js";
import type { DocFacts } from "../../src/model/records.js";

function facts(text: string): DocFacts {
  return extractFacts(makeDocument({ origin: "test", text, format: "text" }));
}

/** role → participant texts over all events of a type. */
function roles(text: string, type: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of facts(text).events.filter((x) => x.type === type))
    for (const p of e.participants) out[p.role] = [...(out[p.role] ?? []), p.text];
  return out;
}

describe("attack roles, round 3", () => {
  it("keeps a victim whose phrase overlaps a date phrase only outside its head", () => {
    const r = roles(
      "Police said it happened 1 month after the murder of Cauca department mayor Julian Ortega Ruiz.",
      "attack",
    );
    expect(r.victim?.join(" ")).toContain("Julian Ortega Ruiz");
  });

  it("takes the lower-case object of a kill word as a victim", () => {
    const r = roles("The rural police murdered farm worker pedro salas near the river.", "attack");
    expect(r.victim).toContain("farm worker pedro salas");
    expect(r.attacker).toContain("The rural police");
  });

  it("keeps two victims joined by a conjunction apart, each its own phrase", () => {
    const r = roles("Police said that the judge and Pedro Salas were murdered on the road.", "attack");
    expect(r.victim).not.toContain("the judge and Pedro Salas");
  });

  it("takes what a damage verb in the attack's sentence damaged as a target", () => {
    const r = roles("A bomb exploded downtown and the blast damaged a bank and two shops.", "attack");
    expect(r.target).toEqual(expect.arrayContaining(["a bank", "two shops"]));
  });

  it("takes no attacker from an adjective that only describes the attack (issue #15)", () => {
    expect(roles("The terrorist attack killed two guards.", "attack").attacker).toBeUndefined();
    expect(roles("The criminal attack killed two guards.", "attack").attacker).toBeUndefined();
  });

  it("takes every conjunct of a by-phrase, but not the next clause's subject", () => {
    const r = roles("The farmers were murdered by soldiers or paramilitaries, witnesses said.", "attack");
    expect(r.attacker).toEqual(["soldiers", "paramilitaries"]);
    expect(roles("The farmers were murdered by soldiers and the army responded.", "attack").attacker).toEqual([
      "soldiers",
    ]);
  });

  it("skips a time word between subject and verb", () => {
    expect(roles("Rebels yesterday bombed the power station.", "attack").attacker).toContain("Rebels");
  });

  it("reads a bare -ed attack verb after a doer noun as active", () => {
    const r = roles("Army troops attacked in the village of El Carmen.", "attack");
    expect(r.attacker).toContain("Army troops");
    expect(r.victim).toBeUndefined();
  });

  it("takes the possessor of a kill noun as its victim, unless it names a doer", () => {
    expect(roles("Police investigated the mayor's assassination.", "attack").victim).toContain("the mayor");
    const r = roles("Witnesses blamed the cartel's murder of the judge.", "attack");
    expect(r.victim ?? []).not.toContain("the cartel");
  });

  it("finds a by-agent after time words following a participle", () => {
    const r = roles("The three priests murdered last Friday by uniformed men were buried today.", "attack");
    expect(r.attacker).toContain("uniformed men");
    expect(r.victim).toContain("The three priests");
  });

  it("hangs a 'who' clause on the phrase right before it", () => {
    const r = roles(
      "The mayor condemned the murder of union leader Mario Vega Ruiz, who was killed in his office.",
      "death",
    );
    expect(r.victim?.join(" ")).toContain("Mario Vega Ruiz");
    expect(r.victim?.join(" ") ?? "").not.toContain("mayor");
  });

  it("joins a cut-short title phrase with the name right after it", () => {
    const r = roles("They denounced the brutal killing of attorney general Ramon Ortiz Paz.", "death");
    expect(r.victim?.[0]).toMatch(/Ramon Ortiz Paz$/);
  });
});
