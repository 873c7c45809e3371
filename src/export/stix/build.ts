// Tessera records → one STIX 2.1 bundle: a report per document, an incident per fused incident,
// threat-actors for armed groups, identities for people, organisations, states and outlets, locations
// for geocoded places, relationships (attributed-to, targets, located-at, related-to), notes for claims
// and contradictions, opinions for estimative judgments. Mapping documented in docs/stix.md.
import { CREDIBILITY_NAMES } from "../../fuse/grading.js";
import type { Claim, Document, Entity, Icd203Band, Incident, Judgment, Span } from "../../model/records.js";
import { codeIncident, summaryOf } from "../csv/coding.js";
import type { ExportInput } from "../input.js";
import { countSummary, ExportIndex, gradeValue, perpetrators } from "../view.js";
import {
  clean,
  EXTENSION_ID,
  extensionDefinition,
  type StixBundle,
  type StixObject,
  TESSERA_IDENTITY_ID,
  tesseraIdentity,
  withExtension,
} from "./extension.js";
import { stixId, stixTime, timeSpan } from "./ids.js";

const SPEC = "2.1";
const COUNT_ATTRS = ["killed", "injured", "arrested", "missiles", "attacks_thwarted", "hostages", "attackers"];

const OPINION_OF_BAND: Record<Icd203Band, string> = {
  "almost no chance": "strongly-disagree",
  "very unlikely": "strongly-disagree",
  unlikely: "disagree",
  "roughly even chance": "neutral",
  likely: "agree",
  "very likely": "strongly-agree",
  "almost certain": "strongly-agree",
};

/** RFC 3986-ish absolute URI check, so a malformed URL never makes the bundle invalid. */
const isUri = (s: string): boolean => /^[a-z][a-z0-9+.-]*:[^\s"<>\\^`{|}]+$/i.test(s);

const spanOf = (s: Span, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  doc: s.doc,
  start: s.start,
  end: s.end,
  text: s.text,
  ...extra,
});

export function outletKey(doc: Document): string {
  return doc.outlet ?? "";
}

class Builder {
  readonly ix: ExportIndex;
  readonly objects: StixObject[] = [];
  private readonly entityObject = new Map<string, string>(); // canonical entity id → STIX id
  private readonly locationObject = new Map<string, string>();
  private readonly outletIdentity = new Map<string, string>();
  private readonly docTime = new Map<string, string>();
  private readonly incidentsOfDoc = new Map<string, string[]>();
  private readonly entitiesOfDoc = new Map<string, string[]>();
  private readonly notesOfDoc = new Map<string, string[]>();

  constructor(readonly input: ExportInput) {
    this.ix = new ExportIndex(input);
    for (const d of input.documents) this.docTime.set(d.id, stixTime(d.publishedAt?.start ?? d.fetchedAt));
    for (const inc of input.fusion.incidents) {
      for (const d of inc.documents) this.incidentsOfDoc.set(d, [...(this.incidentsOfDoc.get(d) ?? []), inc.id]);
    }
  }

  private times(docs: string[]): { created: string; modified: string } {
    return timeSpan(docs.map((d) => this.docTime.get(d)).filter((t): t is string => !!t));
  }

  private push(o: StixObject): StixObject {
    this.objects.push(o);
    return o;
  }

  build(): StixBundle {
    this.push(tesseraIdentity());
    this.push(extensionDefinition());
    for (const s of this.input.sources) this.source(s);
    for (const e of this.input.fusion.entities) this.entity(e);
    for (const e of this.input.fusion.entities) if (e.type === "person" && e.affiliation) this.affiliation(e);
    for (const inc of this.input.fusion.incidents) this.incident(inc);
    for (const f of this.input.facts) {
      for (const c of f.claims) this.claim(c);
      for (const j of f.judgments) this.judgment(j);
    }
    for (const c of this.input.fusion.contradictions) this.contradiction(c);
    for (const m of this.input.ach) this.ach(m);
    // Reports last: their object_refs list everything built from their document.
    const reports = this.input.documents.map((d) => this.report(d));
    const ordered = [...this.objects.slice(0, 2), ...reports, ...this.objects.slice(2)];
    const ids = ordered.map((o) => o.id).sort();
    return { type: "bundle", id: stixId("bundle", ...ids), objects: ordered };
  }

