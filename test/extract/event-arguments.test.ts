// Event arguments from noun phrases: subjects, objects, passives, nominal triggers, instruments,
// and place attachment. Every sentence here was written for this test; the full pipeline runs
// (wink tokens + entity layer), so the rules are exercised as the eval harness uses them.
import { describe, expect, it } from "vitest";
import { nounPhrases } from "../../src/extract/events/noun-phrases.js";
import { headClasses } from "../../src/extract/events/roles.js";
import { extractFacts } from "../../src/extract/index.js";
import { makeDocument } from "../../src/model/document.js";
import type { DocFacts, Event } from "../../src/model/records.js";
import { analyze } from "../../src/nlp/analyze.js";

function facts(text: string): DocFacts {
  return extractFacts(makeDocument({ origin: "test", text, format: "text" }));
}

function eventOf(f: DocFacts, type: string): Event {
  const e = f.events.find((x) => x.type === type);
  if (!e) throw new Error(`no ${type} event in: ${f.events.map((x) => x.type).join(", ")}`);
  return e;
}

/** role → participant texts of the first event of a type. */
function roles(text: string, type: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of eventOf(facts(text), type).participants) out[p.role] = [...(out[p.role] ?? []), p.text];
  return out;
}

describe("noun phrases", () => {
  const phrases = (text: string) => {
    const a = analyze(makeDocument({ origin: "t", text, format: "text" }));
    return nounPhrases(a.tokens, 0, a.tokens.length, text);
  };

  it("attaches of-complements and keeps the first noun as head", () => {
    const nps = phrases("Four members of the rebel militia crossed the river.");
    const m = nps.find((n) => n.text.startsWith("Four members"));
    expect(m?.text).toBe("Four members of the rebel militia");
    expect(m?.headText).toBe("members");
  });

  it("does not absorb a time adverb or a participle that takes an object", () => {
    const texts = phrases("A guard watching the gate saw the truck yesterday.").map((n) => n.text);
    expect(texts).toContain("A guard");
    expect(texts).toContain("the truck");
    expect(texts.some((t) => /watching|yesterday/.test(t))).toBe(false);
  });

  it("reads the head-word lexicon", () => {
    expect(headClasses("gunmen").has("attacker")).toBe(true);
    expect(headClasses("substation").has("facility")).toBe(true);
    expect(headClasses("peasant").has("person")).toBe(true);
    expect(headClasses("dynamite").has("weapon")).toBe(true);
  });
});

describe("attack arguments", () => {
  it("active voice: subject attacks, object is the target, with-phrase is the weapon", () => {
    const r = roles("Rebel fighters attacked a water treatment plant with mortars on Sunday.", "attack");
    expect(r.attacker).toEqual(["Rebel fighters"]);
    expect(r.target).toEqual(["a water treatment plant"]);
    expect(r.weapon).toEqual(["mortars"]);
  });

  it("a person object of an attack verb is a victim", () => {
    const r = roles("Masked gunmen ambushed a local judge near the courthouse.", "attack");
    expect(r.victim).toEqual(["a local judge"]);
  });

  it("passive voice: the subject is the target and the by-phrase the attacker", () => {
    const r = roles("The regional bank office was bombed by insurgents last night.", "attack");
    expect(r.target).toEqual(["The regional bank office"]);
    expect(r.attacker).toEqual(["insurgents"]);
  });

  it("nominal trigger: the attack on X; a describing pre-modifier is no attacker, a named group is", () => {
    const r = roles("Officials described a rebel attack on the army barracks as a failure.", "attack");
    expect(r.target).toEqual(["the army barracks"]);
    expect(r.attacker).toBeUndefined();
    expect(roles("The Hamas attack killed two guards.", "attack").attacker?.join(" ")).toContain("Hamas");
  });

  it("an agent-noun trigger names the attacker itself", () => {
    const r = roles("Unidentified gunmen opened fire at the crowd.", "attack");
    expect(r.attacker?.[0]).toMatch(/gunmen$/);
  });

  it("a weapon-noun trigger names the weapon", () => {
    const r = roles("A powerful truck bomb damaged the ministry.", "attack");
    expect(r.weapon).toEqual(["A powerful truck bomb"]);
  });

  it("a verb-noun trigger phrase keeps the noun as subject", () => {
    const r = roles("Urban terrorists attacked the electricity company offices.", "attack");
    expect(r.attacker).toEqual(["Urban terrorists"]);
    expect(r.target).toEqual(["the electricity company offices"]);
  });

  it("skips a parenthesised acronym between subject and verb", () => {
    const r = roles("Fighters of the Popular Liberation Army (PLA) attacked a military convoy.", "attack");
    expect(r.attacker?.[0]).toMatch(/^Fighters of the Popular Liberation Army/);
  });
});

