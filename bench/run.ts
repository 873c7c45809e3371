// `npm run bench [-- ingest|extract|fusion|parser|scale|graph|workers|store] [--only NAME] [--mb N] [--sizes 1000,10000] [--docs N] [--prefill M] [--base N] [--stores sqlite,postgres] [--batches B]`: runs each benchmark in its own process (so
// peak RSS is per benchmark) and prints the numbers. Benchmarks are not tests: nothing here fails
// on a slow machine; the numbers go into docs/performance.md.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const mbIdx = args.indexOf("--mb");
const mb = mbIdx >= 0 ? Number(args[mbIdx + 1]) : undefined;
const sizesIdx = args.indexOf("--sizes");
const sizes = (sizesIdx >= 0 ? (args[sizesIdx + 1] ?? "") : "1000,10000")
  .split(",")
  .map(Number)
  .filter((n) => n > 0);
const docsIdx = args.indexOf("--docs");
const docs = docsIdx >= 0 ? Number(args[docsIdx + 1]) : 120;
const prefillIdx = args.indexOf("--prefill");
const prefill = prefillIdx >= 0 ? Number(args[prefillIdx + 1]) : 0;
const baseIdx = args.indexOf("--base");
const baseDocs = baseIdx >= 0 ? Number(args[baseIdx + 1]) : 300;
const storesIdx = args.indexOf("--stores");
const stores = (storesIdx >= 0 ? (args[storesIdx + 1] ?? "") : "sqlite,postgres").split(",");
const batchesIdx = args.indexOf("--batches");
const batches = batchesIdx >= 0 ? Number(args[batchesIdx + 1]) : 1;
// `--only NAME` is the same as naming NAME alone
const wanted = args.filter(
  (a, i) =>
    !a.startsWith("--") &&
    (mbIdx < 0 || i !== mbIdx + 1) &&
    (sizesIdx < 0 || i !== sizesIdx + 1) &&
    (docsIdx < 0 || i !== docsIdx + 1) &&
    (prefillIdx < 0 || i !== prefillIdx + 1) &&
    (baseIdx < 0 || i !== baseIdx + 1) &&
    (storesIdx < 0 || i !== storesIdx + 1) &&
    (batchesIdx < 0 || i !== batchesIdx + 1),
);
const all = ["ingest", "extract", "fusion", "parser", "scale", "graph", "workers", "store"];
// scale, graph and store fill stores of thousands of documents, workers and store start a PostgreSQL: only when asked for
const slow = new Set(["scale", "graph", "workers", "store"]);
const names = wanted.length ? wanted : all.filter((n) => !slow.has(n));

if (process.env.TESSERA_BENCH_CHILD) {
  const name = process.env.TESSERA_BENCH_CHILD;
  let result: unknown;
  if (name === "ingest") result = await (await import("./ingest.js")).benchIngest(mb ?? 100);
  else if (name === "extract") result = (await import("./extract.js")).benchExtract(mb ?? 5);
  else if (name === "fusion") result = await (await import("./fusion.js")).benchFusion();
  else if (name === "parser") result = (await import("./parser.js")).benchParser();
  else if (name === "scale") result = await (await import("./scale.js")).benchScale(sizes);
  else if (name === "graph") result = await (await import("./graph.js")).benchGraph(sizes);
  else if (name === "workers") result = await (await import("./workers.js")).benchWorkers(docs, prefill, batches);
  else if (name === "store") result = await (await import("./store.js")).benchStore(sizes, baseDocs, stores);
  else throw new Error(`unknown benchmark ${name}; choose from ${all.join(", ")}`);
  process.stdout.write(JSON.stringify(result));
} else {
  const self = fileURLToPath(import.meta.url);
  for (const name of names) {
    const out = execFileSync(process.execPath, ["--import", "tsx", self, ...args], {
      env: { ...process.env, TESSERA_BENCH_CHILD: name },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 64 * 1024 * 1024,
    });
    const result = JSON.parse(out) as Record<string, unknown>;
    console.log(`\n== ${name}`);
    for (const [k, v] of Object.entries(result)) {
      console.log(
        `${k.padEnd(22)} ${typeof v === "number" ? (Number.isInteger(v) ? v : v.toFixed(3)) : JSON.stringify(v)}`,
      );
    }
  }
}
