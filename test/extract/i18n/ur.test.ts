import { describe, expect, it } from "vitest";
import { read, spansHold } from "./helpers.js";

describe("Urdu reports", () => {
  it("reads the toll, the date, the place and the claim", () => {
    const text =
      "پشاور میں خودکش دھماکہ، 9 افراد جاں بحق\n14 مارچ 2023 کو بازار میں ہونے والے دھماکے میں 9 افراد جاں بحق اور 21 زخمی ہو گئے۔ کالعدم ٹی ٹی پی نے حملے کی ذمہ داری قبول کر لی۔";
    const r = read(text, "ur", "2023-03-15");
    expect(r.main?.subtype).toBe("Bombing/Explosion");
    expect(r.main?.attributes.suicide).toBe(true);
    expect(r.killed).toContain(9);
    expect(r.injured).toEqual([21]);
    expect(r.main?.date?.iso).toBe("2023-03-14");
    expect(r.place).toBe("Peshawar");
    expect(r.claimedBy).toEqual(["Tehrik-i-Taliban Pakistan"]);
    expect(spansHold(r, text)).toBe(true);
  });

  it("keeps a toll of an earlier attack off the main event", () => {
    const r = read(
      "کوئٹہ میں فائرنگ سے 2 افراد زخمی ہو گئے۔ یاد رہے کہ گزشتہ سال اسی علاقے میں دھماکے میں 7 افراد جاں بحق ہوئے تھے۔",
      "ur",
    );
    expect(r.main?.subtype).toBe("Armed Assault");
    expect(r.injured).toEqual([2]);
    expect(r.killed).toEqual([]);
  });
});

describe("Urdu web spelling", () => {
  it("ends a sentence at the Urdu full stop without a space, and reads ھ for a final ہ", () => {
    const text =
      "کوئٹہ میں دھماکے میں 7 افراد ھلاک اور 12 زخمی ہوگئے۔یاد رہے کہ گزشتہ سال اسی بازار میں 3 افراد ہلاک ہوئے تھے۔";
    const r = read(text, "ur");
    expect(r.main?.subtype).toBe("Bombing/Explosion");
    expect(r.killed).toEqual([7]);
    expect(r.injured).toEqual([12]);
    expect(r.place).toBe("Quetta");
  });
});
