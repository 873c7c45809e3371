// The cited briefing as data: sections of sentences, each resting on footnoted spans (outlet, date,
// quoted text, document id and offsets). A sentence with no span to rest on is never written; tool
// remarks that state no fact ("No ACH matrix …") are kept apart from sentences and carry no footnote.
// Renderers (markdown, HTML, PDF) only lay this out.
import { scoreAch } from "../../ach/score.js";
import { formatValue } from "../../fuse/contradictions.js";
import { credibility } from "../../fuse/grading.js";
import type {
  AttributeValue,
  Claim,
  Credibility,
  DateValue,
  Icd203Band,
  Incident,
  Reliability,
} from "../../model/records.js";
import { codeIncident } from "../csv/coding.js";
import { type ExportInput, restrictToIncident } from "../input.js";
import { type Cite, countSummary, ExportIndex, gradeValue, incidentDate, perpetrators } from "../view.js";

export interface Footnote {
  n: number;
  doc: string;
  outlet: string;
  date?: string;
  start: number;
  end: number;
  quote: string;
  /** The sentence around a short quote, so a bare number reads in context. */
  context?: string;
}

export interface Sentence {
  text: string;
  notes: number[];
}

export interface Section {
  title: string;
  sentences: Sentence[];
  remarks: string[];
}

export interface Brief {
  incident: string;
  title: string;
  sections: Section[];
  footnotes: Footnote[];
}

/** ICD-203 expression for an Admiralty credibility grade (6, cannot be judged, gets no expression). */
export const BAND_OF_CREDIBILITY: Record<Credibility, Icd203Band | undefined> = {
  1: "almost certain",
  2: "very likely",
  3: "likely",
  4: "roughly even chance",
  5: "unlikely",
  6: undefined,
};

export const RELIABILITY_NAMES: Record<Reliability, string> = {
  A: "completely reliable",
  B: "usually reliable",
  C: "fairly reliable",
  D: "not usually reliable",
  E: "unreliable",
  F: "reliability cannot be judged",
};

const QUOTE_MAX = 280;
const MAX_NOTES = 6;
const COUNT_WORDS: Record<string, string> = { killed: "killed", injured: "injured", arrested: "arrested" };

function bandPhrase(band: Icd203Band): string {
  return band === "roughly even chance" ? "there is a roughly even chance" : `it is ${band}`;
}

function dayText(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const t = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(t)) return iso;
  return new Date(t).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

class BriefBuilder {
  readonly ix: ExportIndex;
  readonly footnotes: Footnote[] = [];
  private readonly noteIndex = new Map<string, number>();
  readonly sections: Section[] = [];
  private current!: Section;

  constructor(
    readonly input: ExportInput,
    readonly incident: Incident,
  ) {
    this.ix = new ExportIndex(input);
  }

  section(title: string): void {
    this.current = { title, sentences: [], remarks: [] };
    this.sections.push(this.current);
  }

  private note(c: Cite): number {
    const key = `${c.doc}|${c.start}|${c.end}`;
    const have = this.noteIndex.get(key);
    if (have) return have;
    const quote = this.ix.quote(c);
    const f: Footnote = {
      n: this.footnotes.length + 1,
      doc: c.doc,
      outlet: this.ix.outletOf(c.doc),
      start: c.start,
      end: c.end,
      quote: quote.length > QUOTE_MAX ? `${quote.slice(0, QUOTE_MAX - 1)}…` : quote,
    };
    const day = this.ix.dayOf(c.doc);
    if (day) f.date = day;
    const context = this.ix.context(c);
    if (context) f.context = context;
    this.footnotes.push(f);
    this.noteIndex.set(key, f.n);
    return f.n;
  }

  /** Writes a sentence only when it rests on at least one span. */
  say(text: string, cites: (Cite | undefined)[]): void {
    text = text.charAt(0).toUpperCase() + text.slice(1);
    const notes = [...new Set(pickCites(cites).map((c) => this.note(c)))];
    if (notes.length) this.current.sentences.push({ text, notes });
  }

  remark(text: string): void {
    this.current.remarks.push(text);
  }

  cites(values: AttributeValue[] | undefined): (Cite | undefined)[] {
    return (values ?? []).map((v) => this.ix.citeOf(v));
  }
}

/**
 * At most MAX_NOTES spans per sentence, one per document first, so a sentence resting on many reports
 * cites each report once before citing any report twice.
 */
