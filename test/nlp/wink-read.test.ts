// analyze() reads all paragraphs of a document with one wink call (src/nlp/wink-read.ts) instead
// of one call per paragraph; that is only allowed because the two readings are identical. These
// checks compare them directly: on edge cases written for the test, and on the demo corpus.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { wink } from "../../src/nlp/wink.js";
import { readJoined, readParagraph, readParagraphs } from "../../src/nlp/wink-read.js";

const nlp = wink();

/** Paragraph texts as analyze() cuts them: non-blank lines, trimmed. */
function paragraphsOf(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

const EDGE_CASES: string[][] = [
  ["The blast happened on 3 January", "2024 was a hard year for the city."],
  ["He said twelve", "hundred people fled."],
  ["Officials from the U.S.", "A statement followed."],
  ['"We will return', 'soon," the group said.'],
  ["The well-", "known commander was killed."],
  ["Kerman", "Iran", "Sistan and Baluchestan"],
  ["The death toll rose to 84", "people, officials said."],
  ["THE ISLAMIC STATE", "CLAIMED IT ON WEDNESDAY"],
  ["...", "and then nothing."],
  ["Sources: Reuters, AP", "Photo: AFP"],
];

describe("readParagraphs", () => {
  it("reads edge-case paragraph pairs exactly as separate documents", () => {
    for (const parts of EDGE_CASES) {
      const joined = readJoined(nlp, parts);
      expect(joined, parts.join(" | ")).toBeDefined();
      expect(joined).toEqual(parts.map((p) => readParagraph(nlp, p)));
    }
  });

  it("reads every demo document exactly as paragraph by paragraph", () => {
    const dir = join(import.meta.dirname, "../../data/demo");
    let checked = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".txt"))) {
      const parts = paragraphsOf(readFileSync(join(dir, f), "utf8"));
      const joined = readJoined(nlp, parts);
      expect(joined, f).toBeDefined();
      expect(joined).toEqual(parts.map((p) => readParagraph(nlp, p)));
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });

  it("keeps each paragraph's own words when a zero-width character sits at an edge", () => {
    const parts = ["Gunmen attacked the post\u200b", "Two guards were hurt."];
    const read = readParagraphs(nlp, parts);
    expect(read).toHaveLength(2);
    // no word of the second paragraph leaks into the first, and each paragraph is one sentence
    expect(read[0]!.surf.filter((w) => /\w/.test(w))).toEqual(["Gunmen", "attacked", "the", "post"]);
    expect(read[1]!.surf).toEqual(["Two", "guards", "were", "hurt", "."]);
    expect(read.map((r) => r.sentences.length)).toEqual([1, 1]);
  });

  it("reads a single paragraph with its words, tags and one sentence", () => {
    const [one] = readParagraphs(nlp, ["One line only."]);
    expect(one!.surf).toEqual(["One", "line", "only", "."]);
    expect(one!.pos).toHaveLength(4);
    expect(one!.pos[3]).toBe("PUNCT");
    expect(one!.sentences).toEqual([[0, 3]]);
  });
});
