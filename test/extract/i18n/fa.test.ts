import { describe, expect, it } from "vitest";
import { read, spansHold } from "./helpers.js";

describe("Persian reports", () => {
  it("reads Persian digits, a Solar Hijri date, the toll and the place", () => {
    const text =
      "حمله تروریستی در مشهد\nروز ۱۲ مهر ۱۴۰۲ یک فرد مسلح با تیراندازی به زائران حمله کرد. در این حادثه ۵ نفر کشته و ۹ نفر زخمی شدند.";
    const r = read(text, "fa", "2023-10-05");
    expect(r.main?.subtype).toBe("Armed Assault");
    expect(r.killed).toEqual([5]);
    expect(r.injured).toEqual([9]);
    // 12 Mehr 1402 = 4 October 2023
    expect(r.main?.date?.iso).toBe("2023-10-04");
    expect(r.place).toBe("Mashhad");
    expect(spansHold(r, text)).toBe(true);
  });

  it("reads a toll that reached a figure, yesterday, and a claim", () => {
    const r = read(
      "انفجار در کرمان. دیروز شمار جانباختگان این حادثه به ۲۰ نفر رسید. گروه تروریستی داعش مسئولیت این حمله را بر عهده گرفت.",
      "fa",
      "2024-02-11",
    );
    expect(r.killed).toEqual([20]);
    expect(r.main?.date?.iso).toBe("2024-02-10");
    expect(r.claimedBy).toEqual(["Islamic State"]);
  });
});

describe("Persian tolls joined by a conjunction", () => {
  it("gives each figure the toll word after it", () => {
    const r = read("در حمله مسلحانه به یک مسجد در زاهدان ۷ نفر شهید و ۱۲ نفر دیگر زخمی شدند.", "fa");
    expect(r.killed).toEqual([7]);
    expect(r.injured).toEqual([12]);
  });
});
