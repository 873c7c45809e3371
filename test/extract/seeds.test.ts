// What a careful reader takes from the two seed articles (read from ../shared, never copied).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { parseIsoDate } from "../../src/model/dates.js";
import { makeDocument } from "../../src/model/document.js";
import type { DocFacts, Event } from "../../src/model/records.js";

const SEEDS = join(import.meta.dirname, "..", "..", "..", "shared", "seeds");
const present = existsSync(SEEDS);
if (!present) console.log(`seed tests skipped: ${SEEDS} not found`);

function facts(file: string): DocFacts {
  const text = readFileSync(join(SEEDS, file), "utf8");
  // the seeds carry no publication date; the bake-off used 2024-01-20 as the reference
  return extractFacts(makeDocument({ origin: file, text, format: "text", publishedAt: parseIsoDate("2024-01-20")! }));
}

describe.skipIf(!present)("seed articles", () => {
  const blog = present ? facts("000_f9b7d2b55e2429b9.txt") : undefined;
  const brief = present ? facts("002_a95f0a1242082379.txt") : undefined;
  const name = (f: DocFacts, id: string | undefined) => f.entities.find((e) => e.id === id)?.name ?? "";
  const killed = (e: Event) => e.counts.filter((c) => c.kind === "killed").map((c) => c.value);

  it("Kerman, 2024-01-03: an attack with 84 killed", () => {
    const f = brief!;
    const onDay = f.events.filter((e) => e.type === "attack" && e.date?.iso === "2024-01-03");
    expect(onDay.length).toBeGreaterThan(0);
    expect(onDay.some((e) => killed(e).includes(84))).toBe(true);
  });

  it("Kerman was a suicide bombing (blog post)", () => {
    const f = blog!;
    const suicide = f.events.find((e) => e.type === "attack" && e.attributes.suicide === true);
    expect(suicide?.subtype).toBe("Bombing/Explosion");
    expect(suicide?.date?.iso).toBe("2024-01-03");
  });

  it("IS-K claimed the Kerman attack", () => {
    const f = brief!;
    const claims = f.claims.filter((c) => c.kind === "responsibility");
    expect(claims.some((c) => /IS-K/.test(c.speakerText ?? "") && /Khorasan/.test(name(f, c.speaker)))).toBe(true);
  });

  it("nine missiles fired on Idlib on 2024-01-15", () => {
    const f = brief!;
    const strike = f.events.find((e) => e.type === "missile_strike");
    expect(strike?.date?.iso).toBe("2024-01-15");
    expect(strike?.counts.find((c) => c.kind === "missiles")?.value).toBe(9);
    expect(name(f, strike?.place)).toMatch(/Idlib/);
  });

  it("the 8 January 2024 meeting of Qomi and Kabir", () => {
    const f = brief!;
    const meeting = f.events.find((e) => e.type === "meeting" && e.date?.iso === "2024-01-08");
    const who = meeting?.participants.map((p) => name(f, p.entity)).join(" | ") ?? "";
    expect(who).toMatch(/Qomi/);
    expect(who).toMatch(/Kabir/);
  });

  it("earlier IS attacks: June 2017 (12 killed), October 2022 (15), August 2023 (13)", () => {
    const f = brief!;
    const withToll = (iso: string, n: number) =>
      f.events.some((e) => (e.type === "attack" || e.type === "death") && e.date?.iso === iso && killed(e).includes(n));
    expect(withToll("2017-06", 12)).toBe(true);
    expect(withToll("2022-10", 15)).toBe(true);
    expect(withToll("2023-08", 13)).toBe(true);
    const shiraz = f.events.find((e) => e.type === "attack" && e.date?.iso === "2022-10");
    expect(name(f, shiraz?.place)).toMatch(/Shahcheragh|Shiraz/);
    expect(f.events.some((e) => e.type === "attack" && e.date?.iso === "2017-06")).toBe(true);
  });

  it("Khamenei's and Mona Hojat Ansari's statements carry their speakers", () => {
    const f = brief!;
    const quoted = f.claims.filter((c) => c.quoted && c.kind === "speech");
    const kh = quoted.find((c) => c.content.text.startsWith("cruel criminals"));
    expect(name(f, kh?.speaker)).toMatch(/Khamenei/);
    const mona = quoted.find((c) => c.content.text.includes("undeniable role"));
    expect(name(f, mona?.speaker)).toBe("Mona Hojat Ansari");
    const attribution = f.claims.find((c) => c.kind === "attribution" && c.speaker === mona?.speaker);
    expect(name(f, attribution?.target)).toBe("Israel");
  });

  it("'unlikely to defuse' and 'likely to further intensify' are judgments", () => {
    const f = brief!;
    const j1 = f.judgments.find((j) => j.sentence.text.includes("unlikely to defuse"));
    expect(j1?.band).toBe("unlikely");
    const j2 = f.judgments.find(
      (j) => j.sentence.text.includes("likely to further intensify") && j.term.text === "likely",
    );
    expect(j2?.band).toBe("likely");
    expect(j2?.probability).toEqual([0.55, 0.8]);
  });
});
