import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadGtd } from "../../eval/gtd/index.js";
import { goldOf } from "../../eval/gtd/reader.js";
import { dateMatches, type GtdPrediction, gnameMatches, goldAsPrediction, scoreGtd } from "../../eval/gtd/score.js";
import { SHARED } from "../helpers.js";

const row = {
  eventid: "1",
  summary: "x",
  iyear: "2003",
  imonth: "6",
  iday: "0",
  city: "Haifa",
  attacktype1_txt: "Armed Assault",
  targtype1_txt: "Police",
  weaptype1_txt: "Firearms",
  gname: "Northern Shield Brigades (NSB)",
  nkill: "2",
  nwound: "",
  suicide: "0",
  claimed: "-9",
};

describe("GTD gold and matching", () => {
  it("keeps only coded values", () => {
    const g = goldOf(row);
    expect(g.date).toBe("2003-06");
    expect(g.nkill).toBe(2);
    expect(g.nwound).toBeUndefined();
    expect(g.claimed).toBeUndefined();
    expect(g.suicide).toBe(false);
  });

  it("matches group names on the parts of the GTD name", () => {
    expect(gnameMatches(["NSB"], "Northern Shield Brigades (NSB)")).toBe(true);
    expect(gnameMatches(["northern shield brigades"], "Northern Shield Brigades (NSB)")).toBe(true);
    expect(gnameMatches(["Shield"], "Northern Shield Brigades (NSB)")).toBe(false);
    expect(gnameMatches([], "Unknown")).toBe(true);
  });

  it("compares dates at the gold precision", () => {
    expect(dateMatches("2003-06-14", "2003-06")).toBe(true);
    expect(dateMatches("2003-06", "2003-06-14")).toBe(false);
  });

  it("scores each field where coded and macro-averages", () => {
    const pred: GtdPrediction = {
      date: "2003-06-02",
      city: "haifa",
      attacktype: "Bombing/Explosion",
      targtype: "Police",
      weaptype: "Firearms",
      gnames: [],
      nkill: 2,
      nwound: 5,
      suicide: false,
      claimed: true,
    };
    const t = scoreGtd([{ id: "1", summary: "x", gold: goldOf(row) }], new Map([["1", pred]]));
    const acc = Object.fromEntries(t.rows.map((r) => [r.name, r.acc]));
    expect(acc).toMatchObject({ date: 100, city: 100, attacktype: 0, gname: 0, nkill: 100, suicide: 100 });
    expect(t.rows.find((r) => r.name === "nwound")!.n).toBe(0);
    // coded fields: date city attacktype targtype weaptype gname nkill suicide; wrong: attacktype, gname
    expect(t.rows.at(-1)!.acc).toBeCloseTo((100 * 6) / 8);
    expect(t.rows.at(-2)!.acc).toBeCloseTo((100 * 5) / 7);
  });
});

const GTD = join(SHARED, "research-data/gtd-israel");
if (!existsSync(GTD)) console.warn(`skipping GTD data checks: ${GTD} not found`);

describe.skipIf(!existsSync(GTD))("GTD-Israel data", () => {
  it("reads the summary rows and gold scores 100", () => {
    const { rows } = loadGtd({ data: GTD });
    expect(rows.length).toBeGreaterThan(500);
    const t = scoreGtd(rows, new Map(rows.map((r) => [r.id, goldAsPrediction(r)])));
    expect(t.rows.every((r) => r.acc === 100)).toBe(true);
  });
});
