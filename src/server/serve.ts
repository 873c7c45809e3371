// Starts the HTTP server on loopback by default (an analyst's machine, not a shared host). Any
// other address exposes the whole read/write API to the network, so it is refused unless an
// authentication check is given (security.ts: the hook accounts will plug into).
import { hostname, networkInterfaces } from "node:os";
import { serve } from "@hono/node-server";
import type { Store } from "../store/types.js";
import { createApp } from "./app.js";
import { type Authenticate, isLoopback } from "./security.js";

export interface Running {
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Required to listen on a non-loopback address. */
  authenticate?: Authenticate;
  /** More host names the server answers to (a DNS name a team uses for it). */
  hosts?: string[];
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
  if (isLoopback(host) || opts.authenticate) return undefined;
  return (
    `refusing to serve on ${host}: Tessera has no sign-in yet (accounts are coming), so anyone who can reach ` +
    "that address could read and change the store; serve on 127.0.0.1 (the default) and reach it through an " +
    "SSH tunnel instead"
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

export function startServer(store: Store, port = 7357, host = "127.0.0.1", opts: ServeOptions = {}): Promise<Running> {
  const refused = exposureProblem(host, opts);
  if (refused) return Promise.reject(new Error(refused));
  const app = createApp(store, {
    hosts: servedHosts(host, opts.hosts ?? []),
    ...(opts.authenticate ? { authenticate: opts.authenticate } : {}),
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
