// The NLP budget: long runs without spaces are cut before wink reads them (wink's abbreviation test is
// quadratic on them), a text over the size limit is refused before any work, and a document over its
// time budget stops with a reason. Offsets into the text stay exact throughout.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/nlp/analyze.js";
import { BudgetExceeded, cutLongRuns, DEFAULT_BUDGET, MAX_TOKEN_CHARS } from "../../src/nlp/budget.js";

describe("NLP budget", () => {
  it("reads a 900 KB single token in seconds, with every token cut exactly from the text", () => {
    const text = `${"q".repeat(900_000)}.`;
    const started = Date.now();
    const a = analyze({ id: "long", text });
    // Before the cut this took hours (100 KB alone took 9.8 s); the bound only proves it no longer stalls.
    expect(Date.now() - started).toBeLessThan(20_000);
    for (const t of a.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    // the pieces tile the run: nothing is lost, nothing overlaps
    expect(a.tokens[0]!.start).toBe(0);
    for (let i = 1; i < a.tokens.length; i++) expect(a.tokens[i]!.start).toBe(a.tokens[i - 1]!.end);
    expect(a.tokens.at(-1)!.end).toBe(text.length);
    expect(Math.max(...a.tokens.map((t) => t.end - t.start))).toBeLessThanOrEqual(MAX_TOKEN_CHARS);
  });

  it("leaves ordinary prose alone and keeps offsets exact around a long run", () => {
    const blob = "Zx9".repeat(80);
    const text = `The convoy left at dawn, officials said.\nA pasted blob ${blob} sat in the middle of the line.`;
    const a = analyze({ id: "mixed", text });
    for (const t of a.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    for (const s of a.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(a.tokens.map((t) => t.text)).toContain("convoy");
    expect(a.tokens.map((t) => t.text)).toContain("middle");
  });

  it("refuses a text over the size limit at once, naming the limit", () => {
    const text = "w".repeat(DEFAULT_BUDGET.maxChars + 1);
    const started = Date.now();
    expect(() => analyze({ id: "huge", text })).toThrow(BudgetExceeded);
    expect(() => analyze({ id: "huge", text })).toThrow(/over the analysis limit of 1\.0 million characters/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("stops a document that runs over its time budget, saying how far it got", () => {
    // many slices of paragraphs, and a clock that moves 10 s every time it is read
    const text = Array.from({ length: 1600 }, (_, i) => `Paragraph ${i} tells of a quiet market day in the town.`).join(
      "\n",
    );
    let t = 0;
    const now = (): number => (t += 10_000);
    const run = () => analyze({ id: "slow", text }, { budget: { maxChars: 1_000_000, maxMs: 15_000 }, now });
    expect(run).toThrow(BudgetExceeded);
    t = 0;
    expect(run).toThrow(/analysis stopped at paragraph \d+ of 1600 after \d+\.\d s, over the limit of 15 s/);
  });

  it("cuts long runs without splitting a surrogate pair", () => {
    const run = "😀".repeat(120); // 240 UTF-16 code units
    const cut = cutLongRuns(`a ${run} b`, 7);
    for (const piece of cut.split(" ")) expect(piece).toBe([...piece].join("")); // no lone surrogates
    expect(cut.replace(/ /g, "")).toBe(`a${run}b`);
    expect(cutLongRuns("short words only", 7)).toBe("short words only");
  });
});
