import { describe, expect, it } from "vitest";
import { read } from "./helpers.js";

// A qualifier ("au moins", "أكثر من") belongs to the figure: it must not make the toll word before the figure
// look further away than the next figure's toll word after it.
describe("qualified figures between two toll words", () => {
  it("gives the figure to the killed word before its qualifier (French)", () => {
    const r = read("L'explosion a tué au moins 14 personnes et blessé 30 autres à Kaboul.", "fr");
    expect(r.killed).toEqual([14]);
    expect(r.injured).toEqual([30]);
  });

  it("gives the figure to the killed word before its qualifier (Arabic)", () => {
    const r = read("أسفر الهجوم الانتحاري في كابول عن مقتل أكثر من 50 شخصا وإصابة 70 آخرين.", "ar");
    expect(r.killed).toEqual([50]);
    expect(r.injured).toEqual([70]);
  });
});
