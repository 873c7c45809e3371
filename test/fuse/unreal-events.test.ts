// An attack a report tells as not (or not yet) happened — planned, threatened — beside the report's main event never
// founds an incident of its own; it may still join one the store holds. Told alone, it is the report's incident. Sentences written for this test.
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { FusionEngine } from "../../src/fuse/index.js";
import { parseIsoDate } from "../../src/model/dates.js";
import { makeDocument } from "../../src/model/document.js";

function fuse(...texts: string[]): FusionEngine {
  const engine = new FusionEngine();
  for (const [i, text] of texts.entries()) {
    const doc = makeDocument({
      origin: `t${i}`,
      format: "text",
      text,
      outlet: `Wire ${i}`,
      publishedAt: parseIsoDate("2031-02-10")!,
    });
    engine.add({ doc, facts: extractFacts(doc) });
  }
  return engine;
}

describe("unreal events", () => {
  it("a plot told beside the news does not become an incident", () => {
    const engine = fuse(
      "Two gunmen opened fire on worshippers at a chapel in Lowmere on Sunday, killing one man. In November, police detained 12 suspects who were planning to attack synagogues and embassies.",
    );
    expect(engine.incidents().map((i) => i.date?.start)).toEqual(["2031-02-09"]);
  });

  it("a report of a foiled or planned attack alone still founds its incident (event datasets code them)", () => {
    expect(fuse("The cell was planning to attack a stadium in Lowmere, prosecutors said.").incidents()).toHaveLength(1);
  });
});
