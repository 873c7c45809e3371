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

describe("claimant: the most specific group that claimed", () => {
  it("credits a parent's claim to its branch named as the doer, and keeps the parent as attributed", () => {
    const ranked = perpetrators(
      ix,
      incident([
        { entity: "is", basis: "claimed", doc: "d1" },
        { entity: "isk", basis: "attributed", doc: "d2" },
      ]),
    );
    expect(ranked.map((p) => [p.name, p.bases[0]])).toEqual([
      ["Islamic State Khorasan Province", "claimed"],
      ["Islamic State", "attributed"],
    ]);
  });

  it("puts the branch first and leaves both claims standing when a branch and its parent each claimed in their own name", () => {
    const ranked = perpetrators(
      ix,
      incident([
        { entity: "is", basis: "claimed", doc: "d1" },
        { entity: "is", basis: "claimed", doc: "d2" },
        { entity: "isk", basis: "claimed", doc: "d3" },
      ]),
    );
    expect(ranked.map((p) => [p.name, p.bases[0]])).toEqual([
      ["Islamic State Khorasan Province", "claimed"],
      ["Islamic State", "claimed"],
    ]);
  });

  it("reads a group named as the source of its own attribution as claiming it", () => {
    const ranked = perpetrators(ix, incident([{ entity: "isk", basis: "suspected", doc: "d1", by: "isk" }]));
    expect(ranked[0]!.bases).toEqual(["claimed"]);
  });
});