function pickCites(cites: (Cite | undefined)[]): Cite[] {
  const all = cites.filter((c): c is Cite => !!c);
  const seen = new Set<string>();
  const first: Cite[] = [];
  const rest: Cite[] = [];
  for (const c of all) {
    if (seen.has(c.doc)) rest.push(c);
    else {
      seen.add(c.doc);
      first.push(c);
    }
  }
  return [...first, ...rest].slice(0, MAX_NOTES);
}

const ATTACK_NOUNS: Record<string, string> = {
  "Bombing/Explosion": "bombing",
  "Armed Assault": "armed assault",
  Assassination: "assassination",
  Hijacking: "hijacking",
  "Hostage Taking (Barricade Incident)": "hostage taking",
  "Hostage Taking (Kidnapping)": "kidnapping",
  "Facility/Infrastructure Attack": "attack on a facility",
  "Unarmed Assault": "unarmed assault",
};

function whenPhrase(d: DateValue | undefined): string {
  if (!d) return "On a date the sources do not fix";
  if (d.precision === "day") return `On ${dayText(d.start)}`;
  if (d.precision === "month") {
    const t = new Date(`${d.start}T00:00:00Z`);
    return `In ${t.toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" })}`;
  }
  if (d.precision === "year") return `In ${d.start.slice(0, 4)}`;
  return `Between ${dayText(d.start)} and ${dayText(d.end)}`;
}

function perpValues(inc: Incident, entity: string): AttributeValue[] {
  return (inc.attributes.perpetrator ?? []).filter((v) => (v.value as { entity?: string })?.entity === entity);
}

function claimsOf(b: BriefBuilder, inc: Incident): Claim[] {
  const events = new Set(inc.events);
  const docs = new Set(inc.documents);
  return b.input.facts
    .filter((f) => docs.has(f.doc))
    .flatMap((f) => f.claims)
    .filter((c) => !c.about.length || c.about.some((a) => events.has(a)));
}

function keyJudgments(b: BriefBuilder, inc: Incident): void {
  b.section("Key judgments");
  const ix = b.ix;
  const top = perpetrators(ix, inc)[0];
  if (top) {
    const cred = gradeValue(ix, inc, "perpetrator", { entity: top.entity, basis: top.bases[0] });
    const band = BAND_OF_CREDIBILITY[cred];
    const basis = top.bases.includes("claimed") ? "the group claimed responsibility" : `the basis is ${top.bases[0]}`;
    if (band)
      b.say(
        `We assess ${bandPhrase(band)} that ${top.name} carried out the attack; ${basis}.`,
        b.cites(perpValues(inc, top.entity)),
      );
  } else {
    b.remark("No perpetrator is named in the reporting reviewed.");
  }
  const killed = countSummary(ix, inc, "killed");
  if (killed.lowest !== undefined) {
    const lowest = killed.lowest;
    const support = new Map<string, Reliability>();
    const against = new Set<string>();
    for (const v of killed.values) {
      if ((v.high ?? Number.POSITIVE_INFINITY) >= lowest) support.set(ix.outletOf(v.doc), ix.reliabilityOf(v.doc));
      else against.add(ix.outletOf(v.doc));
    }
    const band = BAND_OF_CREDIBILITY[credibility({ supporting: [...support.values()], contradicting: against.size })];
    const range = killed.disputed ? `; reported figures range from ${lowest} to ${killed.highest}` : "";
    if (band)
      b.say(
        `We assess ${bandPhrase(band)} that at least ${lowest} people were killed${range}.`,
        b.cites(killed.values),
      );
  }
  const nature = inc.attributes.nature ?? [];
  if (nature.some((v) => v.value === "attack")) {
    const band = BAND_OF_CREDIBILITY[gradeValue(ix, inc, "nature", "attack")];
    if (band)
      b.say(
        `We assess ${bandPhrase(band)} that this was a deliberate attack rather than an accident.`,
        b.cites(nature.filter((v) => v.value === "attack")),
      );
  }
}

