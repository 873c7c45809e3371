// Starts the HTTP server on loopback by default (an analyst's machine, not a shared host).
import { serve } from "@hono/node-server";
import type { Store } from "../store/types.js";
import { createApp } from "./app.js";

export interface Running {
  url: string;
  close(): Promise<void>;
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

export function startServer(store: Store, port = 7357, host = "127.0.0.1"): Promise<Running> {
  const app = createApp(store);
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
