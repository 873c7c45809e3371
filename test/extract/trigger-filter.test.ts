import { describe, expect, it } from "vitest";
import { triggerFeatures } from "../../src/extract/events/trigger-features.js";
import { filterTriggers, strongestTrigger, type TriggerFilterModel } from "../../src/extract/events/trigger-filter.js";
import { findTriggers } from "../../src/extract/events/triggers.js";
import { buildContext } from "../../src/extract/index.js";
import { makeDocument } from "../../src/model/document.js";
import { analyze } from "../../src/nlp/analyze.js";

function sentenceOf(text: string) {
  const doc = makeDocument({ origin: "test", format: "text", text, language: "en" });
  const ctx = buildContext(doc, analyze(doc));
  const s = ctx.sentences[0]!;
  return { ctx, s, matches: findTriggers(s.text, s.start) };
}

// a hand-set model: nouns are doubted, verbs trusted
const nounsDoubted: TriggerFilterModel = { threshold: 0.5, bias: 0, weights: { "pos=NOUN": -3, "pos=VERB": 3 } };

describe("trigger features", () => {
  it("describe the match, its use and its sentence", () => {
    const { ctx, s, matches } = sentenceOf("A roadside bomb exploded near the market, killing three people.");
    const bomb = matches.find((m) => m.text === "bomb")!;
    const f = triggerFeatures(ctx, s, bomb, matches);
    expect(f).toEqual(expect.arrayContaining(["type=attack", "pos=NOUN", "lemma=bomb", "verb-after=explode"]));
    const killing = matches.find((m) => m.text === "killing")!;
    expect(triggerFeatures(ctx, s, killing, matches)).toEqual(expect.arrayContaining(["type=death", "count"]));
  });
});

describe("filterTriggers", () => {
  it("drops a doubted match when another of its type stays, and names the event by the likelier one", () => {
    const { ctx, s, matches } = sentenceOf("A roadside bomb exploded near the market.");
    expect(matches.map((m) => m.text)).toEqual(["bomb", "exploded"]);
    const kept = filterTriggers(ctx, s, matches, nounsDoubted);
    expect(kept.map((m) => m.text)).toEqual(["exploded"]);
    expect(kept[0]!.score).toBeGreaterThan(0.9);
  });

  it("keeps a type whose every match is doubted: a defused bomb still reports an attempted bombing", () => {
    const { ctx, s, matches } = sentenceOf("Police defused a bomb near the school.");
    const kept = filterTriggers(ctx, s, matches, nounsDoubted);
    expect(kept.map((m) => m.text)).toEqual(["bomb"]);
    expect(kept[0]!.score).toBeLessThan(0.5);
  });

  it("leaves the matches as they are without a model", () => {
    const { ctx, s, matches } = sentenceOf("A roadside bomb exploded near the market.");
    expect(filterTriggers(ctx, s, matches, null)).toEqual(matches);
  });

  it("strongestTrigger prefers the score, then the lexicon's confidence", () => {
    const { ctx, s, matches } = sentenceOf("A roadside bomb exploded near the market.");
    const scored = matches.map((m, i) => ({ ...m, score: i === 0 ? 0.9 : 0.4 }));
    expect(strongestTrigger(scored).text).toBe("bomb");
    expect(strongestTrigger(filterTriggers(ctx, s, matches, nounsDoubted)).text).toBe("exploded");
  });
});

describe("the shipped trigger model", () => {
  it("names an explosion by the explosion, not the bomb", () => {
    const { ctx, s, matches } = sentenceOf("A roadside bomb exploded near the market.");
    expect(strongestTrigger(filterTriggers(ctx, s, matches)).text).toBe("exploded");
  });
});
