// Starts the HTTP server on loopback by default (an analyst's machine, not a shared host).
import { serve } from "@hono/node-server";
import type { Store } from "../store/types.js";
import { createApp } from "./app.js";

export interface Running {
  url: string;
  close(): Promise<void>;
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
    server.once("error", (e: NodeJS.ErrnoException) =>
      reject(new Error(e.code === "EADDRINUSE" ? `port ${port} is already in use; pass --port` : e.message)),
    );
  });
}
