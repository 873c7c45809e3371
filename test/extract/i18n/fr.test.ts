import { describe, expect, it } from "vitest";
import { read, spansHold } from "./helpers.js";

describe("French reports", () => {
  const text = [
    "Attentat-suicide à Kaboul : au moins 14 morts et 40 blessés",
    "Un kamikaze s'est fait exploser mardi 12 mars 2024 devant un ministère de Kaboul, tuant au moins 14 personnes.",
    "L'État islamique au Khorassan a revendiqué l'attaque dans un communiqué.",
  ].join("\n");

  it("reads the main event, its toll, date, place and claimant", () => {
    const r = read(text, "fr", "2024-03-13");
    expect(r.main?.subtype).toBe("Bombing/Explosion");
    expect(r.main?.attributes.suicide).toBe(true);
    expect(r.killed).toContain(14);
    expect(r.injured).toEqual([40]);
    expect(r.main?.date?.iso).toBe("2024-03-12");
    expect(r.place).toBe("Kabul");
    expect(r.claimedBy).toEqual(["Islamic State Khorasan Province"]);
    expect(r.main?.counts.find((c) => c.kind === "killed")?.qualifier).toBe("at_least");
    expect(spansHold(r, text)).toBe(true);
  });

  it("gives no fact of the English rules", () => {
    const r = read(text, "fr", "2024-03-13");
    expect(r.rules.length).toBeGreaterThan(0);
    expect(r.rules.filter((x) => !x.startsWith("i18n"))).toEqual([]);
  });

  it("places a weekday by the publication day and a toll that rose", () => {
    const r = read(
      "Fusillade dans un marché d'Alep. Des hommes armés ont ouvert le feu jeudi. Le bilan s'élève désormais à 9 morts.",
      "fr",
      "2023-05-20",
    );
    expect(r.main?.subtype).toBe("Armed Assault");
    expect(r.main?.date?.iso).toBe("2023-05-18");
    expect(r.killed).toEqual([9]);
    expect(r.place).toBe("Aleppo");
  });

  it("takes no claim that is denied, and no toll of an earlier year", () => {
    const r = read(
      "Explosion près d'une gare de Mossoul : trois blessés. Aucun groupe n'a revendiqué l'explosion. En 2016, un attentat au même endroit avait fait 30 morts.",
      "fr",
      "2024-02-02",
    );
    expect(r.injured).toEqual([3]);
    expect(r.killed).toEqual([]);
    expect(r.claimedBy).toEqual([]);
  });
  it("credits a claim to the group that made it, not to a group named as its affiliation or before it", () => {
    const affiliated = read(
      "Attentat à Mogadiscio : 9 morts. Les shebab, affiliés à Al-Qaïda, ont revendiqué l'attaque dans un communiqué.",
      "fr",
      "2024-02-02",
    );
    expect(affiliated.claimedBy).toEqual(["al-Shabaab"]);
    const relative = read(
      "Attentat à Mogadiscio : 9 morts. Après des frappes contre Al-Qaïda, les shebab, qui ont revendiqué l'attaque, ont diffusé une vidéo.",
      "fr",
      "2024-02-02",
    );
    expect(relative.claimedBy).toEqual(["al-Shabaab"]);
    // a passive claim names its group after the claim word
    const passive = read(
      "Attentat à Mogadiscio : 9 morts. Cette attaque revendiquée par les shebab visait un hôtel.",
      "fr",
      "2024-02-02",
    );
    expect(passive.claimedBy).toEqual(["al-Shabaab"]);
  });
});
