// Language identification on sentences written for this test, and the per-line stretches of a mixed document.
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { guessLanguage, languageSpans } from "../../src/ingest/language.js";
import { makeDocument } from "../../src/model/document.js";

const SAMPLES: [string, string][] = [
  ["fr", "Les secours sont arrivés sur place peu après l'explosion, selon la préfecture."],
  ["es", "Los vecinos denunciaron que la policía tardó más de una hora en llegar al barrio."],
  ["pt", "Os moradores disseram que a polícia demorou mais de uma hora para chegar ao bairro."],
  ["de", "Die Anwohner berichteten, dass die Polizei mehr als eine Stunde gebraucht habe."],
  ["ru", "Жители района рассказали, что полиция приехала только через час после взрыва."],
  ["tr", "Mahalle sakinleri polisin olay yerine bir saatten fazla bir sürede geldiğini söyledi."],
  ["ar", "قال سكان الحي إن الشرطة وصلت بعد أكثر من ساعة من وقوع الانفجار."],
  ["fa", "ساکنان محله گفتند که پلیس بیش از یک ساعت بعد از انفجار به محل رسید."],
  ["ur", "محلے کے رہائشیوں نے بتایا کہ پولیس دھماکے کے ایک گھنٹے بعد موقع پر پہنچی۔"],
  ["en", "Residents said the police took more than an hour to reach the neighbourhood."],
];

describe("language identification", () => {
  it.each(SAMPLES)("identifies %s", (lang, text) => {
    expect(guessLanguage(text)).toBe(lang);
  });

  it("marks the lines of a mixed document by language, and none of a one-language document", () => {
    const text = [
      "The interior minister posted a statement in French shortly after the attack on the station.",
      "Nous condamnons avec la plus grande fermeté cette attaque lâche contre nos forces de sécurité.",
      "Officials later said that the station had reopened and that two suspects were being questioned.",
    ].join("\n");
    const spans = languageSpans(text, "en");
    expect(spans?.map((s) => s.language)).toEqual(["en", "fr", "en"]);
    expect(text.slice(spans![1]!.start, spans![1]!.end)).toMatch(/^Nous condamnons/);
    expect(languageSpans(SAMPLES[9]![1], "en")).toBeUndefined();
  });

  it("reads each stretch of a mixed document with its own language's rules", () => {
    const text = [
      "Gunmen attacked a police post in the north of the country on Monday, officials said.",
      "Le bilan provisoire s'élève à 4 morts et 11 blessés, selon une source sécuritaire locale.",
    ].join("\n");
    const doc = makeDocument({ origin: "t.txt", format: "text", text, language: "en" });
    const spans = languageSpans(doc.text, doc.language);
    expect(spans).toBeDefined();
    doc.languages = spans!;
    const facts = extractFacts(doc);
    const frenchStart = doc.text.indexOf("Le bilan");
    const inFrench = facts.mentions.filter((m) => m.start >= frenchStart);
    expect(inFrench.length).toBeGreaterThan(0);
    expect(inFrench.every((m) => m.rule.startsWith("i18n"))).toBe(true);
    const counts = inFrench.filter((m) => m.kind === "count").map((m) => (m.value as { value: number }).value);
    expect(counts).toEqual([4, 11]);
    expect(facts.events.some((e) => !e.rule.startsWith("i18n") && e.trigger.start < frenchStart)).toBe(true);
  });
});

describe("region-tagged documents", () => {
  it("reads an en-US document with the English rules and marks no stretches", () => {
    const text = "Police said two people were killed when gunmen opened fire at a bus stop on Friday.";
    expect(languageSpans(text, "en-US")).toBeUndefined();
    const doc = makeDocument({ origin: "us.txt", format: "text", text, language: "en-US" });
    const facts = extractFacts(doc);
    expect(facts.events.length).toBeGreaterThan(0);
    expect(facts.events.every((e) => !e.rule.startsWith("i18n"))).toBe(true);
  });

  it("reads a pt-BR document with the Portuguese rules", () => {
    const text = "Tiroteio em Cabul deixa 3 mortos e 8 feridos.";
    const facts = extractFacts(makeDocument({ origin: "br.txt", format: "text", text, language: "pt-BR" }));
    expect(facts.events[0]?.rule).toBe("i18n:pt:shooting");
    expect(facts.events[0]?.attributes.salience).toBe("main");
  });
});
