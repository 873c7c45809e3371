// Participants and roles read with the dependency parse (issue #15), through the full pipeline
// (wink tokens, entity layer, shipped parser model). Every sentence was written for this test.
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { makeDocument } from "../../src/model/document.js";
import { modelAvailable } from "../../src/nlp/parse/model.js";

/** role → participant texts over all events of a type. */
function roles(text: string, type: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const facts = extractFacts(makeDocument({ origin: "test", text, format: "text" }));
  for (const e of facts.events.filter((x) => x.type === type))
    for (const p of e.participants) out[p.role] = [...(out[p.role] ?? []), p.text];
  return out;
}

describe.skipIf(!modelAvailable())("participants from the parse", () => {
  it("gives every coordinated subject of a passive, past a relative clause, as a victim", () => {
    const r = roles(
      "The mayor, his driver and a councillor, who were travelling to the market, were killed by rebels.",
      "death",
    );
    expect(r.victim).toEqual(expect.arrayContaining(["The mayor", "his driver", "a councillor"]));
    expect(r.attacker).toEqual(["rebels"]);
  });

  it("keeps all conjuncts of a three-part subject", () => {
    const r = roles("Two councillors, a teacher and the driver of the bus were killed in the ambush.", "death");
    expect(r.victim).toEqual(expect.arrayContaining(["Two councillors", "a teacher", "the driver of the bus"]));
  });

  it("reads a victim named in an apposition before the verb", () => {
    const r = roles("The mayor, Jose Luis Martinez Garcia, was murdered by gunmen.", "attack");
    expect(r.victim).toContain("Jose Luis Martinez Garcia");
    expect(r.attacker).toEqual(["gunmen"]);
  });

  it("gives an agent-noun trigger the victims of the kill verb it is subject of, full names uncut", () => {
    const r = roles("unidentified gunmen murdered jose antonio rodriguez porth and his driver.", "attack");
    expect(r.attacker).toEqual(["unidentified gunmen"]);
    expect(r.victim).toEqual(expect.arrayContaining(["jose antonio rodriguez porth", "his driver"]));
  });

  it("takes no doer from a modifier that only describes the attack", () => {
    expect(roles("Five soldiers were killed in terrorist attacks on Tuesday.", "attack").attacker).toBeUndefined();
    expect(roles("A guerrilla attack on the bridge cut the road.", "attack").attacker).toBeUndefined();
  });

  it("takes the defender in a by-phrase for no attacker", () => {
    expect(roles("Two rockets intercepted by the Israeli army fell near the town.", "missile_strike").attacker).toBe(
      undefined,
    );
    const r = roles("The village was attacked by rebels and the assault was repelled by the army.", "attack");
    expect(r.attacker).toEqual(["rebels"]);
  });

  it("does not read the subject of a when-clause as the killed", () => {
    const d = roles("Three policemen were among those killed when militants stormed the station.", "death");
    expect(d.victim ?? []).not.toContain("militants");
    expect(
      roles("Three policemen were among those killed when militants stormed the station.", "attack").attacker,
    ).toEqual(["militants"]);
  });

  it("finds the agent of a passive behind a time phrase", () => {
    const r = roles("The judge was shot late on Tuesday by two gunmen on a motorcycle.", "attack");
    expect(r.attacker).toContain("two gunmen");
    expect(r.victim).toContain("The judge");
  });
});
