import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { headIndex } from "../../eval/wikievents/heads.js";
import { loadWikiEvents, scoreWikiEvents } from "../../eval/wikievents/index.js";
import { kairosRole, kairosType } from "../../eval/wikievents/map.js";
import { predictEvents } from "../../eval/wikievents/predict.js";
import { parseWeDoc } from "../../eval/wikievents/reader.js";
import { goldAsPrediction, scoreDoc } from "../../eval/wikievents/score.js";
import type { DocFacts, Event } from "../../src/model/records.js";
import { SHARED } from "../helpers.js";

// A two-sentence document in the WikiEvents layout, written for this test.
const tok = (words: string[], from: number) => {
  let at = from;
  return words.map((w) => {
    const t: [string, number, number] = [w, at, at + w.length];
    at += w.length + 1;
    return t;
  });
};
const s1 = ["A", "bomb", "exploded", "in", "Kabul", "."];
const s2 = ["Two", "officers", "of", "the", "police", "died", "."];
const RAW = {
  doc_id: "test_doc_1",
  tokens: [...s1, ...s2],
  sentences: [
    [tok(s1, 0), "A bomb exploded in Kabul ."],
    [tok(s2, 100), "Two officers of the police died ."],
  ] as [[string, number, number][], string][],
  entity_mentions: [
    { id: "m1", start: 1, end: 2, entity_type: "WEA" },
    { id: "m2", start: 4, end: 5, entity_type: "GPE" },
    { id: "m3", start: 6, end: 11, entity_type: "PER" },
  ],
  event_mentions: [
    {
      id: "e1",
      event_type: "Conflict.Attack.DetonateExplode",
      trigger: { start: 2, end: 3 },
      arguments: [
        { entity_id: "m1", role: "ExplosiveDevice" },
        { entity_id: "m2", role: "Place" },
      ],
    },
    {
      id: "e2",
      event_type: "Life.Die.Unspecified",
      trigger: { start: 11, end: 12 },
      arguments: [{ entity_id: "m3", role: "Victim" }],
    },
  ],
};

describe("WikiEvents reader", () => {
  const doc = parseWeDoc(RAW);
  it("rebuilds the text and token spans that index it", () => {
    expect(doc.text).toBe("A bomb exploded in Kabul . Two officers of the police died .");
    for (const t of doc.tokens) expect(doc.text.slice(t.start, t.end)).toBe(t.text);
  });
  it("picks argument heads before post-modifiers", () => {
    expect(doc.mentions.get("m3")!.head).toBe(7); // "officers"
    expect(headIndex(["the", "car", "bomb", "'s"])).toBe(2);
  });
});

describe("WikiEvents scoring", () => {
  const doc = parseWeDoc(RAW);
  it("gold as prediction is perfect", () => {
    const c = scoreDoc(doc, goldAsPrediction(doc), () => true);
    expect(c.trigC).toEqual({ credit: 2, predicted: 2, gold: 2 });
    expect(c.argCHead).toEqual({ credit: 3, predicted: 3, gold: 3 });
  });
  it("counts identification and classification separately", () => {
    const pred = [
      {
        type: "Conflict.Attack.Unspecified",
        start: 2,
        end: 3,
        args: [
          { role: "Place", head: 4 },
          { role: "Target", head: 1 },
        ],
      },
      { type: "Life.Die.Unspecified", start: 9, end: 10, args: [] },
    ];
    const c = scoreDoc(doc, pred, () => true);
    expect(c.trigI).toEqual({ credit: 1, predicted: 2, gold: 2 });
    expect(c.trigC.credit).toBe(0);
    expect(c.argIHead).toEqual({ credit: 2, predicted: 2, gold: 3 });
    expect(c.argCHead.credit).toBe(0); // right heads, wrong event type
  });
  it("maps our events to KAIROS types and roles", () => {
    expect(kairosType({ type: "attack", subtype: "Bombing/Explosion", attributes: {} })).toBe(
      "Conflict.Attack.DetonateExplode",
    );
    expect(kairosType({ type: "military_exercise", attributes: {} })).toBeUndefined();
    expect(kairosRole("Life.Die.Unspecified", "victim")).toBe("Victim");
    expect(kairosRole("Conflict.Attack.DetonateExplode", "weapon")).toBe("ExplosiveDevice");
  });
  it("turns DocFacts events into token-level predictions", () => {
    const span = (text: string) => {
      const start = doc.text.indexOf(text);
      return { doc: "d", start, end: start + text.length, text };
    };
    const ev: Event = {
      id: "d:ev1",
      doc: "d",
      type: "death",
      trigger: span("died"),
      participants: [{ role: "victim", text: "Two officers of the police", span: span("Two officers of the police") }],
      counts: [],
      modality: "asserted",
      attributes: {},
      rule: "test",
      confidence: 1,
    };
    const facts: DocFacts = { doc: "d", mentions: [], entities: [], events: [ev], claims: [], judgments: [] };
    const pred = predictEvents(doc, facts);
    expect(pred).toEqual([{ type: "Life.Die.Unspecified", start: 11, end: 12, args: [{ role: "Victim", head: 7 }] }]);
    expect(scoreDoc(doc, pred, () => true).argCHead.credit).toBe(1);
  });
});

const WE = join(SHARED, "research-data/wikievents");
if (!existsSync(WE)) console.warn(`skipping WikiEvents data checks: ${WE} not found`);

describe.skipIf(!existsSync(WE))("WikiEvents dev data", () => {
  it("token spans index the rebuilt texts and gold scores 100", () => {
    const { docs } = loadWikiEvents({ data: WE, limit: 5 });
    expect(docs).toHaveLength(5);
    let bad = 0;
    for (const d of docs) for (const t of d.tokens) if (d.text.slice(t.start, t.end) !== t.text) bad++;
    expect(bad).toBe(0);
    const tables = scoreWikiEvents(docs, new Map(docs.map((d) => [d.id, goldAsPrediction(d)])));
    for (const t of tables) for (const r of t.rows) expect(r.f1).toBe(100);
  });
});
