// Hand-written documents and facts for the workbench tests: two reports of one bombing whose arrest
// figure is revised (11, then 35), one report of a separate bombing elsewhere, and a hostile document.
import { refuse } from "../../src/app/fusion.js";
import type { DocFacts, Document, Entity, Event, Mention } from "../../src/model/records.js";
import type { Store } from "../../src/store/types.js";
import { doc } from "../helpers.js";

function place(id: string, name: string, lat: number, lon: number, country: string): Entity {
  return { id, type: "place", name, aliases: [name], mentions: [], geo: { lat, lon, country, precision: "city" } };
}

function span(d: Document, needle: string) {
  const start = d.text.indexOf(needle);
  if (start < 0) throw new Error(`fixture text lacks "${needle}"`);
  return { doc: d.id, start, end: start + needle.length, text: needle };
}

function facts(
  d: Document,
  opts: { trigger: string; placeName: string; geo: [number, number, string]; arrested?: string; n?: number },
): DocFacts {
  const trig = span(d, opts.trigger);
  const where = span(d, opts.placeName);
  const eid = `${d.id.slice(0, 6)}-e1`;
  const mention: Mention = {
    id: `${d.id.slice(0, 6)}-m1`,
    ...where,
    kind: "place",
    entity: eid,
    rule: "fixture",
    confidence: 0.9,
  };
  const ent = place(eid, opts.placeName, ...opts.geo);
  ent.mentions = [mention.id];
  const events: Event[] = [
    {
      id: `${d.id.slice(0, 6)}-ev1`,
      doc: d.id,
      type: "bombing",
      trigger: trig,
      date: { iso: "2024-01-03", precision: "day", start: "2024-01-03", end: "2024-01-03" },
      place: eid,
      participants: [],
      counts: [],
      modality: "asserted",
      attributes: {},
      rule: "fixture.event",
      confidence: 0.8,
    },
  ];
  if (opts.arrested && opts.n !== undefined) {
    const s = span(d, opts.arrested);
    events.push({
      id: `${d.id.slice(0, 6)}-ev2`,
      doc: d.id,
      type: "arrest",
      trigger: s,
      place: eid,
      participants: [],
      counts: [{ kind: "arrested", value: opts.n, min: opts.n, max: opts.n, qualifier: "exact", span: s }],
      modality: "asserted",
      attributes: {},
      rule: "fixture.count",
      confidence: 0.7,
    });
  }
  return { doc: d.id, mentions: [mention], entities: [ent], events, claims: [], judgments: [] };
}

export const texts = {
  first: "Two bombs went off near a cemetery in Kerman on Wednesday. Police said 11 people were detained by Thursday.",
  second: "Officials in Kerman now say 35 people were detained over the bombing at the cemetery.",
  other: "A bombing struck a market in Quetta on Wednesday, local officials said.",
  hostile:
    'Report text with a payload: <script>window.__pwned = 1; document.title = "owned"</script> and <img src=x onerror="window.__pwned = 2">. End of report.',
};

/** Stores the fixture corpus and fuses it; returns the documents by name. */
export async function seed(store: Store): Promise<Record<keyof typeof texts, Document>> {
  const first = doc(texts.first, { outlet: "Wire One", title: "Blasts in Kerman", published: "2024-01-04" });
  const second = doc(texts.second, { outlet: "Ledger Two", title: "Kerman detentions rise", published: "2024-01-06" });
  const other = doc(texts.other, { outlet: "Wire One", title: "Quetta market bombing", published: "2024-01-04" });
  const hostile = doc(texts.hostile, {
    outlet: "Unknown Blog",
    title: 'Hostile <img src=x onerror="window.__pwned=3">',
    published: "2024-01-05",
  });
  await store.putDocument(
    first,
    facts(first, {
      trigger: "bombs went off",
      placeName: "Kerman",
      geo: [30.28, 57.08, "IR"],
      arrested: "11 people were detained",
      n: 11,
    }),
  );
  await store.putDocument(
    second,
    facts(second, {
      trigger: "bombing",
      placeName: "Kerman",
      geo: [30.28, 57.08, "IR"],
      arrested: "35 people were detained",
      n: 35,
    }),
  );
  await store.putDocument(other, facts(other, { trigger: "bombing", placeName: "Quetta", geo: [30.18, 66.99, "PK"] }));
  await store.putDocument(hostile);
  await store.upsertSource("Wire One", "B");
  await store.upsertSource("Ledger Two", "C");
  await refuse(store);
  return { first, second, other, hostile };
}
