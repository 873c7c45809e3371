// Shared building blocks: a data-loading hook with loading/error states, status boxes and a pager, so
// every view shows the same loading, empty and error states.
import { type ReactNode, useCallback, useEffect, useState } from "react";

export interface Loaded<T> {
  data?: T;
  error?: string;
  loading: boolean;
  reload: () => void;
}

/** Fetches whenever `key` changes; stale responses from an older key are ignored. */
export function useLoad<T>(key: string | null, load: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: key !== null });
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the loader's inputs
  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (e: Error) => live && setState({ error: e.message, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

export function Status<T>({
  s,
  empty,
  children,
}: {
  s: Loaded<T>;
  empty?: (d: T) => boolean;
  children: (d: T) => ReactNode;
}) {
  if (s.error)
    return (
      <div className="error" role="alert">
        Could not load: {s.error}
      </div>
    );
  if (s.data === undefined) return <div className="loading">Loading…</div>;
  if (empty?.(s.data)) return <div className="empty">Nothing here yet.</div>;
  return <>{children(s.data)}</>;
}

export function Pager({
  total,
  limit,
  offset,
  onPage,
}: {
  total: number;
  limit: number;
  offset: number;
  onPage: (o: number) => void;
}) {
  if (total <= limit)
    return (
      <div className="pager muted">
        {total} item{total === 1 ? "" : "s"}
      </div>
    );
  return (
    <div className="pager">
      <button type="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - limit))}>
        ‹ Previous
      </button>
      <span className="muted">
        {offset + 1}–{Math.min(total, offset + limit)} of {total}
      </span>
      <button type="button" disabled={offset + limit >= total} onClick={() => onPage(offset + limit)}>
        Next ›
      </button>
    </div>
  );
}

export function Notice({
  text,
  kind = "info",
  onClose,
}: {
  text: string;
  kind?: "info" | "error";
  onClose?: () => void;
}) {
  return (
    <div className={kind === "error" ? "error" : "notice"} role={kind === "error" ? "alert" : "status"}>
      {text}
      {onClose && (
        <button type="button" className="link" onClick={onClose}>
          dismiss
        </button>
      )}
    </div>
  );
}

export interface DateWindow {
  from: string;
  to: string;
}

/** The From / To date fields that filter the timeline, map and actor graph by time window. */
export function DateWindowFields({ win, onChange }: { win: DateWindow; onChange: (w: DateWindow) => void }) {
  return (
    <>
      <label>
        From <input type="date" value={win.from} onChange={(e) => onChange({ ...win, from: e.target.value })} />
      </label>
      <label>
        To <input type="date" value={win.to} onChange={(e) => onChange({ ...win, to: e.target.value })} />
      </label>
    </>
  );
}