  private source(s: ExportInput["sources"][number]): void {
    const id = stixId("identity", "source", s.id);
    this.outletIdentity.set(s.name, id);
    const docs = this.input.documents.filter((d) => d.outlet === s.name).map((d) => d.id);
    this.push(
      withExtension(
        clean({
          type: "identity",
          spec_version: SPEC,
          id,
          ...this.times(docs),
          name: s.name,
          identity_class: "organization",
          roles: ["news-outlet"],
          sectors: ["communications"],
          description: s.notes,
        }),
        "source",
        { source: s, admiralty_reliability: s.reliability },
      ),
    );
  }

  private entitySpans(e: Entity): Record<string, unknown>[] {
    const want = new Set(e.mentions);
    const out: Record<string, unknown>[] = [];
    for (const f of this.input.facts) {
      for (const m of f.mentions) if (want.has(m.id)) out.push(spanOf(m, { rule: m.rule, confidence: m.confidence }));
    }
    return out;
  }

  private entity(e: Entity): void {
    const docs = this.ix.docsOfEntity(e);
    for (const d of docs) this.entitiesOfDoc.set(d, [...(this.entitiesOfDoc.get(d) ?? []), e.id]);
    const base = { spec_version: SPEC, ...this.times(docs), name: e.name };
    const aliases = e.aliases.filter((a) => a !== e.name);
    const description = [e.role, e.affiliation ? `affiliation: ${e.affiliation}` : undefined]
      .filter(Boolean)
      .join("; ");
    let o: StixObject;
    if (e.type === "armed_group") {
      o = {
        type: "threat-actor",
        id: stixId("threat-actor", e.id),
        ...base,
        threat_actor_types: ["terrorist"],
        aliases,
      };
    } else if ((e.type === "place" || e.type === "facility") && (e.geo || e.country)) {
      const g = e.geo;
      o = {
        type: "location",
        id: stixId("location", e.id),
        ...base,
        latitude: g?.lat,
        longitude: g?.lon,
        country: g?.country ?? e.country,
        administrative_area: g?.admin1,
        city: g?.precision === "city" ? e.name : undefined,
      };
      this.locationObject.set(e.id, o.id);
    } else if (e.type === "place" || e.type === "facility") {
      // STIX locations need coordinates, a country or a region; an ungeocoded place travels as a note.
      o = {
        type: "note",
        id: stixId("note", "place", e.id),
        ...base,
        abstract: `Place not geocoded: ${e.name}`,
        content: `Tessera found the place name "${e.name}" but could not geocode it.`,
        object_refs: docs.length ? docs.map((d) => stixId("report", d)) : [TESSERA_IDENTITY_ID],
      };
      delete o.name;
    } else {
      const identityClass = e.type === "person" ? "individual" : e.type === "nationality" ? "class" : "organization";
      o = {
        type: "identity",
        id: stixId("identity", e.id),
        ...base,
        identity_class: identityClass,
        sectors: e.type === "state" ? ["government-national"] : undefined,
        roles: e.role ? [e.role] : undefined,
        description: description || undefined,
      };
    }
    if (o.type !== "note") this.entityObject.set(e.id, o.id);
    this.push(
      withExtension(clean(o), "entity", { entity: e, entity_type: e.type, span_provenance: this.entitySpans(e) }),
    );
  }

  private affiliation(person: Entity): void {
    const from = this.entityObject.get(person.id);
    const o = from ? this.objects.find((x) => x.id === from) : undefined;
    if (!o) return;
    const org = this.input.fusion.entities.find(
      (x) =>
        x.id !== person.id &&
        x.type !== "person" &&
        (x.name === person.affiliation || x.aliases.includes(person.affiliation!)),
    );
    const target = org ? this.entityObject.get(org.id) : undefined;
    if (target)
      this.relationship(
        o.id,
        "related-to",
        target,
        [o.created as string],
        `${person.name} is affiliated with ${org!.name}.`,
      );
  }

  private relationship(
    source: string,
    type: string,
    target: string,
    times: string[],
    description: string,
    body: Record<string, unknown> = {},
  ): void {
    const id = stixId("relationship", source, type, target);
    if (this.objects.some((o) => o.id === id)) return;
    this.push(
      withExtension(
        clean({
          type: "relationship",
          spec_version: SPEC,
          id,
          ...timeSpan(times),
          relationship_type: type,
          source_ref: source,
          target_ref: target,
          description,
        }),
        "relationship",
        body,
      ),
    );
  }

