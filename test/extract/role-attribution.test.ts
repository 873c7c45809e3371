// Attribution through a role phrase: "X played a (decisive) role", "X had a hand in it" — any short
// modifier between the determiner and the noun, written for this test.
import { describe, expect, it } from "vitest";
import { extractClaims } from "../../src/extract/claims/index.js";
import { extractEvents } from "../../src/extract/events/index.js";
import { contextFor } from "./helpers.js";

function attributions(text: string, tags: Record<string, "state" | "armed_group" | "person">) {
  const ctx = contextFor(text, tags, "2022-05-02");
  return extractClaims(ctx, extractEvents(ctx)).claims.filter((c) => c.kind === "attribution");
}

describe("role-phrase attribution", () => {
  it.each([
    "The minister said Freedonia played a role in the bombing.",
    "The minister said Freedonia played a decisive role in the bombing.",
    "The minister said Freedonia played a very large part in the bombing.",
    "The minister said Freedonia had a hand in the bombing.",
  ])("%s", (text) => {
    const cs = attributions(text, { Freedonia: "state" });
    expect(cs.map((c) => c.target)).toContain("e:freedonia");
  });

  it("needs the role noun within two words of the determiner", () => {
    expect(attributions("The minister said Freedonia played a long and bitter game.", { Freedonia: "state" })).toEqual(
      [],
    );
  });
});
