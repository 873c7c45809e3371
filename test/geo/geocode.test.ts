// Offline geocoder on names chosen for the traps it must avoid: countries vs towns, acronyms vs
// towns, admin words, aliases the city data lacks, and document context.
import { describe, expect, it } from "vitest";
import { demonym, geocode } from "../../src/resolve/geo/index.js";

describe("geocode", () => {
  it("resolves countries, including short forms, before towns", () => {
    expect(geocode("Turkey")?.geo.country).toBe("TR");
    expect(geocode("Syria")?.geo.country).toBe("SY");
    expect(geocode("Lebanon")?.kind).toBe("country");
    const us = geocode("US");
    expect(us?.kind).toBe("country");
    expect(us?.geo.country).toBe("US");
    expect(geocode("U.S.")?.geo.country).toBe("US");
    expect(geocode("UK")?.geo.country).toBe("GB");
  });

  it("never turns lower-case words or unknown acronyms into towns", () => {
    expect(geocode("us")).toBeUndefined();
    expect(geocode("XQZ")).toBeUndefined();
    expect(geocode("hall")).toBeUndefined();
  });

  it("finds cities with GeoNames ids and their province", () => {
    const k = geocode("Kerman");
    expect(k?.kind).toBe("city");
    expect(k?.geo.country).toBe("IR");
    expect(k?.geo.geonamesId).toBeGreaterThan(0);
    expect(k?.geo.admin1).toBe("Kerman");
    expect(k?.geo.lat).toBeCloseTo(30.28, 1);
  });

  it("normalises admin words: Province, Governorate, Oblast", () => {
    const idlib = geocode("Idlib Governorate");
    expect(idlib?.kind).toBe("admin1");
    expect(idlib?.geo.country).toBe("SY");
    expect(geocode("Kerman province")?.kind).toBe("admin1");
    expect(geocode("Moscow Oblast")?.name).toBe("Moscow Oblast");
    const alborz = geocode("Alborz", { countries: ["IR"] });
    expect(alborz?.kind).toBe("admin1");
    expect(alborz?.geo.country).toBe("IR");
  });

  it("uses the alias table and document countries: Palmyra is in Syria", () => {
    const p = geocode("Palmyra", { countries: ["SY", "IR"] });
    expect(p?.geo.country).toBe("SY");
    // With only US context and no Syria, the US town is the better reading.
    expect(geocode("Palmyra", { countries: ["US"] })?.geo.country).toBe("US");
  });

  it("folds diacritics and spelling variants", () => {
    expect(geocode("Qasr e-Shirin", { countries: ["IR"] })?.geo.country).toBe("IR");
    expect(geocode("Kandahar")?.geo.country).toBe("AF");
    expect(geocode("Raqqa")?.geo.country).toBe("SY");
  });

  it("knows regions and a few hand-placed facilities", () => {
    expect(geocode("Middle East")?.kind).toBe("region");
    expect(geocode("Iraqi Kurdistan")?.geo.country).toBe("IQ");
    expect(geocode("the Sahel")?.kind).toBe("region");
    expect(geocode("Crocus City Hall")?.kind).toBe("facility");
  });
});

describe("demonym", () => {
  it("maps nationality words the country data lacks", () => {
    expect(demonym("Tajik")?.country).toBe("TJ");
    expect(demonym("Uzbek")?.country).toBe("UZ");
    expect(demonym("American")?.country).toBe("US");
    expect(demonym("Iranian")?.country).toBe("IR");
  });

  it("treats Kurdish as an ethnicity, not a country", () => {
    const k = demonym("Kurdish");
    expect(k?.country).toBeUndefined();
    expect(k?.ethnicity).toBe("Kurds");
  });
});
