// Builds only the outputs that are older than their inputs: the TypeScript in dist/, the workbench
// in web/dist and the demo PDF. `npm run demo` runs this instead of the full `npm run build`,
// which spent about 60 % of the demo's start-up time rebuilding all three when nothing had changed.
//
// Staleness is judged by modification times (newest input vs. oldest output), the way make does:
// cheap, and right for a working copy. `npm run build` (this script with --all) rebuilds everything.
// tsc has no stamp of its own that survives `rmSync(dist)`, so a stamp file is written after a
// successful compile.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const SKIP = new Set(["node_modules", "dist", "generated", ".git"]);

/** Newest modification time (ms) of the files under the given files/folders; 0 when none exist. */
export function newestInput(paths: string[]): number {
  let newest = 0;
  const visit = (p: string): void => {
    if (!existsSync(p)) return;
    const info = statSync(p);
    if (info.isDirectory()) {
      for (const name of readdirSync(p)) if (!SKIP.has(name)) visit(join(p, name));
    } else newest = Math.max(newest, info.mtimeMs);
  };
  for (const p of paths) visit(p);
  return newest;
}

/** Oldest modification time (ms) of the outputs, or undefined when any is missing. */
export function oldestOutput(paths: string[]): number | undefined {
  let oldest = Number.POSITIVE_INFINITY;
  for (const p of paths) {
    if (!existsSync(p)) return undefined;
    oldest = Math.min(oldest, statSync(p).mtimeMs);
  }
  return paths.length ? oldest : undefined;
}

/** True when an output is missing or some input changed after the oldest output was written. */
export function isStale(inputs: string[], outputs: string[]): boolean {
  const oldest = oldestOutput(outputs);
  return oldest === undefined || newestInput(inputs) > oldest;
}

/** The src/ folders the workbench imports at build time, read from its own import lines. */
export function webSourceFolders(root: string): string[] {
  const found = new Set<string>();
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) visit(p);
      else if (/\.tsx?$/.test(name)) {
        for (const m of readFileSync(p, "utf8").matchAll(/from\s+["'](?:\.\.\/)+src\/([\w-]+)\//g)) found.add(m[1]!);
      }
    }
  };
  visit(join(root, "web", "src"));
  return [...found].sort().map((d) => join(root, "src", d));
}

export interface Step {
  name: string;
  inputs: string[];
  outputs: string[];
  run: () => void;
}

export function steps(root: string): Step[] {
  const npx = (args: string[]): void => {
    execFileSync("npx", args, { cwd: root, stdio: "inherit" });
  };
  const stamp = join(root, "dist", ".build-stamp");
  const pdfSrc = join(root, "data", "demo", "pdf-src");
  const pdfs = existsSync(pdfSrc)
    ? readdirSync(pdfSrc)
        .filter((n) => n.endsWith(".txt"))
        .map((n) => join(root, "data", "demo", "generated", n.replace(/\.txt$/, ".pdf")))
    : [];
  return [
    {
      name: "TypeScript (dist/)",
      inputs: ["src", "tsconfig.json", "tsconfig.build.json"].map((p) => join(root, p)),
      outputs: [stamp],
      run: () => {
        npx(["tsc", "-p", "tsconfig.build.json"]);
        writeFileSync(stamp, `${new Date().toISOString()}\n`);
      },
    },
    {
      name: "workbench (web/dist)",
      inputs: [join(root, "web"), ...webSourceFolders(root), join(root, "package.json")],
      outputs: [join(root, "web", "dist", "index.html")],
      run: () => npx(["vite", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"]),
    },
    {
      name: "demo PDF (data/demo/generated)",
      inputs: [pdfSrc, join(root, "scripts", "build-demo-pdf.ts")],
      outputs: pdfs,
      run: () => npx(["tsx", "scripts/build-demo-pdf.ts"]),
    },
  ];
}

/** Runs every stale step (every step with `all`); returns the names of those it ran. */
export function buildStale(root: string, { all = false, log = console.log } = {}): string[] {
  const ran: string[] = [];
  for (const step of steps(root)) {
    if (!all && !isStale(step.inputs, step.outputs)) {
      log(`up to date: ${step.name}`);
      continue;
    }
    log(`building: ${step.name}`);
    step.run();
    ran.push(step.name);
  }
  return ran;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  buildStale(root, { all: process.argv.includes("--all") });
}
