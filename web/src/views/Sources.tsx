// Sources: every outlet with its Admiralty reliability grade (A–F). Changing a grade re-fuses, so the
// information grades shown on incidents follow.
import { useState } from "react";
import { api, type Source } from "../api.js";
import { Notice, Status, useLoad } from "../ui.js";

const GRADES: [string, string][] = [
  ["A", "completely reliable"],
  ["B", "usually reliable"],
  ["C", "fairly reliable"],
  ["D", "not usually reliable"],
  ["E", "unreliable"],
  ["F", "cannot be judged"],
];

export function Sources() {
  const s = useLoad("sources-page", () => api.get<Source[]>("/api/sources"));
  const [msg, setMsg] = useState<{ text: string; kind: "info" | "error" } | null>(null);
  const set = async (src: Source, reliability: string) => {
    try {
      await api.put(`/api/sources/${encodeURIComponent(src.name)}`, { reliability });
      setMsg({ text: `${src.name} is now graded ${reliability}; incidents re-fused.`, kind: "info" });
      s.reload();
    } catch (e) {
      setMsg({ text: (e as Error).message, kind: "error" });
    }
  };
  return (
    <section>
      <h1>Sources</h1>
      <p className="muted">
        Admiralty source reliability. Information credibility (1–6) is computed per value from independent
        corroboration.
      </p>
      {msg && <Notice text={msg.text} kind={msg.kind} onClose={() => setMsg(null)} />}
      <Status s={s} empty={(d) => d.length === 0}>
        {(d) => (
          <table className="list">
            <thead>
              <tr>
                <th>Outlet</th>
                <th>Reliability</th>
                <th>Notes</th>
              </tr>
            </thead>
            <tbody>
              {d.map((src) => (
                <tr key={src.id}>
                  <td>{src.name}</td>
                  <td>
                    <select
                      aria-label={`Reliability of ${src.name}`}
                      value={src.reliability}
                      onChange={(e) => set(src, e.target.value)}
                    >
                      {GRADES.map(([g, label]) => (
                        <option key={g} value={g}>
                          {g} — {label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="muted">{src.notes ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Status>
    </section>
  );
}
