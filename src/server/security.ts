// Request checks that keep other web pages out of the local server. The analyst's browser will send
// requests to 127.0.0.1 on behalf of any page it shows, so without these checks a page could:
// - POST a planted report as a text/plain "simple request" (no CORS preflight) — refused by the
//   Origin check on every state-changing request, and by the JSON-only rule for JSON endpoints;
// - read /api/export/json after pointing its own host name at 127.0.0.1 (DNS rebinding): the
//   request then carries the page's host name in Host — refused by the Host check on every request.
// The workbench is served from the same origin, so its requests carry a matching Host and Origin.
// Tools without a browser (curl, scripts) send no Origin and are not affected.
//
// AUTHENTICATION HOOK: `authenticate` below is the one place the account check (auth.ts) plugs in;
// the actor it returns is kept with the request so routes can record who acted (actorOf).
import type { Context, MiddlewareHandler } from "hono";
import type { Actor } from "../model/accounts.js";
import { apiError } from "./errors.js";

/** Verdict of an authentication check; `actor` says who is asking when it is known. */
export type AuthOutcome = { ok: true; actor?: Actor } | { ok: false; status: 401 | 403; message: string };

/** The single local user of a server without accounts (loopback only). */
export const LOCAL_ACTOR: Actor = { name: "local", role: "admin" };

const actors = new WeakMap<Request, Actor>();

/** Who made this request (LOCAL_ACTOR when no account check runs). */
export function actorOf(c: Context): Actor {
  return actors.get(c.req.raw) ?? LOCAL_ACTOR;
}

/** Checks who is asking; runs on every request after the Host and Origin checks. */
export type Authenticate = (request: Request) => AuthOutcome | Promise<AuthOutcome>;

export interface SecurityOptions {
  /** Host names (without port) this server answers to. */
  hosts: readonly string[];
  /** The authentication hook; none means every request that passes the other checks is served. */
  authenticate?: Authenticate;
}

/** Names of the loopback interface, which a local server always answers to. */
export const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "::1"] as const;

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Routes whose body is a raw file, not JSON: [method, path]. */
const RAW_BODY_ROUTES = new Set(["POST /api/documents"]);

/** True for an address or name of the loopback interface (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  const h = bareHost(host);
  return (
    h === "localhost" ||
    h.endsWith(".localhost") ||
    h === "::1" ||
    /^127(?:\.\d{1,3}){3}$/.test(h) ||
    /^::ffff:127(?:\.\d{1,3}){3}$/.test(h)
  );
}

/** A host name as compared here: lower case, no brackets, no trailing dot. */
function bareHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/\.$/, "");
}

/** The host name of a Host header value ("[::1]:7357" → "::1", "localhost:7357" → "localhost"). */
export function hostOfHeader(value: string): string {
  const v = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracketed) return bareHost(bracketed[1]!);
  return bareHost(v.replace(/:\d+$/, ""));
}

/** The request's Host header, or the authority of its URL when it has none (in-process requests). */
function requestHost(c: Context): string {
  return c.req.header("host") ?? new URL(c.req.url).host;
}

function hasBody(c: Context): boolean {
  const length = c.req.header("content-length");
  return (length !== undefined && length !== "0") || c.req.header("transfer-encoding") !== undefined;
}

const isJsonType = (type: string | undefined): boolean =>
  !!type && /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type.trim());

/** Why a state-changing request comes from another site, or undefined when it does not. */
function foreignOrigin(c: Context, host: string): string | undefined {
  const origin = c.req.header("origin");
  if (origin !== undefined) {
    if (origin === "null") return "an opaque origin (a sandboxed page or a file)";
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return `a malformed origin (${origin.slice(0, 80)})`;
    }
    const same = (url.protocol === "http:" || url.protocol === "https:") && url.host === new URL(`http://${host}`).host;
    return same ? undefined : url.origin;
  }
  // No Origin: a browser still says where the request came from in Sec-Fetch-Site.
  const site = c.req.header("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return `a ${site} page`;
  return undefined;
}

/** The checks, as one middleware for every route (API, workbench and its files). */
export function security(opts: SecurityOptions): MiddlewareHandler {
  const allowed = new Set([...LOOPBACK_HOSTS, ...opts.hosts].map(bareHost));
  const names = [...allowed].join(", ");
  return async (c, next) => {
    const host = requestHost(c);
    const name = hostOfHeader(host);
    if (!allowed.has(name)) {
      return apiError(
        c,
        403,
        "forbidden",
        `This server answers only to ${names}; the request was addressed to ${name.slice(0, 100) || "no host"}.`,
      );
    }
    const method = c.req.method.toUpperCase();
    if (UNSAFE.has(method)) {
      const foreign = foreignOrigin(c, host);
      if (foreign) {
        return apiError(
          c,
          403,
          "forbidden",
          `Changes are accepted only from this server's own pages, not from ${foreign}.`,
        );
      }
    }
    if (opts.authenticate) {
      const verdict = await opts.authenticate(c.req.raw);
      if (!verdict.ok)
        return apiError(c, verdict.status, verdict.status === 401 ? "unauthorized" : "forbidden", verdict.message);
      if (verdict.actor) actors.set(c.req.raw, verdict.actor);
    }
    const path = new URL(c.req.url).pathname;
    if (UNSAFE.has(method) && path.startsWith("/api/") && !RAW_BODY_ROUTES.has(`${method} ${path}`)) {
      const needsBody = method !== "DELETE";
      if ((needsBody || hasBody(c)) && !isJsonType(c.req.header("content-type"))) {
        return apiError(
          c,
          415,
          "unsupported_media_type",
          `This endpoint takes a JSON body with Content-Type application/json (got ${c.req.header("content-type") ?? "none"}).`,
        );
      }
    }
    await next();
  };
}
