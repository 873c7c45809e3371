// Where the browser tests find Chromium: $CHROMIUM_PATH, else the first chromium-like program on PATH. Under CI
// (`CI` or `TESSERA_REQUIRE_BROWSER` set) a missing browser or build fails the tests instead of skipping them.
import { accessSync, constants, existsSync } from "node:fs";
import { delimiter, join } from "node:path";

const NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const p = join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function findChromium(): string | undefined {
  const env = process.env.CHROMIUM_PATH;
  if (env) return existsSync(env) ? env : undefined;
  for (const n of NAMES) {
    const p = onPath(n);
    if (p) return p;
  }
  return undefined;
}

export const browserRequired = (): boolean => !!process.env.CI || process.env.TESSERA_REQUIRE_BROWSER === "1";
