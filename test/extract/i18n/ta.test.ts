import { describe, expect, it } from "vitest";
import { read, spansHold } from "./helpers.js";

describe("Tamil reports", () => {
  it("reads case endings on names and digits, the toll, yesterday and the place", () => {
    const text = "கொழும்பில் நேற்று நடந்த குண்டுவெடிப்பில் 8 பேர் உயிரிழந்தனர். மேலும் 25 பேர் காயமடைந்தனர்.";
    const r = read(text, "ta", "2019-04-22");
    expect(r.main?.subtype).toBe("Bombing/Explosion");
    expect(r.killed).toEqual([8]);
    expect(r.injured).toEqual([25]);
    expect(r.main?.date?.iso).toBe("2019-04-21");
    expect(r.place).toBe("Colombo");
    expect(r.rules.every((x) => x.startsWith("i18n"))).toBe(true);
    expect(spansHold(r, text)).toBe(true);
  });

  it("reads a missile strike, a month-first date and the group that claimed it", () => {
    const r = read(
      "ஜனவரி 16ஆம் தேதி பாகிஸ்தானில் ஏவுகணை தாக்குதல் நடத்தப்பட்டது. இந்த தாக்குதலுக்கு ஜெய்ஷ் அல் அட்ல் பொறுப்பேற்றுள்ளது.",
      "ta",
      "2024-01-20",
    );
    expect(r.main?.type).toBe("air_strike");
    expect(r.main?.date?.iso).toBe("2024-01-16");
    expect(r.place).toBe("Pakistan");
    expect(r.claimedBy).toEqual(["Jaish al-Adl"]);
  });
});
