// Toll phrasing and count classes, on sentences written for this test: a toll noun and its verb of
// change however far apart, earlier and current figures, and counts that are parts or other groups.
import { describe, expect, it } from "vitest";
import { countsInSentences } from "../../src/extract/counts/index.js";
import { extractCounts } from "../../src/extract/counts/link.js";
import { tollBefore } from "../../src/extract/counts/toll.js";
import { extractFacts } from "../../src/extract/index.js";
import { dateValue } from "../../src/model/dates.js";
import { makeDocument } from "../../src/model/document.js";
import { splitSentences } from "./helpers.js";

const linked = (s: string) =>
  extractCounts(s, 0, "d").map((h) => [h.count.kind, h.count.value, ...(h.count.earlier ? ["earlier"] : [])]);
const classed = (text: string) =>
  countsInSentences("d", splitSentences(text), [], text).map((c) => [
    c.count.kind,
    c.count.value,
    c.count.subset ?? (c.count.individual ? "individual" : "total"),
  ]);

describe("toll nouns and verbs of change", () => {
  it.each([
    ["The death toll from Friday's ambush on the convoy near the pass rose to 31.", 31],
    ["The toll has climbed to 27, hospital officials said.", 27],
    ["The number of people killed in the fire now stands at 18.", 18],
    ["The toll reached 52 by nightfall.", 52],
    ["Three more victims died overnight, taking the death toll to 22.", 22],
    ["A leaked report put the toll at 140.", 140],
    ["The death toll is now 9.", 9],
    ["The toll surged on Tuesday to 64.", 64],
  ])("%s", (sentence, n) => {
    expect(linked(sentence)).toContainEqual(["killed", n]);
  });

  it("gives the kind of the nearest toll noun", () => {
    expect(linked("The number of wounded in the stampede has risen to 300.")).toEqual([["injured", 300]]);
    expect(linked("The number of people detained after the riot climbed to 75.")).toEqual([["arrested", 75]]);
  });

  it("tells the earlier figure from the current one", () => {
    expect(linked("The toll rose from 12 to 19 after two hospitals reported.")).toEqual([
      ["killed", 12, "earlier"],
      ["killed", 19],
    ]);
    expect(linked("Officials revised the toll down to 30 from 34.")).toEqual([
      ["killed", 30],
      ["killed", 34, "earlier"],
    ]);
  });

  it("'up to' after a verb of change is the figure itself", () => {
    const [hit] = extractCounts("The toll rose up to 46 by the evening.", 0, "d");
    expect(hit?.count).toMatchObject({ value: 46, min: 46, max: 46, qualifier: "exact" });
  });

  it("needs a toll noun and a verb: other numbers are not read as tolls", () => {
    expect(tollBefore("The toll road was closed for 3", 29)).toBeUndefined();
    expect(linked("Prices rose to 40 dollars.")).toEqual([]);
  });
});

describe("counts that are not the total", () => {
  it("attackers killed are their own class", () => {
    expect(classed("The raid left 14 people dead; three gunmen were also killed.")).toEqual([
      ["killed", 14, "total"],
      ["killed", 3, "attackers"],
    ]);
  });

  it("parts told with 'including' or 'of them', and severity beside a total", () => {
    expect(classed("The blast killed 40 people, including 11 children.")).toEqual([
      ["killed", 40, "total"],
      ["killed", 11, "children"],
    ]);
    expect(classed("Some 90 people were wounded, 12 critically injured.")).toContainEqual([
      "injured",
      12,
      "critically injured",
    ]);
  });

  it("increments and the executed are no tolls", () => {
    expect(classed("Two more people died in hospital.")).toEqual([["killed", 2, "additional"]]);
    expect(classed("The state executed three men over the bombing.")).toEqual([["killed", 3, "executed"]]);
  });

  it("named groups side by side are parts; alone a named group is the toll", () => {
    expect(classed("The attack killed 9 Italian tourists and 4 Kenyan guides.").map((c) => c[2])).toEqual([
      "Italian tourists",
      "Kenyan guides",
    ]);
    expect(classed("The attack killed 9 Italian tourists.")).toEqual([["killed", 9, "total"]]);
  });

  it("a one-person phrase is a count about one person", () => {
    expect(classed("The death of a young teacher in the crossfire angered the town.")).toEqual([
      ["killed", 1, "individual"],
    ]);
  });
});

describe("events keep only tolls", () => {
  it("moves parts, other groups and one-person counts beside a toll to otherCounts", () => {
    const text = [
      "Gunmen stormed a hotel on Monday, killing 21 guests, including 6 foreigners.",
      "Four attackers were killed by troops.",
      "Her husband, who was killed in the siege, was a waiter.",
    ].join("\n");
    const doc = makeDocument({ origin: "t", text, format: "text", publishedAt: dateValue(2021, 3, 2) });
    const events = extractFacts(doc).events;
    const tolls = events.flatMap((e) => e.counts).filter((c) => c.kind === "killed");
    expect([...new Set(tolls.map((c) => c.value))]).toEqual([21]);
    const others = events.flatMap((e) => (e.attributes.otherCounts as { value: number }[] | undefined) ?? []);
    expect(others.map((c) => c.value)).toEqual(expect.arrayContaining([6, 1]));
  });

  it("keeps a one-person count when it is the only toll of the report", () => {
    const doc = makeDocument({
      origin: "t",
      text: "A shopkeeper was shot dead in the market on Sunday.",
      format: "text",
      publishedAt: dateValue(2021, 3, 2),
    });
    const tolls = extractFacts(doc)
      .events.flatMap((e) => e.counts)
      .filter((c) => c.kind === "killed");
    expect(tolls.map((c) => c.value)).toContain(1);
  });
});

describe("toll of one group, bounds and one hospital's count", () => {
  it("reads 'the number of <group> killed' as that group's toll, and of everyone as the toll", () => {
    expect(classed("The number of French tourists killed remained at 6.")).toEqual([["killed", 6, "French tourists"]]);
    expect(classed("The number of people killed remained at 31.")).toEqual([["killed", 31, "total"]]);
    expect(classed("The number of those wounded stood at 44.")).toEqual([["injured", 44, "total"]]);
  });

  it("marks one hospital's count beside the total as a part, and leaves a lone hospital figure whole", () => {
    expect(
      classed("A surgeon said 17 bodies were brought to the city hospital, and in all 29 people died in the blast."),
    ).toEqual([
      ["killed", 17, "one hospital"],
      ["killed", 29, "total"],
    ]);
    expect(classed("Some 35 wounded were taken to the provincial hospital.")).toEqual([["injured", 35, "total"]]);
    expect(classed("Eight people died and 35 wounded were taken to hospitals across the city.")).toEqual([
      ["killed", 8, "total"],
      ["injured", 35, "total"],
    ]);
  });

  it("reads 'above N' as more than N", () => {
    const [hit] = extractCounts("The toll from the market blast climbed to above 30.", 0, "d");
    expect([hit?.count.kind, hit?.count.qualifier, hit?.count.min]).toEqual(["killed", "more_than", 31]);
  });
});
