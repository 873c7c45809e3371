// `npm run eval -- <dataset> [--data <file-or-dir>] [--split NAME] [--limit N] [--json]`:
// scores the extractor on one dataset and prints the report. Runners are imported on demand so a
// missing or broken runner (e.g. ecbplus, owned by fusion) gives one clear message.
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { UserError } from "../src/model/result.js";
import { formatReport } from "./format.js";
import type { EvalOptions, EvalReport, EvalRunner } from "./types.js";

const RUNNERS: Record<string, string> = {
  muc4: "./muc4/index.js",
  wikievents: "./wikievents/index.js",
  gvdb: "./gvdb/index.js",
  gtd: "./gtd/index.js",
  ecbplus: "./ecbplus/index.js",
  news: "./news/index.js",
  ewt: "./ewt/index.js",
};

/** Where each dataset lives under ../shared/research-data when `--data` is not given. */
export const DEFAULT_FOLDERS: Record<string, string> = {
  muc4: "muc4",
  wikievents: "wikievents",
  gvdb: "gvdb",
  gtd: "gtd-israel",
  news: "news-clusters",
  ecbplus: "ecbplus",
  ewt: "ud-english-ewt",
};

function defaultData(dataset: string): string {
  const folder = DEFAULT_FOLDERS[dataset];
  if (!folder) throw new UserError(`No default data folder for "${dataset}"; pass --data.`);
  return fileURLToPath(new URL(`../../shared/research-data/${folder}`, import.meta.url));
}

export async function loadRunner(dataset: string): Promise<EvalRunner> {
  const path = RUNNERS[dataset];
  if (!path) throw new UserError(`Unknown dataset "${dataset}"; choose one of ${Object.keys(RUNNERS).join(", ")}.`);
  let mod: { run?: unknown };
  try {
    mod = (await import(path)) as { run?: unknown };
  } catch (e) {
    throw new UserError(`The ${dataset} runner (eval/${dataset}/index.ts) cannot be loaded: ${(e as Error).message}`);
  }
  if (typeof mod.run !== "function") throw new UserError(`eval/${dataset}/index.ts does not export run(opts).`);
  return mod.run as EvalRunner;
}

export async function runEval(dataset: string, opts: EvalOptions): Promise<EvalReport> {
  const run = await loadRunner(dataset);
  return run(opts);
}

async function main(argv: string[]): Promise<void> {
  const program = new Command()
    .name("eval")
    .description("Score Tessera extraction against a research dataset.")
    .argument("<dataset>", `one of ${Object.keys(RUNNERS).join(", ")}`)
    .option(
      "--data <path>",
      "dataset folder or a single file of the dataset's format (default: its folder in ../shared/research-data)",
    )
    .option("--split <name>", "split to read when --data is a folder", "dev")
    .option("--limit <n>", "score only the first N documents", (v) => Number.parseInt(v, 10))
    .option("--json", "print the report as JSON")
    .option("--verbose", "add diagnostic notes where the runner has them (news: what seeds each spurious incident)")
    .action(
      async (
        dataset: string,
        o: { data?: string; split: string; limit?: number; json?: boolean; verbose?: boolean },
      ) => {
        const report = await runEval(dataset, {
          data: o.data ?? defaultData(dataset),
          split: o.split,
          limit: o.limit,
          verbose: o.verbose,
        });
        process.stdout.write(o.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
      },
    );
  await program.parseAsync(argv);
}

const invokedDirectly = process.argv[1] !== undefined && /eval[\\/]cli\.[tj]s$/.test(process.argv[1]);
if (invokedDirectly) {
  main(process.argv).catch((e: unknown) => {
    if (e instanceof UserError) {
      process.stderr.write(`eval: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  });
}
