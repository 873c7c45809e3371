// Builds the actor graph (people, groups, states and incidents) from extracted events and claims.
// Extraction speaks in document-local entity ids; they are mapped to canonical fused entities first by
// mention id, then by (type, alias), so one actor is one node across documents.
// Every fused perpetrator links actor → incident by its basis (claimed / attributed / suspected); an
// accuser, when one is named, also gets accuser → accused "blamed". (Earlier only the accuser edge was
// drawn, so an attribution without a named accuser — most of them — or with a country as the accuser,
// which is a place entity, left no edge at all.)
// The store indexes the same edges one occurrence a row (store/graph-index.ts): `watch` hands it each
// occurrence and each canonical lookup a document's (or an incident's) edges depended on, so it knows what to
// redo later.
import type { DocFacts, Entity, Incident } from "../model/records.js";

export const RELATIONS = ["attacked", "claimed", "attributed", "suspected", "blamed", "met"] as const;
export type Relation = (typeof RELATIONS)[number];

export interface GraphNode {
  id: string;
  label: string;
  type: string;
}
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  relation: Relation;
  date?: string;
  count: number;
  docs: string[];
}

/** One edge occurrence as it is counted (`edge` is the edge id). */
export interface EdgeOccurrence {
  edge: string;
  relation: Relation;
  source: string;
  target: string;
  date: string | undefined;
  doc: string;
}

/** What an index of the graph is told: every occurrence, and the lookups (refs) the edges came from. */
export interface GraphWatch {
  edge(o: EdgeOccurrence): void;
  /** `e:<entity id>` found, `a:<type|alias>` looked up by name, `v:<event id>` looked up for its incident. */
  ref(ref: string): void;
}

/** The alias key canonical lookups go by, also the ref of such a lookup. */
export const aliasKey = (type: string, name: string): string => `${type}|${name.toLowerCase()}`;

const ACTOR_TYPES = new Set(["person", "organization", "armed_group", "state"]);
const ATTACKERS = new Set(["attacker", "perpetrator", "agent", "bomber", "gunman", "shooter", "suspect"]);
const TARGETS = new Set(["target", "victim"]);

export class GraphBuilder {
  private byMention = new Map<string, string>();
  private byAlias = new Map<string, string>();
  private entity = new Map<string, Entity>();
  private incidentOf = new Map<string, Incident>();
  readonly nodes = new Map<string, GraphNode>();
  readonly edges = new Map<string, GraphEdge>();

  constructor(
    entities: Entity[],
    incidents: Incident[],
    private window: { from?: string; to?: string },
    private watch?: GraphWatch,
  ) {
    for (const e of entities) {
      this.entity.set(e.id, e);
      for (const m of e.mentions) this.byMention.set(m, e.id);
      for (const a of [e.name, ...e.aliases]) this.byAlias.set(aliasKey(e.type, a), e.id);
    }
    for (const inc of incidents) for (const ev of inc.events) this.incidentOf.set(ev, inc);
  }

  private canonical(facts: DocFacts, local: string | undefined): Entity | undefined {
    if (!local) return undefined;
    const e = facts.entities.find((x) => x.id === local);
    if (!e) return undefined;
    for (const m of e.mentions) {
      const id = this.byMention.get(m);
      if (id) return this.found(id);
    }
    const key = aliasKey(e.type, e.name);
    this.watch?.ref(`a:${key}`);
    const id = this.byAlias.get(key);
    return id ? this.found(id) : undefined;
  }

  private found(id: string): Entity | undefined {
    this.watch?.ref(`e:${id}`);
    return this.entity.get(id);
  }

  private incidentOfEvent(event: string): Incident | undefined {
    this.watch?.ref(`v:${event}`);
    return this.incidentOf.get(event);
  }

  private actor(e: Entity | undefined): string | undefined {
    if (!e || !ACTOR_TYPES.has(e.type)) return undefined;
    return this.node(e);
  }

  private node(e: Entity): string {
    if (!this.nodes.has(e.id)) this.nodes.set(e.id, { id: e.id, label: e.name, type: e.type });
    return e.id;
  }

