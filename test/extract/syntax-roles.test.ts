// Arguments read from the dependency parse, on sentences written for this test, through the real
// NLP layer (wink tokens) and the shipped parser model.
import { describe, expect, it } from "vitest";
import { syntaxArguments } from "../../src/extract/events/syntax-roles.js";
import { extractFacts } from "../../src/extract/index.js";
import { makeDocument } from "../../src/model/document.js";
import { analyze } from "../../src/nlp/index.js";
import { modelAvailable } from "../../src/nlp/parse/model.js";

const have = modelAvailable();
if (!have) console.warn("skipping syntax-role tests: data/models/en-ewt-parser.bin.gz is missing (npm run train)");

function argsOf(text: string, trigger: string) {
  const doc = makeDocument({ origin: "test", text, format: "text" });
  const a = analyze(doc);
  const s = a.sentences[0]!;
  const t = a.tokens.findIndex((k) => k.text === trigger);
  const args = syntaxArguments(a.tokens, s.tokenStart, s.tokenEnd, t)!;
  const words = (xs: { first: number; last: number }[]) =>
    xs.map((x) =>
      a.tokens
        .slice(x.first, x.last)
        .map((k) => k.text)
        .join(" "),
    );
  return { args, words };
}

describe.skipIf(!have)("syntax roles", () => {
  it("finds a passive agent behind a time phrase", () => {
    const { args, words } = argsOf("The mayor was shot late on Tuesday by two gunmen.", "shot");
    expect(args.passive).toBe(true);
    expect(words(args.agents)).toEqual(["two gunmen"]);
    expect(words(args.subjects)).toEqual(["The mayor"]);
  });

  it("gives each coordinated subject as its own argument", () => {
    const { args, words } = argsOf("The mayor, his driver and a councillor were killed in the ambush.", "killed");
    expect(words(args.subjects)).toEqual(["The mayor", "his driver", "a councillor"]);
    expect(args.obliques.map((o) => o.prep)).toContain("in");
  });

  it("keeps a subject's modifiers in its span", () => {
    const { words, args } = argsOf("Three gunmen from the village attacked the police station.", "attacked");
    expect(words(args.subjects)).toEqual(["Three gunmen from the village"]);
    expect(words(args.objects)).toEqual(["the police station"]);
  });

  it("gives the attack its doer from a by-phrase the positional rules stop short of", () => {
    const facts = extractFacts(
      makeDocument({ origin: "test", text: "The mayor was shot late on Tuesday by two gunmen.", format: "text" }),
    );
    const attackers = facts.events.flatMap((e) =>
      e.participants.filter((p) => p.role === "attacker").map((p) => p.text),
    );
    expect(attackers).toContain("two gunmen");
  });
});
