// Expands a folder into the files under it: recursive, sorted by code point at each level so
// repeated runs ingest in the same order, skipping dotfiles, node_modules and symlinked folders
// (which could loop).
import { lstat, readdir, stat } from "node:fs/promises";
import { join } from "node:path";

const SKIP_DIRS = new Set(["node_modules"]);

/** Paths of the regular files under `dir`, depth-first, in deterministic order. */
export async function* walkFolder(dir: string): AsyncGenerator<string> {
  let entries: string[];
  try {
    entries = (await readdir(dir)).filter((n) => !n.startsWith(".") && !SKIP_DIRS.has(n));
  } catch {
    return;
  }
  entries.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of entries) {
    const path = join(dir, name);
    let info: Awaited<ReturnType<typeof lstat>>;
    try {
      info = await lstat(path);
      if (info.isSymbolicLink()) {
        info = await stat(path);
        if (info.isDirectory()) continue;
      }
    } catch {
      continue; // dangling link or vanished file
    }
    if (info.isDirectory()) yield* walkFolder(path);
    else if (info.isFile()) yield path;
  }
}
