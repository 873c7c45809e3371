// A hand-made Kerman-like incident for the export tests: two reports written for these tests (a wire
// story on the day, a regional follow-up three days later), the facts extraction would find in them,
// and the fused incident with the fatality figures 103 → 95 → 84 in dispute. Offsets are computed from
// the texts, so every span is exact.

import type { ExportInput } from "../../src/export/input.js";
import { dateValue } from "../../src/model/dates.js";
import { makeDocument } from "../../src/model/document.js";
import type {
  Claim,
  Contradiction,
  CountValue,
  DocFacts,
  Document,
  Entity,
  Event,
  Incident,
  Judgment,
  Mention,
  Source,
  Span,
} from "../../src/model/records.js";

export const TEXT_A = [
  "Twin explosions tore through a crowd of mourners near the Kerman cemetery on 3 January 2024.",
  "State television said 103 people were killed and 171 wounded.",
  "A provincial official called the blasts a terrorist attack.",
].join(" ");

export const TEXT_B = [
  "Iran's health ministry revised the death toll from the Kerman bombing to 84 on 5 January.",
  "Health Minister Bahram Einollahi said some victims had been counted twice, and an earlier tally had put the dead at 95.",
  "The Islamic State Khorasan Province, known as IS-K, claimed responsibility on its Amaq channel, saying two suicide bombers carried out the attack.",
  `A message shared by supporters read "<script>alert('x')</script> soldiers of the caliphate".`,
  "Analysts said it is very likely that the group planned the operation from Afghanistan.",
].join(" ");

export function span(doc: Document, text: string, from = 0): Span {
  const start = doc.text.indexOf(text, from);
  if (start < 0) throw new Error(`fixture: "${text}" not in ${doc.id.slice(0, 8)}`);
  return { doc: doc.id, start, end: start + text.length, text };
}

function count(doc: Document, kind: CountValue["kind"], text: string, n: number): CountValue {
  return { kind, value: n, min: n, max: n, qualifier: "exact", span: span(doc, text) };
}

function mention(doc: Document, id: string, text: string, kind: Mention["kind"], entity?: string): Mention {
  const s = span(doc, text);
  const m: Mention = { id, doc: doc.id, start: s.start, end: s.end, text, kind, rule: "fixture", confidence: 0.9 };
  if (entity) m.entity = entity;
  return m;
}

export interface KermanFixture {
  input: ExportInput;
  docA: Document;
  docB: Document;
}

