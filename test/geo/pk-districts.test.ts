// Districts of Pakistan the city data lacks resolve to their headquarters town, in Pakistan; a namesake abroad
// ("Hangu" in China) does not win.
import { describe, expect, it } from "vitest";
import { geocode } from "../../src/resolve/geo/index.js";

describe("Pakistani districts", () => {
  it.each(["Bajaur", "Bajur", "Khar", "Mohmand", "North Waziristan", "Hangu", "Lower Dir", "Kech"])("%s", (name) => {
    expect(geocode(name)?.geo.country).toBe("PK");
  });
});
