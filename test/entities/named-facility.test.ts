// A proper name right before (or ending in) a facility noun names the facility: when that name is also a town
// abroad, in no country the report names, the town is not the place. Sentences written for this test.
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { makeDocument } from "../../src/model/document.js";

function places(text: string): { type: string; name: string; country?: string }[] {
  const doc = makeDocument({ origin: "t", format: "text", text });
  return extractFacts(doc)
    .entities.filter((e) => e.type === "place" || e.type === "facility")
    .map((e) => ({ type: e.type, name: e.name, ...(e.geo?.country ? { country: e.geo.country } : {}) }));
}

describe("named facilities", () => {
  it("a church or mosque named like a foreign town is a facility without that town's coordinates", () => {
    const a = places("Gunmen fired on the Santa Maria church in Izmir, Turkey, on Sunday.");
    expect(a).toContainEqual({ type: "facility", name: "Santa Maria church" });
    expect(a.some((p) => p.country === "BR")).toBe(false);
    const b = places("The bomber struck near Medina Masjid in Quetta, Pakistan.");
    expect(b).toContainEqual({ type: "facility", name: "Medina Masjid" });
    expect(b.some((p) => p.country === "SA")).toBe(false);
  });

  it("a small namesake town is not a facility's town, even in a country the report names", () => {
    const a = places("US officials said a second blast hit near the Barton Hotel, next to the airfield.");
    expect(a).toContainEqual({ type: "facility", name: "Barton Hotel" });
  });

  it("a town of a country the report names keeps its place before a facility noun", () => {
    expect(places("A bomb exploded at Kabul airport in Afghanistan.")).toContainEqual({
      type: "place",
      name: "Kabul",
      country: "AF",
    });
  });
});
