// Reads a short report written for these tests through the product's extraction and sums up its main event.
import { extractFacts } from "../../../src/extract/index.js";
import { makeDocument } from "../../../src/model/document.js";
import type { DocFacts, Event } from "../../../src/model/records.js";

export interface Reading {
  facts: DocFacts;
  main?: Event;
  killed: number[];
  injured: number[];
  arrested: number[];
  place?: string;
  claimedBy: string[];
  /** Rules that produced anything; English rules have no "i18n" prefix. */
  rules: string[];
}

export function read(text: string, language: string, published?: string): Reading {
  const doc = makeDocument({
    origin: "test.txt",
    format: "text",
    text,
    language,
    ...(published ? { publishedAt: { iso: published, precision: "day", start: published, end: published } } : {}),
  });
  const facts = extractFacts(doc);
  const main = facts.events.find((e) => e.attributes?.salience === "main");
  const of = (k: string): number[] => (main?.counts ?? []).filter((c) => c.kind === k).map((c) => c.value);
  const name = (id?: string): string | undefined => facts.entities.find((e) => e.id === id)?.name;
  return {
    facts,
    ...(main ? { main } : {}),
    killed: of("killed"),
    injured: of("injured"),
    arrested: of("arrested"),
    ...(main?.place ? { place: name(main.place)! } : {}),
    claimedBy: facts.claims.filter((c) => c.kind === "responsibility").map((c) => name(c.target)!),
    rules: [
      ...facts.mentions.map((m) => m.rule),
      ...facts.events.map((e) => e.rule),
      ...facts.claims.map((c) => c.rule),
      ...facts.judgments.map((j) => j.rule),
    ],
  };
}

/** Every span of the reading points at the characters it names. */
export function spansHold(r: Reading, text: string): boolean {
  const spans = [
    ...r.facts.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text })),
    ...r.facts.events.flatMap((e) => [e.trigger, ...e.counts.map((c) => c.span)]),
    ...r.facts.claims.flatMap((c) => [c.cue, c.content]),
  ];
  return spans.every((s) => text.slice(s.start, s.end) === s.text);
}
