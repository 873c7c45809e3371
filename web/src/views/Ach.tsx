// ACH (Analysis of Competing Hypotheses): hypotheses as columns, evidence rows picked from the incident's
// extracted claims and events (linked to their spans), a consistency rating per cell, Heuer's weighted
// inconsistency score per hypothesis, and source toggles for sensitivity analysis. Scores use the same
// scoreAch as the server; every change is saved with the incident.
import { useEffect, useRef, useState } from "react";
import type { AchLevel, AchModel, AchRating } from "../../../src/ach/model.js";
import { isDiagnostic, ratingOf, scoreAch } from "../../../src/ach/score.js";
import { api, type EvidenceItem, type Incident, type Page } from "../api.js";
import { go, href } from "../router.js";
import { Notice, Pager, Status, useLoad } from "../ui.js";

const RATINGS: AchRating[] = ["CC", "C", "N", "I", "II"];
const LEVELS: AchLevel[] = ["high", "medium", "low"];

export function AchView({ incident }: { incident?: string }) {
  const list = useLoad(incident ? null : "ach-incidents", () => api.get<Page<Incident>>("/api/incidents?limit=500"));
  if (!incident) {
    return (
      <section>
        <h1>Analysis of competing hypotheses</h1>
        <p className="muted">Choose the incident to analyse.</p>
        <Status s={list} empty={(d) => d.items.length === 0}>
          {(d) => (
            <ul className="plain">
              {d.items.map((i) => (
                <li key={i.id}>
                  <a href={href("ach", i.id)}>{i.title}</a> <span className="muted">{i.date?.iso ?? ""}</span>
                </li>
              ))}
            </ul>
          )}
        </Status>
      </section>
    );
  }
  return <Matrix incident={incident} />;
}

