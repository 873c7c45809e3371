// A store built to provoke every way an importer can collapse or mis-type Tessera's records: two wire
// copies with one headline on one day from different outlets, two equally strong judgments on one day,
// two incidents with one name on one day, two people with one name, a province, a village known only by
// its country, a nationality and a people without a state, and perpetrators that are a state, its
// nationality, a person and an organisation. Every sentence is written for this test.
import type { ExportInput } from "../../src/export/input.js";
import { dateValue } from "../../src/model/dates.js";
import { makeDocument } from "../../src/model/document.js";
import type {
  Claim,
  DocFacts,
  Document,
  Entity,
  Incident,
  Judgment,
  Mention,
  Source,
} from "../../src/model/records.js";

const TEXT_1 =
  "A car bomb exploded outside a provincial office in Sistan on Monday. Police said Ali Rezaei, a driver, was hurt. " +
  "It is very likely that the device was placed overnight.";
const TEXT_2 =
  "A car bomb exploded outside a provincial office in Sistan on Monday, officials said. Ali Rezaei, a local trader, " +
  "told reporters Israel was behind it. It is very likely that more arrests will follow.";
const TEXT_3 =
  "A second blast on Monday hit a market in the village of Dasht-e Nur. Tajik and Hazara workers were among the hurt. " +
  "The Mehr Brigade denied any role; the Northern Traders Union was blamed by a local council.";

function doc(text: string, outlet: string, n: number): Document {
  return makeDocument(
    {
      origin: `fixture/interop-${n}.txt`,
      text,
      format: "text",
      language: "en",
      outlet,
      title: "Blast in Sistan",
      publishedAt: dateValue(2024, 2, 5),
    },
    new Date("2024-02-05T12:00:00Z"),
  );
}

