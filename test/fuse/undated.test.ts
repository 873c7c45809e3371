// Documents without a publication date (pasted analyses, many PDFs): their undated mentions of an
// attack must still find the dated incident at the same place, and the day the file was read must
// never stand in for a report day.
import { describe, expect, it } from "vitest";
import { FusionEngine } from "../../src/fuse/index.js";
import { DocBuilder, KERMAN_GEO } from "./kerman-fixture.js";

function undated(b: DocBuilder): DocBuilder {
  delete (b.doc as { publishedAt?: unknown }).publishedAt;
  b.doc.fetchedAt = "2026-11-23T10:00:00.000Z"; // read years later
  return b;
}

function kermanReport(): DocBuilder {
  const b = new DocBuilder(
    "On 3 January two blasts hit a memorial procession in Kerman. Officials later said 35 people had been arrested over the Kerman attack.",
    "Desk A",
    "2024-01-20",
  );
  const kerman = b.entity("place", "Kerman", { geo: KERMAN_GEO });
  b.entity("armed_group", "Islamic State Khorasan Province");
  b.entity("person", "Qassem Soleimani");
  b.event("attack", "blasts", { date: "2024-01-03", place: kerman });
  b.event("arrest", "arrested", { counts: [b.count("arrested", 35)] });
  return undated(b);
}

function analysis(): DocBuilder {
  const b = new DocBuilder(
    "The Kerman attack was the deadliest in decades. Iran answered the attack by arresting 11 people.",
    "Desk B",
    "2024-01-20",
  );
  const kerman = b.entity("place", "Kerman", { geo: KERMAN_GEO });
  b.entity("armed_group", "Islamic State Khorasan Province");
  b.entity("person", "Qassem Soleimani");
  b.event("attack", "attack", { place: kerman });
  b.event("attack", "attack by");
  b.event("arrest", "arresting", { counts: [b.count("arrested", 11)] });
  return undated(b);
}

describe("fusion of undated documents", () => {
  it("joins an undated analysis to the dated incident at the same place and surfaces the arrests discrepancy", () => {
    const engine = new FusionEngine();
    engine.add(kermanReport().input());
    engine.add(analysis().input());
    const attacks = engine.incidents().filter((i) => i.type === "attack");
    expect(attacks).toHaveLength(1);
    expect(attacks[0]!.documents).toHaveLength(2);
    expect(attacks[0]!.date?.iso).toBe("2024-01-03");
    const arrests = engine.contradictions().find((c) => c.attribute === "arrested");
    expect(arrests?.values.map((v) => (v.value as { value: number }).value).sort()).toEqual([11, 35]);
  });

  it("never uses the fetch day as a report day", () => {
    const engine = new FusionEngine();
    engine.add(kermanReport().input());
    engine.add(analysis().input());
    const values = engine.incidents().flatMap((i) => Object.values(i.attributes).flat());
    expect(values.some((v) => v.publishedAt?.startsWith("2026"))).toBe(false);
  });
});