describe("death and injury arguments", () => {
  it("active kill: subject is the attacker, object the victim", () => {
    const r = roles("Guerrillas killed a farmer in the village of Santa Rita.", "death");
    expect(r.attacker).toEqual(["Guerrillas"]);
    expect(r.victim).toEqual(["a farmer"]);
  });

  it("passive wound: subject is the victim, by-phrase the attacker", () => {
    const r = roles("Three officers of the traffic police were wounded by snipers.", "injury");
    expect(r.victim).toEqual(["Three officers of the traffic police"]);
    expect(r.attacker).toEqual(["snipers"]);
  });

  it("a reduced relative: the guard, not the gate, was wounded", () => {
    const r = roles("A guard watching the gate was wounded.", "injury");
    expect(r.victim).toEqual(["A guard"]);
  });

  it("nominal death: the death of X names the victim, even a lower-case name", () => {
    const r = roles("Protests followed the death of carlos mendoza ruiz.", "death");
    expect(r.victim).toEqual(["carlos mendoza ruiz"]);
  });

  it("killing N people: the counted phrase is the victim", () => {
    const r = roles("A blast hit the square, killing 12 people.", "death");
    expect(r.victim).toEqual(["12 people"]);
  });

  it("'which' refers to the nearest noun, so an attack is not the killer", () => {
    const r = roles("The mayor condemned the attack, which killed four people.", "death");
    expect(r.attacker).toBeUndefined();
    expect(r.victim).toEqual(["four people"]);
  });
});

describe("more positions", () => {
  it("an intransitive death word makes its subject the victim", () => {
    const r = roles("A retired teacher died in the fire.", "death");
    expect(r.victim).toEqual(["A retired teacher"]);
    expect(r.attacker).toBeUndefined();
  });

  it("headline-style passive without 'was': the subject is the victim", () => {
    const r = roles("Three miners injured in a blast at the quarry.", "injury");
    expect(r.victim).toEqual(["Three miners"]);
  });

  it("a comma list of objects gives several targets", () => {
    const r = roles("Insurgents attacked the police station, the bank, and the hospital.", "attack");
    expect(r.target).toEqual(["the police station", "the bank", "the hospital"]);
  });

  it("a by-phrase after a time word and 'to death' is still the attacker", () => {
    const r = roles("Two farmers were shot to death last night by unknown assailants.", "attack");
    expect(r.attacker).toEqual(["unknown assailants"]);
    expect(r.victim).toEqual(["Two farmers"]);
  });

  it("a bomb exploding near a building makes the building the target", () => {
    const r = roles("A bomb exploded near the embassy in the capital.", "attack");
    expect(r.weapon).toEqual(["A bomb"]);
    expect(r.target).toEqual(["the embassy"]);
  });

  it("a pronoun subject and a bare number object fill roles", () => {
    const r = roles("They killed 14 during the night.", "death");
    expect(r.attacker).toEqual(["They"]);
    expect(r.victim).toEqual(["14"]);
  });

  it("'including' adds objects, and killed fighters are victims", () => {
    const r = roles("The raid killed nine fighters, including a local commander.", "death");
    expect(r.victim).toEqual(["nine fighters", "a local commander"]);
  });

  it("a number right before 'dead' is the victim", () => {
    const r = roles("The ambush left 23 dead.", "death");
    expect(r.victim).toEqual(["23"]);
  });

  it("responsibility wording names the doer of a nominal trigger", () => {
    expect(roles("The cartel boss ordered the assassination of the candidate.", "attack").attacker).toEqual([
      "The cartel boss",
    ]);
    expect(roles("Police said the traffickers were responsible for the killing.", "death").attacker).toEqual([
      "the traffickers",
    ]);
    expect(roles("Officials attributed the bombing to local gangs.", "attack").attacker).toEqual(["local gangs"]);
    expect(roles("Local gangs are behind this criminal attack.", "attack").attacker).toEqual(["Local gangs"]);
  });

  it("a participle with a by-agent after a weapon trigger names the attacker", () => {
    const r = roles("The bomb, allegedly planted by urban commandos, destroyed a pylon.", "attack");
    expect(r.attacker).toEqual(["urban commandos"]);
    expect(r.weapon).toEqual(["The bomb"]);
  });

  it("a town after 'attacked' is the place, not a target", () => {
    const r = roles("Rebels attacked Kandahar on Monday.", "attack");
    expect(r.target).toBeUndefined();
  });
});

describe("arrest arguments", () => {
  it("subject is the agent, object the detainee", () => {
    const r = roles("Soldiers detained five suspects after the raid.", "arrest");
    expect(r.agent).toEqual(["Soldiers"]);
    expect(r.detainee).toEqual(["five suspects"]);
  });
});

describe("participants carry spans and entities", () => {
  it("span offsets cut the participant text from the document", () => {
    const text = "Militants stormed the Grand Hotel in Karachi.";
    const f = facts(text);
    for (const e of f.events)
      for (const p of e.participants) if (p.span) expect(text.slice(p.span.start, p.span.end)).toBe(p.text);
  });
});

describe("event place", () => {
  const placeName = (text: string, type: string) => {
    const f = facts(text);
    const e = eventOf(f, type);
    return f.entities.find((x) => x.id === e.place)?.name;
  };

  it("a country that is blamed is not where the attack happened", () => {
    expect(placeName("Iranian officials blamed Israel for the attack.", "attack")).toBeUndefined();
    expect(placeName("Officials accused Pakistan over the bombing.", "attack")).toBeUndefined();
  });

  it("a capital used for its government, or a country naming officials, is no place", () => {
    expect(placeName("Washington said the attack was planned abroad.", "attack")).toBeUndefined();
    expect(placeName("Statements of U.S. officials linked the attack to a cell.", "attack")).toBeUndefined();
    expect(placeName("Officials said on Monday that the United States had no role in the attack.", "attack")).toBe(
      undefined,
    );
  });

  it("a locative phrase still places the event", () => {
    expect(placeName("The attack in Kerman killed dozens.", "attack")).toBe("Kerman");
  });
});
