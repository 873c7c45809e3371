// MUC-4 templates read field by field from the product's incident records (one template per incident the
// product formed from the message), and the REE role fillers as their union. Field mapping only:
//   INCIDENT: TYPE   ← the GTD attack type `codeIncident` assigns, renamed to MUC's vocabulary
//   DATE / LOCATION  ← the coded date; the incident place and its country
//   PERP: ORG / IND  ← the incident's perpetrators (groups / people) and its `attacker` values
//   PHYS TGT / HUM TGT ← its `target` / `victim` values; INSTRUMENT ← its `instrument` values
//   EFFECT           ← DEATH / INJURY when the coded totals are above zero
// An incident the product judges not relevant (its `relevance` values name no "actual" event: a threat, a plan,
// history, a clash of armed forces, or scored unlike a terrorist attack) gives no template.
// A value is written as the product states it (a target or weapon as its description: "vehicles" of "nine
// vehicles"), an entity as the text it was read from (its span); a person or an entity without a span as the longest
// form the message uses for it (gold fillers are text strings; a canonical name may not occur in the message).
import { codeIncident, incidentRelevance } from "../../src/export/csv/coding.js";
import type { ExportIndex } from "../../src/export/view.js";
import type { AttributeValue, Entity, Incident } from "../../src/model/records.js";
import { countryName } from "../common/countries.js";
import type { ProductRun } from "../common/product.js";
import type { RolePrediction } from "./ree.js";
import type { ResponseTemplate } from "./slots.js";

const MUC_TYPE: Record<string, string> = {
  "Bombing/Explosion": "BOMBING",
  "Hostage Taking (Kidnapping)": "KIDNAPPING",
  "Hostage Taking (Barricade Incident)": "KIDNAPPING",
  Hijacking: "KIDNAPPING",
  "Facility/Infrastructure Attack": "ARSON",
};

/** Product incident types that are violent incidents in MUC's sense; claims, arrests, talks, clashes are not. */
const MUC_INCIDENTS = new Set(["attack", "missile_strike", "air_strike", "death", "injury", "execution"]);

const GROUPS = new Set<Entity["type"]>(["armed_group", "organization", "state"]);

/** Longest text form of an entity among the mentions of one document. */
function surfaceIn(run: ProductRun, entity: Entity, doc: string, texts: Map<string, string>): string {
  const forms = entity.mentions.filter((m) => run.ix.mentionDoc.get(m) === doc).map((m) => texts.get(m) ?? "");
  return forms.reduce((a, b) => (b.length > a.length ? b : a), "") || entity.name;
}

/**
 * A person is written by name (the keys name victims); a value that is no entity as the product gives it (a target
 * or weapon as its description, whose quantity MUC keeps in a number slot); an entity as the phrase it was read from.
 */
function valueText(ix: ExportIndex, v: AttributeValue, surface: (e: Entity) => string): string | undefined {
  const e = typeof v.value === "string" ? ix.entities.get(v.value) : undefined;
  if (e?.type === "person") return surface(e);
  if (!e && typeof v.value === "string") return v.value;
  if (v.span?.text) return v.span.text;
  return e ? surface(e) : typeof v.value === "string" ? v.value : undefined;
}

/** Each filler once (case-insensitively), in first-seen form. */
function uniq(xs: (string | undefined)[]): string[] {
  const out = new Map<string, string>();
  for (const x of xs) if (x && !out.has(x.toLowerCase())) out.set(x.toLowerCase(), x);
  return [...out.values()];
}

export interface MucPrediction {
  templates: ResponseTemplate[];
  /** Victim fillers that name a person (an entity), apart from descriptions ("a peasant"). */
  namedVictims: string[];
}

function templateOf(run: ProductRun, inc: Incident, doc: string, texts: Map<string, string>): ResponseTemplate {
  const ix = run.ix;
  const c = codeIncident(ix, inc);
  const surface = (e: Entity) => surfaceIn(run, e, doc, texts);
  const t: ResponseTemplate = {
    incidentType: MUC_TYPE[c.attackType] ?? "ATTACK",
    weapon: uniq((inc.attributes.instrument ?? []).map((v) => valueText(ix, v, surface))),
    perpInd: uniq((inc.attributes.attacker ?? []).map((v) => valueText(ix, v, surface))),
    perpOrg: [],
    target: uniq((inc.attributes.target ?? []).map((v) => valueText(ix, v, surface))),
    victim: uniq((inc.attributes.victim ?? []).map((v) => valueText(ix, v, surface))),
    effect: [],
  };
  for (const p of inc.perpetrators) {
    const e = ix.entities.get(p.entity);
    if (!e) continue;
    if (GROUPS.has(e.type)) t.perpOrg.push(surface(e));
    else t.perpInd.push(surface(e));
  }
  t.perpOrg = uniq(t.perpOrg);
  t.perpInd = uniq(t.perpInd);
  if (c.dateStart && c.dateEnd) t.date = { start: c.dateStart, end: c.dateEnd };
  const place = inc.place ? ix.entities.get(inc.place) : undefined;
  if (place) {
    const country = countryName(place.geo?.country ?? place.country);
    t.location = country && country.toLowerCase() !== place.name.toLowerCase() ? [country, place.name] : [place.name];
  }
  if ((c.nkill ?? 0) > 0) t.effect.push("DEATH");
  if ((c.nwound ?? 0) > 0) t.effect.push("INJURY");
  return t;
}

/** Judged relevant by the product: one member event is actual (an incident without a judgement counts). */
function relevant(inc: Incident): boolean {
  const r = incidentRelevance(inc);
  return r === undefined || r === "actual";
}

/** The templates of one message: one per MUC-type incident the product formed from it. */
export function predictMessage(run: ProductRun): MucPrediction {
  const doc = run.docs[0];
  if (!doc) return { templates: [], namedVictims: [] };
  const texts = new Map<string, string>();
  for (const f of run.input.facts) for (const m of f.mentions) texts.set(m.id, m.text);
  const incidents = run.incidents.filter(
    (i) => MUC_INCIDENTS.has(i.type) && i.documents.includes(doc.id) && relevant(i),
  );
  const namedVictims: string[] = [];
  for (const inc of incidents) {
    for (const v of inc.attributes.victim ?? []) {
      const e = typeof v.value === "string" ? run.ix.entities.get(v.value) : undefined;
      if (e?.type === "person") namedVictims.push(valueText(run.ix, v, (x) => surfaceIn(run, x, doc.id, texts)) ?? "");
    }
  }
  return { templates: incidents.map((i) => templateOf(run, i, doc.id, texts)), namedVictims: uniq(namedVictims) };
}

/** REE fillers: the union of the templates' fillers per role; Victim keeps named people only (GRIT's gold). */
export function predictRoles(p: MucPrediction): RolePrediction {
  const u = (k: "perpInd" | "perpOrg" | "target" | "victim" | "weapon") => uniq(p.templates.flatMap((t) => t[k]));
  const named = new Set(p.namedVictims.map((v) => v.toLowerCase()));
  return {
    PerpInd: u("perpInd"),
    PerpOrg: u("perpOrg"),
    Target: u("target"),
    Victim: u("victim").filter((v) => named.has(v.toLowerCase())),
    Weapon: u("weapon"),
  };
}
