import { describe, expect, it } from "vitest";
import { read, spansHold } from "./helpers.js";

describe("Arabic reports", () => {
  it("reads Eastern Arabic digits, clitics, the toll, the date and the claim", () => {
    const text =
      "مقتل ١١ شخصا في تفجير انتحاري ببغداد\nأسفر تفجير انتحاري يوم ٩ مارس ٢٠٢٣ عن مقتل ١١ شخصا وإصابة ٣٠ آخرين. وأعلن تنظيم داعش مسؤوليته عن الهجوم.";
    const r = read(text, "ar", "2023-03-10");
    expect(r.main?.subtype).toBe("Bombing/Explosion");
    expect(r.main?.attributes.suicide).toBe(true);
    expect(r.killed).toContain(11);
    expect(r.injured).toEqual([30]);
    expect(r.main?.date?.iso).toBe("2023-03-09");
    expect(r.place).toBe("Baghdad");
    expect(r.claimedBy).toEqual(["Islamic State"]);
    expect(spansHold(r, text)).toBe(true);
  });

  it("reads Levantine month names and number words", () => {
    const r = read("هجوم مسلح في حلب في ٤ تشرين الأول ٢٠٢٢ أدى إلى مقتل خمسة أشخاص.", "ar");
    expect(r.main?.subtype).toBe("Armed Assault");
    expect(r.main?.date?.iso).toBe("2022-10-04");
    expect(r.killed).toEqual([5]);
  });
});

describe("Arabic tolls written onto a conjunction", () => {
  it("reads و40 as 40 and a martyr count as killed", () => {
    const r = read("هجوم مسلح على مسجد في الموصل. وسقط 8 شهيدا و25 جريحا في الهجوم.", "ar");
    expect(r.killed).toEqual([8]);
    expect(r.injured).toEqual([25]);
  });
});
