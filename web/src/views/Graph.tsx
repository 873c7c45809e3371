// Actor graph (cytoscape): people, groups, states and incidents, linked by who attacked, claimed, was
// blamed for or met whom. The server aggregates (top actors by degree, relation, time window, one
// incident's neighbourhood), so the page draws at most a few hundred elements whatever the store's size.
// Node labels are set as data, which cytoscape draws on a canvas — never as HTML.
import cytoscape from "cytoscape";
import { type CSSProperties, useEffect, useRef, useState } from "react";
import { api, qs } from "../api.js";
import { go, href } from "../router.js";
import { DateWindowFields, Status, useLoad } from "../ui.js";

interface Graph {
  nodes: { id: string; label: string; type: string; degree: number }[];
  edges: {
    id: string;
    source: string;
    target: string;
    relation: string;
    date?: string;
    count: number;
    docs: string[];
  }[];
  truncated: boolean;
  total: { nodes: number; edges: number };
  titles: Record<string, string>;
}

const COLORS: Record<string, string> = {
  person: "#2f6f9f",
  organization: "#7a5c99",
  armed_group: "#b5473a",
  state: "#3d7d4f",
  incident: "#b88a1e",
};
const EDGE_COLORS: Record<string, string> = {
  attacked: "#b5473a",
  claimed: "#b88a1e",
  attributed: "#c0662b",
  suspected: "#9aa3ad",
  blamed: "#7a5c99",
  met: "#3d7d4f",
};
const RELATIONS = Object.keys(EDGE_COLORS);
const SIZES = [10, 20, 40, 80, 160];

export function GraphView({ params }: { params: URLSearchParams }) {
  const incident = params.get("incident") ?? "";
  const [win, setWin] = useState({ from: "", to: "" });
  const [actors, setActors] = useState(40);
  const [relations, setRelations] = useState<string[]>([]);
  const relation = relations.join(",");
  const s = useLoad(`graph:${win.from}:${win.to}:${actors}:${relation}:${incident}`, () =>
    api.get<Graph>(`/api/graph${qs({ from: win.from, to: win.to, actors, relation, incident, limit: 400 })}`),
  );
  const toggle = (r: string) => setRelations((rs) => (rs.includes(r) ? rs.filter((x) => x !== r) : [...rs, r]));
  const focus = incident ? s.data?.nodes.find((n) => n.id === incident)?.label : undefined;
  return (
    <section>
      <h1>Actor graph</h1>
      {incident && (
        <p className="muted">
          Around the incident {focus ? `"${focus}"` : ""} · <a href={href("graph")}>whole graph</a>
        </p>
      )}
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <DateWindowFields win={win} onChange={setWin} />
        <label>
          Top actors{" "}
          <select aria-label="Top actors" value={actors} onChange={(e) => setActors(Number(e.target.value))}>
            {SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <span className="relations">
          {RELATIONS.map((r) => (
            <label key={r}>
              <input type="checkbox" checked={relations.includes(r)} onChange={() => toggle(r)} /> {r}
            </label>
          ))}
        </span>
        <span className="legend">
          {Object.entries(COLORS).map(([k, c]) => (
            <span key={k} className="swatch" style={{ "--c": c } as CSSProperties}>
              {k.replace("_", " ")}
            </span>
          ))}
          {Object.entries(EDGE_COLORS).map(([k, c]) => (
            <span key={k} className="swatch line" style={{ "--c": c } as CSSProperties}>
              {k}
            </span>
          ))}
        </span>
      </form>
      <Status s={s} empty={(g) => g.nodes.length === 0}>
        {(g) => <Canvas graph={g} />}
      </Status>
    </section>
  );
}

/**
 * Cytoscape injects an inline <style> unless an element with this id exists; the CSP blocks inline styles,
 * so a placeholder claims the id and styles.css carries the one rule it wanted (position: relative).
 */
function claimCytoscapeStylesheet(): void {
  const id = "__________cytoscape_stylesheet";
  if (document.getElementById(id)) return;
  const placeholder = document.createElement("meta");
  placeholder.id = id;
  document.head.prepend(placeholder);
}

function Canvas({ graph }: { graph: Graph }) {
  const ref = useRef<HTMLDivElement>(null);
  const [picked, setPicked] = useState<Graph["edges"][number] | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    claimCytoscapeStylesheet();
    const cy = cytoscape({
      container: ref.current,
      elements: [
        ...graph.nodes.map((n) => ({ data: { id: n.id, label: n.label, type: n.type } })),
        ...graph.edges.map((e) => ({
          data: { id: e.id, source: e.source, target: e.target, relation: e.relation, weight: e.count },
        })),
      ],
      style: [
        {
          selector: "node",
          style: {
            label: "data(label)",
            "font-size": 11,
            "text-valign": "bottom",
            "text-margin-y": 4,
            color: "#1d232b",
            width: 18,
            height: 18,
            "background-color": (n: cytoscape.NodeSingular) => COLORS[n.data("type") as string] ?? "#777",
          },
        },
        { selector: 'node[type = "incident"]', style: { shape: "diamond", width: 24, height: 24 } },
        {
          selector: "edge",
          style: {
            width: (e: cytoscape.EdgeSingular) => Math.min(6, 1 + Number(e.data("weight"))),
            "line-color": (e: cytoscape.EdgeSingular) => EDGE_COLORS[e.data("relation") as string] ?? "#999",
            "target-arrow-color": (e: cytoscape.EdgeSingular) => EDGE_COLORS[e.data("relation") as string] ?? "#999",
            "target-arrow-shape": "triangle",
            "curve-style": "bezier",
            label: "data(relation)",
            "font-size": 9,
            color: "#5b6673",
          },
        },
      ],
      layout: { name: graph.nodes.length > 300 ? "grid" : "cose", animate: false, padding: 40 },
      wheelSensitivity: 0.3,
      // A handful of nodes would otherwise be zoomed until labels are huge.
      maxZoom: 1.4,
      minZoom: 0.15,
    });
    cy.on("tap", "node", (ev) => {
      const n = ev.target.data() as { id: string; type: string };
      if (n.type === "incident") go(href("incident", n.id));
    });
    cy.on("tap", "edge", (ev) => setPicked(graph.edges.find((e) => e.id === ev.target.id()) ?? null));
    return () => cy.destroy();
  }, [graph]);
  const name = (id: string) => graph.nodes.find((n) => n.id === id)?.label ?? id;
  return (
    <>
      <div className="graph" ref={ref} data-testid="graph" />
      <p className="muted small">
        {graph.nodes.length} nodes and {graph.edges.length} links shown
        {graph.truncated ? ` of ${graph.total.nodes} and ${graph.total.edges} (the best-connected actors only)` : ""}.
        Click an incident to open it, a link to see its sources.
      </p>
      {picked && (
        <div className="notice">
          {name(picked.source)} <b>{picked.relation}</b> {name(picked.target)} — {picked.count} mention(s)
          {picked.date ? `, first ${picked.date}` : ""}. Sources:{" "}
          {picked.docs.map((d) => (
            <a key={d} href={href("doc", d)}>
              {graph.titles[d] ?? "a report"}{" "}
            </a>
          ))}
        </div>
      )}
    </>
  );
}
