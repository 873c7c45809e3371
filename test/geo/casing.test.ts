// Place names written in dateline capitals ("BEIRUT, Dec 28 -") must not become the canonical name
// of the place (and of every incident titled by it); the document's spelling is kept otherwise.
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { placeName } from "../../src/resolve/geo/index.js";
import { doc } from "../helpers.js";

describe("place name casing", () => {
  it("takes the gazetteer's casing for a name in capitals, and keeps other spellings", () => {
    expect(placeName("BEIRUT", "Beirut")).toBe("Beirut");
    expect(placeName("AL-HASAKAH", "Al-Hasakah")).toBe("Al-Hasakah");
    expect(placeName("PALMYRA", "Tadmur")).toBe("Palmyra"); // another name: capitalised, not replaced
    expect(placeName("DEIR EZ-ZOR")).toBe("Deir Ez-Zor");
    expect(placeName("Palmyra", "Tadmur")).toBe("Palmyra");
    expect(placeName("UAE")).toBe("UAE"); // short capitals are abbreviations
  });

  it("a dateline in capitals gives the place its ordinary name", () => {
    const d = doc(
      "BEIRUT, Dec 28 (Harbour Wire) - An air strike hit a building in the south of the city on Thursday, officials said.",
      { published: "2023-12-28" },
    );
    const places = extractFacts(d).entities.filter((e) => e.type === "place");
    expect(places.map((p) => p.name)).toContain("Beirut");
    expect(places.map((p) => p.name)).not.toContain("BEIRUT");
  });
});
