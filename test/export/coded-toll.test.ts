// The coded toll (GTD nkill / nwound): the best-supported current figure of the incident, not the minimum of
// everything printed. Texts and figures are invented for this test.
import { describe, expect, it } from "vitest";
import { codeIncident } from "../../src/export/csv/coding.js";
import { gtdRow } from "../../src/export/csv/gtd.js";
import type { ExportInput } from "../../src/export/input.js";
import { ExportIndex } from "../../src/export/view.js";
import { parseIsoDate } from "../../src/model/dates.js";
import { makeDocument } from "../../src/model/document.js";
import type { AttributeValue, Document, Event, Incident } from "../../src/model/records.js";

function report(text: string, outlet: string, published?: string): Document {
  const p = published ? parseIsoDate(published) : undefined;
  return makeDocument({ origin: outlet, format: "text", text, outlet, ...(p ? { publishedAt: p } : {}) });
}

function killed(doc: Document, n: number, extra: Partial<AttributeValue> = {}): AttributeValue {
  const at = doc.text.indexOf(String(n));
  const v: AttributeValue = {
    value: { value: n, min: n, max: n, qualifier: "exact" },
    doc: doc.id,
    span: { doc: doc.id, start: Math.max(0, at), end: Math.max(0, at) + String(n).length, text: String(n) },
    ...extra,
  };
  if (doc.publishedAt) v.publishedAt = doc.publishedAt.start;
  return v;
}

function coded(docs: Document[], values: AttributeValue[], events: Event[] = []) {
  const incident: Incident = {
    id: "inc-1",
    type: "attack",
    title: "attack",
    perpetrators: [],
    attributes: values.length ? { killed: values } : {},
    events: events.map((e) => e.id),
    documents: docs.map((d) => d.id),
    explanation: [],
  };
  const input: ExportInput = {
    sources: [],
    documents: docs,
    facts: events.length ? [{ doc: docs[0]!.id, mentions: [], entities: [], events, claims: [], judgments: [] }] : [],
    fusion: { entities: [], incidents: [incident], contradictions: [] },
    ach: [],
  };
  const c = codeIncident(new ExportIndex(input), incident);
  return { coding: c, row: gtdRow(c, 1) };
}

describe("coded toll", () => {
  it("takes the latest report's current figure, not a stray single victim or a restated earlier figure", () => {
    const a = report("Officials said 40 people died in the market bombing.", "Wire One", "2030-05-01");
    const b = report("The toll rose to 52. Among them was 1 teacher, her family said.", "Wire Two", "2030-05-02");
    const c = report("The toll reached 60, up from 52 a day earlier.", "Wire Three", "2030-05-03");
    const values = [killed(a, 40), killed(b, 52), killed(b, 1), killed(c, 60), killed(c, 52, { asOf: "2030-05-02" })];
    const { coding, row } = coded([a, b, c], values);
    expect(row.nkill).toBe(60);
    // the conservative figure is still there for ACLED
    expect(coding.killed.lowest).toBe(1);
  });

  it("never codes a part of the toll or one victim while a whole figure exists, and falls back on them otherwise", () => {
    const a = report("A soldier was among the dead; 4 guards died at the gate of the base.", "Wire One", "2030-05-01");
    const b = report("The latest report: 4 guards dead, and in all 31 died in the raid.", "Wire Two", "2030-05-02");
    const part = (d: Document, n: number) =>
      killed(d, n, { value: { value: n, min: n, max: n, qualifier: "exact", subset: "guards" } });
    const one = (d: Document) =>
      ({
        ...killed(d, 1),
        value: { value: 1, min: 1, max: 1, qualifier: "exact", individual: true },
      }) as AttributeValue;
    expect(coded([a, b], [one(a), part(a, 4), part(b, 4), killed(b, 31)]).row.nkill).toBe(31);
    expect(coded([a], [one(a), part(a, 4)]).row.nkill).toBe(4);
  });

  it("without dates, the figure most outlets give wins, then the larger", () => {
    const a = report("Thirteen were killed: 13 in all, police said.", "Wire One");
    const b = report("Police counted 13 dead after the shooting.", "Wire Two");
    const c = report("A hospital source put the dead at 15.", "Wire Three");
    expect(coded([a, b, c], [killed(a, 13), killed(b, 13), killed(c, 15)]).row.nkill).toBe(13);
    expect(coded([a, c], [killed(a, 13), killed(c, 15)]).row.nkill).toBe(15);
  });

  it("codes a report that retells its tallies oldest first by the last one told as newer", () => {
    const a = report(
      "Rescuers first counted 70 dead on Monday. Officials lowered the toll to 61 the next day. The ministry then gave 58, and later 63.",
      "Review One",
      "2030-06-20",
    );
    const values = [killed(a, 70, { asOf: "2030-06-01" }), killed(a, 61), killed(a, 58), killed(a, 63)];
    expect(coded([a], values).row.nkill).toBe(63);
    // a lead-first report keeps its first figure: a part told after it is not newer
    const b = report("The bombing killed 44 people. Among them were 9 police officers.", "Wire Two", "2030-06-20");
    expect(coded([b], [killed(b, 44), killed(b, 9)]).row.nkill).toBe(44);
  });

  it("prefers the exact figure a report gives after a round bound of the same toll", () => {
    const bound = (d: Document, n: number) =>
      killed(d, n, { value: { value: n, min: n + 1, max: null, qualifier: "more_than" } });
    const a = report(
      "The raid on the depot killed more than 40 people. A police source later confirmed 46 dead.",
      "Wire One",
      "2030-07-02",
    );
    expect(coded([a], [bound(a, 40), killed(a, 46)]).row.nkill).toBe(46);
    // a higher bound from below is the tighter one: "more than 40 … at least 45"
    const atLeast = (d: Document, n: number) =>
      killed(d, n, { value: { value: n, min: n, max: null, qualifier: "at_least" } });
    const t = report("More than 40 people died. Medics said at least 45 were killed.", "Wire Four", "2030-07-02");
    expect(coded([t], [bound(t, 40), atLeast(t, 45)]).row.nkill).toBe(45);
    // an exact figure below the bound, or far above it, is another count: the bound stays the report's figure
    const b = report("More than 40 people died in the raid. 12 were guards at the gate.", "Wire Two", "2030-07-02");
    expect(coded([b], [bound(b, 40), killed(b, 12)]).row.nkill).toBe(41);
    const c = report("More than 40 people died in the raid. In 2020, 300 died there.", "Wire Three", "2030-07-02");
    expect(coded([c], [bound(c, 40), killed(c, 300)]).row.nkill).toBe(41);
  });

  it("is 0 when no report gives a figure or a death, and blank when a death has no figure", () => {
    const a = report("A bomb damaged an empty office overnight; nobody was hurt.", "Wire One", "2030-05-01");
    expect(coded([a], []).row.nkill).toBe(0);
    const death: Event = {
      id: "e1",
      doc: a.id,
      type: "death",
      trigger: { doc: a.id, start: 0, end: 1, text: "A" },
      participants: [],
      counts: [],
      modality: "asserted",
      attributes: {},
      rule: "test",
      confidence: 0.9,
    };
    expect(coded([a], [], [death]).row.nkill).toBeUndefined();
  });
});
