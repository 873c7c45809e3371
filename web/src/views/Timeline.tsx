// Timeline: incidents as lanes, their events as bars spanning the event's date interval, so a
// month-precision date is drawn as a month-wide bar and a day as a day. Zoom with the buttons or the
// mouse wheel; drag to pan. Drawn as plain SVG.
import { useMemo, useRef, useState } from "react";
import { api, qs } from "../api.js";
import { href } from "../router.js";
import { DateWindowFields, Status, useLoad } from "../ui.js";

interface Item {
  id: string;
  start: string;
  end: string;
  precision: string;
}
interface Data {
  incidents: (Item & { title: string; type: string; events: number })[];
  events: (Item & { type: string; incident?: string; doc: string; label: string })[];
  undated: number;
  truncated: boolean;
}

const DAY = 86_400_000;
const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const W = 1000;
const LANE = 30;
const LEFT = 270;

export function Timeline() {
  const [win, setWin] = useState({ from: "", to: "" });
  const s = useLoad(`timeline:${win.from}:${win.to}`, () =>
    api.get<Data>(`/api/timeline${qs({ from: win.from, to: win.to, limit: 2000 })}`),
  );
  return (
    <section>
      <h1>Timeline</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <DateWindowFields win={win} onChange={setWin} />
      </form>
      <Status s={s} empty={(d) => d.incidents.length === 0 && d.events.length === 0}>
        {(d) => <Chart data={d} />}
      </Status>
    </section>
  );
}

function Chart({ data }: { data: Data }) {
  const lanes = useMemo(() => {
    const rows = data.incidents.map((i) => ({
      id: i.id,
      title: i.title,
      item: i as Item,
      events: data.events.filter((e) => e.incident === i.id),
    }));
    const loose = data.events.filter((e) => !e.incident || !data.incidents.some((i) => i.id === e.incident));
    if (loose.length)
      rows.push({ id: "", title: "Events outside incidents", item: undefined as unknown as Item, events: loose });
    return rows;
  }, [data]);
  const all = [...data.incidents, ...data.events];
  const full = padded(Math.min(...all.map((x) => t(x.start))), Math.max(...all.map((x) => t(x.end))) + DAY);
  // Open on where most items are: a few distant outliers (a 2004 precedent) would squash everything else.
  const starts = all.map((x) => t(x.start)).sort((p, q) => p - q);
  const q = (f: number) => starts[Math.min(starts.length - 1, Math.floor(f * starts.length))]!;
  const focus = padded(q(0.1), q(0.9) + DAY);
  const [view, setView] = useState(focus);
  const drag = useRef<{ x: number; a: number; b: number } | null>(null);
  const x = (ms: number) => LEFT + ((ms - view.a) / (view.b - view.a)) * (W - LEFT - 10);
  const zoom = (factor: number, centre = (view.a + view.b) / 2) => {
    const span = Math.max(2 * DAY, (view.b - view.a) * factor);
    const ratio = (centre - view.a) / (view.b - view.a);
    setView({ a: centre - span * ratio, b: centre + span * (1 - ratio) });
  };
  const height = 40 + lanes.length * LANE;
  const ticks = tickDates(view.a, view.b);
  return (
    <>
      <div className="row">
        <button type="button" onClick={() => zoom(0.5)}>
          Zoom in
        </button>
        <button type="button" onClick={() => zoom(2)}>
          Zoom out
        </button>
        <button type="button" onClick={() => setView(focus)}>
          Fit busiest
        </button>
        <button type="button" onClick={() => setView(full)}>
          Fit all
        </button>
        <span className="muted small">
          {new Date(view.a).toISOString().slice(0, 10)} – {new Date(view.b).toISOString().slice(0, 10)} · wheel to zoom,
          drag to pan
          {data.undated ? ` · ${data.undated} undated events not drawn` : ""}
          {data.truncated ? " · list truncated, narrow the window" : ""}
        </span>
      </div>
      <svg
        className="timeline"
        viewBox={`0 0 ${W} ${height}`}
        role="img"
        aria-label="Timeline of incidents and events"
        onWheel={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          const px = ((e.clientX - box.left) / box.width) * W;
          const centre = view.a + ((px - LEFT) / (W - LEFT - 10)) * (view.b - view.a);
          zoom(e.deltaY > 0 ? 1.25 : 0.8, centre);
        }}
        onMouseDown={(e) => {
          drag.current = { x: e.clientX, ...view };
        }}
        onMouseMove={(e) => {
          const d = drag.current;
          if (!d) return;
          const box = e.currentTarget.getBoundingClientRect();
          const shift = ((e.clientX - d.x) / box.width) * W * ((d.b - d.a) / (W - LEFT - 10));
          setView({ a: d.a - shift, b: d.b - shift });
        }}
        onMouseUp={() => {
          drag.current = null;
        }}
        onMouseLeave={() => {
          drag.current = null;
        }}
      >
        <defs>
          <clipPath id="plot">
            <rect x={LEFT} y={0} width={W - LEFT} height={height} />
          </clipPath>
        </defs>
        {ticks.map((tk) => (
          <g key={tk.ms}>
            <line x1={x(tk.ms)} x2={x(tk.ms)} y1={20} y2={height} className="grid" />
            <text x={x(tk.ms) + 2} y={14} className="tick">
              {tk.label}
            </text>
          </g>
        ))}
        {lanes.map((lane, i) => {
          const y = 28 + i * LANE;
          return (
            <g key={lane.id || "loose"}>
              <a href={lane.id ? href("incident", lane.id) : undefined}>
                <text x={4} y={y + 14} className="lane">
                  {lane.title.length > 38 ? `${lane.title.slice(0, 37)}…` : lane.title}
                </text>
              </a>
              <g clipPath="url(#plot)">
                {lane.item && (
                  <rect
                    className="inc"
                    x={x(t(lane.item.start))}
                    y={y + 2}
                    height={LANE - 8}
                    width={Math.max(3, x(t(lane.item.end) + DAY) - x(t(lane.item.start)))}
                  >
                    <title>{`${lane.title}: ${lane.item.start}${lane.item.end !== lane.item.start ? ` – ${lane.item.end}` : ""} (${lane.item.precision})`}</title>
                  </rect>
                )}
                {lane.events.map((ev) => (
                  <a key={ev.id} href={href("doc", ev.doc)}>
                    <rect
                      className={`ev p-${ev.precision}`}
                      x={x(t(ev.start))}
                      y={y + 8}
                      height={LANE - 20}
                      width={Math.max(3, x(t(ev.end) + DAY) - x(t(ev.start)))}
                    >
                      <title>{`${ev.type} “${ev.label}”: ${ev.start}${ev.end !== ev.start ? ` – ${ev.end}` : ""} (${ev.precision})`}</title>
                    </rect>
                  </a>
                ))}
              </g>
            </g>
          );
        })}
      </svg>
      <p className="muted small">
        Pale bars: incident date range. Dark bars: events (wide when the source gives only a month or a range).
      </p>
    </>
  );
}

