// History: the audit entries about one incident or entity page — who did what, and when. The server
// writes each entry's sentence with names, so nothing here turns ids into text.
import { type AuditEntry, api } from "../api.js";
import { Status, useLoad } from "../ui.js";

export function History({ query, version = 0 }: { query: string; version?: number }) {
  const s = useLoad(`audit:${query}:${version}`, () => api.get<AuditEntry[]>(`/api/audit?${query}`));
  return (
    <div className="history">
      <h3>History</h3>
      <Status s={s} empty={(d) => d.length === 0}>
        {(entries) => (
          <ul className="plain small">
            {[...entries].reverse().map((e) => (
              <li key={e.id}>
                <span className="muted">{e.at.slice(0, 19).replace("T", " ")}</span> {e.summary}{" "}
                <span className="badge">{e.actor.role}</span>
              </li>
            ))}
          </ul>
        )}
      </Status>
    </div>
  );
}
