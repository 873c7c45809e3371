// Checks the NLP layer on sentences written for these tests: offsets must round-trip into the
// document text exactly, group acronyms must survive as proper nouns, and spans must be typed.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/nlp/analyze.js";
import { findQuotes } from "../../src/nlp/quotes.js";

const TEXT = [
  "Heading\u00a0With NBSP",
  "",
  "  On 5 March 2023 the spokesman told reporters — at 4 p.m. — that “nobody was hurt”.\u00a0A second blast followed.",
  "IS claimed the raid, and IS-KP’s media arm said 12 fighters were involved; the claim is doubtful.",
  "He wasn't sure: \"we can't confirm it\", said Dr. Karim al-Mansouri of the Ministry of Interior.",
  "Analysts call it the ‘Khorasan’ problem, though the group’s rivals disagree.",
].join("\n");

describe("analyze", () => {
  const a = analyze({ id: "doc1", text: TEXT });

  it("round-trips every token, sentence and span offset", () => {
    for (const t of a.tokens) expect(TEXT.slice(t.start, t.end)).toBe(t.text);
    for (const s of a.sentences) expect(TEXT.slice(s.start, s.end)).toBe(s.text);
    for (const s of a.spans) expect(TEXT.slice(s.start, s.end)).toBe(s.text);
    for (let i = 1; i < a.tokens.length; i++) expect(a.tokens[i]!.start).toBeGreaterThanOrEqual(a.tokens[i - 1]!.end);
  });

  it("splits paragraphs on newlines and keeps headings apart", () => {
    expect(a.paragraphs.length).toBe(5);
    expect(a.sentences[0]!.text).toBe("Heading\u00a0With NBSP");
    expect(a.sentences.every((s) => s.tokenEnd > s.tokenStart)).toBe(true);
  });

  it("forces group acronyms to PROPN, case-sensitively", () => {
    const isTok = a.tokens.find((t) => t.text === "IS");
    expect(isTok?.pos).toBe("PROPN");
    const verb = a.tokens.find((t) => t.text === "is");
    expect(verb?.pos).not.toBe("PROPN");
    const merged = a.tokens.find((t) => t.text === "IS-KP");
    expect(merged?.pos).toBe("PROPN");
    const chunks = a.spans.filter((s) => s.type === "PROPN_CHUNK").map((s) => s.text);
    expect(chunks).toContain("IS-KP");
    expect(chunks).toContain("Ministry of Interior");
    expect(chunks).not.toContain("IS-KP’s");
  });

  it("types wink date and number spans", () => {
    const types = a.spans.map((s) => `${s.type}:${s.text}`);
    expect(types).toContain("DATE:5 March 2023");
    expect(types).toContain("TIME:4 p.m.");
    expect(types).toContain("CARDINAL:12");
  });

  it("finds quotes, curly and straight, and scare quotes only when clear", () => {
    const quotes = a.spans.filter((s) => s.type === "QUOTE").map((s) => s.text);
    expect(quotes).toEqual(["“nobody was hurt”", '"we can\'t confirm it"', "‘Khorasan’"]);
    expect(findQuotes("Iran’s view and IS’ version differ.")).toEqual([]);
  });

  it("gives each span the sentence it lies in", () => {
    for (const s of a.spans) {
      const sent = a.sentences[s.sentence]!;
      expect(s.start).toBeGreaterThanOrEqual(sent.start);
    }
  });

  it("keeps hyphenated Arabic-style names in one chunk but stops at possessives", () => {
    const b = analyze({
      id: "n",
      text: "Fighters loyal to Jaish al-Adl and Lashkar-e-Taiba met Omar bin Khalid near Syria's border.",
    });
    const chunks = b.spans.filter((s) => s.type === "PROPN_CHUNK").map((s) => s.text);
    expect(chunks).toEqual(expect.arrayContaining(["Jaish al-Adl", "Lashkar-e-Taiba", "Omar bin Khalid", "Syria"]));
  });

  it("drops layout tokens (tabs, zero-width spaces) and survives odd input", () => {
    const text = "Line one.\r\nLine two\twith\u200bzero width, IS-K’s claim.\n\u200b\n“Unclosed quote";
    const b = analyze({ id: "z", text });
    expect(b.tokens.some((t) => /^\s*$|\u200b/u.test(t.text))).toBe(false);
    for (const t of b.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    for (const s of b.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(b.tokens.find((t) => t.text === "IS-K")?.pos).toBe("PROPN");
  });

  it("handles empty text", () => {
    const e = analyze({ id: "e", text: "" });
    expect(e.tokens).toEqual([]);
    expect(e.sentences).toEqual([]);
  });
});

describe("analyze speed", () => {
  it("processes a generated text and reports throughput", () => {
    const names = ["Farid Azimi", "the Interior Ministry", "IS-K", "the Taliban", "Kerman", "Herat"];
    const parts: string[] = [];
    for (let i = 0; i < 400; i++) {
      const n = names[i % names.length];
      parts.push(
        `On ${1 + (i % 28)} May 2022, ${n} said that ${i % 50} people were hurt near the market. ` +
          `Officials quoted by local media called it “a cowardly act” and promised an inquiry within ${1 + (i % 9)} days.`,
      );
    }
    const text = parts.join("\n");
    const t0 = performance.now();
    const r = analyze({ id: "bench", text });
    const ms = performance.now() - t0;
    const mbps = text.length / 1e6 / (ms / 1000);
    console.log(`analyze: ${(text.length / 1e3).toFixed(0)} kB in ${ms.toFixed(0)} ms = ${mbps.toFixed(2)} MB/s`);
    expect(r.sentences.length).toBe(800);
  });
});
