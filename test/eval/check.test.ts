// The ratchet's comparison: a drop beyond half a point fails, a rise or a small wobble passes, a missing number fails.
import { describe, expect, it } from "vitest";
import { compare } from "../../eval/check.js";

describe("eval:check comparison", () => {
  it("fails on a drop of more than 0.5 points and on a vanished number", () => {
    const base = { gvdb: { killed: 80, injured: 70 }, news: { "b3 f1 micro": 40 } };
    expect(compare(base, { gvdb: { killed: 79.6, injured: 75 }, news: { "b3 f1 micro": 40 } }).ok).toBe(true);
    expect(compare(base, { gvdb: { killed: 79.4, injured: 75 }, news: { "b3 f1 micro": 40 } }).ok).toBe(false);
    expect(compare(base, { gvdb: { killed: 80, injured: 70 }, news: {} }).ok).toBe(false);
  });

  it("names what moved", () => {
    const { lines } = compare({ gtd: { date: 90 } }, { gtd: { date: 95, city: 50 } });
    expect(lines.some((l) => l.startsWith("UP") && l.includes("gtd / date: 90 → 95"))).toBe(true);
    expect(lines.some((l) => l.startsWith("new") && l.includes("city"))).toBe(true);
  });
});
