// Case restoration for caseless documents: only letter case changes (offsets stay valid), and only documents
// without usable case are touched.
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { makeDocument } from "../../src/model/document.js";
import { isCaseless, restoreCase, truecase } from "../../src/nlp/truecase.js";

const LOWER =
  "rebels attacked a bank in colombia on 3 march. later, colonel pedro ruiz said the national liberation army (eln) did it. ";

describe("truecase", () => {
  it("restores sentence starts, gazetteer names, months and titled names without moving offsets", () => {
    const t = truecase(LOWER);
    expect(t).toHaveLength(LOWER.length);
    expect(t.toLowerCase()).toBe(LOWER);
    expect(t).toContain("Rebels attacked");
    expect(t).toContain("Colombia");
    expect(t).toContain("March");
    expect(t).toContain("Pedro Ruiz said");
    expect(t).toContain("National Liberation Army (ELN)");
  });
});

describe("which documents are caseless", () => {
  it("lower-case and ALL-CAPS bodies are; ordinary prose and short capital headlines are not", () => {
    expect(isCaseless(LOWER.repeat(3))).toBe(true);
    expect(isCaseless(LOWER.toUpperCase().repeat(3))).toBe(true);
    expect(isCaseless("Rebels attacked a bank in Colombia on 3 March, the army said. ".repeat(6))).toBe(false);
    expect(isCaseless("BOMB HITS MARKET")).toBe(false);
    const prose = "Rebels attacked a bank in Colombia on 3 March, the army said. ".repeat(6);
    expect(restoreCase(prose)).toBe(prose);
  });

  it("reads an ALL-CAPS wire report with its names found, and spans still point at the stored text", () => {
    const text = `${LOWER.toUpperCase().repeat(2)}THE ARMY SAID THE ATTACK LEFT TWO GUARDS DEAD IN BOGOTA.`;
    const doc = makeDocument({ origin: "t", format: "text", text, language: "en" });
    const f = extractFacts(doc);
    const colombia = f.mentions.find((m) => m.text.toLowerCase() === "colombia");
    expect(colombia).toBeDefined();
    expect(doc.text.slice(colombia!.start, colombia!.end)).toBe("COLOMBIA");
  });
});
