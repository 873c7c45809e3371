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

  it("coordinates subjects under the first conjunct", () => {
    const p = parse("The mayor , his driver and a councillor were killed .");
    expect(arc(p, "mayor")).toBe("nsubj:pass killed");
    expect(arc(p, "driver")).toBe("conj mayor");
    expect(arc(p, "councillor")).toBe("conj mayor");
    expect(arc(p, "and")).toBe("cc councillor");
  });

  it("attaches an apposition to the name it renames", () => {
    const p = parse("Omar Haddad , a local teacher , was injured in the blast .");
    expect(arc(p, "Omar")).toBe("nsubj:pass injured");
    expect(arc(p, "Haddad")).toBe("flat Omar");
    expect(arc(p, "teacher")).toBe("appos Omar");
  });

  it("reads a relative clause as a modifier of its noun", () => {
    const p = parse("The man who planted the bomb escaped .");
    expect(arc(p, "escaped")).toBe("root ROOT");
    expect(arc(p, "man")).toBe("nsubj escaped");
    expect(arc(p, "planted")).toBe("acl:relcl man");
    expect(arc(p, "who")).toBe("nsubj planted");
    expect(arc(p, "bomb")).toBe("obj planted");
  });

  it("tags content words", () => {
    const p = parse("Police found a car bomb outside the station .");
    expect(p.upos).toEqual(["NOUN", "VERB", "DET", "NOUN", "NOUN", "ADP", "DET", "NOUN", "PUNCT"]);
  });
});