const nextId = (prefix: string, ids: string[]) => {
  let n = ids.length + 1;
  while (ids.includes(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
};

function Matrix({ incident }: { incident: string }) {
  const path = `/api/incidents/${encodeURIComponent(incident)}`;
  const loaded = useLoad(`ach:${incident}`, () =>
    Promise.all([api.get<{ model: AchModel }>(`${path}/ach`), api.get<{ incident: Incident }>(path)]),
  );
  const [model, setModel] = useState<AchModel | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(true);
  useEffect(() => {
    if (loaded.data) setModel(loaded.data[0].model);
  }, [loaded.data]);

  // Saves run one after another so a slow request can never overwrite a newer matrix.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const update = (next: AchModel) => {
    setModel(next);
    setSaved(false);
    queue.current = queue.current.then(() =>
      api.put(`${path}/ach`, next).then(
        () => setSaved(true),
        (e: Error) => setError(e.message),
      ),
    );
  };

  if (!model || !loaded.data) return <Status s={loaded}>{() => <div className="loading">Loading…</div>}</Status>;
  const scores = scoreAch(model);
  const sources = [...new Set(model.evidence.map((e) => e.source).filter((s): s is string => !!s))];
  const off = new Set(model.disabledSources);
  const setRating = (e: string, h: string, r: AchRating) =>
    update({ ...model, ratings: { ...model.ratings, [e]: { ...model.ratings[e], [h]: r } } });

  return (
    <section className="ach">
      <h1>ACH · {loaded.data[1].incident.title}</h1>
      <p className="muted small">
        Lowest weighted inconsistency = most likely. Points: I = 1, II = 2, CC/C/N = 0; × credibility × relevance (high
        1.0, medium 0.75, low 0.5). <a href={href("incident", incident)}>Back to incident</a> ·{" "}
        {saved ? "saved" : "saving…"}
      </p>
      {error && <Notice kind="error" text={error} onClose={() => setError(null)} />}
      <Hypotheses model={model} update={update} />
      <table className="matrix">
        <thead>
          <tr>
            <th>Evidence</th>
            <th>Source</th>
            <th>Credibility</th>
            <th>Relevance</th>
            {model.hypotheses.map((h) => (
              <th key={h.id} title={h.text}>
                {h.id.toUpperCase()}
              </th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {model.evidence.length === 0 && (
            <tr>
              <td colSpan={5 + model.hypotheses.length} className="empty">
                Add evidence from the list below.
              </td>
            </tr>
          )}
          {model.evidence.map((e) => {
            const disabled = !!e.source && off.has(e.source);
            return (
              <tr key={e.id} className={`${disabled ? "disabled" : ""}${isDiagnostic(model, e.id) ? "" : " nondiag"}`}>
                <td>
                  {e.ref ? (
                    <a href={href("doc", e.ref.doc, { sel: `${e.ref.start}-${e.ref.end}` })}>{e.text}</a>
                  ) : (
                    e.text
                  )}
                </td>
                <td>{e.source ?? "—"}</td>
                {(["credibility", "relevance"] as const).map((f) => (
                  <td key={f}>
                    <select
                      aria-label={`${f} of ${e.id}`}
                      value={e[f]}
                      onChange={(x) =>
                        update({
                          ...model,
                          evidence: model.evidence.map((o) =>
                            o.id === e.id ? { ...o, [f]: x.target.value as AchLevel } : o,
                          ),
                        })
                      }
                    >
                      {LEVELS.map((l) => (
                        <option key={l}>{l}</option>
                      ))}
                    </select>
                  </td>
                ))}
                {model.hypotheses.map((h) => {
                  const r = ratingOf(model, e.id, h.id);
                  return (
                    <td key={h.id} className={`cell r-${r}`}>
                      <select
                        aria-label={`Rating ${e.id} ${h.id}`}
                        value={r}
                        onChange={(x) => setRating(e.id, h.id, x.target.value as AchRating)}
                      >
                        {RATINGS.map((v) => (
                          <option key={v}>{v}</option>
                        ))}
                      </select>
                    </td>
                  );
                })}
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      const { [e.id]: _, ...ratings } = model.ratings;
                      update({ ...model, evidence: model.evidence.filter((o) => o.id !== e.id), ratings });
                    }}
                  >
                    remove
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={4}>Weighted inconsistency (unweighted)</th>
            {scores.map((s) => (
              <td
                key={s.hypothesis}
                className={s.rank === 1 && model.evidence.length ? "best score" : "score"}
                data-testid={`score-${s.hypothesis}`}
              >
                {s.weighted.toFixed(2)} ({s.inconsistency})<div className="small">rank {s.rank}</div>
              </td>
            ))}
            <td />
          </tr>
        </tfoot>
      </table>
      {sources.length > 0 && (
        <div className="filters">
          <b>Sensitivity — sources included:</b>
          {sources.map((s) => (
            <label key={s}>
              <input
                type="checkbox"
                checked={!off.has(s)}
                onChange={(x) =>
                  update({
                    ...model,
                    disabledSources: x.target.checked
                      ? model.disabledSources.filter((d) => d !== s)
                      : [...model.disabledSources, s],
                  })
                }
              />{" "}
              {s}
            </label>
          ))}
        </div>
      )}
      <EvidencePicker incident={incident} model={model} update={update} />
    </section>
  );
}

function Hypotheses({ model, update }: { model: AchModel; update: (m: AchModel) => void }) {
  const [text, setText] = useState("");
  return (
    <div className="hypotheses">
      <h2>Hypotheses</h2>
      <ol className="plain">
        {model.hypotheses.map((h) => (
          <li key={h.id}>
            <b>{h.id.toUpperCase()}</b> {h.text}{" "}
            <button
              type="button"
              className="link"
              onClick={() => update({ ...model, hypotheses: model.hypotheses.filter((o) => o.id !== h.id) })}
            >
              remove
            </button>
          </li>
        ))}
      </ol>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim()) return;
          const id = nextId(
            "h",
            model.hypotheses.map((h) => h.id),
          );
          update({ ...model, hypotheses: [...model.hypotheses, { id, text: text.trim() }] });
          setText("");
        }}
      >
        <input
          aria-label="New hypothesis"
          placeholder="New hypothesis…"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit">Add hypothesis</button>
      </form>
    </div>
  );
}

function EvidencePicker({
  incident,
  model,
  update,
}: {
  incident: string;
  model: AchModel;
  update: (m: AchModel) => void;
}) {
  const [offset, setOffset] = useState(0);
  const [manual, setManual] = useState("");
  const s = useLoad(`evidence:${incident}:${offset}`, () =>
    api.get<Page<EvidenceItem>>(`/api/incidents/${encodeURIComponent(incident)}/evidence?limit=10&offset=${offset}`),
  );
  const used = new Set(model.evidence.map((e) => e.ref?.id));
  const add = (text: string, item?: EvidenceItem) => {
    const id = nextId(
      "e",
      model.evidence.map((e) => e.id),
    );
    const row: AchModel["evidence"][number] = { id, text, credibility: "medium", relevance: "medium" };
    if (item) {
      row.ref = { kind: item.kind, id: item.id, doc: item.doc, start: item.start, end: item.end };
      if (item.outlet) row.source = item.outlet;
    }
    update({ ...model, evidence: [...model.evidence, row] });
  };
  return (
    <div className="picker">
      <h2>Evidence from this incident's reports</h2>
      <Status s={s} empty={(d) => d.items.length === 0}>
        {(d) => (
          <>
            <ul className="plain">
              {d.items.map((it) => (
                <li key={`${it.kind}:${it.id}`}>
                  <button type="button" disabled={used.has(it.id)} onClick={() => add(it.text, it)}>
                    {used.has(it.id) ? "Added" : "Add"}
                  </button>{" "}
                  <span className="badge">{it.label}</span>{" "}
                  <span className="muted">
                    {it.outlet ?? "unknown"} {it.published ?? ""}
                  </span>{" "}
                  {it.text}
                </li>
              ))}
            </ul>
            <Pager total={d.total} limit={10} offset={offset} onPage={setOffset} />
          </>
        )}
      </Status>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (manual.trim()) add(manual.trim());
          setManual("");
        }}
      >
        <input
          aria-label="Other evidence"
          placeholder="Other evidence (assumption, absence of evidence…)"
          value={manual}
          onChange={(e) => setManual(e.target.value)}
        />
        <button type="submit">Add evidence</button>
      </form>
      <p>
        <button type="button" className="link" onClick={() => go(href("ach"))}>
          ← other incidents
        </button>
      </p>
    </div>
  );
}
