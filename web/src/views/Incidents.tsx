// Incidents: the fused incident list, paginated, newest first as the store orders them.
import { useState } from "react";
import { api, type Incident, type Page, qs } from "../api.js";
import { href } from "../router.js";
import { Pager, Status, useLoad } from "../ui.js";

const LIMIT = 25;

export function Incidents() {
  const [offset, setOffset] = useState(0);
  const s = useLoad(`incidents:${offset}`, () =>
    api.get<Page<Incident>>(`/api/incidents${qs({ limit: LIMIT, offset })}`),
  );
  return (
    <section>
      <h1>Incidents</h1>
      <Status s={s} empty={(d) => d.items.length === 0}>
        {(d) => (
          <>
            <table className="list">
              <thead>
                <tr>
                  <th>Incident</th>
                  <th>Type</th>
                  <th>Date</th>
                  <th>Events</th>
                  <th>Documents</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((i) => (
                  <tr key={i.id}>
                    <td>
                      <a href={href("incident", i.id)}>{i.title}</a>
                    </td>
                    <td>{i.type}</td>
                    <td>{i.date?.iso ?? "—"}</td>
                    <td>{i.events.length}</td>
                    <td>{i.documents.length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager total={d.total} limit={LIMIT} offset={offset} onPage={setOffset} />
          </>
        )}
      </Status>
    </section>
  );
}
