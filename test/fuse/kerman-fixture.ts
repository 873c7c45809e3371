// Hand-made documents and facts about the 3 January 2024 Kerman bombing as several outlets might report it,
// plus a same-day distractor elsewhere. Sentences written for these tests; facts follow the public record.

import type { FusionInput } from "../../src/fuse/index.js";
import { dateValue } from "../../src/model/dates.js";
import { documentId } from "../../src/model/document.js";
import type {
  Claim,
  CountValue,
  DocFacts,
  Document,
  Entity,
  Event,
  Geo,
  Participant,
  Qualifier,
  Source,
} from "../../src/model/records.js";

export class DocBuilder {
  readonly doc: Document;
  readonly facts: DocFacts;
  private n = 0;
  constructor(
    text: string,
    outlet: string,
    published: string,
    readonly source?: Source,
  ) {
    const [y, m, d] = published.split("-").map(Number);
    this.doc = {
      id: documentId(text),
      origin: `test://${outlet}`,
      outlet,
      publishedAt: dateValue(y ?? 2024, m, d),
      language: "en",
      fetchedAt: `${published}T12:00:00.000Z`,
      format: "text",
      text,
    };
    this.facts = { doc: this.doc.id, mentions: [], entities: [], events: [], claims: [], judgments: [] };
  }

  span(text: string): { doc: string; start: number; end: number; text: string } {
    const start = Math.max(0, this.doc.text.indexOf(text));
    return { doc: this.doc.id, start, end: start + text.length, text };
  }

  entity(type: Entity["type"], name: string, extra: Partial<Entity> = {}): string {
    const id = `${this.doc.id.slice(0, 10)}-e${++this.n}`;
    this.facts.entities.push({ id, type, name, aliases: [name], mentions: [], ...extra });
    return id;
  }

  count(kind: CountValue["kind"], value: number, qualifier: Qualifier = "exact", surface = String(value)): CountValue {
    const max = qualifier === "at_least" || qualifier === "more_than" ? null : value;
    return {
      kind,
      value,
      min: qualifier === "more_than" ? value + 1 : value,
      max,
      qualifier,
      span: this.span(surface),
    };
  }

  event(
    type: string,
    trigger: string,
    opts: {
      date?: string;
      place?: string;
      counts?: CountValue[];
      participants?: Participant[];
      modality?: Event["modality"];
      reportedBy?: string;
      attributes?: Record<string, unknown>;
    } = {},
  ): string {
    const id = `${this.doc.id.slice(0, 10)}-ev${++this.n}`;
    const ev: Event = {
      id,
      doc: this.doc.id,
      type,
      trigger: this.span(trigger),
      participants: opts.participants ?? [],
      counts: opts.counts ?? [],
      modality: opts.modality ?? "asserted",
      attributes: opts.attributes ?? {},
      rule: "test",
      confidence: 0.9,
    };
    if (opts.date) {
      const [y, m, d] = opts.date.split("-").map(Number);
      ev.date = dateValue(y ?? 2024, m, d);
    }
    if (opts.place) ev.place = opts.place;
    if (opts.reportedBy) ev.reportedBy = opts.reportedBy;
    this.facts.events.push(ev);
    return id;
  }

  claim(
    kind: Claim["kind"],
    cue: string,
    content: string,
    opts: { speaker?: string; target?: string; about?: string[] },
  ): void {
    const c: Claim = {
      id: `${this.doc.id.slice(0, 10)}-cl${++this.n}`,
      doc: this.doc.id,
      kind,
      cue: this.span(cue),
      content: this.span(content),
      quoted: false,
      about: opts.about ?? [],
      stance: "assert",
      rule: "test",
      confidence: 0.8,
    };
    if (opts.speaker) c.speaker = opts.speaker;
    if (opts.target) c.target = opts.target;
    this.facts.claims.push(c);
  }

  input(): FusionInput {
    return this.source
      ? { doc: this.doc, facts: this.facts, source: this.source }
      : { doc: this.doc, facts: this.facts };
  }
}

export const KERMAN_GEO: Geo = { lat: 30.2839, lon: 57.0834, country: "IR", admin1: "Kerman", precision: "city" };
export const QUETTA_GEO: Geo = { lat: 30.1798, lon: 66.975, country: "PK", admin1: "Balochistan", precision: "city" };

export const src = (name: string, reliability: Source["reliability"]): Source => ({
  id: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
  name,
  reliability,
});

