// Tessera records → one STIX 2.1 bundle: a report per document, an incident per fused incident,
// threat-actors for armed groups (and for other perpetrators), identities for people, organisations,
// states and outlets, typed locations for places and nationalities, relationships, notes for claims and
// contradictions, opinions for estimative judgments. Every object carries a confidence, TLP marking and
// the properties OpenCTI and misp-stix read; the Tessera extension keeps the records for a lossless
// round trip. Profiles (profiles.ts) shape the bundle for each importer. Mapping: docs/stix.md.
import { CREDIBILITY_NAMES, credibility } from "../../fuse/grading.js";
import type {
  Claim,
  Credibility,
  Document,
  Entity,
  Icd203Band,
  Incident,
  Judgment,
  Reliability,
  Span,
} from "../../model/records.js";
import { countryName } from "../countries.js";
import { codeIncident, summaryOf } from "../csv/coding.js";
import type { ExportInput } from "../input.js";
import { countSummary, ExportIndex, gradeValue, incidentDate, perpetrators } from "../view.js";
import {
  CONFIDENCE_OF_CREDIBILITY,
  CONFIDENCE_OF_RELIABILITY,
  confidenceOfExtraction,
  OPENCTI_RELIABILITY,
} from "./confidence.js";
import { keepDistinct } from "./distinct.js";
import {
  clean,
  EXTENSION_ID,
  extensionDefinition,
  type StixBundle,
  type StixObject,
  TESSERA_IDENTITY_ID,
  tesseraExtension,
  tesseraIdentity,
  withExtension,
} from "./extension.js";
import { offsetMs, shiftTime, stixId, stixTime, timeSpan } from "./ids.js";
import { type LocationShape, locationShape } from "./locations.js";
import { tlpMarking } from "./markings.js";
import { applyProfile, DEFAULT_STIX_OPTIONS, type StixOptions } from "./profiles.js";

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

/** The opening of a document, at most ~500 characters cut at a sentence end, as a report description. */
export function leadOf(text: string, max = 500): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const end = Math.max(cut.lastIndexOf(". "), cut.lastIndexOf("! "), cut.lastIndexOf("? "));
  if (end > max / 3) return cut.slice(0, end + 1);
  const space = cut.lastIndexOf(" ");
  return `${cut.slice(0, space > 0 ? space : max)}…`;
}

export function outletKey(doc: Document): string {
  return doc.outlet ?? "";
}

class Builder {
  readonly ix: ExportIndex;
  readonly objects: StixObject[] = [];
  private readonly byId = new Map<string, StixObject>();
  private readonly entityObject = new Map<string, string>(); // canonical entity id → STIX id
  private readonly entityConf = new Map<string, number | undefined>();
  private readonly locations = new Map<string, LocationShape>(); // STIX id → how it was typed
  private readonly countryObject = new Map<string, string>(); // ISO alpha-2 → Country location id
  private readonly adminObject = new Map<string, string>(); // "CC|name" → Administrative-Area id
  private readonly actorObject = new Map<string, string>(); // perpetrator key → threat-actor id
  private readonly outletIdentity = new Map<string, string>();
  private readonly docTime = new Map<string, string>();
  private readonly mentionConf = new Map<string, number>();
  private readonly incidentsOfDoc = new Map<string, string[]>();
  private readonly refsOfDoc = new Map<string, string[]>();

  constructor(readonly input: ExportInput) {
    this.ix = new ExportIndex(input);
    for (const d of input.documents) this.docTime.set(d.id, stixTime(d.publishedAt?.start ?? d.fetchedAt));
    for (const f of input.facts) for (const m of f.mentions) this.mentionConf.set(m.id, m.confidence);
    for (const inc of input.fusion.incidents) {
      for (const d of inc.documents) this.incidentsOfDoc.set(d, [...(this.incidentsOfDoc.get(d) ?? []), inc.id]);
    }
  }

  private times(docs: string[]): { created: string; modified: string } {
    return timeSpan(docs.map((d) => this.docTime.get(d)).filter((t): t is string => !!t));
  }

  private push(o: StixObject, docs: string[] = []): StixObject {
    this.objects.push(o);
    this.byId.set(o.id, o);
    this.refDocs(docs, o.id);
    return o;
  }

  private refDocs(docs: string[], id: string): void {
    for (const d of docs) this.refsOfDoc.set(d, [...(this.refsOfDoc.get(d) ?? []), id]);
  }

