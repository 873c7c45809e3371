// Target and weapon descriptions: the thing without its quantity or owner (MUC keeps the number in a slot of its
// own), through the full pipeline. Every sentence was written for this test.
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { makeDocument } from "../../src/model/document.js";

/** role → [text, description] of every participant of the document's attack events. */
function described(text: string): Record<string, [string, string | undefined][]> {
  const out: Record<string, [string, string | undefined][]> = {};
  const f = extractFacts(makeDocument({ origin: "test", text, format: "text" }));
  for (const e of f.events.filter((x) => x.type === "attack"))
    for (const p of e.participants) out[p.role] = [...(out[p.role] ?? []), [p.text, p.description]];
  return out;
}

describe("target and weapon descriptions", () => {
  it("drops the number and the determiner of a target, keeping its span text whole", () => {
    expect(described("Rebels burned nine buses on the highway.").target).toContainEqual(["nine buses", "buses"]);
    expect(described("Rebels bombed several police stations at dawn.").target).toContainEqual([
      "several police stations",
      "police stations",
    ]);
  });

  it("drops the owner of a target before its possessive", () => {
    const r = described("Gunmen set fire to the mayor's car on Sunday.");
    expect(r.target).toContainEqual(["the mayor's car", "car"]);
  });

  it("keeps a measured weapon whole and names a weapon held only in a complement", () => {
    const measured = described("The attackers blew up the bridge with 200 kg of dynamite.");
    expect(measured.weapon?.[0]?.[1]).toBeUndefined();
    expect(measured.weapon?.[0]?.[0]).toContain("200 kg of dynamite");
  });

  it("leaves a bare target without a description", () => {
    const r = described("Guerrillas attacked barracks near the border.");
    for (const [, d] of r.target ?? []) expect(d).toBeUndefined();
  });
});
