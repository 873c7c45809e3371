// Documents: full-text search plus outlet / date / incident / language filters, paginated. Filters live
// in the URL hash so a filtered list can be bookmarked and the back button works.
import { useState } from "react";
import { api, type DocSummary, type Incident, type Page, qs, type Source } from "../api.js";
import { go, href } from "../router.js";
import { Pager, Status, useLoad } from "../ui.js";

const LIMIT = 25;
const FIELDS = ["q", "outlet", "from", "to", "incident", "language"] as const;

export function Documents({ params }: { params: URLSearchParams }) {
  const f = Object.fromEntries(FIELDS.map((k) => [k, params.get(k) ?? ""])) as Record<(typeof FIELDS)[number], string>;
  const offset = Number(params.get("offset") ?? 0) || 0;
  const [draft, setDraft] = useState(f);
  const sources = useLoad("sources", () => api.get<Source[]>("/api/sources"));
  const incidents = useLoad("incidents", () => api.get<Page<Incident>>("/api/incidents?limit=500"));
  const key = JSON.stringify({ ...f, offset });
  const docs = useLoad(key, () => {
    if (f.q) return api.get<Page<DocSummary>>(`/api/search${qs({ q: f.q, limit: LIMIT, offset })}`);
    if (f.incident)
      return api.get<Page<DocSummary>>(
        `/api/incidents/${encodeURIComponent(f.incident)}/documents${qs({ limit: LIMIT, offset })}`,
      );
    return api.get<Page<DocSummary>>(
      `/api/documents${qs({ outlet: f.outlet, from: f.from, to: f.to, language: f.language, limit: LIMIT, offset })}`,
    );
  });
  const apply = (next: Record<string, string>, o = 0) =>
    go(href("documents", undefined, { ...next, offset: o || undefined }));
  const set = (k: string, v: string) => setDraft({ ...draft, [k]: v });
  return (
    <section>
      <h1>Documents</h1>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          apply(draft);
        }}
      >
        <input
          type="search"
          placeholder="Full-text search"
          aria-label="Search"
          value={draft.q}
          onChange={(e) => set("q", e.target.value)}
        />
        <select aria-label="Outlet" value={draft.outlet} onChange={(e) => set("outlet", e.target.value)}>
          <option value="">All outlets</option>
          {sources.data?.map((s) => (
            <option key={s.id} value={s.name}>
              {s.name}
            </option>
          ))}
        </select>
        <select aria-label="Incident" value={draft.incident} onChange={(e) => set("incident", e.target.value)}>
          <option value="">All incidents</option>
          {incidents.data?.items.map((i) => (
            <option key={i.id} value={i.id}>
              {i.title}
            </option>
          ))}
        </select>
        <label>
          From <input type="date" value={draft.from} onChange={(e) => set("from", e.target.value)} />
        </label>
        <label>
          To <input type="date" value={draft.to} onChange={(e) => set("to", e.target.value)} />
        </label>
        <input
          className="short"
          placeholder="Lang"
          aria-label="Language"
          value={draft.language}
          onChange={(e) => set("language", e.target.value)}
        />
        <button type="submit">Apply</button>
        <button
          type="button"
          className="link"
          onClick={() => {
            setDraft(Object.fromEntries(FIELDS.map((k) => [k, ""])) as typeof f);
            apply({});
          }}
        >
          Clear
        </button>
      </form>
      {(f.q && (f.outlet || f.incident || f.from || f.to || f.language)) ||
      (f.incident && (f.outlet || f.from || f.to)) ? (
        <p className="muted">Search and incident lists ignore the other filters.</p>
      ) : null}
      <Status s={docs} empty={(d) => d.items.length === 0}>
        {(d) => (
          <>
            <table className="list">
              <thead>
                <tr>
                  <th>Title</th>
                  <th>Outlet</th>
                  <th>Published</th>
                  <th>Lang</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((doc) => (
                  <tr key={doc.id}>
                    <td>
                      <a href={href("doc", doc.id)}>{doc.title || doc.id.slice(0, 12)}</a>
                      {doc.snippet && <div className="snippet">{doc.snippet}</div>}
                    </td>
                    <td>{doc.outlet ?? "—"}</td>
                    <td>{doc.published ?? "—"}</td>
                    <td>{doc.language}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager total={d.total} limit={LIMIT} offset={offset} onPage={(o) => apply(f, o)} />
          </>
        )}
      </Status>
    </section>
  );
}
