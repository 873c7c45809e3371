// The account check behind security.ts's Authenticate hook, and the role each request needs.
// Credentials: "Authorization: Bearer tsr_…" (tokens from `tessera user token`) or the session cookie
// set by POST /api/login (HttpOnly, SameSite=Strict, so another site's page can neither read nor send it).
// Without any account the server runs as its one local user — allowed only when it listens on loopback.

import { hasUsers, whoHolds } from "../app/users.js";
import { type Actor, type Role, roleAtLeast } from "../model/accounts.js";
import type { Store } from "../store/types.js";
import { type Authenticate, LOCAL_ACTOR } from "./security.js";

export const SESSION_COOKIE = "tessera_session";

/** Requests anyone may make: the workbench's own files, health, the API description and signing in. */
const PUBLIC = new Set(["GET /api/health", "GET /api/openapi.json", "POST /api/login", "POST /api/logout"]);

/** Writes that change what everyone sees or who may act: accounts and outlet grades. */
const ADMIN = [/^\/api\/users(?:\/|$)/, /^\/api\/sources\//];

/** The least role a request needs; every state-changing API request needs at least analyst. */
export function requiredRole(method: string, path: string): Role | "public" {
  if (!path.startsWith("/api/") || PUBLIC.has(`${method} ${path}`)) return "public";
  const write = !(method === "GET" || method === "HEAD" || method === "OPTIONS");
  if (ADMIN.some((re) => re.test(path)) && (write || path.startsWith("/api/users"))) return "admin";
  return write ? "analyst" : "viewer";
}

/** The bearer token or session secret a request carries. */
export function credentialOf(req: Request): string | undefined {
  const auth = req.headers.get("authorization");
  const bearer = auth ? /^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1] : undefined;
  if (bearer) return bearer;
  for (const part of (req.headers.get("cookie") ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === SESSION_COOKIE && v.length) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

export interface AccountAuthOptions {
  /** Serve as LOCAL_ACTOR while no account exists (loopback only; serve.ts decides). */
  localWhenNoUsers: boolean;
}

export function accountAuth(store: Store, opts: AccountAuthOptions): Authenticate {
  return async (req) => {
    const url = new URL(req.url);
    const need = requiredRole(req.method.toUpperCase(), url.pathname);
    const secret = credentialOf(req);
    let actor: Actor | undefined;
    if (secret) actor = await whoHolds(store, secret);
    if (!actor && !(await hasUsers(store))) {
      if (opts.localWhenNoUsers) return { ok: true, actor: LOCAL_ACTOR };
      if (need === "public") return { ok: true };
      return { ok: false, status: 401, message: "No accounts exist yet; add one with `tessera user add`." };
    }
    if (need === "public") return actor ? { ok: true, actor } : { ok: true };
    if (!actor) {
      return {
        ok: false,
        status: 401,
        message: secret
          ? "That token or session is not valid (expired, revoked or mistyped); sign in again."
          : "Sign in first (POST /api/login) or send an Authorization: Bearer token.",
      };
    }
    if (!roleAtLeast(actor.role, need)) {
      return {
        ok: false,
        status: 403,
        message: `${actor.name} is a ${actor.role}; this needs the ${need} role.`,
      };
    }
    return { ok: true, actor };
  };
}
