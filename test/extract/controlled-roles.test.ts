// Arguments a trigger takes from the clause it hangs on (issue #15), through the full pipeline and the
// shipped parser model. Every sentence was written for this test.
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

describe.skipIf(!modelAvailable())("arguments from the governing clause", () => {
  it("gives a participle clause the main verb's subject as its doer", () => {
    const r = roles("A suicide attacker blew himself up, killing five soldiers.", "death");
    expect(r.victim).toEqual(["five soldiers"]);
    expect(r.attacker).toEqual(["A suicide attacker"]);
  });

  it("gives a second conjunct the first one's subject and its own number object", () => {
    const r = roles("The rebels killed 12 soldiers and injured another 20.", "injury");
    expect(r.victim).toEqual(["another 20"]);
    expect(r.attacker).toEqual(["The rebels"]);
  });

  it("reads the victim of a predicate adjective and of a resultative", () => {
    expect(roles("Seven people were dead and some 40 more were injured.", "death").victim).toEqual(["Seven people"]);
    expect(roles("Seven people were dead and some 40 more were injured.", "injury").victim).toEqual(["some 40 more"]);
    expect(roles("A man was shot dead outside his home.", "death").victim).toEqual(["A man"]);
  });

  it("takes the subject of 'suffered' as the one hurt", () => {
    expect(roles("Twenty people suffered minor injuries.", "injury").victim).toEqual(["Twenty people"]);
  });

  it("gives a reduced relative the noun it modifies, not the phrase around it", () => {
    const r = roles("Relatives of the two guards killed in the raid gathered at the gate.", "death");
    expect(r.victim).toEqual(["the two guards"]);
    expect(r.attacker).toBeUndefined();
  });

  it("keeps a main-verb participle's subject as the doer when a clause follows", () => {
    const r = roles("Gunmen attacked at dawn killing four guards.", "attack");
    expect(r.attacker).toEqual(["Gunmen"]);
  });

  it("takes the defenders of an interception for no attacker", () => {
    expect(roles("The rockets were intercepted by the army's air defences.", "missile_strike").attacker).toBe(
      undefined,
    );
  });
});