  /** Who made an accusation: an actor, or a country (geocoded as a place) speaking as a state. */
  private accuser(id: string | undefined): string | undefined {
    const e = id ? this.entity.get(id) : undefined;
    if (!e) return undefined;
    if (e.type === "place" && e.geo?.precision === "country") return this.node({ ...e, type: "state" });
    return this.actor(e);
  }

  private incidentNode(inc: Incident): string {
    if (!this.nodes.has(inc.id)) this.nodes.set(inc.id, { id: inc.id, label: inc.title, type: "incident" });
    return inc.id;
  }

  private inWindow(date: string | undefined): boolean {
    if (!date) return !this.window.from && !this.window.to;
    return (!this.window.from || date >= this.window.from) && (!this.window.to || date <= this.window.to);
  }

  private edge(source: string, target: string, relation: GraphEdge["relation"], date: string | undefined, doc: string) {
    if (source === target) return;
    const id = `${relation}|${source}|${target}`;
    const e = this.edges.get(id) ?? { id, source, target, relation, count: 0, docs: [] };
    e.count++;
    if (date && (!e.date || date < e.date)) e.date = date;
    if (e.docs.length < 5 && !e.docs.includes(doc)) e.docs.push(doc);
    this.edges.set(id, e);
    this.watch?.edge({ edge: id, relation, source, target, date, doc });
  }

  /**
   * Edges from the fused perpetrator list: each perpetrator to its incident by basis, and a named accuser
   * to the one accused. Ids here are already canonical.
   */
  addIncidents(incidents: Incident[]): void {
    for (const inc of incidents) {
      const date = inc.date?.start;
      if (!this.inWindow(date)) continue;
      for (const p of inc.perpetrators) {
        // the incident's rows read these entities too (by id), so they are its refs as a document's look-ups are
        this.watch?.ref(`e:${p.entity}`);
        if (p.by) this.watch?.ref(`e:${p.by}`);
        const who = this.actor(this.entity.get(p.entity));
        if (!who) continue;
        this.edge(who, this.incidentNode(inc), p.basis, date, p.doc);
        if (p.basis === "claimed") continue;
        const by = p.by && p.by !== p.entity ? this.accuser(p.by) : undefined;
        if (by) this.edge(by, who, "blamed", date, p.doc);
      }
    }
  }

  add(facts: DocFacts, published: string | undefined): void {
    for (const ev of facts.events) {
      const date = ev.date?.start ?? published;
      if (!this.inWindow(date)) continue;
      const who = (roles: Set<string>) =>
        ev.participants
          .filter((p) => roles.has(p.role.toLowerCase()))
          .map((p) => this.actor(this.canonical(facts, p.entity)))
          .filter((x): x is string => x !== undefined);
      const attackers = ev.modality === "negated" ? [] : who(ATTACKERS);
      for (const a of attackers) for (const t of who(TARGETS)) this.edge(a, t, "attacked", date, facts.doc);
      if (/meet|talks|visit/i.test(ev.type)) {
        const people = ev.participants.map((p) => this.actor(this.canonical(facts, p.entity))).filter((x) => x);
        const uniq = [...new Set(people as string[])].sort();
        for (let i = 0; i < uniq.length; i++) {
          for (let j = i + 1; j < uniq.length; j++) this.edge(uniq[i]!, uniq[j]!, "met", date, facts.doc);
        }
      }
    }
    for (const cl of facts.claims) {
      if (!this.inWindow(published) || cl.stance === "deny") continue;
      const speakerEntity = this.canonical(facts, cl.speaker);
      const speaker =
        this.actor(speakerEntity) ?? (cl.kind === "responsibility" ? undefined : this.accuser(speakerEntity?.id));
      const target = this.actor(this.canonical(facts, cl.target));
      if (cl.kind === "responsibility") {
        const claimer = target ?? speaker;
        const inc = cl.about.map((a) => this.incidentOfEvent(a)).find((x) => x);
        if (claimer && inc) this.edge(claimer, this.incidentNode(inc), "claimed", published, facts.doc);
      } else if ((cl.kind === "attribution" || cl.kind === "accusation") && speaker && target) {
        this.edge(speaker, target, "blamed", published, facts.doc);
      }
    }
  }
}
