import { describe, expect, it } from "vitest";
import { datesInText, reportStamps } from "../../../src/extract/i18n/dates.js";
import { lexiconFor } from "../../../src/extract/i18n/lexicon.js";
import { completePublication, type Datable, estimatePublished } from "../../../src/ingest/published.js";
import { DATE_GOLD } from "./date-gold.js";
import { read } from "./helpers.js";

describe("date patterns on the written gold set", () => {
  for (const lang of [...new Set(DATE_GOLD.map((g) => g.language))]) {
    it(`reads each ${lang} sentence's first day`, () => {
      const lex = lexiconFor(lang)!;
      const got = DATE_GOLD.filter((g) => g.language === lang).map((g) => ({
        text: g.text,
        day: datesInText(g.text, lex, g.reference)[0]?.value.start ?? null,
      }));
      expect(got).toEqual(DATE_GOLD.filter((g) => g.language === lang).map((g) => ({ text: g.text, day: g.expect })));
    });
  }

  it("gives no date without a reference unless the year is written", () => {
    const lex = lexiconFor("es")!;
    expect(datesInText("El ataque del domingo 3 de marzo dejó dos muertos.", lex)).toEqual([]);
    expect(datesInText("El ataque del 3 de marzo de 2024 dejó dos muertos.", lex)[0]?.value.start).toBe("2024-03-03");
  });
});

describe("a report's own date stamp", () => {
  it("finds a labelled date and a date-only line in the head, not a date inside a sentence", () => {
    const fr = lexiconFor("fr")!;
    const text = "Nouvelles du Sahel\nPublié le : samedi 4 mai 2024\nLe 2 mai 2024, une attaque a visé un camp.";
    expect(reportStamps(text, fr).map((s) => s.value.start)).toEqual(["2024-05-04"]);
    const ur = lexiconFor("ur")!;
    expect(reportStamps("خبریں\n\n12 مارچ ، 2022\n\nشہر میں دھماکا ہوا۔", ur).map((s) => s.value.start)).toEqual([
      "2022-03-12",
    ]);
  });

  it("states the publication day of an undated foreign page", () => {
    const d: Datable = completePublication({
      text: "Actualités\nVeröffentlicht am 03.06.2023\nAm Freitag explodierte eine Bombe vor dem Rathaus.",
      language: "de",
    });
    expect(d.publishedAt?.start).toBe("2023-06-03");
    expect(d.publishedFrom).toBe("dateline");
  });

  it("is not taken as the date of the attack the report tells", () => {
    const text =
      "Publié le 9 octobre 2023\nUne attaque a visé un marché de la ville. Les assaillants ont ouvert le feu sur la foule.";
    const r = read(text, "fr");
    expect(r.main).toBeDefined();
    expect(r.main?.date).toBeUndefined();
    expect(r.facts.mentions.find((m) => m.kind === "date")?.rule).toBe("i18n:date:report");
  });
});

describe("the date written onto the attack", () => {
  it("wins over a weekday that dates something else", () => {
    const text =
      "Le ministère a annoncé lundi l'arrestation de six suspects. Ils sont accusés d'avoir préparé l'attaque du 2 octobre contre une mosquée.";
    const r = read(text, "fr", "2023-10-16");
    expect(r.main?.date?.iso).toBe("2023-10-02");
  });
});

describe("the publication estimate reads dates in the text's language", () => {
  it("places an undated Russian report after the latest day it names", () => {
    const e = estimatePublished("Взрыв произошёл 12 сентября 2021 года на рынке.", undefined, "ru");
    expect(e?.value.start).toBe("2021-09-12");
    expect(estimatePublished("Взрыв произошёл 12 сентября 2021 года на рынке.")).toBeUndefined();
  });

  it("converts a Solar Hijri date for a Persian report", () => {
    expect(estimatePublished("انفجار روز ۳۱ شهریور ۱۳۹۷ رخ داد.", undefined, "fa")?.value.start).toBe("2018-09-22");
  });
});
