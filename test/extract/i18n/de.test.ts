import { describe, expect, it } from "vitest";
import { read, spansHold } from "./helpers.js";

describe("German reports", () => {
  const text =
    "Selbstmordanschlag in Kabul: mindestens 9 Tote\nAm 5. Oktober 2023 sprengte sich ein Attentäter vor einer Moschee in die Luft. Dabei wurden mindestens 9 Menschen getötet und 18 verletzt. Die Terrormiliz IS bekannte sich zu dem Anschlag.";

  it("reads compounds, the toll, the date and the claim", () => {
    const r = read(text, "de", "2023-10-06");
    expect(r.main?.subtype).toBe("Bombing/Explosion");
    expect(r.main?.attributes.suicide).toBe(true);
    expect(r.killed).toContain(9);
    expect(r.injured).toEqual([18]);
    expect(r.main?.date?.iso).toBe("2023-10-05");
    expect(r.place).toBe("Kabul");
    expect(r.claimedBy).toEqual(["Islamic State"]);
    expect(spansHold(r, text)).toBe(true);
  });

  it("gives no fact of the English rules", () => {
    const r = read(text, "de", "2023-10-06");
    expect(r.rules.filter((x) => !x.startsWith("i18n"))).toEqual([]);
    expect(r.facts.events.every((e) => e.confidence <= 0.5)).toBe(true);
  });

  it("reads a toll that rose", () => {
    const r = read("Explosion in Bagdad. Die Zahl der Todesopfer stieg am Abend auf 17.", "de", "2021-03-02");
    expect(r.killed).toEqual([17]);
  });
});

describe("German articles and vague amounts", () => {
  it("takes no toll from an indefinite article, and keeps 'Dutzende' as vague", () => {
    const r = read(
      "Anschlag auf einen Markt in Bagdad. Eine Zahl von Toten nannte die Polizei nicht. Dutzende Verletzte wurden in Kliniken gebracht.",
      "de",
    );
    expect(r.killed).toEqual([]);
    expect(r.main?.counts.map((c) => [c.kind, c.qualifier])).toEqual([["injured", "vague"]]);
  });
});

describe("German toll words", () => {
  it("reads 'verstorben' as killed", () => {
    const r = read("Nach der Explosion in Kabul sind mindestens 40 verstorben und 90 verletzt.", "de");
    expect(r.killed).toEqual([40]);
    expect(r.injured).toEqual([90]);
  });
});
