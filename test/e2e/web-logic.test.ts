// Pure helpers of the browser workbench: span highlighting and value formatting.
import { describe, expect, it } from "vitest";
import { formatValue, revisionSequence } from "../../web/src/format.js";
import { segments } from "../../web/src/highlight.js";

describe("segments", () => {
  const text = "Police detained eleven suspects in Kerman.";
  it("rebuilds the exact text and marks nested spans narrowest first", () => {
    const marks = [
      { key: "sentence", start: 0, end: text.length, category: "claim" },
      { key: "count", start: 16, end: 22, category: "count" },
      { key: "place", start: 35, end: 41, category: "place" },
    ];
    const segs = segments(text, marks);
    expect(segs.map((s) => s.text).join("")).toBe(text);
    const eleven = segs.find((s) => s.text === "eleven")!;
    expect(eleven.marks).toEqual(["count", "sentence"]);
    expect(eleven.category).toBe("count");
    expect(segs.find((s) => s.text === "Kerman")?.category).toBe("place");
  });

  it("handles many overlapping spans in one pass", () => {
    const long = "word ".repeat(4000);
    const marks = Array.from({ length: 3000 }, (_, i) => ({
      key: `m${i}`,
      start: i * 5,
      end: i * 5 + 9,
      category: "c",
    }));
    const segs = segments(long, marks);
    expect(segs.map((s) => s.text).join("")).toBe(long);
    expect(segs.find((s) => s.start === 5)?.marks).toEqual(expect.arrayContaining(["m0", "m1"]));
  });

  it("ignores spans outside the text and leaves plain text unmarked", () => {
    const segs = segments(text, [{ key: "bad", start: 30, end: 999, category: "x" }]);
    expect(segs).toHaveLength(1);
    expect(segs[0]).toMatchObject({ text, marks: [] });
    expect(segs[0]?.category).toBeUndefined();
  });

  it("keeps markup-like text as plain characters", () => {
    const hostile = "a <script>x()</script> b";
    const segs = segments(hostile, [{ key: "k", start: 2, end: 10, category: "claim" }]);
    expect(segs.map((s) => s.text)).toEqual(["a ", "<script>", "x()</script> b"]);
  });
});

describe("formatting", () => {
  it("prints counts as intervals and entities by name", () => {
    expect(formatValue({ value: 95, min: 95, max: null, qualifier: "at_least" })).toBe("≥ 95");
    expect(formatValue({ value: 20, min: 20, max: 30, qualifier: "range" })).toBe("20–30");
    expect(formatValue({ entity: "ent-1", basis: "claimed" }, { "ent-1": "Islamic State" })).toBe(
      "Islamic State (claimed)",
    );
    expect(formatValue({ iso: "2024-01", precision: "month", start: "2024-01-01", end: "2024-01-31" })).toBe("2024-01");
  });

  it("orders a revision by publication date and collapses repeats", () => {
    const v = (n: number, publishedAt: string) => ({
      value: { value: n, min: n, max: n, qualifier: "exact" },
      doc: "d",
      publishedAt,
    });
    const seq = revisionSequence({
      id: "c",
      incident: "i",
      attribute: "killed",
      kind: "revision",
      severity: "high",
      explanation: "",
      values: [v(84, "2024-01-06"), v(103, "2024-01-03"), v(95, "2024-01-04"), v(95, "2024-01-05")],
    });
    expect(seq).toEqual(["103", "95", "84"]);
  });
});
