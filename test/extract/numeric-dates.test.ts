// Numeric dates read day- or month-first per document, and street addresses that look like years.
import { describe, expect, it } from "vitest";
import { findDateSpans } from "../../src/extract/dates/find.js";
import { normaliseDate } from "../../src/extract/dates/normalise.js";
import { parseSlashed, slashOrder } from "../../src/extract/dates/slashed.js";

describe("slashOrder", () => {
  it("a part above 12 settles the order for the whole document", () => {
    expect(slashOrder("Filed 25/03/2019; amended 04/05/2019.", "en-US")).toBe("dmy");
    expect(slashOrder("Filed 03/25/2019; amended 04/05/2019.", "en-GB")).toBe("mdy");
  });

  it("otherwise the language tag's region decides: US month-first, other English day-first", () => {
    expect(slashOrder("Filed 04/05/2019.", "en-US")).toBe("mdy");
    expect(slashOrder("Filed 04/05/2019.", "en")).toBe("dmy");
    expect(slashOrder("Filed 04/05/2019.", "en-GB")).toBe("dmy");
    expect(slashOrder("Filed 04/05/2019.", undefined)).toBe("dmy");
  });
});

describe("parseSlashed / normaliseDate with an order", () => {
  it("reads the same digits both ways", () => {
    expect(parseSlashed("04/05/2019", "mdy")?.iso).toBe("2019-04-05");
    expect(parseSlashed("04/05/2019", "dmy")?.iso).toBe("2019-05-04");
    expect(normaliseDate("11/07/1999", undefined, "mdy").value?.iso).toBe("1999-11-07");
    expect(normaliseDate("11/07/1999", undefined, "mdy").rule).toBe("date:numeric-mdy");
    expect(normaliseDate("11/07/1999").value?.iso).toBe("1999-07-11");
  });

  it("an impossible reading falls back to the only possible one; two-digit years pivot at 50", () => {
    expect(parseSlashed("25/12/2020", "mdy")?.iso).toBe("2020-12-25");
    expect(parseSlashed("3.4.98", "dmy")?.iso).toBe("1998-04-03");
    expect(parseSlashed("3/4/07", "mdy")?.iso).toBe("2007-03-04");
    expect(parseSlashed("31/31/2020", "dmy")).toBeUndefined();
  });
});

describe("addresses are not years", () => {
  it("'the 1000 block of' is a street address", () => {
    expect(findDateSpans("He was found in the 1000 block of Elm Avenue.").map((d) => d.text)).toEqual([]);
    expect(findDateSpans("The house was built in the 1900s and sold in 2004.").map((d) => d.text)).toEqual([
      "the 1900s",
      "2004",
    ]);
  });
});
