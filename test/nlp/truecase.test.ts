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

describe("names after a known given name", () => {
  it("capitalises a given name and the name words after it, particles kept lower-case", () => {
    const t = truecase(
      "the army said that ana lucia vega de mora was freed. police found jorge benitez near the bridge.",
    );
    expect(t).toContain("Ana Lucia Vega de Mora was freed");
    expect(t).toContain("Jorge Benitez near the bridge");
  });

  it("leaves a lone given name and words that end a name alone", () => {
    const t = truecase("the guerrillas said they will mark the date. pedro, a farmer, escaped.");
    expect(t).toContain("will mark the date");
    expect(t).toContain("Pedro, a farmer");
  });

  it("makes the person found in a caseless document", () => {
    const text = `${"the report says that ".repeat(12)}gunmen murdered hugo paredes ortega in the town square.`;
    const f = extractFacts(makeDocument({ origin: "test", text, format: "text" }));
    expect(f.mentions.filter((m) => m.kind === "person").map((m) => m.text.toLowerCase())).toContain(
      "hugo paredes ortega",
    );
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
