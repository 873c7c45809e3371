// The shipped English model on hand-written sentences (ours): the relations extraction relies on.
import { describe, expect, it } from "vitest";
import { modelAvailable, type ParsedSentence, parseSentence } from "../../../src/nlp/parse/model.js";

const have = modelAvailable();
if (!have) console.warn("skipping English parser tests: data/models/en-ewt-parser.bin.gz is missing (npm run train)");

const parse = (s: string): ParsedSentence => parseSentence(s.split(" "));

/** The relation and head word of `dep` (first occurrence of each word). */
function arc(p: ParsedSentence, dep: string): string {
  const i = p.forms.indexOf(dep);
  if (i < 0) throw new Error(`no word ${dep}`);
  const h = p.heads[i]!;
  return `${p.deprels[i]} ${h === 0 ? "ROOT" : p.forms[h - 1]}`;
}

describe.skipIf(!have)("English dependency parses", () => {
  it("finds subject and object", () => {
    const p = parse("The soldiers arrested two men at dawn .");
    expect(arc(p, "arrested")).toBe("root ROOT");
    expect(arc(p, "soldiers")).toBe("nsubj arrested");
    expect(arc(p, "men")).toBe("obj arrested");
  });

  it("finds the passive subject and the agent after a time phrase", () => {
    const p = parse("The mayor was shot late on Tuesday by two gunmen .");
    expect(arc(p, "mayor")).toBe("nsubj:pass shot");
    expect(arc(p, "was")).toBe("aux:pass shot");
    expect(arc(p, "gunmen")).toBe("obl:agent shot");
    expect(arc(p, "by")).toBe("case gunmen");
  });

  it("hangs later conjuncts on the first, for nouns and for verbs", () => {
    const p = parse("Gunmen killed a farmer and his son .");
    expect(arc(p, "farmer")).toBe("obj killed");
    expect(arc(p, "son")).toBe("conj farmer");
    expect(arc(p, "and")).toBe("cc son");
    const q = parse("Rebels attacked the town and burned the market .");
    expect(arc(q, "burned")).toBe("conj attacked");
    expect(arc(q, "market")).toBe("obj burned");
  });

  it("attaches an apposition to the name it renames", () => {
    const p = parse("Omar Haddad , a local teacher , was injured in the blast .");
    expect(arc(p, "Omar")).toBe("nsubj:pass injured");
    expect(arc(p, "Haddad")).toBe("flat Omar");
    expect(arc(p, "teacher")).toBe("appos Omar");
  });

  it("reads a relative clause as a modifier of its noun", () => {
    const p = parse("The man who planted the bomb was arrested on Friday .");
    expect(arc(p, "arrested")).toBe("root ROOT");
    expect(arc(p, "man")).toBe("nsubj:pass arrested");
    expect(arc(p, "planted")).toBe("acl:relcl man");
    expect(arc(p, "who")).toBe("nsubj planted");
    expect(arc(p, "bomb")).toBe("obj planted");
    const q = parse("Police arrested the man who planted the bomb .");
    expect(arc(q, "planted")).toBe("acl:relcl man");
  });

  it("tags content words", () => {
    const p = parse("Police found a car bomb outside the station .");
    expect(p.upos).toEqual(["NOUN", "VERB", "DET", "NOUN", "NOUN", "ADP", "DET", "NOUN", "PUNCT"]);
  });
});
