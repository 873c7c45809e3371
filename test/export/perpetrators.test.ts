import { describe, expect, it } from "vitest";
import { type ExportIndex, perpetrators } from "../../src/export/view.js";
import type { Incident } from "../../src/model/records.js";

const names: Record<string, string> = { is: "Islamic State", isk: "Islamic State Khorasan Province" };
const ix = { entityName: (id: string) => names[id] } as unknown as ExportIndex;

function incident(perps: Incident["perpetrators"]): Incident {
  return {
    id: "i",
    type: "attack",
    title: "t",
    perpetrators: perps,
    attributes: {},
    events: [],
    documents: [],
    explanation: [],
  };
}

describe("perpetrator ranking", () => {
  it("puts a branch before its parent group when both are named on the same basis", () => {
    const ranked = perpetrators(
      ix,
      incident([
        { entity: "is", basis: "claimed", doc: "d1" },
        { entity: "is", basis: "claimed", doc: "d2" },
        { entity: "isk", basis: "claimed", doc: "d3" },
      ]),
    );
    expect(ranked.map((p) => p.name)).toEqual(["Islamic State Khorasan Province", "Islamic State"]);
  });

  it("still ranks a claim above a mere suspicion", () => {
    const ranked = perpetrators(
      ix,
      incident([
        { entity: "is", basis: "claimed", doc: "d1" },
        { entity: "isk", basis: "suspected", doc: "d2" },
      ]),
    );
    expect(ranked[0]!.name).toBe("Islamic State");
  });
});
