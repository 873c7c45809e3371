import { describe, expect, it } from "vitest";
import { extractEvents } from "../../src/extract/events/index.js";
import { triggerFeatures } from "../../src/extract/events/trigger-features.js";
import {
  lexiconStrongest,
  likeliestTrigger,
  scoreTriggers,
  type TriggerFilterModel,
} from "../../src/extract/events/trigger-filter.js";
import { findTriggers } from "../../src/extract/events/triggers.js";
import { buildContext } from "../../src/extract/index.js";
import { makeDocument } from "../../src/model/document.js";
import { analyze } from "../../src/nlp/analyze.js";

function contextOf(text: string) {
  const doc = makeDocument({ origin: "test", format: "text", text, language: "en" });
  return buildContext(doc, analyze(doc));
}

function sentenceOf(text: string) {
  const ctx = contextOf(text);
  const s = ctx.sentences[0]!;
  return { ctx, s, matches: findTriggers(s.text, s.start) };
}

// a hand-set model: nouns are doubted, verbs trusted
const nounsDoubted: TriggerFilterModel = { threshold: 0.5, bias: 0, weights: { "pos=NOUN": -3, "pos=VERB": 3 } };

describe("trigger features", () => {
  it("describe the match, its use and its sentence", () => {
    const { ctx, s, matches } = sentenceOf("A roadside bomb exploded near the market, killing three people.");
    const bomb = matches.find((m) => m.text === "bomb")!;
    expect(triggerFeatures(ctx, s, bomb, matches)).toEqual(
      expect.arrayContaining(["type=attack", "pos=NOUN", "lemma=bomb", "verb-after=explode"]),
    );
    const killing = matches.find((m) => m.text === "killing")!;
    expect(triggerFeatures(ctx, s, killing, matches)).toEqual(expect.arrayContaining(["type=death", "count"]));
  });
});

describe("scoreTriggers", () => {
  it("scores every match by the model and drops none", () => {
    const { ctx, s, matches } = sentenceOf("A roadside bomb exploded near the market.");
    expect(matches.map((m) => m.text)).toEqual(["bomb", "exploded"]);
    const scored = scoreTriggers(ctx, s, matches, nounsDoubted);
    expect(scored.map((m) => m.text)).toEqual(["bomb", "exploded"]);
    expect(scored[0]!.score).toBeLessThan(0.1);
    expect(scored[0]!.doubted).toBe(true);
    expect(scored[1]!.score).toBeGreaterThan(0.9);
    expect(scored[1]!.doubted).toBe(false);
  });

  it("leaves the matches as they are without a model", () => {
    const { ctx, s, matches } = sentenceOf("A roadside bomb exploded near the market.");
    expect(scoreTriggers(ctx, s, matches, null)).toEqual(matches);
  });

  it("likeliestTrigger keeps the lexicon's strongest match unless the model doubts it", () => {
    const { ctx, s, matches } = sentenceOf("A roadside bomb exploded near the market.");
    // one lexicon entry holds both words: on the tie the first in the text is the lexicon's strongest
    expect(lexiconStrongest(matches).text).toBe("bomb");
    expect(likeliestTrigger(matches).text).toBe("bomb");
    expect(likeliestTrigger(scoreTriggers(ctx, s, matches, nounsDoubted)).text).toBe("exploded");
    const verbsDoubted: TriggerFilterModel = { ...nounsDoubted, weights: { "pos=NOUN": 3, "pos=VERB": -3 } };
    expect(likeliestTrigger(scoreTriggers(ctx, s, matches, verbsDoubted)).text).toBe("bomb");
  });
});

describe("the shipped trigger model", () => {
  it("names an explosion by the explosion, not by the bomb", () => {
    const { ctx, s, matches } = sentenceOf("A roadside bomb exploded near the market.");
    expect(likeliestTrigger(scoreTriggers(ctx, s, matches)).text).toBe("exploded");
    const [ev] = extractEvents(contextOf("A roadside bomb exploded near the market."));
    expect(ev?.type).toBe("attack");
    expect(ev?.trigger.text).toBe("exploded");
  });

  it("keeps the event of a sentence whose only match is a weapon", () => {
    const evs = extractEvents(contextOf("Police defused a bomb near the school."));
    expect(evs.map((e) => `${e.type}:${e.trigger.text}`)).toEqual(["attack:bomb"]);
  });
});