function sourceAssessments(b: BriefBuilder, inc: Incident): void {
  b.section("Assessments in the sources");
  const ix = b.ix;
  const docs = new Set(inc.documents);
  let n = 0;
  for (const f of b.input.facts.filter((x) => docs.has(x.doc))) {
    const bySentence = new Map<string, { sentence: Cite; bands: string[] }>();
    for (const j of f.judgments) {
      const key = `${j.sentence.start}-${j.sentence.end}`;
      const e = bySentence.get(key) ?? { sentence: j.sentence, bands: [] };
      if (!e.bands.includes(j.band)) e.bands.push(j.band);
      bySentence.set(key, e);
    }
    for (const { sentence, bands } of bySentence.values()) {
      n++;
      const terms = bands.map((x) => `"${x}"`).join(" and ");
      b.say(`${ix.outletOf(f.doc)} assesses (ICD-203 ${terms}): "${ix.quote(sentence)}"`, [sentence]);
    }
  }
  if (!n) b.remark("The reports contain no estimative judgments.");
}

function whatHappened(b: BriefBuilder, inc: Incident): void {
  b.section("What happened");
  const ix = b.ix;
  const c = codeIncident(ix, inc);
  const when = whenPhrase(incidentDate(inc));
  const where = [c.city, c.country].filter(Boolean).join(", ");
  const generic = ["attack", "other", "incident"].includes(inc.type);
  const kind = !generic ? inc.type.replace(/_/g, " ") : (ATTACK_NOUNS[c.attackType] ?? "violent attack");
  b.say(`${when}, a ${kind} took place${where ? ` in ${where}` : ""}.`, [
    ...b.cites(inc.attributes.date),
    ...b.cites(inc.attributes.place),
    ...b.cites(inc.attributes.nature),
  ]);
  for (const attr of ["killed", "injured", "arrested"]) {
    const s = countSummary(ix, inc, attr);
    if (s.lowest === undefined) continue;
    const word = COUNT_WORDS[attr]!;
    const text = s.disputed
      ? `Reports of the number ${word} range from ${s.lowest} to ${s.highest}; this brief uses the lowest credible figure, ${s.lowest}.`
      : `Sources report ${s.lowest} ${word}.`;
    b.say(text, b.cites(s.values));
  }
  if (c.suicide) {
    const cites = b.cites(inc.attributes.suicide);
    for (const e of ix.eventsOf(inc)) if (/suicide/i.test(e.type)) cites.push(e.sentence ?? e.trigger);
    b.say("Sources describe a suicide attack.", cites);
  }
  const targets = inc.attributes.target ?? [];
  if (targets.length && c.target) b.say(`The attack struck ${c.target}.`, b.cites(targets));
}

function attribution(b: BriefBuilder, inc: Incident): void {
  b.section("Attribution and claims");
  const ix = b.ix;
  const perps = perpetrators(ix, inc);
  for (const p of perps) {
    const by = p.by.map((x) => ix.entityName(x) ?? x).filter((x) => x !== p.name);
    b.say(
      `${p.name}: ${p.bases.join(", ")}${by.length ? ` (by ${by.join(", ")})` : ""}, in ${p.docs.length} document(s).`,
      b.cites(perpValues(inc, p.entity)),
    );
  }
  const claims = claimsOf(b, inc);
  for (const cl of claims) {
    const who = cl.speakerText ?? "An unnamed source";
    const verb =
      cl.kind === "responsibility"
        ? "claimed responsibility"
        : cl.kind === "denial"
          ? "denied involvement"
          : cl.kind === "attribution" || cl.kind === "accusation"
            ? "blamed others"
            : "said";
    b.say(`${who} ${verb}: "${ix.quote(cl.content)}" (${ix.outletOf(cl.doc)}).`, [cl.content, cl.cue]);
  }
  if (!perps.length && !claims.length) b.remark("No claim or attribution was found in the reporting.");
}

function contradictions(b: BriefBuilder, inc: Incident): void {
  b.section("Contradictions");
  const ix = b.ix;
  const list = b.input.fusion.contradictions.filter((c) => c.incident === inc.id);
  for (const c of list) {
    const values = [...c.values].sort((x, y) => (x.publishedAt ?? "").localeCompare(y.publishedAt ?? ""));
    const seq = values
      .map(
        (v) =>
          `${formatValue(c.attribute, v.value, (id) => ix.entityName(id) ?? id)} (${ix.outletOf(v.doc)}, ${v.publishedAt ?? "undated"})`,
      )
      .join(" → ");
    const cites = values.flatMap((v) =>
      (inc.attributes[c.attribute] ?? [])
        .filter((a) => a.doc === v.doc && JSON.stringify(a.value) === JSON.stringify(v.value))
        .map((a) => ix.citeOf(a)),
    );
    const label = c.kind === "revision" ? "Revision" : "Dispute";
    b.say(
      `${label} of ${c.attribute.replace(/_/g, " ")} (${c.severity} severity), in order of publication: ${seq}.`,
      cites,
    );
  }
  if (!list.length) b.remark("No contradictions were found between the sources.");
}

