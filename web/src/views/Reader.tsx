// Reader: the document text with every extracted span highlighted (built from spans as React text
// nodes, never as HTML), a side panel listing each extraction with rule and confidence, review actions
// (accept / reject / edit; keys j k a r e), and "select text to add" for missed entities and events.
import { useEffect, useMemo, useRef, useState } from "react";
import { api, type DocFacts, type Document, type Page, type Review } from "../api.js";
import { pct } from "../format.js";
import { languageAt, paragraphs, segments } from "../highlight.js";
import { factItems, type Item, reviewIndex } from "../items.js";
import { href } from "../router.js";
import { Notice, Status, useLoad } from "../ui.js";
import { SpanAdder, spanOffsets } from "./SpanAdder.js";

interface Data {
  doc: Document;
  facts: DocFacts;
  reviews: Review[];
}

async function load(id: string): Promise<Data> {
  const [doc, facts, reviews] = await Promise.all([
    api.get<Document>(`/api/documents/${id}`),
    api.get<DocFacts>(`/api/documents/${id}/facts`),
    api.get<Page<Review>>(`/api/reviews?doc=${id}&limit=500`),
  ]);
  return { doc, facts, reviews: reviews.items };
}

export function Reader({ id, params }: { id: string; params: URLSearchParams }) {
  const s = useLoad(`doc:${id}`, () => load(id));
  return <Status s={s}>{(d) => <ReaderBody data={d} reload={s.reload} params={params} />}</Status>;
}

