// Map: incidents and geocoded places over an offline basemap — Natural Earth country outlines from
// world-atlas (bundled, no tiles, no network) projected with d3-geo into SVG.
import { geoNaturalEarth1, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { useMemo, useState } from "react";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries from "world-atlas/countries-110m.json";
import { api, qs } from "../api.js";
import { href } from "../router.js";
import { DateWindowFields, Status, useLoad } from "../ui.js";

interface Point {
  id: string;
  name: string;
  type: string;
  lat: number;
  lon: number;
}
interface MapData {
  places: (Point & { incidents: number })[];
  incidents: (Point & { date?: string; place: string; documents: number })[];
}

const W = 960;
const H = 520;
const topo = countries as unknown as Topology<{ countries: GeometryCollection }>;
const world = feature(topo, topo.objects.countries) as FeatureCollection<Geometry>;

export function MapView() {
  const [win, setWin] = useState({ from: "", to: "" });
  const s = useLoad(`map:${win.from}:${win.to}`, () =>
    api.get<MapData>(`/api/map${qs({ from: win.from, to: win.to, limit: 2000 })}`),
  );
  return (
    <section>
      <h1>Map</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <DateWindowFields win={win} onChange={setWin} />
      </form>
      <Status s={s}>{(d) => <Drawing data={d} />}</Status>
    </section>
  );
}

function Drawing({ data }: { data: MapData }) {
  const [fit, setFit] = useState<"points" | "world">("points");
  // Zoom to the incidents (places alone when there are none): far-off places mentioned in passing
  // would otherwise widen the view to the whole world.
  const pts = useMemo(() => (data.incidents.length ? data.incidents : data.places), [data]);
  const { path, project } = useMemo(() => {
    const proj = geoNaturalEarth1();
    if (fit === "points" && pts.length) {
      // Fit a box around the markers, padded so a single place still shows its region.
      const lons = pts.map((p) => p.lon);
      const lats = pts.map((p) => p.lat);
      const [x0, x1, y0, y1] = [
        Math.min(...lons) - 8,
        Math.max(...lons) + 8,
        Math.min(...lats) - 6,
        Math.max(...lats) + 6,
      ];
      const box: Feature = {
        type: "Feature",
        properties: {},
        geometry: {
          type: "MultiPoint",
          coordinates: [
            [x0, y0],
            [x1, y1],
            [x0, y1],
            [x1, y0],
          ],
        },
      };
      proj.fitExtent(
        [
          [20, 20],
          [W - 20, H - 20],
        ],
        box,
      );
    } else proj.fitSize([W, H], world);
    return { path: geoPath(proj), project: (p: Point) => proj([p.lon, p.lat]) };
  }, [fit, pts]);
  return (
    <>
      <div className="row">
        <button type="button" onClick={() => setFit(fit === "world" ? "points" : "world")}>
          {fit === "world" ? "Zoom to markers" : "Whole world"}
        </button>
        <span className="muted small">
          {data.incidents.length} incidents and {data.places.length} places with coordinates. Red: incidents; blue:
          places.
        </span>
      </div>
      {data.incidents.length + data.places.length === 0 && (
        <div className="empty">No incident or place has coordinates yet.</div>
      )}
      <svg className="map" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Map of incidents and places">
        <rect width={W} height={H} className="sea" />
        {world.features.map((f, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the atlas features are static
          <path key={i} d={path(f) ?? ""} className="land" />
        ))}
        {data.places.map((p) => {
          const xy = project(p);
          if (!xy) return null;
          return (
            <circle key={p.id} cx={xy[0]} cy={xy[1]} r={3 + Math.min(5, p.incidents)} className="place">
              <title>{`${p.name} (${p.type}) — ${p.incidents} incident(s)`}</title>
            </circle>
          );
        })}
        {data.incidents.map((p) => {
          const xy = project(p);
          if (!xy) return null;
          return (
            <a key={p.id} href={href("incident", p.id)}>
              <circle cx={xy[0]} cy={xy[1]} r={4 + Math.min(6, p.documents)} className="incident">
                <title>{`${p.name} — ${p.place} ${p.date ?? ""}`}</title>
              </circle>
            </a>
          );
        })}
        {labels(data.incidents, project).map((l) => (
          <text key={`l-${l.id}`} x={l.x + 8} y={l.y + 4} className="maplabel">
            {l.text}
          </text>
        ))}
      </svg>
      <p className="muted small">Hover a marker for details; click an incident to open it.</p>
    </>
  );
}

/** Place names next to incident markers, skipping any label that would overlap one already placed. */
function labels(points: MapData["incidents"], project: (p: Point) => [number, number] | null) {
  const placed: { id: string; x: number; y: number; text: string }[] = [];
  // Best-documented incidents claim their label space first.
  for (const p of [...points].sort((a, b) => b.documents - a.documents)) {
    const xy = project(p);
    if (!xy) continue;
    const w = p.place.length * 6.5;
    const clash = placed.some(
      (o) => Math.abs(o.y - xy[1]) < 13 && xy[0] < o.x + o.text.length * 6.5 + 10 && o.x < xy[0] + w + 10,
    );
    if (!clash) placed.push({ id: p.id, x: xy[0], y: xy[1], text: p.place });
  }
  return placed;
}
