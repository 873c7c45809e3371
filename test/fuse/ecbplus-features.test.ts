// Unit tests of the ECB+ clusterer's generic pieces on made-up data: the suffix stripper, the synonym lexicon,
// the boosted pair model and the grouping of documents into stories. No ECB+ data is needed.
import { describe, expect, it } from "vitest";
import { Boosted } from "../../eval/ecbplus/boost.js";
import { buildContext, clusterDocuments } from "../../eval/ecbplus/cluster.js";
import type { EcbData, EcbDocument } from "../../eval/ecbplus/load.js";
import { synonymous } from "../../eval/ecbplus/synonyms.js";
import { stem } from "../../eval/ecbplus/text.js";

describe("stem", () => {
  it("brings inflected and mis-lemmatised heads together", () => {
    expect(stem("arrested")).toBe(stem("arrest"));
    expect(stem("shooting")).toBe(stem("shoot"));
    expect(stem("driving")).toBe(stem("drive"));
    expect(stem("stopped")).toBe(stem("stop"));
    expect(stem("awards")).toBe(stem("award"));
  });
  it("keeps different words apart", () => {
    expect(stem("kill")).not.toBe(stem("killer"));
    expect(stem("die")).not.toBe(stem("dead"));
  });
});

describe("synonym lexicon", () => {
  it("groups interchangeable event words", () => {
    expect(synonymous("thwart", "foil")).toBe(true);
    expect(synonymous("nab", "arrest")).toBe(true);
    expect(synonymous("quake", "tremor")).toBe(true);
    expect(synonymous("slaying", "murder")).toBe(true);
  });
  it("matches through inflection and lets a word sit in several groups", () => {
    expect(synonymous("arrested", "apprehend")).toBe(true);
    expect(synonymous("fire", "dismiss")).toBe(true);
    expect(synonymous("fire", "blaze")).toBe(true);
  });
  it("does not relate unrelated events", () => {
    expect(synonymous("arrest", "earthquake")).toBe(false);
    expect(synonymous("dismiss", "blaze")).toBe(false);
    expect(synonymous("unknownword", "arrest")).toBe(false);
  });
});

describe("Boosted pair model", () => {
  it("learns an interaction of two cues (a shared lemma counts only when the participants agree)", () => {
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < 400; i++) {
      const a = i % 2;
      const b = Math.floor(i / 2) % 2;
      xs.push([a, b, (i % 7) / 7]);
      ys.push(a && b ? 1 : 0);
    }
    const m = new Boosted({ trees: 40 });
    m.fit(xs, ys);
    expect(m.predict([1, 1, 0.3])).toBeGreaterThan(0.8);
    expect(m.predict([1, 0, 0.3])).toBeLessThan(0.2);
    expect(m.predict([0, 1, 0.3])).toBeLessThan(0.2);
    expect(m.predict([0, 0, 0.3])).toBeLessThan(0.2);
  });
});

describe("document grouping", () => {
  const doc = (id: string, subtopic: string, text: string[]): EcbDocument => ({
    id,
    topic: 1,
    subtopic,
    split: "dev",
    sentences: text.map((s) => s.split(" ")),
  });
  // two stories of one kind (a footballer's drink-driving arrest), told about two different players
  const docs = [
    doc("1_1ecb", "1ecb", [
      "Police in Leeds arrested striker Tom Harley on a drink driving charge on Sunday .",
      "Harley was released on bail .",
    ]),
    doc("1_2ecb", "1ecb", [
      "Leeds striker Harley held over drink driving .",
      "Officers stopped Harley near Leeds on Sunday night .",
    ]),
    doc("1_3ecb", "1ecb", ["Tom Harley of Leeds faces a drink driving charge after a Sunday arrest ."]),
    doc("1_1ecbplus", "1ecbplus", [
      "URL",
      "Goalkeeper Sam Okafor was arrested in Bristol on Friday for drink driving .",
    ]),
    doc("1_2ecbplus", "1ecbplus", ["URL", "Bristol keeper Okafor charged with drink driving after Friday stop ."]),
    doc("1_3ecbplus", "1ecbplus", [
      "URL",
      "Okafor , the Bristol goalkeeper , admits drink driving after Friday arrest .",
    ]),
  ];
  const data: EcbData = {
    documents: new Map(docs.map((d) => [d.id, d])),
    events: [],
    entities: [],
    splits: { train: [], dev: [1], test: [] },
  };
  it("separates two stories of one kind by their names, places and days", () => {
    const ids = docs.map((d) => d.id);
    const ctx = buildContext(data, new Set(ids));
    const groups = clusterDocuments(ids, ctx, 0.15).map((g) => [...g].sort());
    expect(groups).toHaveLength(2);
    for (const g of groups) expect(new Set(g.map((id) => id.replace(/^1_\d/, ""))).size).toBe(1);
  });
});
