// Loads the ingest lexicons from data/ingest/. Found by walking up from this module so the same
// code runs from src/ (tsx, vitest) and from dist/ after a build.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface BoilerplateLexicon {
  navLines: string[];
  trailingBlockMarkers: string[];
  shortLinePatterns: string[];
  bioCues: string[];
}

let dir: string | undefined;
const cache = new Map<string, unknown>();

function ingestDataDir(): string {
  if (dir) return dir;
  let at = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(at, "data", "ingest");
    if (existsSync(join(candidate, "boilerplate.json"))) {
      dir = candidate;
      return dir;
    }
    at = dirname(at);
  }
  throw new Error("Tessera data folder not found (expected data/ingest next to package.json)");
}

function load<T>(name: string): T {
  const hit = cache.get(name);
  if (hit !== undefined) return hit as T;
  const value = JSON.parse(readFileSync(join(ingestDataDir(), name), "utf8")) as T;
  cache.set(name, value);
  return value;
}

export const boilerplateLexicon = (): BoilerplateLexicon => load<BoilerplateLexicon>("boilerplate.json");
export const englishStopwords = (): string[] => load<string[]>("english-stopwords.json");
