// Entities: canonical actors and places with every alias seen; merge several into one, or take aliases
// back out (unmerge). Both are overrides, listed below with undo.
import { useState } from "react";
import { api, type Entity, type Override, type Page, qs } from "../api.js";
import { Notice, Pager, Status, useLoad } from "../ui.js";
import { History } from "./History.js";

const LIMIT = 50;
const TYPES = ["", "person", "organization", "armed_group", "state", "place", "facility", "nationality"];

export function Entities() {
  const [type, setType] = useState("");
  const [offset, setOffset] = useState(0);
  const [version, setVersion] = useState(0);
  const [checked, setChecked] = useState<string[]>([]);
  const [unmerge, setUnmerge] = useState<{ id: string; members: Set<string> } | null>(null);
  const [msg, setMsg] = useState<{ text: string; kind: "info" | "error" } | null>(null);
  const s = useLoad(`entities:${type}:${offset}:${version}`, () =>
    api.get<Page<Entity>>(`/api/entities${qs({ type, limit: LIMIT, offset })}`),
  );
  const overrides = useLoad(`eo:${version}`, () => api.get<Page<Override>>("/api/overrides?limit=500"));
  const act = async (label: string, run: () => Promise<unknown>) => {
    try {
      await run();
      setMsg({ text: `${label} done.`, kind: "info" });
      setChecked([]);
      setUnmerge(null);
      setVersion((v) => v + 1);
    } catch (e) {
      setMsg({ text: `${label} failed: ${(e as Error).message}`, kind: "error" });
    }
  };
  const names = useLoad(`entity-names:${version}`, () => api.get<Page<Entity>>("/api/entities?limit=500"));
  const name = (id: string) =>
    names.data?.items.find((e) => e.id === id)?.name ??
    s.data?.items.find((e) => e.id === id)?.name ??
    "another entity";
  const entityOverrides = (overrides.data?.items ?? []).filter(
    (o) => o.kind === "merge-entities" || o.kind === "unmerge-entity",
  );
  return (
    <section>
      <h1>Entities</h1>
      <div className="filters">
        <select
          aria-label="Entity type"
          value={type}
          onChange={(e) => {
            setType(e.target.value);
            setOffset(0);
          }}
        >
          {TYPES.map((t) => (
            <option key={t} value={t}>
              {t ? t.replace("_", " ") : "All types"}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={checked.length < 2}
          onClick={() => act("Merge", () => api.post("/api/overrides", { kind: "merge-entities", entities: checked }))}
        >
          Merge {checked.length || ""} checked (first checked survives)
        </button>
      </div>
      {msg && <Notice text={msg.text} kind={msg.kind} onClose={() => setMsg(null)} />}
      <Status s={s} empty={(d) => d.items.length === 0}>
        {(d) => (
          <>
            <table className="list">
              <thead>
                <tr>
                  <th />
                  <th>Name</th>
                  <th>Type</th>
                  <th>Aliases</th>
                  <th>Mentions</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {d.items.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Select ${e.name}`}
                        checked={checked.includes(e.id)}
                        onChange={(x) =>
                          setChecked(x.target.checked ? [...checked, e.id] : checked.filter((c) => c !== e.id))
                        }
                      />
                    </td>
                    <td>
                      <b>{e.name}</b>
                      {e.role && <div className="muted small">{e.role}</div>}
                    </td>
                    <td>{e.type.replace("_", " ")}</td>
                    <td>
                      {unmerge?.id === e.id
                        ? e.aliases.map((a) => (
                            <label key={a} className="chip">
                              <input
                                type="checkbox"
                                checked={unmerge.members.has(a)}
                                onChange={(x) => {
                                  const m = new Set(unmerge.members);
                                  if (x.target.checked) m.add(a);
                                  else m.delete(a);
                                  setUnmerge({ id: e.id, members: m });
                                }}
                              />
                              {a}
                            </label>
                          ))
                        : e.aliases.filter((a) => a !== e.name).join(" · ") || "—"}
                    </td>
                    <td>{e.mentions.length}</td>
                    <td>
                      {unmerge?.id === e.id ? (
                        <>
                          <button
                            type="button"
                            disabled={unmerge.members.size === 0}
                            onClick={() =>
                              act("Unmerge", () =>
                                api.post("/api/overrides", {
                                  kind: "unmerge-entity",
                                  entity: e.id,
                                  members: [...unmerge.members],
                                }),
                              )
                            }
                          >
                            Split out
                          </button>
                          <button type="button" className="link" onClick={() => setUnmerge(null)}>
                            cancel
                          </button>
                        </>
                      ) : (
                        e.aliases.length > 1 && (
                          <button
                            type="button"
                            className="link"
                            onClick={() => setUnmerge({ id: e.id, members: new Set() })}
                          >
                            unmerge…
                          </button>
                        )
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager total={d.total} limit={LIMIT} offset={offset} onPage={setOffset} />
          </>
        )}
      </Status>
      <h2>Entity overrides</h2>
      <Status s={overrides} empty={() => entityOverrides.length === 0}>
        {() => (
          <ul className="plain">
            {entityOverrides.map((o) => (
              <li key={o.id}>
                {o.kind === "merge-entities"
                  ? `Merged ${(o.entities as string[]).map(name).join(" + ")}`
                  : `Split ${(o.members as string[]).join(", ")} out of ${name(String(o.entity))}`}{" "}
                {o.author ? <span className="muted small">by {String(o.author)} </span> : null}
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
      <History query="subject=merge-entities,unmerge-entity" version={version} />
    </section>
  );
}
