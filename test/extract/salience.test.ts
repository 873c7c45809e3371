// Main and background events: one main event per report, history marked as background with a reason,
// on invented reports.
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { dateValue } from "../../src/model/dates.js";
import { makeDocument } from "../../src/model/document.js";
import type { Event } from "../../src/model/records.js";

function events(text: string, published?: string): Event[] {
  const [y, m, d] = (published ?? "").split("-").map(Number);
  const doc = makeDocument({
    origin: "t",
    text,
    format: "text",
    ...(published ? { publishedAt: dateValue(y!, m, d) } : {}),
  });
  return extractFacts(doc).events;
}
const mains = (evs: Event[]) => evs.filter((e) => e.attributes.salience === "main");
const background = (evs: Event[]) => evs.filter((e) => e.attributes.salience === "background");

describe("salience", () => {
  it("marks exactly one main event: the first attack of the lead", () => {
    const evs = events(
      [
        "Suicide bomber kills 20 at a wedding in the north",
        "A suicide bomber blew himself up at a wedding party on Saturday, killing 20 guests, police said.",
        "Police later arrested two men suspected of helping him.",
      ].join("\n"),
      "2021-06-06",
    );
    expect(mains(evs)).toHaveLength(1);
    expect(["attack"]).toContain(mains(evs)[0]!.type);
  });

  it("prefers the dated retelling of an undated headline attack", () => {
    const evs = events(
      ["Market bombing shakes the city", "The bombing took place on Tuesday near the main bus station."].join("\n"),
      "2020-03-12",
    );
    expect(mains(evs)[0]?.date?.iso).toBe("2020-03-10");
  });

  it("marks an attack dated years before the report as background, with its toll", () => {
    const evs = events(
      [
        "Gunmen attacked a police post on Monday, killing four officers.",
        "In 2015 the same group carried out a bombing that killed 31 people at a stadium.",
      ].join("\n"),
      "2022-09-14",
    );
    const bg = background(evs);
    expect(bg.length).toBeGreaterThan(0);
    expect(bg.every((e) => e.sentence?.text.startsWith("In 2015"))).toBe(true);
    expect(bg.some((e) => e.counts.some((c) => c.value === 31))).toBe(true);
    expect(String(bg[0]!.attributes.salienceReason)).toMatch(/2015/);
    expect(mains(evs)[0]?.sentence?.text).toMatch(/^Gunmen/);
  });

  it("marks past cues next to the trigger, even in an undated report", () => {
    const evs = events(
      [
        "Militants stormed a hotel in the capital, killing nine guests.",
        "The group has repeatedly attacked foreigners in the region.",
        "A similar assault on a bank left six dead.",
        "The city was also bombed last year, with 12 people killed.",
        "It was the worst violence since 2009, when gunmen killed 40 pilgrims.",
        "The rebels said the raid was in retaliation for an air strike on their camp.",
        "The raid came two days after a car bombing in the port.",
      ].join("\n"),
    );
    const bgText = background(evs).map((e) => e.sentence?.text ?? "");
    expect(bgText.some((t) => t.includes("repeatedly"))).toBe(true);
    expect(bgText.some((t) => t.includes("similar"))).toBe(true);
    expect(bgText.some((t) => t.includes("last year"))).toBe(true);
    expect(bgText.some((t) => t.includes("since 2009"))).toBe(true);
    expect(background(evs).some((e) => e.trigger.text.includes("strike"))).toBe(true);
    expect(background(evs).some((e) => e.trigger.text.includes("bombing"))).toBe(true);
    expect(bgText.some((t) => t.startsWith("Militants"))).toBe(false);
    expect(mains(evs)).toHaveLength(1);
  });

  it("takes what a report's event 'comes after', however far into the sentence, for history", () => {
    const evs = events(
      [
        "Ardenia says a neighbour's missile strike on its soil killed two farmers",
        "The strike comes after the neighbour's guards carried out raids across the river, weeks after a rebel group claimed responsibility for bombings that killed 40 people in the capital.",
      ].join("\n"),
    );
    const main = mains(evs)[0];
    expect(main?.sentence?.text.startsWith("Ardenia")).toBe(true);
    expect(background(evs).some((e) => e.trigger.text.includes("bombings"))).toBe(true);
    expect(background(evs).some((e) => e.trigger.text.includes("strike"))).toBe(false);
  });

  it("takes an attack told 'in a recent incident' for history, not the report's news", () => {
    const evs = events(
      [
        "Drones struck two camps of the Red Hand group in the hills on Tuesday.",
        "In a recent incident, the Red Hand claimed an attack on a border post that killed nine guards.",
      ].join("\n"),
    );
    expect(background(evs).some((e) => e.sentence?.text.startsWith("In a recent incident"))).toBe(true);
    expect(mains(evs)[0]?.sentence?.text.startsWith("Drones")).toBe(true);
  });

  it("does not take recent phrasing for history", () => {
    const evs = events(
      [
        "Last week's attack on the ministry killed eight people, officials said on Friday.",
        "Two days earlier police had found explosives nearby.",
      ].join("\n"),
      "2023-05-12",
    );
    expect(background(evs)).toHaveLength(0);
  });

  it("dates history against the estimated writing date of an undated report", () => {
    const evs = events(
      [
        "Rebels attacked the airport on 4 March 2019, killing three soldiers.",
        "The rebels had attacked the same airport on 2 June 2016.",
      ].join("\n"),
    );
    const bg = background(evs);
    expect(bg.some((e) => e.date?.iso === "2016-06-02")).toBe(true);
    expect(mains(evs)[0]?.date?.iso).toBe("2019-03-04");
  });

  it("leaves hypothetical attacks unmarked and a report without events without a main", () => {
    const evs = events("The minister warned that militants could attack schools.");
    expect(mains(evs).filter((e) => e.modality === "hypothetical")).toHaveLength(0);
    expect(mains(events("The weather was mild and the markets were calm."))).toHaveLength(0);
  });
});