function ReaderBody({ data, reload, params }: { data: Data; reload: () => void; params: URLSearchParams }) {
  const { doc } = data;
  const items = useMemo(() => factItems(data.facts, data.reviews), [data]);
  const reviews = useMemo(() => reviewIndex(data.reviews), [data]);
  const focus = useMemo(() => {
    const m = /^(\d+)-(\d+)$/.exec(params.get("sel") ?? "");
    return m ? { start: Number(m[1]), end: Number(m[2]) } : undefined;
  }, [params]);
  // The selection is kept by item key, so it stays on the same extraction when a review adds items.
  const [selKey, setSelKey] = useState(
    () => (focus ? items.find((i) => i.start === focus.start && i.end === focus.end) : items[0])?.key,
  );
  const sel = Math.max(
    0,
    items.findIndex((i) => i.key === selKey),
  );
  const setSel = (next: number | ((i: number) => number)) => {
    const i = typeof next === "function" ? next(sel) : next;
    setSelKey(items[i]?.key);
  };
  const [editing, setEditing] = useState<string | null>(null);
  const [picked, setPicked] = useState<{ start: number; end: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const textRef = useRef<HTMLPreElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const current = items[sel];

  const marks = useMemo(() => {
    const all = items.map((i) => ({ key: i.key, start: i.start, end: i.end, category: i.category }));
    if (focus) all.push({ key: "focus", start: focus.start, end: focus.end, category: "focus" });
    return all;
  }, [items, focus]);
  const paras = useMemo(() => paragraphs(segments(doc.text, marks)), [doc.text, marks]);
  const otherLanguages = [...new Set((doc.languages ?? []).map((s) => s.language))].filter((l) => l !== doc.language);

  const review = async (item: Item, status: "accepted" | "rejected" | "edited", value?: string) => {
    try {
      setError(null);
      const body: Record<string, unknown> = { doc: doc.id, target: { kind: item.kind, id: item.id }, status };
      if (value !== undefined) body.value = value;
      await api.put("/api/reviews", body);
      reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const clear = async (r: Review) => {
    await api.del(`/api/reviews/${encodeURIComponent(r.id)}`).catch((e: Error) => setError(e.message));
    reload();
  };

  // Keep the selected extraction visible in both panes.
  useEffect(() => {
    const key = focus && !selKey ? "focus" : current?.key;
    if (!key) return;
    listRef.current?.querySelector(`[data-key="${CSS.escape(key)}"]`)?.scrollIntoView({ block: "nearest" });
    textRef.current?.querySelector(`[data-key="${CSS.escape(key)}"]`)?.scrollIntoView({ block: "center" });
  }, [current, focus, selKey]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (t.closest("input, textarea, select") || e.ctrlKey || e.metaKey || e.altKey || !current) return;
      if (e.key === "j") setSel((i) => Math.min(items.length - 1, i + 1));
      else if (e.key === "k") setSel((i) => Math.max(0, i - 1));
      else if (e.key === "a" && current.kind !== "added") void review(current, "accepted");
      else if (e.key === "r" && current.kind !== "added") void review(current, "rejected");
      else if (e.key === "e" && current.kind !== "added") setEditing(current.key);
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const keyIndex = useMemo(() => new Map(items.map((it, i) => [it.key, i])), [items]);
  const status = (it: Item) => reviews.get(it.key)?.status;

  return (
    <div className="reader">
      <article>
        <h1>{doc.title || "Untitled document"}</h1>
        <p className="meta">
          {doc.outlet ?? "Unknown outlet"} · {doc.publishedAt?.iso ?? "undated"} ·{" "}
          <span title="language of the text">
            {doc.language}
            {otherLanguages.length > 0 && ` (also ${otherLanguages.join(", ")})`}
          </span>{" "}
          · {doc.format}
          {doc.url && (
            <>
              {" "}
              · <span className="muted">{doc.url}</span>
            </>
          )}
        </p>
        <Legend />
        {/* one block per paragraph, each with dir="auto" so Persian, Arabic or Urdu reads right to left */}
        <pre
          className="doctext"
          ref={textRef}
          onMouseUp={() => {
            const off = textRef.current ? spanOffsets(textRef.current) : null;
            setPicked(off);
          }}
        >
          {paras.map((p) => (
            <span key={p.start} className="para" dir="auto" lang={languageAt(p.start, doc.language, doc.languages)}>
              {p.segments.map((g) =>
                g.category ? (
                  // biome-ignore lint/a11y/useKeyWithClickEvents: j/k select the same extractions from the keyboard
                  <mark
                    key={g.start}
                    data-key={g.marks[0]}
                    className={`hl k-${g.category}${current && g.marks.includes(current.key) ? " sel" : ""}${
                      g.marks.some((k) => reviews.get(k)?.status === "rejected") ? " rejected" : ""
                    }`}
                    onClick={() => {
                      const first = g.marks.find((k) => keyIndex.has(k));
                      if (first) setSel(keyIndex.get(first)!);
                    }}
                  >
                    {g.text}
                  </mark>
                ) : (
                  g.text
                ),
              )}
            </span>
          ))}
        </pre>
        {picked && (
          <SpanAdder
            doc={doc.id}
            span={picked}
            text={doc.text.slice(picked.start, picked.end)}
            onDone={() => {
              setPicked(null);
              window.getSelection()?.removeAllRanges();
              reload();
            }}
          />
        )}
      </article>
      <aside className="panel">
        <h2>
          Extractions <span className="muted">({items.length})</span>
        </h2>
        <p className="muted small">j / k move · a accept · r reject · e edit · select text to add</p>
        {error && <Notice kind="error" text={error} onClose={() => setError(null)} />}
        {items.length === 0 && <div className="empty">Nothing was extracted from this document.</div>}
        <ol className="items" ref={listRef}>
          {items.map((it, i) => {
            const r = reviews.get(it.key);
            return (
              // biome-ignore lint/a11y/useKeyWithClickEvents: j/k give keyboard access to the same selection
              <li
                key={it.key}
                data-key={it.key}
                className={`${i === sel ? "sel" : ""} st-${status(it) ?? "none"}`}
                onClick={() => setSel(i)}
              >
                <div className="row">
                  <span className={`dot k-${it.category}`} />
                  <b>{it.label}</b>
                  {r && <span className={`badge st-${r.status}`}>{r.status}</span>}
                </div>
                <div className="quote">
                  “{it.text}”{it.value && <> → {it.value}</>}
                </div>
                {r?.status === "edited" && <div>corrected: {r.value}</div>}
                <div className="muted small">
                  {it.rule} · {pct(it.confidence)}
                </div>
                {editing === it.key ? (
                  <EditBox
                    initial={r?.value ?? it.value ?? it.text}
                    onSave={(v) => {
                      setEditing(null);
                      void review(it, "edited", v);
                    }}
                    onCancel={() => setEditing(null)}
                  />
                ) : (
                  <div className="actions">
                    {it.kind !== "added" && (
                      <>
                        <button type="button" onClick={() => review(it, "accepted")}>
                          Accept
                        </button>
                        <button type="button" onClick={() => review(it, "rejected")}>
                          Reject
                        </button>
                        <button type="button" onClick={() => setEditing(it.key)}>
                          Edit
                        </button>
                      </>
                    )}
                    {r && (
                      <button type="button" className="link" onClick={() => clear(r)}>
                        {it.kind === "added" ? "remove" : "clear review"}
                      </button>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
        <p>
          <a href={href("documents")}>← All documents</a>
        </p>
      </aside>
    </div>
  );
}

function EditBox({
  initial,
  onSave,
  onCancel,
}: {
  initial: string;
  onSave: (v: string) => void;
  onCancel: () => void;
}) {
  const [v, setV] = useState(initial);
  const input = useRef<HTMLInputElement>(null);
  // The analyst asked to edit (button or "e"), so the field takes the focus.
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      className="actions"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(v);
      }}
    >
      <input
        ref={input}
        aria-label="Corrected value"
        value={v}
        onChange={(e) => setV(e.target.value)}
        onKeyDown={(e) => e.key === "Escape" && onCancel()}
      />
      <button type="submit">Save</button>
      <button type="button" className="link" onClick={onCancel}>
        cancel
      </button>
    </form>
  );
}

function Legend() {
  const kinds: [string, string][] = [
    ["person", "person"],
    ["org", "organisation"],
    ["group", "armed group"],
    ["place", "place / state"],
    ["date", "date"],
    ["count", "count"],
    ["event", "event"],
    ["claim", "claim"],
    ["judgment", "judgment"],
    ["added", "added"],
  ];
  return (
    <div className="legend">
      {kinds.map(([k, label]) => (
        <span key={k} className={`hl k-${k}`}>
          {label}
        </span>
      ))}
    </div>
  );
}
