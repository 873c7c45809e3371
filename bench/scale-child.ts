// A child process of the scale bench, on the bench's database file: `serve FILE` serves it over HTTP (prints
// the URL, stops on SIGTERM), as `tessera serve` would, so the server's RSS is its own; `refuse FILE` times one
// full re-fusion in a fresh process and prints its time and peak RSS, so a rebuild's memory does not count
// against the ingesting process's. Not a test.
import { refuse } from "../src/app/fusion.js";
import { startServer } from "../src/server/serve.js";
import { SqliteStore } from "../src/store/sqlite/store.js";

const [mode, file] = process.argv.slice(2);
if (!file) throw new Error("usage: scale-child.ts serve|refuse FILE");
const store = new SqliteStore(file);
if (mode === "serve") {
  const running = await startServer(store, 0);
  process.stdout.write(`${running.url}\n`);
  await new Promise<void>((resolve) => process.once("SIGTERM", () => resolve()));
  await running.close();
} else if (mode === "refuse") {
  const t0 = performance.now();
  await refuse(store);
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
} else throw new Error(`unknown mode ${mode}`);
await store.close();
