// Starts the HTTP server on loopback by default (an analyst's machine, not a shared host). Any
// other address exposes the API to the network, so it is refused until accounts exist (then every
// request signs in: auth.ts) or another authentication check is given.
import { hostname, networkInterfaces } from "node:os";
import { serve } from "@hono/node-server";
import { hasUsers } from "../app/users.js";
import type { Store } from "../store/types.js";
import { createApp } from "./app.js";
import { accountAuth } from "./auth.js";
import type { LoginLimitOptions } from "./login-limit.js";
import { type Authenticate, isLoopback } from "./security.js";

export interface Running {
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Replaces the account check (auth.ts). */
  authenticate?: Authenticate;
  /** Whether the store holds accounts (startServer looks it up). */
  accounts?: boolean;
  /** More host names the server answers to (a DNS name a team uses for it). */
  hosts?: string[];
  /** Limits on failed sign-ins (login-limit.ts; the defaults suit a team server). */
  loginLimit?: LoginLimitOptions;
}

const WILDCARD = new Set(["0.0.0.0", "::", "[::]", ""]);

/** The names a server bound to `host` may be addressed by. */
function servedHosts(host: string, extra: string[]): string[] {
  const out = [host, ...extra];
  if (WILDCARD.has(host)) {
    out.push(hostname());
    for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) out.push(a.address);
  }
  return out.filter((h) => !WILDCARD.has(h));
}

/** Why serving on `host` is refused, or undefined when it is allowed. */
export function exposureProblem(host: string, opts: ServeOptions = {}): string | undefined {
  if (isLoopback(host) || opts.authenticate || opts.accounts) return undefined;
  return (
    `refusing to serve on ${host}: no accounts exist yet, so anyone who can reach that address could read and ` +
    "change the store; add one first (tessera user add NAME --role admin) or serve on 127.0.0.1 (the default)"
  );
}

/** One sentence for a failure to listen, instead of Node's internal message. */
function listenProblem(e: NodeJS.ErrnoException, host: string, port: number): string {
  switch (e.code) {
    case "EADDRINUSE":
      return `port ${port} is already in use; pass another --port`;
    case "EACCES":
      return `not allowed to listen on port ${port}; ports below 1024 need extra rights, pick a higher --port`;
    case "EADDRNOTAVAIL":
      return `cannot listen on ${host}: no network interface of this machine has that address`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `cannot listen on ${host}: the host name does not resolve`;
    default:
      return `cannot listen on ${host}:${port}: ${e.code ?? e.message}`;
  }
}

export async function startServer(
  store: Store,
  port = 7357,
  host = "127.0.0.1",
  opts: ServeOptions = {},
): Promise<Running> {
  const accounts = opts.accounts ?? (await hasUsers(store));
  const refused = exposureProblem(host, { ...opts, accounts });
  if (refused) throw new Error(refused);
  const app = createApp(store, {
    hosts: servedHosts(host, opts.hosts ?? []),
    // off loopback a server whose accounts were all removed serves nobody, not an anonymous admin
    authenticate: opts.authenticate ?? accountAuth(store, { localWhenNoUsers: isLoopback(host) }),
    ...(opts.loginLimit ? { loginLimit: opts.loginLimit } : {}),
  });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
      const shownHost = host.includes(":") ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${info.port}/`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
    server.once("error", (e: NodeJS.ErrnoException) => reject(new Error(listenProblem(e, host, port))));
  });
}
