// Incident: the fused record. Every attribute lists all source values as chips (outlet, publication
// date, Admiralty grade, link to the span in the Reader); contradictions show their revision sequence;
// merge / split / move-event controls write overrides that can be undone.
import { useState } from "react";
import type { AttributeValue } from "../../../src/model/records.js";
import { api, type Contradiction, type IncidentView } from "../api.js";
import { formatValue, revisionSequence } from "../format.js";
import { href } from "../router.js";
import { Status, useLoad } from "../ui.js";
import { History } from "./History.js";
import { IncidentControls } from "./IncidentControls.js";

/** One chip per (value, document, speaker): the same figure repeated in one report is shown once with a count. */
function chipGroups(values: AttributeValue[], names: Record<string, string>) {
  const groups = new Map<string, { val: AttributeValue; i: number; n: number; label: string }>();
  values.forEach((val, i) => {
    const label = formatValue(val.value, names);
    const key = `${label}|${val.doc}|${val.speaker ?? ""}`;
    const g = groups.get(key);
    if (g) g.n++;
    else groups.set(key, { val, i, n: 1, label });
  });
  // Chronological, so a revised figure reads in the order it was published.
  return [...groups.values()].sort((a, b) => (a.val.publishedAt ?? "").localeCompare(b.val.publishedAt ?? ""));
}

const SEVERITY = { high: 0, medium: 1, low: 2 } as const;
const bySeverity = (a: Contradiction, b: Contradiction) =>
  SEVERITY[a.severity] - SEVERITY[b.severity] || a.attribute.localeCompare(b.attribute);

export function IncidentPage({ id }: { id: string }) {
  const s = useLoad(`incident:${id}`, () => api.get<IncidentView>(`/api/incidents/${encodeURIComponent(id)}/view`));
  const [version, setVersion] = useState(0);
  const reload = () => {
    s.reload();
    setVersion((n) => n + 1);
  };
  return <Status s={s}>{(v) => <Body v={v} reload={reload} version={version} />}</Status>;
}

function Body({ v, reload, version }: { v: IncidentView; reload: () => void; version: number }) {
  const { incident: inc, names, documents } = v;
  const contradicted = new Map(v.contradictions.map((c) => [c.attribute, c]));
  const attrs = Object.entries(inc.attributes).sort(
    ([a], [b]) => Number(contradicted.has(b)) - Number(contradicted.has(a)) || a.localeCompare(b),
  );
  return (
    <section className="incident">
      <h1>{inc.title}</h1>
      <p className="meta">
        {inc.type} · {inc.date?.iso ?? "undated"}
        {inc.date && inc.date.precision !== "day" && ` (${inc.date.precision})`} ·{" "}
        {inc.place ? (names[inc.place] ?? inc.place) : "place unknown"} · {inc.events.length} events ·{" "}
        {inc.documents.length} documents ·{" "}
        <a href={href("documents", undefined, { incident: inc.id })}>list documents</a> ·{" "}
        <a href={href("ach", inc.id)}>ACH matrix</a> ·{" "}
        <a href={href("graph", undefined, { incident: inc.id })}>actor graph</a>
      </p>

      {v.contradictions.length > 0 && (
        <div className="contradictions">
          <h2>Contradictions</h2>
          <ul>
            {[...v.contradictions].sort(bySeverity).map((c) => (
              <li key={c.id} className={`sev-${c.severity}`}>
                <b>{c.attribute}</b> <span className="badge">{c.kind}</span> <span className="badge">{c.severity}</span>{" "}
                <span className="seq">{revisionSequence(c, names).join(" → ")}</span>
                <details className="small muted">
                  <summary>explanation</summary>
                  {c.explanation}
                </details>
              </li>
            ))}
          </ul>
        </div>
      )}

      {inc.perpetrators.length > 0 && (
        <>
          <h2>Perpetrators</h2>
          <ul className="plain">
            {inc.perpetrators.map((p) => (
              <li key={`${p.entity}|${p.basis}|${p.doc}|${p.by ?? ""}`}>
                {names[p.entity] ?? p.entity} — <i>{p.basis}</i>
                {p.by && <> by {names[p.by] ?? p.by}</>}{" "}
                <span className="muted">({documents[p.doc]?.outlet ?? "unknown outlet"})</span>
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>Attributes</h2>
      {attrs.length === 0 && <div className="empty">No attribute was extracted for this incident.</div>}
      <table className="attrs">
        <tbody>
          {attrs.map(([attr, values]) => {
            const corr = v.corroboration[attr];
            const c = contradicted.get(attr);
            return (
              <tr key={attr} className={c ? `contra sev-${c.severity}` : undefined}>
                <th>
                  {attr}
                  {corr && (
                    <div className="muted small" title="independent sources supporting the best-supported value">
                      corroborated by {corr.independentSources}
                      {corr.copies ? ` (+${corr.copies} copies)` : ""}
                    </div>
                  )}
                  {c && <div className="seq small">{revisionSequence(c, names).join(" → ")}</div>}
                </th>
                <td>
                  {chipGroups(values, names).map(({ val, i, n, label }) => {
                    const d = documents[val.doc];
                    const grade = v.grades[attr]?.[i];
                    const link = href(
                      "doc",
                      val.doc,
                      val.span ? { sel: `${val.span.start}-${val.span.end}` } : undefined,
                    );
                    return (
                      <a key={`${val.doc}-${i}`} className="chip" href={link} title={d?.title ?? val.doc}>
                        <b>{label}</b>
                        {n > 1 && <span className="muted">×{n}</span>}
                        <span>{d?.outlet ?? "unknown outlet"}</span>
                        <span className="muted">{val.publishedAt ?? d?.published ?? "undated"}</span>
                        {grade && <span className="grade">{grade}</span>}
                        {val.speaker && <span className="muted">via {names[val.speaker] ?? val.speaker}</span>}
                      </a>
                    );
                  })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <IncidentControls incident={inc} onChange={reload} />
      <History query={`incident=${encodeURIComponent(inc.id)}`} version={version} />

      {inc.explanation.length > 0 && (
        <details>
          <summary>Why these reports were fused ({inc.explanation.length})</summary>
          <ul className="small">
            {inc.explanation.slice(0, 200).map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: explanations are plain lines in a fixed order
              <li key={i}>{e}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