export function interopFixture(): { input: ExportInput; docs: Document[] } {
  const d1 = doc(TEXT_1, "Harbour Wire", 1);
  const d2 = doc(TEXT_2, "Plateau Courier", 2);
  const d3 = doc(TEXT_3, "Harbour Wire", 3);
  const docs = [d1, d2, d3];
  const at = (d: Document, s: string) => {
    const start = d.text.indexOf(s);
    if (start < 0) throw new Error(`fixture: "${s}" missing`);
    return { doc: d.id, start, end: start + s.length, text: s };
  };
  const mentions: Record<string, Mention[]> = { [d1.id]: [], [d2.id]: [], [d3.id]: [] };
  const m = (d: Document, id: string, s: string, kind: Mention["kind"], entity: string): string => {
    mentions[d.id]!.push({ id, ...at(d, s), kind, entity, rule: "fixture", confidence: 0.8 });
    return id;
  };
  const entities: Entity[] = [
    {
      id: "ent-sistan",
      type: "place",
      name: "Sistan",
      aliases: ["Sistan"],
      geo: { lat: 30.9, lon: 61.5, country: "IR", admin1: "Sistan", precision: "admin1" },
      mentions: [m(d1, "1:m1", "Sistan", "place", "ent-sistan"), m(d2, "2:m1", "Sistan", "place", "ent-sistan")],
    },
    {
      id: "ent-dasht",
      type: "place",
      name: "Dasht-e Nur",
      aliases: ["Dasht-e Nur"],
      country: "IR",
      mentions: [m(d3, "3:m1", "Dasht-e Nur", "place", "ent-dasht")],
    },
    {
      id: "ent-rezaei-1",
      type: "person",
      name: "Ali Rezaei",
      aliases: ["Ali Rezaei"],
      role: "driver",
      mentions: [m(d1, "1:m2", "Ali Rezaei", "person", "ent-rezaei-1")],
    },
    {
      id: "ent-rezaei-2",
      type: "person",
      name: "Ali Rezaei",
      aliases: ["Ali Rezaei"],
      role: "trader",
      mentions: [m(d2, "2:m2", "Ali Rezaei", "person", "ent-rezaei-2")],
    },
    {
      id: "ent-israel",
      type: "state",
      name: "Israel",
      aliases: ["Israel"],
      country: "IL",
      mentions: [m(d2, "2:m3", "Israel", "state", "ent-israel")],
    },
    {
      id: "ent-tajik",
      type: "nationality",
      name: "Tajik",
      aliases: ["Tajik"],
      country: "TJ",
      mentions: [m(d3, "3:m2", "Tajik", "nationality", "ent-tajik")],
    },
    {
      id: "ent-hazara",
      type: "nationality",
      name: "Hazara",
      aliases: ["Hazara"],
      mentions: [m(d3, "3:m3", "Hazara", "nationality", "ent-hazara")],
    },
    {
      id: "ent-mehr",
      type: "armed_group",
      name: "Mehr Brigade",
      aliases: ["Mehr Brigade"],
      mentions: [m(d3, "3:m4", "Mehr Brigade", "armed_group", "ent-mehr")],
    },
    {
      id: "ent-union",
      type: "organization",
      name: "Northern Traders Union",
      aliases: ["Northern Traders Union"],
      mentions: [m(d3, "3:m5", "Northern Traders Union", "organization", "ent-union")],
    },
  ];
  const judgment = (d: Document, id: string, sentence: string): Judgment => ({
    id,
    doc: d.id,
    term: at(d, "very likely"),
    sentence: at(d, sentence),
    band: "very likely",
    probability: [0.8, 0.95],
    rule: "fixture",
    confidence: 0.9,
  });
  const claim = (d: Document, id: string, content: string, cue: string): Claim => ({
    id,
    doc: d.id,
    kind: "speech",
    speakerText: "officials",
    cue: at(d, cue),
    content: at(d, content),
    quoted: false,
    about: [],
    stance: "assert",
    rule: "fixture",
    confidence: 0.7,
  });
  const facts: DocFacts[] = [
    {
      doc: d1.id,
      mentions: mentions[d1.id]!,
      entities: [],
      events: [],
      claims: [claim(d1, "1:c1", "A car bomb exploded outside a provincial office in Sistan on Monday", "said")],
      judgments: [judgment(d1, "1:j1", "the device was placed overnight")],
    },
    {
      doc: d2.id,
      mentions: mentions[d2.id]!,
      entities: [],
      events: [],
      claims: [
        claim(d2, "2:c1", "A car bomb exploded outside a provincial office in Sistan on Monday", "officials said"),
      ],
      judgments: [judgment(d2, "2:j1", "more arrests will follow")],
    },
    { doc: d3.id, mentions: mentions[d3.id]!, entities: [], events: [], claims: [], judgments: [] },
  ];
  const day = dateValue(2024, 2, 5);
  const pub = "2024-02-05";
  const incident = (id: string, place: string, documents: Document[], extra: Partial<Incident>): Incident => ({
    id,
    type: "bombing",
    title: "Bombing in Sistan",
    date: day,
    place,
    perpetrators: [],
    attributes: {
      place: documents.map((d) => ({ value: place, doc: d.id, publishedAt: pub })),
      date: documents.map((d) => ({ value: day, doc: d.id, publishedAt: pub })),
    },
    events: [],
    documents: documents.map((d) => d.id),
    explanation: ["fixture"],
    ...extra,
  });
  const inc1 = incident("inc-sistan-office", "ent-sistan", [d1, d2], {
    perpetrators: [
      { entity: "ent-israel", basis: "attributed", by: "ent-rezaei-2", doc: d2.id },
      { entity: "ent-rezaei-1", basis: "suspected", doc: d1.id },
    ],
  });
  const inc2 = incident("inc-sistan-market", "ent-dasht", [d3], {
    perpetrators: [{ entity: "ent-union", basis: "attributed", doc: d3.id }],
  });
  inc2.attributes.target = [
    { value: "ent-mehr", doc: d3.id, publishedAt: pub },
    { value: "ent-tajik", doc: d3.id, publishedAt: pub },
    { value: "ent-hazara", doc: d3.id, publishedAt: pub },
  ];
  const sources: Source[] = [
    { id: "harbour-wire", name: "Harbour Wire", reliability: "B" },
    { id: "plateau-courier", name: "Plateau Courier", reliability: "D" },
  ];
  return {
    docs,
    input: {
      sources,
      documents: docs,
      facts,
      fusion: { entities, incidents: [inc1, inc2], contradictions: [] },
      ach: [],
    },
  };
}