  private incident(inc: Incident): void {
    const id = stixId("incident", inc.id);
    const times = this.times(inc.documents);
    const coding = codeIncident(this.ix, inc);
    const counts: Record<string, unknown> = {};
    for (const attr of COUNT_ATTRS) {
      const s = countSummary(this.ix, inc, attr);
      if (!s.values.length) continue;
      counts[attr] = {
        lowest_credible: s.lowest,
        highest: s.highest,
        disputed: s.disputed,
        values: s.values.map((v) => {
          const cred = gradeValue(this.ix, inc, attr, v.value);
          const rel = this.ix.reliabilityOf(v.doc);
          const cite = this.ix.citeOf(v);
          return clean({
            value: v.value,
            doc: v.doc,
            outlet: this.ix.outletOf(v.doc),
            published: v.publishedAt,
            span: cite ? spanOf(cite) : undefined,
            admiralty: `${rel}${cred}`,
            credibility: CREDIBILITY_NAMES[cred],
          });
        }),
      };
    }
    const spans: Record<string, unknown>[] = [];
    for (const [attr, values] of Object.entries(inc.attributes)) {
      for (const v of values) {
        const c = this.ix.citeOf(v);
        if (c) spans.push(spanOf(c, { attribute: attr }));
      }
    }
    const contradictions = this.input.fusion.contradictions
      .filter((c) => c.incident === inc.id)
      .map((c) => ({
        attribute: c.attribute,
        kind: c.kind,
        severity: c.severity,
        explanation: c.explanation,
        values: c.values,
      }));
    const o = withExtension(
      clean({
        type: "incident",
        spec_version: SPEC,
        id,
        ...times,
        name: inc.title,
        description: summaryOf(coding),
      }),
      "incident",
      {
        incident: inc,
        event_type: inc.type,
        date: inc.date,
        date_precision: inc.date?.precision ?? "unknown",
        counts: Object.keys(counts).length ? counts : undefined,
        contradictions,
        admiralty: inc.documents.map((d) => ({
          doc: d,
          outlet: this.ix.outletOf(d),
          reliability: this.ix.reliabilityOf(d),
        })),
        span_provenance: spans,
      },
    );
    this.push(o);
    const when = [times.created, times.modified];
    for (const p of perpetrators(this.ix, inc)) {
      const target = this.entityObject.get(p.entity);
      if (!target) continue;
      const cred = gradeValue(this.ix, inc, "perpetrator", { entity: p.entity, basis: p.bases[0] });
      const who = p.by.map((b) => this.ix.entityName(b) ?? b);
      this.relationship(
        id,
        "attributed-to",
        target,
        when,
        `${p.name}: ${p.bases.join(", ")}${who.length ? ` (by ${who.join(", ")})` : ""}; ${p.docs.length} document(s).`,
        { bases: p.bases, documents: p.docs, speakers: p.by, credibility: CREDIBILITY_NAMES[cred] },
      );
    }
    const place = inc.place ? this.locationObject.get(inc.place) : undefined;
    if (place) this.relationship(id, "located-at", place, when, `${inc.title} took place here.`);
    for (const v of inc.attributes.target ?? []) {
      const t = typeof v.value === "string" ? this.entityObject.get(v.value) : undefined;
      if (t) this.relationship(id, "targets", t, when, `Target named in ${this.ix.outletOf(v.doc)}.`);
    }
  }

  private docRefs(doc: string): string[] {
    return [stixId("report", doc), ...(this.incidentsOfDoc.get(doc) ?? []).map((i) => stixId("incident", i))];
  }

  private claim(c: Claim): void {
    const id = stixId("note", "claim", c.doc, c.id);
    this.notesOfDoc.set(c.doc, [...(this.notesOfDoc.get(c.doc) ?? []), id]);
    const t = this.docTime.get(c.doc);
    const who = c.speakerText ?? "an unnamed speaker";
    this.push(
      withExtension(
        clean({
          type: "note",
          spec_version: SPEC,
          id,
          ...timeSpan(t ? [t] : []),
          abstract: `${c.kind} claim by ${who}${c.stance !== "assert" ? ` (${c.stance})` : ""}`,
          content: c.content.text,
          object_refs: this.docRefs(c.doc),
        }),
        "claim",
        {
          claim: c,
          admiralty_reliability: this.ix.reliabilityOf(c.doc),
          span_provenance: [spanOf(c.cue, { part: "cue" }), spanOf(c.content, { part: "content" })],
        },
      ),
    );
  }

