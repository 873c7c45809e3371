import { describe, expect, it } from "vitest";
import { read, spansHold } from "./helpers.js";

describe("Spanish reports", () => {
  it("reads a shooting with its toll, date, place and claim", () => {
    const text =
      "Tiroteo en una mezquita de Teherán deja al menos 7 muertos.\nVarios hombres armados abrieron fuego el 3 de mayo de 2023 contra los fieles; otras 12 personas resultaron heridas. El Estado Islámico reivindicó el ataque.";
    const r = read(text, "es", "2023-05-04");
    expect(r.main?.subtype).toBe("Armed Assault");
    expect(r.killed).toEqual([7]);
    expect(r.injured).toEqual([12]);
    expect(r.main?.date?.iso).toBe("2023-05-03");
    expect(r.place).toBe("Tehran");
    expect(r.claimedBy).toEqual(["Islamic State"]);
    expect(r.rules.every((x) => x.startsWith("i18n"))).toBe(true);
    expect(spansHold(r, text)).toBe(true);
  });

  it("reads number words and ignores ages", () => {
    const r = read(
      "Un coche bomba estalló ayer en Bagdad. La explosión mató a un hombre de 45 años; murieron cinco personas y hubo veinte heridos.",
      "es",
      "2022-11-10",
    );
    expect(r.main?.subtype).toBe("Bombing/Explosion");
    expect(r.killed).toEqual([5]);
    expect(r.injured).toEqual([20]);
    expect(r.main?.date?.iso).toBe("2022-11-09");
  });
});