function timeline(b: BriefBuilder, inc: Incident): void {
  b.section("Timeline of reporting");
  const ix = b.ix;
  const byDoc = new Map<string, { parts: string[]; cites: (Cite | undefined)[] }>();
  for (const attr of ["killed", "injured", "arrested", "perpetrator", "nature"]) {
    for (const v of inc.attributes[attr] ?? []) {
      const e = byDoc.get(v.doc) ?? { parts: [], cites: [] };
      const text =
        attr === "perpetrator"
          ? `perpetrator ${formatValue(attr, v.value, (id) => ix.entityName(id) ?? id)}`
          : attr === "nature"
            ? `an ${formatValue(attr, v.value)}`.replace(/^an ([^aeiou])/, "a $1")
            : `${formatValue(attr, v.value)} ${attr}`;
      if (!e.parts.includes(text)) e.parts.push(text);
      e.cites.push(ix.citeOf(v));
      byDoc.set(v.doc, e);
    }
  }
  const docs = [...byDoc.keys()].sort(
    (x, y) => (ix.dayOf(x) ?? "").localeCompare(ix.dayOf(y) ?? "") || ix.outletOf(x).localeCompare(ix.outletOf(y)),
  );
  for (const d of docs) {
    const e = byDoc.get(d)!;
    b.say(`${dayText(ix.dayOf(d)) ?? "Undated"}: ${ix.outletOf(d)} reported ${e.parts.join("; ")}.`, e.cites);
  }
}

function sources(b: BriefBuilder, inc: Incident): void {
  b.section("Sources and grades");
  const ix = b.ix;
  for (const id of inc.documents) {
    const d = ix.docs.get(id);
    if (!d) continue;
    const r = ix.reliabilityOf(id);
    const end = d.text.search(/[.!?](\s|$)/);
    const stop = end < 0 ? Math.min(d.text.length, 200) : Math.min(end + 1, 400);
    const cite: Cite = { doc: id, start: 0, end: stop, text: d.text.slice(0, stop) };
    const title = d.title ? `"${d.title}"` : d.origin;
    b.say(
      `${ix.outletOf(id)} (Admiralty reliability ${r}, ${RELIABILITY_NAMES[r]}): ${title}, ${dayText(ix.dayOf(id)) ?? "undated"}.`,
      [cite],
    );
  }
}

function ach(b: BriefBuilder, inc: Incident): void {
  b.section("Analysis of competing hypotheses");
  const model = b.input.ach.find((m) => m.incident === inc.id);
  if (!model?.hypotheses.length) {
    b.remark("No ACH matrix has been recorded for this incident.");
    return;
  }
  const scores = scoreAch(model);
  const cites: Cite[] = model.evidence.flatMap((e) => {
    const d = e.ref ? b.ix.docs.get(e.ref.doc) : undefined;
    return e.ref && d
      ? [{ doc: e.ref.doc, start: e.ref.start, end: e.ref.end, text: d.text.slice(e.ref.start, e.ref.end) }]
      : [];
  });
  const ordered = [...scores].sort((x, y) => x.rank - y.rank);
  for (const s of ordered) {
    const h = model.hypotheses.find((x) => x.id === s.hypothesis)!;
    b.say(
      `Hypothesis "${h.text}" ranks ${s.rank} of ${scores.length} (weighted inconsistency ${s.weighted}, ${model.evidence.length} evidence rows).`,
      cites,
    );
  }
  if (!cites.length)
    b.remark("The ACH matrix's evidence rows are not linked to document spans, so its ranking is not cited.");
}

/** The briefing for one incident, or undefined when the incident does not exist. */
export function buildBrief(all: ExportInput, incidentId: string): Brief | undefined {
  const input = restrictToIncident(all, incidentId);
  const inc = input?.fusion.incidents[0];
  if (!input || !inc) return undefined;
  const b = new BriefBuilder(input, inc);
  keyJudgments(b, inc);
  sourceAssessments(b, inc);
  whatHappened(b, inc);
  attribution(b, inc);
  contradictions(b, inc);
  timeline(b, inc);
  sources(b, inc);
  ach(b, inc);
  return { incident: inc.id, title: inc.title, sections: b.sections, footnotes: b.footnotes };
}
