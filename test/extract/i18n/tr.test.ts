import { describe, expect, it } from "vitest";
import { read, spansHold } from "./helpers.js";

describe("Turkish reports", () => {
  it("reads suffixed words, the toll, the date and the place", () => {
    const text =
      "Ankara'da bombalı saldırı: 3 kişi hayatını kaybetti\n12 Mart 2023 tarihinde bir pazar yerinde patlama meydana geldi. Saldırıda 3 kişi hayatını kaybetti, 25 kişi yaralandı.";
    const r = read(text, "tr", "2023-03-13");
    expect(r.main?.subtype).toBe("Bombing/Explosion");
    expect(r.killed).toContain(3);
    expect(r.injured).toEqual([25]);
    expect(r.main?.date?.iso).toBe("2023-03-12");
    expect(r.place).toBe("Ankara");
    expect(spansHold(r, text)).toBe(true);
  });

  it("reads detentions and a toll that rose", () => {
    const r = read(
      "İzmir'de silahlı saldırı. Ölü sayısı 4'e yükseldi. Olayla ilgili 8 kişi gözaltına alındı. Saldırıyı DEAŞ üstlendi.",
      "tr",
    );
    expect(r.main?.subtype).toBe("Armed Assault");
    expect(r.killed).toEqual([4]);
    expect(r.arrested).toEqual([8]);
    expect(r.claimedBy).toEqual(["Islamic State"]);
  });
});
