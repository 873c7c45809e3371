import { describe, expect, it } from "vitest";
import { read, spansHold } from "./helpers.js";

describe("Russian reports", () => {
  it("reads a shooting with its toll, date and place", () => {
    const text =
      "Стрельба в Махачкале: погибли 4 человека\nВооруженные люди открыли огонь 14 июня 2024 года у здания полиции. Ранены ещё 6 человек, задержаны двое подозреваемых.";
    const r = read(text, "ru", "2024-06-15");
    expect(r.main?.subtype).toBe("Armed Assault");
    expect(r.killed).toEqual([4]);
    expect(r.injured).toEqual([6]);
    expect(r.main?.date?.iso).toBe("2024-06-14");
    expect(r.place).toBe("Makhachkala");
    expect(spansHold(r, text)).toBe(true);
  });

  it("reads a claim by a group named in Cyrillic", () => {
    const r = read("Взрыв у рынка в Кабуле. Ответственность за теракт взяло на себя ИГИЛ.", "ru");
    expect(r.main?.subtype).toBe("Bombing/Explosion");
    expect(r.claimedBy).toEqual(["Islamic State"]);
  });
});
