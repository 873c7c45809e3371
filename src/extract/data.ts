// Loads the JSON lexicons and ontology under data/. Found by walking up from this module so the
// same code works from src/ (tsx, vitest) and from dist/ after a build.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

function dataRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, "data", "ontology")) && existsSync(join(dir, "package.json"))) {
      root = join(dir, "data");
      return root;
    }
    dir = dirname(dir);
  }
  throw new Error("Tessera data folder not found (expected data/ontology next to package.json)");
}

const cache = new Map<string, unknown>();

/** Parsed JSON of data/<relPath>, read once per process. */
export function loadData<T>(relPath: string): T {
  const hit = cache.get(relPath);
  if (hit !== undefined) return hit as T;
  const value = JSON.parse(readFileSync(join(dataRoot(), relPath), "utf8")) as T;
  cache.set(relPath, value);
  return value;
}