  private judgment(j: Judgment): void {
    const id = stixId("opinion", "judgment", j.doc, j.id);
    this.notesOfDoc.set(j.doc, [...(this.notesOfDoc.get(j.doc) ?? []), id]);
    const t = this.docTime.get(j.doc);
    this.push(
      withExtension(
        clean({
          type: "opinion",
          spec_version: SPEC,
          id,
          ...timeSpan(t ? [t] : []),
          opinion: OPINION_OF_BAND[j.band],
          explanation: j.sentence.text,
          authors: this.ix.docs.get(j.doc)?.outlet ? [this.ix.outletOf(j.doc)] : undefined,
          object_refs: this.docRefs(j.doc),
        }),
        "judgment",
        {
          judgment: j,
          icd203_band: j.band,
          probability_range: j.probability,
          span_provenance: [spanOf(j.term, { part: "term" }), spanOf(j.sentence, { part: "sentence" })],
        },
      ),
    );
  }

  private contradiction(c: ExportInput["fusion"]["contradictions"][number]): void {
    const docs = [...new Set(c.values.map((v) => v.doc))];
    this.push(
      withExtension(
        clean({
          type: "note",
          spec_version: SPEC,
          id: stixId("note", "contradiction", c.id),
          ...this.times(docs),
          abstract: `${c.kind === "revision" ? "Revision" : "Dispute"} of ${c.attribute} (${c.severity})`,
          content: c.explanation,
          object_refs: [stixId("incident", c.incident), ...docs.map((d) => stixId("report", d))],
        }),
        "contradiction",
        { contradiction: c },
      ),
    );
  }

  private ach(m: ExportInput["ach"][number]): void {
    const docs = [...new Set(m.evidence.map((e) => e.ref?.doc).filter((d): d is string => !!d))];
    this.push(
      withExtension(
        clean({
          type: "note",
          spec_version: SPEC,
          id: stixId("note", "ach", m.incident),
          ...this.times(docs),
          abstract: "Analysis of competing hypotheses",
          content: m.hypotheses.map((h) => `${h.id}: ${h.text}`).join("\n") || "Empty ACH matrix.",
          object_refs: [stixId("incident", m.incident)],
        }),
        "ach",
        { ach: m },
      ),
    );
  }

  private report(d: Document): StixObject {
    const outletId = d.outlet ? this.outletIdentity.get(d.outlet) : undefined;
    const refs = [
      ...(outletId ? [outletId] : []),
      ...(this.incidentsOfDoc.get(d.id) ?? []).map((i) => stixId("incident", i)),
      ...(this.entitiesOfDoc.get(d.id) ?? []).map((e) => this.entityObject.get(e)).filter((x): x is string => !!x),
      ...(this.notesOfDoc.get(d.id) ?? []),
    ];
    const facts = this.input.facts.find((f) => f.doc === d.id);
    const ref = clean({
      source_name: d.outlet ?? "unknown outlet",
      external_id: d.id,
      description: d.title,
      url: d.url && isUri(d.url) ? d.url : undefined,
    });
    const t = this.docTime.get(d.id)!;
    return withExtension(
      clean({
        type: "report",
        spec_version: SPEC,
        id: stixId("report", d.id),
        created_by_ref: outletId,
        created: t,
        modified: t,
        name: d.title ?? d.origin,
        published: t,
        report_types: ["threat-report"],
        lang: d.language !== "und" ? d.language : undefined,
        object_refs: refs.length ? [...new Set(refs)] : [TESSERA_IDENTITY_ID],
        external_references: [ref],
      }),
      "document",
      {
        document: d,
        facts: facts ? { mentions: facts.mentions, entities: facts.entities, events: facts.events } : undefined,
        date_precision: d.publishedAt?.precision ?? "unknown",
        admiralty_reliability: this.ix.reliabilityOf(d.id),
      },
    );
  }
}

/** The STIX 2.1 bundle of everything in the input (restrict the input first to export one incident). */
export function buildStixBundle(input: ExportInput): StixBundle {
  return new Builder(input).build();
}

export { EXTENSION_ID };