/** Outlet A, 3 Jan: first toll of 103. */
export function outletA(source = src("Tehran Wire", "C")): DocBuilder {
  const b = new DocBuilder(
    "Two blasts tore through a crowd marking the anniversary of Qassem Soleimani's death in Kerman on 3 January 2024. State television put the toll at 103 dead and 141 wounded.",
    source.name,
    "2024-01-03",
    source,
  );
  const kerman = b.entity("place", "Kerman", { geo: KERMAN_GEO });
  const sol = b.entity("person", "Qassem Soleimani", { aliases: ["Qassem Soleimani", "Soleimani"] });
  b.event("bombing", "blasts", {
    date: "2024-01-03",
    place: kerman,
    counts: [b.count("killed", 103), b.count("injured", 141)],
    participants: [{ role: "target", entity: sol, text: "Qassem Soleimani" }],
  });
  return b;
}

/** Outlet B, 3 Jan: a different toll the same day. */
export function outletB(source = src("Gulf Daily", "B")): DocBuilder {
  const b = new DocBuilder(
    "Provincial officials in Kerman said 84 people were killed on Wednesday when two bombs exploded near the grave of General Qasem Soleimani.",
    source.name,
    "2024-01-03",
    source,
  );
  const kerman = b.entity("place", "Kerman", { geo: KERMAN_GEO });
  const sol = b.entity("person", "General Qasem Soleimani", { aliases: ["Qasem Soleimani"] });
  b.event("explosion", "exploded", {
    date: "2024-01-03",
    place: kerman,
    counts: [b.count("killed", 84)],
    participants: [{ role: "target", entity: sol, text: "Qasem Soleimani" }],
  });
  return b;
}

/** Outlet C, 5 Jan: IS claim, Israel blamed, first arrests (11) announced by the intelligence ministry. */
export function outletC(source = src("Euro Monitor", "B")): DocBuilder {
  const b = new DocBuilder(
    "The Islamic State group claimed the Kerman attack of 3 January in a statement on Thursday, after Iranian officials had blamed Israel. Iran's Ministry of Intelligence said on Friday that 11 suspects had been arrested.",
    source.name,
    "2024-01-05",
    source,
  );
  const kerman = b.entity("place", "Kerman", { geo: KERMAN_GEO });
  const is = b.entity("armed_group", "Islamic State", { rule: "gazetteer:armed-groups:islamic-state" });
  const israel = b.entity("state", "Israel", { country: "IL" });
  const officials = b.entity("organization", "Iranian officials");
  const ministry = b.entity("organization", "Ministry of Intelligence", { aliases: ["Ministry of Intelligence"] });
  const attack = b.event("attack", "attack", { date: "2024-01-03", place: kerman });
  b.event("arrest", "arrested", { date: "2024-01-05", counts: [b.count("arrested", 11)], reportedBy: ministry });
  b.claim("responsibility", "claimed", "the Kerman attack of 3 January", { speaker: is, about: [attack] });
  b.claim("accusation", "blamed", "Israel", { speaker: officials, target: israel, about: [attack] });
  return b;
}

/** Outlet A again, 11 Jan: the same ministry now gives 35 arrests. */
export function outletD(source = src("Tehran Wire", "C")): DocBuilder {
  const b = new DocBuilder(
    "Iran's Ministry of Intelligence announced on Thursday that 35 people had been detained in connection with the Kerman bombings.",
    source.name,
    "2024-01-11",
    source,
  );
  const kerman = b.entity("place", "Kerman", { geo: KERMAN_GEO });
  const ministry = b.entity("organization", "Ministry of Intelligence");
  b.event("bombing", "bombings", { place: kerman });
  b.event("arrest", "detained", { date: "2024-01-11", counts: [b.count("arrested", 35)], reportedBy: ministry });
  return b;
}

/** A same-day suicide bombing in Pakistan that must stay a separate incident. */
export function distractor(source = src("Indus Times", "C")): DocBuilder {
  const b = new DocBuilder(
    "A suicide bomber killed 12 people at a vegetable market in Quetta on 3 January 2024, police in Balochistan said.",
    source.name,
    "2024-01-03",
    source,
  );
  const quetta = b.entity("place", "Quetta", { geo: QUETTA_GEO });
  b.event("bombing", "suicide bomber", { date: "2024-01-03", place: quetta, counts: [b.count("killed", 12)] });
  return b;
}
