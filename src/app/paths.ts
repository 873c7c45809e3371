// Locates the project's data folder from both the compiled (dist/) and source (src/) layouts.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "data"))) return dir;
    dir = resolve(dir, "..");
  }
  throw new Error("cannot find the Tessera data folder next to the program");
}

export const dataDir = (...parts: string[]): string => join(projectRoot(), "data", ...parts);
