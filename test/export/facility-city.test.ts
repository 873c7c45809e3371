// The coded city of an incident at a facility: the city the facility is in, not the facility's own name.
// Places and coordinates are invented for this test.
import { describe, expect, it } from "vitest";
import { codeIncident } from "../../src/export/csv/coding.js";
import type { ExportInput } from "../../src/export/input.js";
import { ExportIndex } from "../../src/export/view.js";
import { makeDocument } from "../../src/model/document.js";
import type { AttributeValue, Entity, Incident } from "../../src/model/records.js";

const doc = makeDocument({
  origin: "w",
  format: "text",
  text: "Gunmen attacked the Old Mill Shrine in Velmora.",
  outlet: "Wire",
});

function entity(id: string, name: string, precision: "city" | "facility", lat: number, lon: number, country = "XA") {
  return {
    id,
    type: precision === "city" ? "place" : "facility",
    name,
    aliases: [name],
    mentions: [],
    geo: { lat, lon, country, precision },
  } as Entity;
}

function cityCoded(place: Entity, others: Entity[], named: string[]) {
  const at = (id: string): AttributeValue => ({ value: id, doc: doc.id });
  const incident: Incident = {
    id: "inc-1",
    type: "attack",
    title: "attack",
    perpetrators: [],
    place: place.id,
    attributes: { place: named.map(at) },
    events: [],
    documents: [doc.id],
    explanation: [],
  };
  const input: ExportInput = {
    sources: [],
    documents: [doc],
    facts: [],
    fusion: { entities: [place, ...others], incidents: [incident], contradictions: [] },
    ach: [],
  };
  return codeIncident(new ExportIndex(input), incident).city;
}

describe("coded city", () => {
  const shrine = entity("e-shrine", "Old Mill Shrine", "facility", 10.0, 20.0);
  const velmora = entity("e-velmora", "Velmora", "city", 10.05, 20.02);
  const capital = entity("e-capital", "Dastan", "city", 14.0, 24.0);
  const abroad = entity("e-abroad", "Port Ilse", "city", 10.02, 20.01, "XB");

  it("codes a facility by the city near it that the reports name", () => {
    expect(cityCoded(shrine, [velmora, capital], ["e-shrine", "e-velmora", "e-capital", "e-capital"])).toBe("Velmora");
  });

  it("never takes a far city or one in another country; keeps the facility's name when no city is named", () => {
    expect(cityCoded(shrine, [capital, abroad], ["e-shrine", "e-capital", "e-abroad"])).toBe("Old Mill Shrine");
  });

  it("codes a city-level place as itself", () => {
    expect(cityCoded(velmora, [capital], ["e-velmora", "e-capital", "e-capital"])).toBe("Velmora");
  });
});
