import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { parseIsoDate } from "../../src/model/dates.js";
import { makeDocument } from "../../src/model/document.js";
import { DocFacts } from "../../src/model/records.js";

const ARTICLE = [
  "Blast at Baghdad market",
  "On 12 March, a car bomb exploded near a crowded market in Baghdad, killing at least 27 people and wounding 60 others.",
  "Iraqi police said they had arrested four suspects on Wednesday.",
  "The Islamic State claimed responsibility for the bombing in a statement.",
  "Prime Minister Mohammed Shia al-Sudani vowed that “the perpetrators will face justice”.",
  "Further attacks are likely in the coming weeks.",
].join("\n");

function doc(text = ARTICLE) {
  return makeDocument({ origin: "test", text, format: "text", publishedAt: parseIsoDate("2023-03-16")! });
}

describe("extractFacts", () => {
  const d = doc();
  const f = extractFacts(d);

  it("returns records that validate against the DocFacts schema", () => {
    expect(DocFacts.safeParse(f).success).toBe(true);
    expect(f.doc).toBe(d.id);
  });

  it("is deterministic, with ids derived from the document id", () => {
    expect(JSON.stringify(extractFacts(d))).toBe(JSON.stringify(f));
    const prefix = d.id.slice(0, 12);
    for (const e of f.events) expect(e.id).toMatch(new RegExp(`^${prefix}:ev\\d+$`));
    for (const c of f.claims) expect(c.id).toMatch(new RegExp(`^${prefix}:cl\\d+$`));
    for (const j of f.judgments) expect(j.id).toMatch(new RegExp(`^${prefix}:jd\\d+$`));
  });

  it("emits date and count mentions with values and grounded spans", () => {
    const dates = f.mentions.filter((m) => m.kind === "date");
    expect(dates.map((m) => (m.value as { iso: string }).iso)).toEqual(["2023-03-12", "2023-03-15"]);
    const counts = f.mentions
      .filter((m) => m.kind === "count")
      .map((m) => [m.text, (m.value as { kind: string }).kind]);
    expect(counts).toEqual([
      ["at least 27", "killed"],
      ["60", "injured"],
      ["four", "arrested"],
    ]);
    for (const m of f.mentions) expect(d.text.slice(m.start, m.end)).toBe(m.text);
  });

  it("finds the bombing with its date, counts and claimant", () => {
    const bombing = f.events.find((e) => e.type === "attack" && e.date?.iso === "2023-03-12");
    expect(bombing?.subtype).toBe("Bombing/Explosion");
    expect(bombing?.counts.map((c) => c.kind)).toEqual(["killed", "injured"]);
    const claim = f.claims.find((c) => c.kind === "responsibility");
    expect(f.entities.find((e) => e.id === claim?.speaker)?.type).toBe("armed_group");
    expect(f.judgments.map((j) => j.band)).toContain("likely");
  });

  it("without a publication date or any full date, yearless dates stay unresolved", () => {
    const text = "On 12 March, a bomb exploded in Basra.\nA similar blast hit the city in 2017.";
    const g = extractFacts(makeDocument({ origin: "test", text, format: "text" }));
    const dates = g.mentions.filter((m) => m.kind === "date");
    expect(dates.map((m) => [m.text, (m.value as { iso: string } | undefined)?.iso])).toEqual([
      ["12 March", undefined],
      ["2017", "2017"],
    ]);
  });

  it("without a publication date, places yearless dates by the latest full date and leaves relative ones open", () => {
    const text =
      "The bomber crossed the border in late November 2023.\nOn 4 January, two blasts hit the market in Basra.\nOn Monday, police arrested six men.";
    const g = extractFacts(makeDocument({ origin: "test", text, format: "text" }));
    const byText = new Map(g.mentions.filter((m) => m.kind === "date").map((m) => [m.text, m]));
    expect((byText.get("4 January")?.value as { iso?: string } | undefined)?.iso).toBe("2024-01-04");
    expect(byText.get("4 January")?.rule).toMatch(/estimated-reference/);
    const monday = [...byText.values()].find((m) => /Monday/.test(m.text));
    expect(monday?.value).toBeUndefined();
    const blast = g.events.find((e) => e.type === "attack");
    expect(blast?.date?.iso).toBe("2024-01-04");
  });

  it("keeps an accident explanation on the event so fusion can weigh it against the attack", () => {
    const text =
      "On 4 January 2024, an explosion tore through a market in Basra. Local radio first said a gas cylinder had exploded.";
    const g = extractFacts(makeDocument({ origin: "test", text, format: "text" }));
    expect(g.events.some((e) => e.type === "attack" && e.attributes.cause === "gas explosion")).toBe(true);
  });

  it("does not date a back-reference ('the Basra bombing') with the date of the sentence it sits in", () => {
    const text =
      "On 4 January 2024, two blasts hit the market in Basra, killing nine people.\nOn 9 January 2024, police said they had arrested six men over the Basra bombing.";
    const g = extractFacts(makeDocument({ origin: "test", text, format: "text" }));
    const attacks = g.events.filter((e) => e.type === "attack");
    expect(attacks.map((e) => e.date?.iso)).not.toContain("2024-01-09");
    expect(attacks.some((e) => e.date?.iso === "2024-01-04")).toBe(true);
  });

  it("measures throughput on generated text", () => {
    const parts: string[] = [];
    for (let i = 0; i < 40; i++)
      parts.push(ARTICLE.replace("27", String(20 + i)).replace("Baghdad", i % 2 ? "Mosul" : "Basra"));
    const docs = parts.map((t) => doc(t));
    extractFacts(docs[0]!); // warm-up: lexicons and gazetteers load lazily
    const bytes = docs.reduce((n, x) => n + Buffer.byteLength(x.text), 0);
    const t0 = performance.now();
    for (const x of docs) extractFacts(x);
    const seconds = (performance.now() - t0) / 1000;
    console.log(
      `extractFacts throughput: ${(bytes / 1024 / 1024 / seconds).toFixed(2)} MB/s (${docs.length} docs, ${bytes} bytes, ${seconds.toFixed(2)} s)`,
    );
    expect(seconds).toBeGreaterThan(0);
  });
});
