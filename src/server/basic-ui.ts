// A minimal same-origin page so `tessera demo` shows something useful before the full workbench
// (issue: analyst workbench) is built. Every piece of document text is set with textContent,
// never as HTML, because article text is hostile.
import type { OpenAPIHono } from "@hono/zod-openapi";

const HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tessera</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/basic.css"></head>
<body>
<header><h1>Tessera</h1><form id="search"><input id="q" type="search" placeholder="Search documents" aria-label="Search documents"><button>Search</button></form></header>
<main>
<section id="left"><h2>Incidents</h2><ul id="incidents"></ul><h2 id="doc-heading">Documents</h2><ul id="docs"></ul></section>
<section id="right"><h2 id="title">Select a document or incident</h2><div id="meta"></div><pre id="text"></pre><div id="facts"></div></section>
</main>
<script src="/basic.js" type="module"></script>
</body></html>`;

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d232b}
header{display:flex;gap:2rem;align-items:center;padding:.5rem 1rem;background:#1f3a5a;color:#fff}
header h1{font-size:1.2rem;margin:0}input{padding:.3rem;width:18rem}
main{display:grid;grid-template-columns:minmax(18rem,32%) 1fr;gap:1rem;padding:1rem}
ul{list-style:none;padding:0;margin:0}li{padding:.35rem .4rem;border-bottom:1px solid #e3e7ec;cursor:pointer}
li:hover{background:#eef3f8}small{color:#5b6673}pre{white-space:pre-wrap;font:inherit;background:#fafbfc;padding:.75rem;border:1px solid #e3e7ec}
.chip{display:inline-block;margin:.1rem .25rem;padding:0 .4rem;border-radius:.6rem;background:#e8eef5}
.dispute{background:#fde2e1}.revision{background:#fff1cc}`;

const JS = `const $ = (id) => document.getElementById(id);
const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = String(text); if (cls) e.className = cls; return e; };
async function get(path) { const r = await fetch(path); if (!r.ok) throw new Error((await r.json()).error?.message || r.statusText); return r.json(); }
function docItem(d) {
  const li = el("li"); li.append(el("div", d.title || d.origin), el("small", [d.published, d.outlet].filter(Boolean).join(" · ")));
  li.onclick = () => showDoc(d.id); return li;
}
async function loadDocs(q) {
  const ul = $("docs"); ul.replaceChildren(el("li", "Loading…"));
  try {
    const page = q ? await get("/api/search?q=" + encodeURIComponent(q)) : await get("/api/documents?limit=200");
    $("doc-heading").textContent = (q ? "Matches" : "Documents") + " (" + page.total + ")";
    ul.replaceChildren(...(page.items.length ? page.items.map(docItem) : [el("li", "Nothing here yet.")]));
  } catch (e) { ul.replaceChildren(el("li", "Error: " + e.message)); }
}
async function loadIncidents() {
  const ul = $("incidents");
  try {
    const page = await get("/api/incidents?limit=200");
    ul.replaceChildren(...(page.items.length ? page.items.map((i) => { const li = el("li"); li.append(el("div", i.title), el("small", [i.date?.iso, i.type, i.documents.length + " documents"].filter(Boolean).join(" · "))); li.onclick = () => showIncident(i.id); return li; }) : [el("li", "No incidents yet.")]));
  } catch (e) { ul.replaceChildren(el("li", "Error: " + e.message)); }
}
async function showDoc(id) {
  const [d, f] = await Promise.all([get("/api/documents/" + id), get("/api/documents/" + id + "/facts")]);
  $("title").textContent = d.title || d.origin;
  $("meta").replaceChildren(el("small", [d.outlet, d.author, d.publishedAt?.iso, d.url].filter(Boolean).join(" · ")));
  $("text").textContent = d.text;
  const box = $("facts"); box.replaceChildren(el("h3", "Extracted"));
  for (const e of f.entities) box.append(el("span", e.type + ": " + e.name, "chip"));
  for (const ev of f.events) box.append(el("div", ev.type + " — “" + ev.trigger.text + "” " + (ev.date?.iso || "") + " " + ev.counts.map((c) => c.kind + " " + c.min + (c.max === c.min ? "" : "…" + (c.max ?? ""))).join(", ") + " [" + ev.rule + "]"));
  for (const j of f.judgments) box.append(el("div", "judgment (" + j.band + "): " + j.sentence.text));
}
async function showIncident(id) {
  const { incident, contradictions } = await get("/api/incidents/" + encodeURIComponent(id));
  $("title").textContent = incident.title; $("meta").replaceChildren(el("small", incident.explanation.join(" "))); $("text").textContent = "";
  const box = $("facts"); box.replaceChildren(el("h3", "Attributes"));
  for (const [name, values] of Object.entries(incident.attributes)) {
    const row = el("div"); row.append(el("b", name + ": "));
    for (const v of values) row.append(el("span", JSON.stringify(v.value) + " (" + (v.publishedAt || "?") + ")", "chip"));
    box.append(row);
  }
  box.append(el("h3", "Contradictions"));
  for (const c of contradictions) box.append(el("div", c.kind + " · " + c.attribute + " · " + c.values.map((v) => JSON.stringify(v.value)).join(" → ") + " — " + c.explanation, "chip " + c.kind));
}
$("search").onsubmit = (e) => { e.preventDefault(); loadDocs($("q").value.trim()); };
loadDocs(); loadIncidents();`;

export function basicUi(app: OpenAPIHono): void {
  app.get("/", (c) => c.html(HTML));
  app.get("/basic.js", (c) => c.body(JS, 200, { "Content-Type": "text/javascript; charset=utf-8" }));
  app.get("/basic.css", (c) => c.body(CSS, 200, { "Content-Type": "text/css; charset=utf-8" }));
}