export function kermanFixture(): KermanFixture {
  const docA = makeDocument(
    {
      origin: "fixture/a.txt",
      text: TEXT_A,
      format: "text",
      language: "en",
      outlet: "Caspian Wire",
      title: "Explosions hit Kerman memorial crowd",
      url: "https://example.org/caspian/kerman-blasts",
      publishedAt: dateValue(2024, 1, 3),
    },
    new Date("2024-01-03T15:00:00Z"),
  );
  const docB = makeDocument(
    {
      origin: "fixture/b.txt",
      text: TEXT_B,
      format: "text",
      language: "en",
      outlet: "Zagros Monitor",
      title: "Kerman toll revised to 84; IS-K claims attack",
      url: "https://example.net/zagros/kerman-toll",
      publishedAt: dateValue(2024, 1, 6),
    },
    new Date("2024-01-06T09:00:00Z"),
  );
  const a = (s: string) => span(docA, s);
  const b = (s: string) => span(docB, s);

  const kermanGeo = { lat: 30.28, lon: 57.08, country: "IR", admin1: "Kerman Province", precision: "city" as const };
  const entA: Entity[] = [
    {
      id: "a:e1",
      type: "place",
      name: "Kerman",
      aliases: ["Kerman"],
      geo: kermanGeo,
      mentions: ["a:m1"],
      rule: "fixture",
    },
  ];
  const entB: Entity[] = [
    {
      id: "b:e1",
      type: "armed_group",
      name: "Islamic State Khorasan Province",
      aliases: ["Islamic State Khorasan Province", "IS-K"],
      mentions: ["b:m1", "b:m2"],
    },
    { id: "b:e2", type: "place", name: "Kerman", aliases: ["Kerman"], geo: kermanGeo, mentions: ["b:m3"] },
    { id: "b:e3", type: "state", name: "Iran", aliases: ["Iran"], country: "IR", mentions: ["b:m4"] },
    {
      id: "b:e4",
      type: "person",
      name: "Bahram Einollahi",
      aliases: ["Bahram Einollahi"],
      role: "Health Minister",
      affiliation: "Iran",
      mentions: ["b:m5"],
    },
  ];
  const mentionsA: Mention[] = [
    mention(docA, "a:m1", "Kerman", "place", "a:e1"),
    mention(docA, "a:m2", "3 January 2024", "date"),
    mention(docA, "a:m3", "103", "count"),
  ];
  const mentionsB: Mention[] = [
    mention(docB, "b:m1", "Islamic State Khorasan Province", "armed_group", "b:e1"),
    mention(docB, "b:m2", "IS-K", "armed_group", "b:e1"),
    mention(docB, "b:m3", "Kerman", "place", "b:e2"),
    mention(docB, "b:m4", "Iran", "state", "b:e3"),
    mention(docB, "b:m5", "Bahram Einollahi", "person", "b:e4"),
  ];
  const evA: Event = {
    id: "a:ev1",
    doc: docA.id,
    type: "explosion",
    trigger: a("explosions"),
    sentence: a(TEXT_A.split(". ")[0]!),
    date: dateValue(2024, 1, 3),
    place: "a:e1",
    participants: [{ role: "target", text: "mourners", span: a("mourners") }],
    counts: [count(docA, "killed", "103", 103), count(docA, "injured", "171", 171)],
    modality: "reported",
    attributes: {},
    rule: "fixture",
    confidence: 0.8,
  };
  const evB: Event = {
    id: "b:ev1",
    doc: docB.id,
    type: "suicide_bombing",
    trigger: b("bombing"),
    sentence: b(
      "The Islamic State Khorasan Province, known as IS-K, claimed responsibility on its Amaq channel, saying two suicide bombers carried out the attack.",
    ),
    place: "b:e2",
    participants: [{ role: "attacker", entity: "b:e1", text: "IS-K", span: b("IS-K") }],
    counts: [count(docB, "killed", "84", 84), count(docB, "killed", "95", 95)],
    modality: "asserted",
    attributes: { suicide: true, weapon: "suicide bombers" },
    rule: "fixture",
    confidence: 0.8,
  };
  const claimA: Claim = {
    id: "a:c1",
    doc: docA.id,
    kind: "speech",
    speakerText: "A provincial official",
    cue: a("called"),
    content: a("the blasts a terrorist attack"),
    quoted: false,
    about: ["a:ev1"],
    stance: "assert",
    rule: "fixture",
    confidence: 0.7,
  };
  const claimB: Claim = {
    id: "b:c1",
    doc: docB.id,
    kind: "responsibility",
    speaker: "b:e1",
    speakerText: "The Islamic State Khorasan Province",
    cue: b("claimed responsibility"),
    content: b("two suicide bombers carried out the attack"),
    quoted: false,
    about: ["b:ev1"],
    target: "b:e1",
    stance: "assert",
    rule: "fixture",
    confidence: 0.8,
  };
  const claimB2: Claim = {
    id: "b:c2",
    doc: docB.id,
    kind: "speech",
    speakerText: "supporters",
    cue: b("read"),
    content: b(`<script>alert('x')</script> soldiers of the caliphate`),
    quoted: true,
    about: [],
    stance: "assert",
    rule: "fixture",
    confidence: 0.6,
  };
  const judgmentB: Judgment = {
    id: "b:j1",
    doc: docB.id,
    term: b("very likely"),
    sentence: b("it is very likely that the group planned the operation from Afghanistan"),
    band: "very likely",
    probability: [0.8, 0.95],
    rule: "fixture",
    confidence: 0.9,
  };
  const facts: DocFacts[] = [
    { doc: docA.id, mentions: mentionsA, entities: entA, events: [evA], claims: [claimA], judgments: [] },
    {
      doc: docB.id,
      mentions: mentionsB,
      entities: entB,
      events: [evB],
      claims: [claimB, claimB2],
      judgments: [judgmentB],
    },
  ];

  const canonical: Entity[] = [
    {
      id: "ent-isk",
      type: "armed_group",
      name: "Islamic State Khorasan Province",
      aliases: ["Islamic State Khorasan Province", "IS-K"],
      mentions: ["b:m1", "b:m2"],
    },
    {
      id: "ent-kerman",
      type: "place",
      name: "Kerman",
      aliases: ["Kerman"],
      geo: kermanGeo,
      mentions: ["a:m1", "b:m3"],
    },
    { id: "ent-iran", type: "state", name: "Iran", aliases: ["Iran"], country: "IR", mentions: ["b:m4"] },
    {
      id: "ent-einollahi",
      type: "person",
      name: "Bahram Einollahi",
      aliases: ["Bahram Einollahi"],
      role: "Health Minister",
      affiliation: "Iran",
      mentions: ["b:m5"],
    },
  ];
  const pubA = "2024-01-03";
  const pubB = "2024-01-06";
  const killedB84 = evB.counts[0]!;
  const killedB95 = evB.counts[1]!;
  const cv = (c: CountValue) => ({ value: c.value, min: c.min, max: c.max, qualifier: c.qualifier });
  const incident: Incident = {
    id: "inc-kerman",
    type: "bombing",
    title: "Bombing in Kerman",
    date: dateValue(2024, 1, 3),
    place: "ent-kerman",
    perpetrators: [{ entity: "ent-isk", basis: "claimed", by: "ent-isk", doc: docB.id }],
    attributes: {
      killed: [
        { value: cv(evA.counts[0]!), doc: docA.id, span: evA.counts[0]!.span, publishedAt: pubA, event: "a:ev1" },
        { value: cv(killedB95), doc: docB.id, span: killedB95.span, publishedAt: pubB, event: "b:ev1" },
        { value: cv(killedB84), doc: docB.id, span: killedB84.span, publishedAt: pubB, event: "b:ev1" },
      ],
      injured: [
        { value: cv(evA.counts[1]!), doc: docA.id, span: evA.counts[1]!.span, publishedAt: pubA, event: "a:ev1" },
      ],
      date: [
        { value: dateValue(2024, 1, 3), doc: docA.id, span: a("3 January 2024"), publishedAt: pubA, event: "a:ev1" },
      ],
      place: [
        { value: "ent-kerman", doc: docA.id, publishedAt: pubA, event: "a:ev1" },
        { value: "ent-kerman", doc: docB.id, publishedAt: pubB, event: "b:ev1" },
      ],
      nature: [
        { value: "attack", doc: docA.id, span: a("explosions"), publishedAt: pubA, event: "a:ev1" },
        { value: "attack", doc: docB.id, span: b("bombing"), publishedAt: pubB, event: "b:ev1" },
      ],
      target: [{ value: "mourners", doc: docA.id, span: a("mourners"), publishedAt: pubA, event: "a:ev1" }],
      suicide: [{ value: true, doc: docB.id, publishedAt: pubB, event: "b:ev1" }],
      weapon: [{ value: "suicide bombers", doc: docB.id, publishedAt: pubB, event: "b:ev1" }],
      perpetrator: [
        {
          value: { entity: "ent-isk", basis: "claimed" },
          doc: docB.id,
          span: claimB.content,
          publishedAt: pubB,
          speaker: "ent-isk",
        },
      ],
    },
    events: ["a:ev1", "b:ev1"],
    documents: [docA.id, docB.id],
    explanation: ["b:ev1 joined inc-kerman: same place (Kerman) and day."],
  };
  const contradiction: Contradiction = {
    id: "con-kerman-killed",
    incident: "inc-kerman",
    attribute: "killed",
    kind: "dispute",
    values: [
      { value: cv(evA.counts[0]!), doc: docA.id, publishedAt: pubA },
      { value: cv(killedB95), doc: docB.id, publishedAt: pubB },
      { value: cv(killedB84), doc: docB.id, publishedAt: pubB },
    ],
    severity: "high",
    explanation: "killed: 103 (Caspian Wire, 2024-01-03) then 95 and 84 (Zagros Monitor, 2024-01-06).",
  };
  const sources: Source[] = [
    { id: "caspian-wire", name: "Caspian Wire", reliability: "B" },
    { id: "zagros-monitor", name: "Zagros Monitor", reliability: "C", notes: "Regional daily; relies on state media." },
  ];
  return {
    docA,
    docB,
    input: {
      sources,
      documents: [docA, docB],
      facts,
      fusion: { entities: canonical, incidents: [incident], contradictions: [contradiction] },
      ach: [],
    },
  };
}
