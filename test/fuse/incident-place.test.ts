// The place an incident is named after when most reports give only the province and one gives the town in it.
// Sentences written for these tests.
import { describe, expect, it } from "vitest";
import { FusionEngine } from "../../src/fuse/index.js";
import type { Geo } from "../../src/model/records.js";
import { DocBuilder } from "./kerman-fixture.js";

const PROVINCE: Geo = { lat: 28.5, lon: 65, country: "PK", admin1: "Norvale", precision: "admin1" };

function report(n: number, place: string, geo: Geo): DocBuilder {
  const b = new DocBuilder(`Report ${n}: a bomb went off in ${place} on 3 May, killing 11.`, `Desk ${n}`, "2030-05-03");
  const where = b.entity("place", place, { geo });
  b.event("bombing", "bomb", {
    date: "2030-05-03",
    place: where,
    counts: [b.count("killed", 11)],
    attributes: { salience: "main" },
  });
  return b;
}

function titleWith(town: string, geo: Geo): string | undefined {
  const engine = new FusionEngine();
  for (const n of [1, 2, 3]) engine.add(report(n, "Norvale", PROVINCE).input());
  engine.add(report(4, town, geo).input());
  const incidents = engine.incidents();
  expect(incidents).toHaveLength(1);
  return incidents[0]?.title;
}

describe("the incident's place", () => {
  it("is the town one report names in the province the others give", () => {
    const geo: Geo = { lat: 27, lon: 64.1, country: "PK", admin1: "Norvale", precision: "city" };
    expect(titleWith("Kestrel", geo)).toContain("in Kestrel");
  });

  it("stays the province when the one report's town lies in another province", () => {
    const geo: Geo = { lat: 27, lon: 64.1, country: "PK", admin1: "Sarnia", precision: "city" };
    expect(titleWith("Kestrel", geo)).toContain("in Norvale");
  });
});