  /** Credibility of a whole record from the outlets that report it (one vote per outlet). */
  private corroboration(docs: string[]): Credibility {
    const byOutlet = new Map<string, Reliability>();
    for (const d of docs) byOutlet.set(this.ix.outletOf(d), this.ix.reliabilityOf(d));
    return credibility({ supporting: [...byOutlet.values()], contradicting: 0 });
  }

  build(options: Required<StixOptions>): StixBundle {
    const head = [tesseraIdentity()];
    if (options.profile === "tessera") head.push(extensionDefinition());
    for (const s of this.input.sources) this.source(s);
    for (const e of this.input.fusion.entities) this.entity(e);
    for (const e of this.input.fusion.entities) if (e.type === "person" && e.affiliation) this.affiliation(e);
    this.placeLinks();
    for (const inc of this.input.fusion.incidents) this.incident(inc);
    for (const f of this.input.facts) {
      for (const c of f.claims) this.claim(c);
      for (const j of f.judgments) this.judgment(j);
    }
    for (const c of this.input.fusion.contradictions) this.contradiction(c);
    for (const m of this.input.ach) this.ach(m);
    // Reports last: their object_refs list everything built from their document.
    const reports = this.input.documents.map((d) => this.report(d));
    const marking = tlpMarking(options.tlp);
    const body = keepDistinct(applyProfile(options.profile, [...reports, ...this.objects], this.input));
    const ordered = [...head, marking, ...body].map((o) =>
      o.type === "marking-definition" ? o : { ...o, object_marking_refs: [marking.id] },
    );
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
          created_by_ref: TESSERA_IDENTITY_ID,
          ...this.times(docs),
          name: s.name,
          description: s.notes,
          identity_class: "organization",
          roles: ["news-outlet"],
          sectors: ["communications"],
          confidence: 100,
          x_opencti_reliability: OPENCTI_RELIABILITY[s.reliability],
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

  /** The strongest extraction confidence among an entity's mentions. */
  private confidenceOf(e: Entity): number | undefined {
    if (!this.entityConf.has(e.id)) {
      const cs = e.mentions.map((m) => this.mentionConf.get(m)).filter((c): c is number => c !== undefined);
      // An entity with no extracted mention behind it (read from another tool's bundle) has no evidence.
      this.entityConf.set(e.id, cs.length ? confidenceOfExtraction(Math.max(...cs)) : 0);
    }
    return this.entityConf.get(e.id);
  }

  private entity(e: Entity): void {
    const docs = this.ix.docsOfEntity(e);
    const base = {
      spec_version: SPEC,
      created_by_ref: TESSERA_IDENTITY_ID,
      ...this.times(docs),
      name: e.name,
      confidence: this.confidenceOf(e),
    };
    const aliases = e.aliases.filter((a) => a !== e.name);
    const description = [e.role, e.affiliation ? `affiliation: ${e.affiliation}` : undefined]
      .filter(Boolean)
      .join("; ");
    const shape = locationShape(e);
    let o: StixObject;
    if (e.type === "armed_group") {
      o = {
        type: "threat-actor",
        id: stixId("threat-actor", e.id),
        ...base,
        threat_actor_types: ["terrorist"],
        resource_level: "organization",
        aliases,
      };
    } else if (shape) {
      o = {
        type: "location",
        id: stixId("location", e.id),
        ...base,
        name: shape.name,
        ...shape.props,
        x_opencti_location_type: shape.locationType,
        x_opencti_aliases: [e.name, ...aliases].filter((a) => a !== shape.name),
      };
      this.locations.set(o.id, shape);
      if (shape.locationType === "Country" && shape.country && !this.countryObject.has(shape.country))
        this.countryObject.set(shape.country, o.id);
      if (shape.locationType === "Administrative-Area" && shape.country)
        this.adminObject.set(`${shape.country}|${shape.name.toLowerCase()}`, o.id);
    } else if (e.type === "place" || e.type === "facility") {
      // STIX locations need coordinates, a country or a region; an ungeocoded place travels as a note.
      o = {
        type: "note",
        id: stixId("note", "place", e.id),
        ...base,
        abstract: `Place not geocoded: ${e.name}`,
        content: `Tessera found the place name "${e.name}" but could not geocode it.`,
        authors: ["Tessera"],
        note_types: ["internal"],
        object_refs: docs.length ? docs.map((d) => stixId("report", d)) : [TESSERA_IDENTITY_ID],
      };
      delete o.name;
    } else {
      // People are individuals; a people without a state (an ethnicity) is a class of people.
      const identityClass = e.type === "person" ? "individual" : e.type === "nationality" ? "class" : "organization";
      o = {
        type: "identity",
        id: stixId("identity", e.id),
        ...base,
        identity_class: identityClass,
        sectors: e.type === "state" ? ["government-national"] : undefined,
        roles: e.role ? [e.role] : undefined,
        description: description || (e.type === "state" ? "State (national government)." : undefined),
        x_opencti_aliases: aliases,
      };
    }
    if (o.type !== "note") this.entityObject.set(e.id, o.id);
    this.push(
      withExtension(clean(o), "entity", { entity: e, entity_type: e.type, span_provenance: this.entitySpans(e) }),
      docs,
    );
  }

  /** A Country (or province) a location lies in, made once per bundle when no entity stands for it. */
  private derivedLocation(kind: "Country" | "Administrative-Area", cc: string, from: StixObject, admin1?: string) {
    const key = kind === "Country" ? cc : `${cc}|${admin1!.toLowerCase()}`;
    const map = kind === "Country" ? this.countryObject : this.adminObject;
    const have = map.get(key);
    if (have) return have;
    const name = kind === "Country" ? (countryName(cc) ?? cc) : admin1!;
    const id = stixId("location", kind === "Country" ? "country" : "admin1", key);
    map.set(key, id);
    const docs = this.docsOfObject(from);
    this.push(
      withExtension(
        clean({
          type: "location",
          spec_version: SPEC,
          id,
          created_by_ref: TESSERA_IDENTITY_ID,
          created: from.created,
          modified: from.modified,
          name,
          country: cc,
          administrative_area: kind === "Administrative-Area" ? admin1 : undefined,
          confidence: from.confidence,
          x_opencti_location_type: kind,
        }),
        "derived",
        {},
      ),
      docs,
    );
    return id;
  }

  private docsOfObject(o: StixObject): string[] {
    const e = this.input.fusion.entities.find((x) => this.entityObject.get(x.id) === o.id);
    return e ? this.ix.docsOfEntity(e) : [];
  }

  /** Cities and positions lie in their province and country; provinces relate to their country. */
  private placeLinks(): void {
    for (const [id, shape] of [...this.locations]) {
      const o = this.byId.get(id)!;
      const when = [o.created as string, o.modified as string];
      const docs = this.docsOfObject(o);
      const conf = o.confidence as number | undefined;
      const lies = shape.locationType === "City" || shape.locationType === "Position";
      if (lies && shape.admin1 && shape.country) {
        const admin = this.derivedLocation("Administrative-Area", shape.country, o, shape.admin1);
        this.relationship(id, "located-at", admin, when, `${shape.name} lies in ${shape.admin1}.`, conf, docs);
        if (!this.locations.has(admin)) {
          const country = this.derivedLocation("Country", shape.country, o);
          const where = countryName(shape.country) ?? shape.country;
          this.relationship(admin, "related-to", country, when, `${shape.admin1} lies in ${where}.`, conf, docs);
        }
      }
      if (shape.country && shape.locationType !== "Country") {
        const country = this.derivedLocation("Country", shape.country, o);
        const where = countryName(shape.country) ?? shape.country;
        // OpenCTI allows located-at from a city or position to a country, not from a province or region.
        const type = lies ? "located-at" : "related-to";
        this.relationship(id, type, country, when, `${shape.name} lies in ${where}.`, conf, docs);
      }
    }
  }

  private affiliation(person: Entity): void {
    const from = this.entityObject.get(person.id);
    const o = from ? this.byId.get(from) : undefined;
    if (!o) return;
    const org = this.input.fusion.entities.find(
      (x) =>
        x.id !== person.id &&
        x.type !== "person" &&
        (x.name === person.affiliation || x.aliases.includes(person.affiliation!)),
    );
    const target = org ? this.target(org.id) : undefined;
    if (target)
      this.relationship(
        o.id,
        "related-to",
        target,
        [o.created as string],
        `${person.name} is affiliated with ${org!.name}.`,
        o.confidence as number | undefined,
        this.ix.docsOfEntity(person),
      );
  }

  /** The object a relationship to an entity points at; the first Country of an ISO code stands for it. */
  private target(entityId: string): string | undefined {
    const id = this.entityObject.get(entityId);
    const shape = id ? this.locations.get(id) : undefined;
    if (shape?.locationType === "Country" && shape.country) return this.countryObject.get(shape.country) ?? id;
    return id;
  }

  private relationship(
    source: string,
    type: string,
    target: string,
    times: string[],
    description: string,
    confidence: number | undefined,
    docs: string[],
    body: Record<string, unknown> = {},
  ): void {
    const id = stixId("relationship", source, type, target);
    const have = this.byId.get(id);
    if (have) {
      // One actor can stand for two perpetrator entities (a state and its nationality).
      const ext = tesseraExtension(have);
      const more = body.perpetrators as string[] | undefined;
      if (ext && more) ext.perpetrators = [...new Set([...((ext.perpetrators as string[]) ?? []), ...more])];
      this.refDocs(docs, id);
      return;
    }
    this.push(
      withExtension(
        clean({
          type: "relationship",
          spec_version: SPEC,
          id,
          created_by_ref: TESSERA_IDENTITY_ID,
          ...timeSpan(times),
          relationship_type: type,
          source_ref: source,
          target_ref: target,
          description,
          confidence,
        }),
        "relationship",
        body,
      ),
      docs,
    );
  }

  /**
   * The threat actor an incident is attributed to. OpenCTI accepts attributed-to from an incident only
   * to a threat actor, intrusion set or campaign, so a state, organisation or person named as
   * perpetrator is also exported as a threat actor, itself attributed to (or related to) that identity.
   */
  private actorFor(entityId: string): string | undefined {
    const e = this.ix.entities.get(entityId);
    if (!e) return undefined;
    if (e.type === "armed_group") return this.entityObject.get(e.id);
    const cc = (e.type === "state" || e.type === "nationality") && e.country ? e.country.toUpperCase() : undefined;
    if (e.type !== "state" && e.type !== "nationality" && e.type !== "person" && e.type !== "organization")
      return undefined;
    if (e.type === "nationality" && !cc) return undefined; // a people without a state is not an actor
    const key = cc ? `country:${cc}` : `entity:${e.id}`;
    const have = this.actorObject.get(key);
    if (have) return have;
    const name = cc ? (countryName(cc) ?? e.name) : e.name;
    // An armed group already exported under this name is the same actor for OpenCTI.
    const same = this.objects.find(
      (o) => o.type === "threat-actor" && String(o.name).toLowerCase() === name.toLowerCase(),
    );
    if (same) {
      this.actorObject.set(key, same.id);
      return same.id;
    }
    const id = stixId("threat-actor", "perpetrator", key);
    const source = this.entityObject.get(e.id);
    const from = source ? this.byId.get(source) : undefined;
    const docs = this.ix.docsOfEntity(e);
    const individual = e.type === "person";
    this.push(
      withExtension(
        clean({
          type: "threat-actor",
          spec_version: SPEC,
          id,
          created_by_ref: TESSERA_IDENTITY_ID,
          ...this.times(docs),
          name,
          description: `Named as a perpetrator in Tessera's sources; stands for the ${e.type} ${e.name}.`,
          threat_actor_types: cc ? ["nation-state"] : ["unknown"],
          resource_level: cc ? "government" : individual ? "individual" : "organization",
          confidence: this.confidenceOf(e),
        }),
        "derived",
        {},
      ),
      docs,
    );
    this.actorObject.set(key, id);
    const when = [this.times(docs).created, this.times(docs).modified];
    const conf = this.confidenceOf(e);
    // The identity behind the actor: the entity itself, or the state of a nationality's country.
    const state = cc
      ? this.input.fusion.entities.find((x) => x.type === "state" && x.country?.toUpperCase() === cc)
      : undefined;
    const identity = state ? this.entityObject.get(state.id) : from?.type === "identity" ? from.id : undefined;
    if (identity) {
      const type = individual ? "related-to" : "attributed-to";
      this.relationship(id, type, identity, when, `The actor ${name} is the ${e.type} ${e.name}.`, conf, docs);
    }
    const country = cc ? this.countryObject.get(cc) : undefined;
    if (country)
      this.relationship(id, "located-at", country, when, `${name} acts as the state of that country.`, conf, docs);
    return id;
  }

  private incident(inc: Incident): void {
    const id = stixId("incident", inc.id);
    const off = offsetMs("incident", inc.id);
    const span = this.times(inc.documents);
    const times = { created: shiftTime(span.created, off), modified: shiftTime(span.modified, off) };
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
    const date = incidentDate(inc);
    const confidence = CONFIDENCE_OF_CREDIBILITY[this.corroboration(inc.documents)];
    const o = withExtension(
      clean({
        type: "incident",
        spec_version: SPEC,
        id,
        created_by_ref: TESSERA_IDENTITY_ID,
        ...times,
        name: inc.title,
        description: summaryOf(coding),
        confidence,
        // OpenCTI's incident properties (not in the STIX 2.1 stub): the date window and the type.
        first_seen: date ? `${date.start}T00:00:00.000Z` : undefined,
        last_seen: date ? `${date.end}T23:59:59.999Z` : undefined,
        incident_type: inc.type,
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
      // Graded like any fused value; without perpetrator values, by the outlets that name this one.
      const cred = (inc.attributes.perpetrator ?? []).length
        ? gradeValue(this.ix, inc, "perpetrator", { entity: p.entity, basis: p.bases[0] })
        : this.corroboration(p.docs);
      const who = p.by.map((b) => this.ix.entityName(b) ?? b);
      const text = `${p.name}: ${p.bases.join(", ")}${who.length ? ` (by ${who.join(", ")})` : ""}; ${p.docs.length} document(s).`;
      const body = {
        perpetrators: [p.entity],
        bases: p.bases,
        documents: p.docs,
        speakers: p.by,
        credibility: CREDIBILITY_NAMES[cred],
      };
      const actor = this.actorFor(p.entity);
      const other = actor ? undefined : this.target(p.entity);
      if (actor)
        this.relationship(id, "attributed-to", actor, when, text, CONFIDENCE_OF_CREDIBILITY[cred], p.docs, body);
      else if (other)
        this.relationship(
          id,
          "related-to",
          other,
          when,
          `Attributed: ${text}`,
          CONFIDENCE_OF_CREDIBILITY[cred],
          p.docs,
          body,
        );
    }
    // OpenCTI allows targets and originates-from from an incident to a location, not located-at.
    const place = inc.place ? this.target(inc.place) : undefined;
    if (place && this.byId.get(place)?.type === "location") {
      const placeDocs = (inc.attributes.place ?? []).map((v) => v.doc);
      const cred = placeDocs.length ? gradeValue(this.ix, inc, "place", inc.place) : this.corroboration(inc.documents);
      const name = this.byId.get(place)!.name;
      this.relationship(
        id,
        "targets",
        place,
        when,
        `${inc.title} took place in ${name}.`,
        CONFIDENCE_OF_CREDIBILITY[cred],
        placeDocs.length ? placeDocs : inc.documents,
      );
    }
    for (const v of inc.attributes.target ?? []) {
      const t = typeof v.value === "string" ? this.target(v.value) : undefined;
      if (!t) continue;
      const cred = gradeValue(this.ix, inc, "target", v.value);
      // Incident → threat actor allows only attributed-to: a group that was attacked is related-to.
      const type = this.byId.get(t)?.type === "threat-actor" ? "related-to" : "targets";
      this.relationship(
        id,
        type,
        t,
        when,
        `Target named in ${this.ix.outletOf(v.doc)}.`,
        CONFIDENCE_OF_CREDIBILITY[cred],
        [v.doc],
      );
    }
  }

  private docRefs(doc: string): string[] {
    return [stixId("report", doc), ...(this.incidentsOfDoc.get(doc) ?? []).map((i) => stixId("incident", i))];
  }

  private claim(c: Claim): void {
    const id = stixId("note", "claim", c.doc, c.id);
    const t = this.docTime.get(c.doc);
    const who = c.speakerText ?? "an unnamed speaker";
    const outlet = this.ix.docs.get(c.doc)?.outlet;
    this.push(
      withExtension(
        clean({
          type: "note",
          spec_version: SPEC,
          id,
          created_by_ref: (outlet && this.outletIdentity.get(outlet)) || TESSERA_IDENTITY_ID,
          ...timeSpan(t ? [shiftTime(t, offsetMs("claim", c.doc, c.id))] : []),
          abstract: `${c.kind} claim by ${who}${c.stance !== "assert" ? ` (${c.stance})` : ""}`,
          content: c.content.text,
          authors: [this.ix.outletOf(c.doc)],
          note_types: ["external"],
          confidence: confidenceOfExtraction(c.confidence),
          object_refs: this.docRefs(c.doc),
        }),
        "claim",
        {
          claim: c,
          admiralty_reliability: this.ix.reliabilityOf(c.doc),
          span_provenance: [spanOf(c.cue, { part: "cue" }), spanOf(c.content, { part: "content" })],
        },
      ),
      [c.doc],
    );
  }

  private judgment(j: Judgment): void {
    const id = stixId("opinion", "judgment", j.doc, j.id);
    const t = this.docTime.get(j.doc);
    const outlet = this.ix.docs.get(j.doc)?.outlet;
    this.push(
      withExtension(
        clean({
          type: "opinion",
          spec_version: SPEC,
          id,
          created_by_ref: (outlet && this.outletIdentity.get(outlet)) || TESSERA_IDENTITY_ID,
          ...timeSpan(t ? [shiftTime(t, offsetMs("judgment", j.doc, j.id))] : []),
          opinion: OPINION_OF_BAND[j.band],
          explanation: j.sentence.text,
          authors: outlet ? [this.ix.outletOf(j.doc)] : undefined,
          confidence: confidenceOfExtraction(j.confidence),
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
      [j.doc],
    );
  }

  private contradiction(c: ExportInput["fusion"]["contradictions"][number]): void {
    const docs = [...new Set(c.values.map((v) => v.doc))];
    const span = this.times(docs);
    const off = offsetMs("contradiction", c.id);
    this.push(
      withExtension(
        clean({
          type: "note",
          spec_version: SPEC,
          id: stixId("note", "contradiction", c.id),
          created_by_ref: TESSERA_IDENTITY_ID,
          created: shiftTime(span.created, off),
          modified: shiftTime(span.modified, off),
          abstract: `${c.kind === "revision" ? "Revision" : "Dispute"} of ${c.attribute} (${c.severity})`,
          content: c.explanation,
          authors: ["Tessera"],
          note_types: ["analysis"],
          confidence: CONFIDENCE_OF_CREDIBILITY[this.corroboration(docs)],
          object_refs: [stixId("incident", c.incident), ...docs.map((d) => stixId("report", d))],
        }),
        "contradiction",
        { contradiction: c },
      ),
    );
  }

  private ach(m: ExportInput["ach"][number]): void {
    const docs = [...new Set(m.evidence.map((e) => e.ref?.doc).filter((d): d is string => !!d))];
    const span = this.times(docs);
    const off = offsetMs("ach", m.incident);
    this.push(
      withExtension(
        clean({
          type: "note",
          spec_version: SPEC,
          id: stixId("note", "ach", m.incident),
          created_by_ref: TESSERA_IDENTITY_ID,
          created: shiftTime(span.created, off),
          modified: shiftTime(span.modified, off),
          abstract: "Analysis of competing hypotheses",
          content: m.hypotheses.map((h) => `${h.id}: ${h.text}`).join("\n") || "Empty ACH matrix.",
          authors: ["Tessera"],
          note_types: ["assessment"],
          // An analyst's matrix carries no grade of its own: medium on the STIX scale.
          confidence: 50,
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
      ...(this.refsOfDoc.get(d.id) ?? []),
    ];
    const facts = this.input.facts.find((f) => f.doc === d.id);
    const ref = clean({
      source_name: d.outlet ?? "unknown outlet",
      external_id: d.id,
      description: d.title,
      url: d.url && isUri(d.url) ? d.url : undefined,
    });
    const t = shiftTime(this.docTime.get(d.id)!, offsetMs("report", d.id));
    const reliability = this.ix.reliabilityOf(d.id);
    return withExtension(
      clean({
        type: "report",
        spec_version: SPEC,
        id: stixId("report", d.id),
        created_by_ref: outletId,
        created: t,
        modified: t,
        name: d.title ?? d.origin,
        description: leadOf(d.text) || undefined,
        published: t,
        report_types: ["threat-report"],
        lang: d.language !== "und" ? d.language : undefined,
        confidence: CONFIDENCE_OF_RELIABILITY[reliability],
        x_opencti_reliability: OPENCTI_RELIABILITY[reliability],
        object_refs: refs.length ? [...new Set(refs)] : [TESSERA_IDENTITY_ID],
        external_references: [ref],
      }),
      "document",
      {
        document: d,
        facts: facts ? { mentions: facts.mentions, entities: facts.entities, events: facts.events } : undefined,
        date_precision: d.publishedAt?.precision ?? "unknown",
        admiralty_reliability: reliability,
      },
    );
  }
}

/**
 * The STIX 2.1 bundle of everything in the input (restrict the input first to export one incident),
 * shaped for the chosen profile and marked with the chosen TLP.
 */
export function buildStixBundle(input: ExportInput, options: StixOptions = {}): StixBundle {
  return new Builder(input).build({ ...DEFAULT_STIX_OPTIONS, ...options });
}

export { EXTENSION_ID };
