// "Select text to add": turns the browser selection inside the document pane into character offsets
// and stores the span as an analyst-added entity or event (a review with status "added").
import { useState } from "react";
import { api } from "../api.js";
import { Notice } from "../ui.js";

/** Offsets of the current selection within `root`'s text, or null when nothing inside it is selected. */
export function spanOffsets(root: HTMLElement): { start: number; end: number } | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(root);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const end = start + range.toString().length;
  return end > start ? { start, end } : null;
}

const KINDS = ["person", "organization", "armed_group", "state", "place", "facility", "date", "count", "event"];

export function SpanAdder(props: {
  doc: string;
  span: { start: number; end: number };
  text: string;
  onDone: () => void;
}) {
  const [kind, setKind] = useState("person");
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    try {
      await api.put("/api/reviews", {
        doc: props.doc,
        target: { kind: "added", id: "new" },
        status: "added",
        value: kind,
        start: props.span.start,
        end: props.span.end,
      });
      props.onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="adder" role="dialog" aria-label="Add a missed extraction">
      <span>
        Add “<b>{props.text.length > 80 ? `${props.text.slice(0, 80)}…` : props.text}</b>” as
      </span>
      <select aria-label="Kind of the added span" value={kind} onChange={(e) => setKind(e.target.value)}>
        {KINDS.map((k) => (
          <option key={k}>{k}</option>
        ))}
      </select>
      <button type="button" onClick={add}>
        Add
      </button>
      <button type="button" className="link" onClick={props.onDone}>
        cancel
      </button>
      {error && <Notice kind="error" text={error} />}
    </div>
  );
}
