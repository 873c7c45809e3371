// Heads of noun phrases with no noun at the end, through the real NLP layer (wink tags). Sentences are
// written for this test.
import { describe, expect, it } from "vitest";
import { nounPhrases } from "../../src/extract/events/noun-phrases.js";
import { makeDocument } from "../../src/model/document.js";
import { analyze } from "../../src/nlp/index.js";

function heads(text: string): string[] {
  const doc = makeDocument({ origin: "test", text, format: "text" });
  const a = analyze(doc);
  return nounPhrases(a.tokens, 0, a.tokens.length, doc.text).map((np) => `${np.text}|${np.headText}`);
}

describe("noun-phrase heads", () => {
  it("lets a number after a determiner, or before 'more', stand for people", () => {
    expect(heads("They freed another 20 on Monday.")).toContain("another 20|20");
    expect(heads("Officials said some 40 more were hurt.")).toContain("some 40 more|40");
  });

  it("heads a phrase with an adjective used as a noun", () => {
    expect(heads("Bombs have hit the Russian military in the region.")).toContain("the Russian military|military");
    // a describing adjective after a noun is no head
    expect(heads("Bombs have hit the Russian military in the region.")).not.toContain("the Russian|russian");
  });
});
