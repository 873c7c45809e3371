import { describe, expect, it } from "vitest";
import { extractEvents } from "../../src/extract/events/index.js";
import { buildContext } from "../../src/extract/index.js";
import { makeDocument } from "../../src/model/document.js";
import { analyze } from "../../src/nlp/analyze.js";

function eventsOf(text: string) {
  const doc = makeDocument({ origin: "test", format: "text", text, language: "en" });
  return extractEvents(buildContext(doc, analyze(doc)));
}

describe("a relative 'that' before a verb trigger", () => {
  it("is no back-reference: the sentence's date dates the event", () => {
    const [ev] = eventsOf("The militia that attacked the convoy on 3 May 2024 has been disbanded.");
    expect(ev?.trigger.text).toBe("attacked");
    expect(ev?.date?.iso).toBe("2024-05-03");
  });

  it("while a demonstrative 'that' before a noun still refers back to an event told elsewhere", () => {
    const [ev] = eventsOf("On 3 May 2024 the officials discussed that attack at length.");
    expect(ev?.trigger.text).toBe("attack");
    expect(ev?.date).toBeUndefined();
  });
});
