// Merge / split / move-event controls for one incident and the override history with undo. Every action
// is an override record; the server re-fuses after each one, so undo is "delete the override".
import { useState } from "react";
import { api, type EvidenceItem, type Incident, type Override, type Page } from "../api.js";
import { href } from "../router.js";
import { Notice, Status, useLoad } from "../ui.js";

function describe(o: Override, title: (id: string) => string): string {
  if (o.kind === "merge-incidents") return `Merged ${(o.incidents as string[]).map(title).join(" + ")}`;
  if (o.kind === "split-incident")
    return `Split ${(o.events as string[]).length} event(s) out of ${title(String(o.incident))}`;
  if (o.kind === "move-event") return `Moved an event to ${title(String(o.to))}`;
  return o.kind;
}

export function IncidentControls({ incident, onChange }: { incident: Incident; onChange: () => void }) {
  const [version, setVersion] = useState(0);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [other, setOther] = useState("");
  const [message, setMessage] = useState<{ text: string; kind: "info" | "error" } | null>(null);
  const all = useLoad(`all-incidents:${version}`, () => api.get<Page<Incident>>("/api/incidents?limit=500"));
  const events = useLoad(`events:${incident.id}:${version}`, () =>
    api.get<Page<EvidenceItem>>(`/api/incidents/${encodeURIComponent(incident.id)}/evidence?limit=500&distinct=false`),
  );
  const overrides = useLoad(`overrides:${version}`, () => api.get<Page<Override>>("/api/overrides?limit=500"));
  const title = (id: string) => all.data?.items.find((i) => i.id === id)?.title ?? "an incident no longer present";
  const others = all.data?.items.filter((i) => i.id !== incident.id) ?? [];

  const act = async (label: string, run: () => Promise<{ incidents?: unknown }>) => {
    try {
      const r = await run();
      const named = Array.isArray(r.incidents) ? (r.incidents as { title: string }[]) : undefined;
      // the server names the incidents after re-fusion, so a split-off incident is named, never shown by id
      const now = named?.map((i) => `"${i.title}"`).join(", ");
      setMessage({
        text: `${label} done${now ? ` — incidents now: ${now}` : ""}.`,
        kind: "info",
      });
      setChecked(new Set());
      setVersion((v) => v + 1);
      onChange();
    } catch (e) {
      setMessage({ text: `${label} failed: ${(e as Error).message}`, kind: "error" });
    }
  };
  const post = (body: Record<string, unknown>) =>
    api.post<{ incidents: { id: string; title: string }[] }>("/api/overrides", body);
  const mine = (overrides.data?.items ?? []).filter(
    (o) => JSON.stringify(o).includes(incident.id) || o.kind.endsWith("incident") || o.kind === "move-event",
  );
  const eventRows = (events.data?.items ?? []).filter((e) => e.kind === "event");

  return (
    <div className="controls">
      <h2>Curate</h2>
      {message && <Notice text={message.text} kind={message.kind} onClose={() => setMessage(null)} />}
      <div className="row">
        <label>
          Other incident{" "}
          <select aria-label="Other incident" value={other} onChange={(e) => setOther(e.target.value)}>
            <option value="">choose…</option>
            {others.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title} ({i.date?.iso ?? "undated"})
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={!other}
          onClick={() => act("Merge", () => post({ kind: "merge-incidents", incidents: [incident.id, other] }))}
        >
          Merge into this incident
        </button>
        <button
          type="button"
          disabled={!other || checked.size !== 1}
          onClick={() => act("Move", () => post({ kind: "move-event", event: [...checked][0], to: other }))}
        >
          Move checked event there
        </button>
        <button
          type="button"
          disabled={checked.size === 0 || checked.size >= incident.events.length}
          onClick={() =>
            act("Split", () => post({ kind: "split-incident", incident: incident.id, events: [...checked] }))
          }
        >
          Split checked events into a new incident
        </button>
      </div>
      <details open={incident.events.length <= 12}>
        <summary>
          <b>Events ({incident.events.length})</b> — check events to split them out or move one
        </summary>
        <Status s={events} empty={() => eventRows.length === 0}>
          {() => (
            <ul className="plain events">
              {eventRows.map((e) => (
                <li key={e.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={checked.has(e.id)}
                      onChange={(x) => {
                        const next = new Set(checked);
                        if (x.target.checked) next.add(e.id);
                        else next.delete(e.id);
                        setChecked(next);
                      }}
                    />{" "}
                    <b>{e.label}</b>{" "}
                    <span className="muted">
                      {e.outlet ?? "unknown outlet"} {e.published ?? ""}
                    </span>{" "}
                  </label>
                  <a href={href("doc", e.doc, { sel: `${e.start}-${e.end}` })}>
                    {e.text.length > 140 ? `${e.text.slice(0, 140)}…` : e.text}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </Status>
      </details>
      <h3>Override history</h3>
      <Status s={overrides} empty={() => mine.length === 0}>
        {() => (
          <ul className="plain overrides">
            {mine.map((o) => (
              <li key={o.id}>
                {describe(o, title)}{" "}
                <span className="muted small">
                  {o.author ? `by ${String(o.author)}, ` : ""}
                  {o.createdAt.slice(0, 19).replace("T", " ")}
                </span>{" "}
                <button
                  type="button"
                  onClick={() => act("Undo", () => api.del(`/api/overrides/${encodeURIComponent(o.id)}`))}
                >
                  Undo
                </button>
              </li>
            ))}
          </ul>
        )}
      </Status>
    </div>
  );
}
