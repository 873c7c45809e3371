// The scale bench's requests over HTTP against a running server: /api/incidents pages, incident pages, and each
// kind of override (merge, split, move) on its own incidents, each undone after, then /api/graph. Not a test.
import { graphLatency } from "./graph.js";
import { quantiles, timed } from "./timing.js";

const SAMPLES = 20;
/** Merges, splits and moves timed at each size (each undone: as many undos). */
const OVERRIDE_SAMPLES = 6;

const round = (n: number, digits: number): number => Number(n.toFixed(digits));

export async function httpLatency(base: string, tag: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const headers = { "Content-Type": "application/json", Origin: base };
  const list: number[] = [];
  const page: number[] = [];
  let ids: string[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    list.push(
      await timed(async () => {
        const r = await fetch(`${base}/api/incidents?limit=50&offset=${i * 50}`);
        const body = (await r.json()) as { items: { id: string }[] };
        if (i === 0) ids = body.items.map((x) => x.id);
      }),
    );
  }
  for (let i = 0; i < SAMPLES && ids.length; i++) {
    const id = ids[i % ids.length] as string;
    page.push(await timed(async () => (await fetch(`${base}/api/incidents/${id}/view`)).arrayBuffer()));
  }
  // fusion continues from the engine the server holds (see fuseChange)
  const post = async (o: Record<string, unknown>): Promise<string> => {
    const r = await fetch(`${base}/api/overrides`, { method: "POST", headers, body: JSON.stringify(o) });
    if (!r.ok) throw new Error(`override ${String(o.kind)}: HTTP ${r.status} ${await r.text()}`);
    return ((await r.json()) as { override: { id: string } }).override.id;
  };
  const times: Record<"merge" | "split" | "move" | "undo", number[]> = { merge: [], split: [], move: [], undo: [] };
  const r = await fetch(`${base}/api/incidents?limit=200`);
  const many = ((await r.json()) as { items: { id: string; events: string[] }[] }).items.filter(
    (i) => i.events.length >= 2,
  );
  const undo = async (made: string) =>
    times.undo.push(
      await timed(async () => (await fetch(`${base}/api/overrides/${made}`, { method: "DELETE", headers })).text()),
    );
  for (let i = 0; i + 1 < many.length && i < OVERRIDE_SAMPLES; i++) {
    const a = many[i];
    const b = many[i + 1];
    if (!a || !b) break;
    let made = "";
    times.merge.push(
      await timed(async () => (made = await post({ kind: "merge-incidents", incidents: [a.id, b.id] }))),
    );
    await undo(made);
    const events = a.events.slice(-1);
    times.split.push(await timed(async () => (made = await post({ kind: "split-incident", incident: a.id, events }))));
    await undo(made);
    const event = a.events[0] as string;
    times.move.push(await timed(async () => (made = await post({ kind: "move-event", event, to: b.id }))));
    await undo(made);
  }
  const l = quantiles(list);
  const p = quantiles(page);
  out[`incidents_list_p50_ms${tag}`] = round(l.p50, 1);
  out[`incidents_list_p95_ms${tag}`] = round(l.p95, 1);
  out[`incident_page_p50_ms${tag}`] = round(p.p50, 1);
  out[`incident_page_p95_ms${tag}`] = round(p.p95, 1);
  for (const [kind, ms] of Object.entries(times)) {
    const q = quantiles(ms);
    out[`override_${kind}_p50_ms${tag}`] = round(q.p50, 0);
    out[`override_${kind}_p95_ms${tag}`] = round(q.p95, 0);
  }
  const all = quantiles(Object.values(times).flat());
  out[`override_all_p50_ms${tag}`] = round(all.p50, 0);
  out[`override_all_p95_ms${tag}`] = round(all.p95, 0);
  Object.assign(out, await graphLatency(base, tag));
  return out;
}
