import { describe, expect, it } from "vitest";
import { read, spansHold } from "./helpers.js";

describe("Hindi reports", () => {
  it("reads the toll with its qualifiers, the weekday, the place and the claim", () => {
    const text =
      "लाहौर में मंगलवार को एक बाजार के पास हुए आत्मघाती बम विस्फोट में कम से कम 14 लोग मारे गए और 30 से अधिक घायल हो गए। तहरीक-ए-तालिबान पाकिस्तान ने हमले की जिम्मेदारी ली है।";
    const r = read(text, "hi", "2023-05-10");
    expect(r.main?.subtype).toBe("Bombing/Explosion");
    expect(r.main?.attributes.suicide).toBe(true);
    expect(r.killed).toEqual([14]);
    expect(r.main?.counts.find((c) => c.kind === "killed")?.qualifier).toBe("at_least");
    expect(r.injured).toEqual([30]);
    expect(r.main?.counts.find((c) => c.kind === "injured")?.qualifier).toBe("more_than");
    expect(r.main?.date?.iso).toBe("2023-05-09");
    expect(r.place).toBe("Lahore");
    expect(r.claimedBy).toEqual(["Tehrik-i-Taliban Pakistan"]);
    expect(r.rules.every((x) => x.startsWith("i18n"))).toBe(true);
    expect(spansHold(r, text)).toBe(true);
  });

  it("reads Devanagari digits and a toll written as deaths", () => {
    const r = read("काबुल में हुए धमाके में १२ लोगों की मौत हो गई और २५ लोग जख्मी हुए।", "hi");
    expect(r.main?.subtype).toBe("Bombing/Explosion");
    expect(r.killed).toEqual([12]);
    expect(r.injured).toEqual([25]);
    expect(r.place).toBe("Kabul");
  });

  it("dates the night of a day range by its first day, and a range by its days", () => {
    const night = read("यह मिसाइल हमला 3-4 मार्च, 2022 की रात को किया गया।", "hi");
    expect(night.main?.type).toBe("air_strike");
    expect(night.main?.date).toMatchObject({ precision: "day", start: "2022-03-03" });
    const range = read("5-7 जून 2021 के बीच हुए हमलों में 6 लोग मारे गए।", "hi");
    expect(range.main?.date).toMatchObject({ precision: "range", start: "2021-06-05", end: "2021-06-07" });
  });

  it("does not take the country that acted as the place of the strike", () => {
    const r = read("भारत ने बताया कि ईरान ने पाकिस्तान में ड्रोन हमला किया।", "hi");
    expect(r.main?.type).toBe("air_strike");
    expect(r.place).toBe("Pakistan");
  });

  it("keeps a date told as background off the main event", () => {
    const r = read("ईरान ने इराक में मिसाइल हमले किए। इस संघर्ष की शुरुआत 7 अक्टूबर 2023 को हुई थी।", "hi");
    expect(r.main?.type).toBe("air_strike");
    expect(r.main?.date).toBeUndefined();
  });

  it("reads a past auxiliary as background only when it ends the sentence", () => {
    const r = read("पेशावर में धमाका इतना जोरदार था कि 9 लोग मारे गए। पिछले महीने यहां हुए एक हमले में 3 लोग मारे गए थे।", "hi");
    expect(r.main?.subtype).toBe("Bombing/Explosion");
    expect(r.killed).toEqual([9]);
  });
});
