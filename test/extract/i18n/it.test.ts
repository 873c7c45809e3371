import { describe, expect, it } from "vitest";
import { read, spansHold } from "./helpers.js";

describe("Italian reports", () => {
  it("reads a suicide bombing with its toll, date, place and claimant", () => {
    const text =
      "Un attentato kamikaze ha colpito ieri un mercato a Kabul, con un bilancio di almeno 23 morti e oltre 40 feriti. L'attacco è stato rivendicato dallo Stato Islamico.";
    const r = read(text, "it", "2022-09-06");
    expect(r.main?.subtype).toBe("Bombing/Explosion");
    expect(r.main?.attributes.suicide).toBe(true);
    expect(r.killed).toEqual([23]);
    expect(r.injured).toEqual([40]);
    expect(r.main?.counts.find((c) => c.kind === "injured")?.qualifier).toBe("more_than");
    expect(r.main?.date?.iso).toBe("2022-09-05");
    expect(r.place).toBe("Kabul");
    expect(r.claimedBy).toEqual(["Islamic State"]);
    expect(r.rules.every((x) => x.startsWith("i18n"))).toBe(true);
    expect(spansHold(r, text)).toBe(true);
  });

  it("reads number words, an approximate figure and a written date", () => {
    const r = read(
      "Sparatoria il 12 marzo 2021 davanti a una caserma a Roma: due agenti uccisi e una ventina di feriti.",
      "it",
    );
    expect(r.main?.subtype).toBe("Armed Assault");
    expect(r.main?.date?.iso).toBe("2021-03-12");
    expect(r.killed).toEqual([2]);
    expect(r.main?.counts.find((c) => c.kind === "injured")).toMatchObject({ value: 20, qualifier: "vague" });
    expect(r.place).toBe("Rome");
  });

  it("takes no claim from a denial", () => {
    const r = read("Nessun gruppo ha rivendicato l'attentato di Peshawar, che ha fatto 9 morti.", "it");
    expect(r.killed).toEqual([9]);
    expect(r.claimedBy).toEqual([]);
  });
});
