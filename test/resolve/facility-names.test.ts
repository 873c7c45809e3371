// Facilities are named in many Latin spellings and with loanword heads ("masjid" / "mosque"): one building, one
// entity; different names stay apart. Names invented for this test.
import { describe, expect, it } from "vitest";
import type { Entity } from "../../src/model/records.js";
import { sameEntity } from "../../src/resolve/entities/index.js";

let n = 0;
const facility = (name: string): Entity => ({ id: `f${++n}`, type: "facility", name, aliases: [name], mentions: [] });

describe("facility names", () => {
  it.each([
    ["Rahima Masjid", "Raheema Mosque"],
    ["Qasimiya Mosque", "Kasimiya Masjid"],
  ])("%s ~ %s", (a, b) => {
    expect(sameEntity(facility(a), facility(b)).match).toBe(true);
  });

  it("different names or a different kind of building do not merge", () => {
    expect(sameEntity(facility("Rahima Mosque"), facility("Karima Mosque")).match).toBe(false);
    expect(sameEntity(facility("Rahima Mosque"), facility("Rahima Hospital")).match).toBe(false);
  });
});
