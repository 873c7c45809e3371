// `npm run eval:check`: the ratchet. Runs every dev evaluation on the product path and compares each headline
// number with eval/baseline.json; a drop of more than 0.5 points fails. `--update` rewrites the baseline — commit
// that change on its own, with the reason in the message. Without ../shared the check says so and passes (a fresh
// machine has no data; CI has it).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_FOLDERS, runEval } from "./cli.js";

const TOLERANCE = 0.5;
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DATA = join(ROOT, "..", "shared", "research-data");
const BASELINE = join(ROOT, "eval", "baseline.json");

/** Every dataset the eval CLI knows, each in its folder under ../shared/research-data. */
export const CHECKED: Record<string, string> = DEFAULT_FOLDERS;

type Baseline = Record<string, Record<string, number>>;

const round = (x: number): number => Math.round(x * 10) / 10;

async function current(): Promise<Baseline> {
  const out: Baseline = {};
  for (const [dataset, folder] of Object.entries(CHECKED)) {
    const t0 = Date.now();
    const report = await runEval(dataset, { data: join(DATA, folder) });
    out[dataset] = Object.fromEntries(Object.entries(report.headline ?? {}).map(([k, v]) => [k, round(v)]));
    process.stdout.write(`  ${dataset}: ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  }
  return out;
}

/** Lines of the comparison and whether every number held. */
export function compare(base: Baseline, now: Baseline): { lines: string[]; ok: boolean } {
  const lines: string[] = [];
  let ok = true;
  for (const [dataset, numbers] of Object.entries(base)) {
    for (const [name, was] of Object.entries(numbers)) {
      const is = now[dataset]?.[name];
      if (is === undefined) {
        ok = false;
        lines.push(`FAIL ${dataset} / ${name}: ${was} → missing`);
        continue;
      }
      const drop = was - is;
      const mark = drop > TOLERANCE ? "FAIL" : is > was + TOLERANCE ? "UP  " : "ok  ";
      if (drop > TOLERANCE) ok = false;
      lines.push(`${mark} ${dataset} / ${name}: ${was} → ${is}`);
    }
  }
  for (const [dataset, numbers] of Object.entries(now)) {
    for (const name of Object.keys(numbers)) {
      if (base[dataset]?.[name] === undefined)
        lines.push(`new  ${dataset} / ${name}: ${numbers[name]} (not in the baseline)`);
    }
  }
  return { lines, ok };
}

async function main(): Promise<void> {
  if (!existsSync(DATA)) {
    process.stdout.write(`eval:check skipped: ${DATA} not found (the dev data lives in ../shared/research-data)\n`);
    return;
  }
  process.stdout.write("eval:check — dev evaluations on the product path\n");
  const now = await current();
  if (process.argv.includes("--update")) {
    writeFileSync(BASELINE, `${JSON.stringify(now, null, 2)}\n`);
    process.stdout.write(`baseline written to ${BASELINE}; commit it on its own with the reason\n`);
    return;
  }
  if (!existsSync(BASELINE)) throw new Error(`no baseline at ${BASELINE}: run \`npm run eval:check -- --update\``);
  const base = JSON.parse(readFileSync(BASELINE, "utf8")) as Baseline;
  const { lines, ok } = compare(base, now);
  process.stdout.write(`${lines.join("\n")}\n`);
  if (!ok) {
    process.stdout.write(`eval:check FAILED: a headline number dropped by more than ${TOLERANCE} points\n`);
    process.exit(1);
  }
  process.stdout.write("eval:check passed\n");
}

const invokedDirectly = process.argv[1] !== undefined && /eval[\\/]check\.[tj]s$/.test(process.argv[1]);
if (invokedDirectly) {
  main().catch((e: unknown) => {
    process.stderr.write(`eval:check: ${(e as Error).message}\n`);
    process.exit(2);
  });
}
