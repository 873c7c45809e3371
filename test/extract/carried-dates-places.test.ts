// Two ways a later sentence's event took what was not its own, on sentences written for this test: a day told for
// something yet to happen ("funerals are expected to be held on Friday") dated the next paragraph's attack, and a
// place after a second, past mention of the same kind ("… and to the earlier attack on a shrine in Y") placed the
// first mention there.
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { makeDocument } from "../../src/model/document.js";

function facts(text: string) {
  const doc = makeDocument({
    origin: "t",
    format: "text",
    text,
    publishedAt: { iso: "2025-03-06", precision: "day", start: "2025-03-06", end: "2025-03-06" },
  });
  return extractFacts(doc);
}

describe("what a later event may take from earlier text", () => {
  it("a day foretold in the previous paragraph does not date the attack", () => {
    const f = facts(
      "The toll reached 40, officials said.\n\nThe funerals are expected to be held in Velmora on Friday.\n\nThe two blasts struck a crowd of pilgrims near the shrine.",
    );
    const blasts = f.events.find((e) => e.type === "attack");
    expect(blasts).toBeDefined();
    expect(blasts?.date).toBeUndefined();
  });

  it("a day told in the previous paragraph still dates it", () => {
    const f = facts(
      "The toll reached 40, officials said.\n\nThe funerals were held in Velmora on Monday.\n\nThe two blasts struck a crowd of pilgrims near the shrine.",
    );
    expect(f.events.find((e) => e.type === "attack")?.date).toBeDefined();
  });

  it("a place after a second mention told as past is that mention's", () => {
    const f = facts(
      "Officials tied the strike to the Velmora attack and to the earlier attack on the Old Mill Shrine in Arvena.",
    );
    const attack = f.events.find((e) => e.type === "attack");
    const place = attack?.place ? f.entities.find((x) => x.id === attack.place)?.name : undefined;
    expect(place).not.toBe("Old Mill Shrine");
    expect(place).not.toBe("Arvena");
  });
});
