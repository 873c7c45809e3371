// Pronoun doers resolved across sentences through the nearest phrase that can do an attack. Every sentence was
// written for this test and runs through the full pipeline.
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { makeDocument } from "../../src/model/document.js";

function attackers(text: string): string[] {
  const f = extractFacts(makeDocument({ origin: "test", text, format: "text" }));
  return f.events
    .filter((e) => e.type === "attack")
    .flatMap((e) => e.participants.filter((p) => p.role === "attacker").map((p) => p.antecedent?.text ?? p.text));
}

describe("pronoun doers", () => {
  it("takes the attacker noun of an earlier sentence for 'they'", () => {
    const a = attackers("Heavily armed rebels reached the village before dawn. They burned the school and the clinic.");
    expect(a).toContain("Heavily armed rebels");
    expect(a).not.toContain("They");
    const f = extractFacts(
      makeDocument({
        origin: "test",
        text: "Heavily armed rebels reached the village before dawn. They burned the school and the clinic.",
        format: "text",
      }),
    );
    const they = f.events.flatMap((e) => e.participants).find((p) => p.antecedent);
    // the role is stated at the pronoun: its span stays there
    expect(they?.span?.text).toBe("They");
  });

  it("skips a victim noun and a place between the pronoun and its antecedent", () => {
    const a = attackers(
      "The guerrillas stopped a bus near Santa Ana. The passengers were told to leave. Then they set the bus on fire.",
    );
    expect(a).toContain("The guerrillas");
  });

  it("leaves a pronoun with nothing in reach as written", () => {
    const a = attackers("It rained all week in the valley. On Sunday they attacked the police station.");
    expect(a).toEqual(["they"]);
  });
});
