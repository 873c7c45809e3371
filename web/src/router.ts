// Hash routing: "#/view/arg?key=value". Hash routes need no server support and survive reloads.
import { useEffect, useState } from "react";

export interface Route {
  view: string;
  arg?: string;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const [path = "", query = ""] = hash.replace(/^#\/?/, "").split("?");
  const [view = "", ...rest] = path.split("/");
  const arg = rest.length ? decodeURIComponent(rest.join("/")) : undefined;
  return arg
    ? { view: view || "documents", arg, params: new URLSearchParams(query) }
    : { view: view || "documents", params: new URLSearchParams(query) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(window.location.hash));
    window.addEventListener("hashchange", on);
    return () => window.removeEventListener("hashchange", on);
  }, []);
  return route;
}

export function href(view: string, arg?: string, params?: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== "") p.set(k, String(v));
  const q = p.toString();
  return `#/${view}${arg ? `/${encodeURIComponent(arg)}` : ""}${q ? `?${q}` : ""}`;
}

export const go = (to: string): void => {
  window.location.hash = to;
};
