import { describe, expect, it } from "vitest";
import { read, spansHold } from "./helpers.js";

describe("Portuguese reports", () => {
  it("reads a bombing with its toll, date and place", () => {
    const text =
      "Atentado suicida mata 22 pessoas em Cabul\nUm homem-bomba detonou explosivos em 8 de junho de 2022 perto de uma escola. Pelo menos 22 pessoas morreram e 31 ficaram feridas.";
    const r = read(text, "pt", "2022-06-09");
    expect(r.main?.subtype).toBe("Bombing/Explosion");
    expect(r.main?.attributes.suicide).toBe(true);
    expect(r.killed).toContain(22);
    expect(r.injured).toEqual([31]);
    expect(r.main?.date?.iso).toBe("2022-06-08");
    expect(r.place).toBe("Kabul");
    expect(spansHold(r, text)).toBe(true);
  });

  it("reads arrests", () => {
    const r = read("A polícia turca prendeu 15 suspeitos após o ataque em Istambul. Os 15 presos serão ouvidos.", "pt");
    expect(r.arrested).toContain(15);
    expect(r.place).toBe("Istanbul");
  });
});
