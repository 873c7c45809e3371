// `npm run demo` builds only what is out of date (it used to rebuild tsc, vite and the PDF on every
// start). Staleness is newest input vs. oldest output, by modification time.
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isStale, steps, webSourceFolders } from "../../scripts/build-stale.js";
import { tempDir } from "../helpers.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const root = join(import.meta.dirname, "..", "..");

function file(path: string, secondsAgo: number): string {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, "x");
  const t = Date.now() / 1000 - secondsAgo;
  utimesSync(path, t, t);
  return path;
}

describe("build only what is stale", () => {
  it("rebuilds when an output is missing or older than any input, and not otherwise", () => {
    const src = join(tmp.dir, "src");
    file(join(src, "a.ts"), 300);
    const deep = file(join(src, "nested", "b.ts"), 200);
    const out = file(join(tmp.dir, "out", "a.js"), 100);
    expect(isStale([src], [out])).toBe(false);
    expect(isStale([src], [out, join(tmp.dir, "out", "missing.js")])).toBe(true);
    const t = Date.now() / 1000;
    utimesSync(deep, t, t); // a source edited after the build
    expect(isStale([src], [out])).toBe(true);
  });

  it("knows which src/ folders the workbench imports, and names every step's outputs", () => {
    const folders = webSourceFolders(root).map((f) => f.slice(root.length + 1));
    expect(folders).toContain(join("src", "model"));
    expect(folders).toContain(join("src", "ach"));
    const names = steps(root).map((s) => s.name);
    expect(names).toHaveLength(3);
    for (const s of steps(root)) expect(s.outputs.length, s.name).toBeGreaterThan(0);
  });

  it("npm run demo goes through the staleness check, not the full build", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.demo).toMatch(/build-stale\.ts/);
    expect(pkg.scripts.demo).not.toMatch(/npm run build\b/);
  });
});
