import { describe, expect, it } from "vitest";
import { extractClaims } from "../../src/extract/claims/index.js";
import type { EntityType } from "../../src/model/records.js";
import { contextFor } from "./helpers.js";

const claimsOf = (text: string, tags: Record<string, EntityType>) => extractClaims(contextFor(text, tags)).claims;

describe("quoted speech", () => {
  it("speaker before the verb, content is the quote without marks", () => {
    const [c] = claimsOf("President Ana Reyes warned that “those responsible will pay dearly” on Sunday.", {
      "Ana Reyes": "person",
    });
    expect(c).toMatchObject({ kind: "speech", speaker: "e:ana-reyes", quoted: true, rule: "claim:quote" });
    expect(c!.content.text).toBe("those responsible will pay dearly");
    expect(c!.cue.text).toBe("warned");
  });

  it("skips possessives and appositions when choosing the speaker", () => {
    const [a] = claimsOf(
      "The Interior Ministry praised Colonel Berg’s team and described the raid as “a clean operation”.",
      {
        "Interior Ministry": "organization",
        Berg: "person",
      },
    );
    expect(a!.speaker).toBe("e:interior-ministry");
    const [b] = claimsOf("Tomas Lind, a Daily Courier columnist, declared “the border is wide open”.", {
      "Tomas Lind": "person",
      "Daily Courier": "organization",
    });
    expect(b!.speaker).toBe("e:tomas-lind");
  });

  it("inverted attribution and pronoun speakers", () => {
    const [c] = claimsOf("“We will rebuild the market,” said Mayor Olu Ade.", { "Olu Ade": "person" });
    expect(c).toMatchObject({ speaker: "e:olu-ade", rule: "claim:quote:inverted" });
    const claims = claimsOf("Karin Holm spoke after the vote. She said “the count was fair”.", {
      "Karin Holm": "person",
    });
    expect(claims.find((x) => x.quoted)?.speaker).toBe("e:karin-holm");
  });

  it("a quote on its own line is a pull quote without a speaker; a quote with no verb is ignored", () => {
    const claims = claimsOf("Intro line.\n“The port is the real prize”\nThe so-called “peace plan” stalled.", {});
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ rule: "claim:pull-quote", quoted: true });
    expect(claims[0]!.speaker).toBeUndefined();
  });
});

describe("indirect speech", () => {
  it("X claimed that …", () => {
    const [c] = claimsOf("The Defence Ministry claimed that its drones hit a depot.", {
      "Defence Ministry": "organization",
    });
    expect(c).toMatchObject({
      kind: "speech",
      speaker: "e:defence-ministry",
      quoted: false,
      rule: "claim:indirect:that",
    });
    expect(c!.content.text).toBe("its drones hit a depot");
  });

  it("according to X", () => {
    const [c] = claimsOf("According to the Red Cross, the clinic was empty.", { "Red Cross": "organization" });
    expect(c).toMatchObject({ speaker: "e:red-cross", rule: "claim:according-to" });
    expect(c!.content.text).toBe("the clinic was empty");
  });

  it("denials", () => {
    const [c] = claimsOf("The militia denied that it shelled the village.", { militia: "armed_group" });
    expect(c).toMatchObject({ kind: "denial", stance: "deny" });
  });
});

describe("responsibility, accusation and attribution", () => {
  it("claims of responsibility name the group", () => {
    const claims = claimsOf("The Black Banner Brigade quickly claimed credit for the ambush.", {
      "Black Banner Brigade": "armed_group",
    });
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({
      kind: "responsibility",
      speaker: "e:black-banner-brigade",
      target: "e:black-banner-brigade",
    });
  });

  it("a person taking credit, or nobody claiming, is not a responsibility claim", () => {
    expect(
      claimsOf("Senator Paul Vance took credit for the new law.", { "Paul Vance": "person" }).filter(
        (c) => c.kind === "responsibility",
      ),
    ).toEqual([]);
    expect(claimsOf("No group has claimed responsibility for the blast.", {})).toEqual([]);
  });

  it("accusations carry the accused as target", () => {
    const [c] = claimsOf("The governor accused Norland of arming the rebels.", { Norland: "state" });
    expect(c).toMatchObject({ kind: "accusation", target: "e:norland" });
  });

  it("attribution inside a quote inherits the quote's speaker", () => {
    const claims = claimsOf("Analyst Mia Roth stated “Vestria financed the operation from abroad”.", {
      "Mia Roth": "person",
      Vestria: "state",
    });
    const attr = claims.find((c) => c.kind === "attribution");
    expect(attr).toMatchObject({ target: "e:vestria", speaker: "e:mia-roth", quoted: true });
  });

  it("attribution nouns with coordinated actors, and doubt", () => {
    const claims = claimsOf("Early rumours of Ostrian and Vandian involvement proved false.", {
      Ostrian: "nationality",
      Vandian: "nationality",
    });
    expect(claims.map((c) => [c.kind, c.target, c.stance])).toEqual([
      ["attribution", "e:vandian", "doubt"],
      ["attribution", "e:ostrian", "doubt"],
    ]);
  });
});

describe("speaker heuristics", () => {
  it("a relative 'which claimed' points back past a passive 'by'", () => {
    const [c] = claimsOf(
      "The report was rejected by the Harbour Council, which claimed that “the figures were invented”.",
      {
        "Harbour Council": "organization",
      },
    );
    expect(c!.speaker).toBe("e:harbour-council");
  });

  it("'as X claimed' is not a preposition", () => {
    const [c] = claimsOf("The deal may hold, as Ruth Ames claimed that “both sides are tired”.", {
      "Ruth Ames": "person",
    });
    expect(c!.speaker).toBe("e:ruth-ames");
  });

  it("final inverted attribution without quotes", () => {
    const [c] = claimsOf("The convoy was hit twice, Colonel Ivo Marsh said.", { "Ivo Marsh": "person" });
    expect(c).toMatchObject({ rule: "claim:indirect:final", speaker: "e:ivo-marsh" });
    expect(c!.content.text).toBe("The convoy was hit twice");
  });
});
