import { describe, expect, it } from "vitest";
import { read, spansHold } from "./helpers.js";

describe("Bengali reports", () => {
  it("reads Bengali digits, case endings on names, the toll, yesterday and the claim", () => {
    const text = "ঢাকায় গতকাল এক বোমা হামলায় অন্তত ৭ জন নিহত এবং ২০ জন আহত হয়েছে। আইএস এই হামলার দায় স্বীকার করেছে।";
    const r = read(text, "bn", "2022-02-10");
    expect(r.main?.subtype).toBe("Bombing/Explosion");
    expect(r.killed).toEqual([7]);
    expect(r.main?.counts.find((c) => c.kind === "killed")?.qualifier).toBe("at_least");
    expect(r.injured).toEqual([20]);
    expect(r.main?.date?.iso).toBe("2022-02-09");
    expect(r.place).toBe("Dhaka");
    expect(r.claimedBy).toEqual(["Islamic State"]);
    expect(r.rules.every((x) => x.startsWith("i18n"))).toBe(true);
    expect(spansHold(r, text)).toBe(true);
  });

  it("reads a toll that rose to a figure, and a weekday with its ending", () => {
    const r = read("কাবুলে গত শুক্রবারের হামলায় নিহতের সংখ্যা বেড়ে ৩৫ জনে দাঁড়িয়েছে।", "bn", "2022-02-14");
    expect(r.killed).toEqual([35]);
    expect(r.main?.date?.iso).toBe("2022-02-11");
    expect(r.place).toBe("Kabul");
  });

  it("reads a date with an ordinal ending and a figure followed by 'more than'", () => {
    const r = read("১৫ই আগস্ট ২০২১ তারিখে করাচিতে বিস্ফোরণে ৫০ জনের বেশি মানুষ আহত হন।", "bn");
    expect(r.main?.date?.iso).toBe("2021-08-15");
    expect(r.main?.counts.find((c) => c.kind === "injured")).toMatchObject({ value: 50, qualifier: "more_than" });
    expect(r.place).toBe("Karachi");
  });
});

describe("Bengali names with endings", () => {
  it("reads a country with a case ending as the place, but not its nationality adjective", () => {
    const r = read("ইরানি সংবাদমাধ্যম জানিয়েছে, পাকিস্তানের বেলুচিস্তানে ড্রোন হামলা হয়েছে।", "bn");
    expect(r.main?.type).toBe("air_strike");
    expect(r.place).toBe("Balochistan");
    const places = r.facts.mentions.filter((m) => m.kind === "place").map((m) => m.value);
    expect(places).not.toContain("Iran");
    expect(places).toContain("Pakistan");
  });
});

describe("Bengali words that start like a country", () => {
  it("does not read 'মালিক' (owner) as Mali", () => {
    const r = read("বাজারের এক দোকান মালিক জানান, কাবুলে বোমা হামলায় ৫ জন নিহত হয়েছে।", "bn");
    expect(r.place).toBe("Kabul");
    expect(r.facts.mentions.filter((m) => m.kind === "place").map((m) => m.value)).toEqual(["Kabul"]);
  });
});