function padded(a: number, b: number): { a: number; b: number } {
  const pad = Math.max(2 * DAY, (b - a) * 0.05);
  return { a: a - pad, b: b + pad };
}

/** Roughly eight readable ticks: days, months or years depending on the zoom. */
function tickDates(a: number, b: number): { ms: number; label: string }[] {
  const span = (b - a) / DAY;
  const out: { ms: number; label: string }[] = [];
  const d = new Date(a);
  if (span <= 20) {
    for (let ms = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()); ms <= b; ms += DAY)
      out.push({ ms, label: new Date(ms).toISOString().slice(5, 10) });
  } else if (span <= 120) {
    const step = Math.ceil(span / 8);
    for (let ms = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()); ms <= b; ms += step * DAY)
      out.push({ ms, label: new Date(ms).toISOString().slice(0, 10) });
  } else if (span <= 1500) {
    const step = Math.max(1, Math.ceil(span / 30 / 8));
    for (let m = 0; ; m += step) {
      const ms = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + m, 1);
      if (ms > b) break;
      out.push({ ms, label: new Date(ms).toISOString().slice(0, 7) });
    }
  } else {
    const step = Math.max(1, Math.ceil(span / 365 / 8));
    for (let y = d.getUTCFullYear(); ; y += step) {
      const ms = Date.UTC(y, 0, 1);
      if (ms > b) break;
      out.push({ ms, label: String(y) });
    }
  }
  return out.filter((tk) => tk.ms >= a);
}
