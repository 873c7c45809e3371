// `tessera serve`: the HTTP API and browser UI over a store.
import type { Command } from "commander";
import { open, portOption, withDb } from "../options.js";

export function registerServe(program: Command): void {
  withDb(program.command("serve"))
    .description("serve the HTTP API (and the browser UI) over a database")
    .option("--port <n>", "port (1-65535; 0 for any free port)", portOption, 7357)
    .option(
      "--host <addr>",
      "address to listen on (a non-loopback address needs accounts: tessera user add)",
      "127.0.0.1",
    )
    .action(async (o) => {
      const { startServer } = await import("../../server/serve.js");
      const store = open(o.db);
      try {
        const running = await startServer(store, o.port, o.host);
        console.log(`Tessera is serving ${o.db} at ${running.url} (Ctrl+C to stop)`);
        await waitForSignal();
        await running.close();
      } finally {
        await store.close();
      }
    });
}

export function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => resolve();
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
  });
}
