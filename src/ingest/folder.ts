// Expands a folder into the files under it: recursive, sorted by code point at each level so
// repeated runs ingest in the same order, skipping dotfiles and node_modules.
//
// Symbolic links are resolved and judged, never followed blindly: a link whose target lies outside
// the folder is refused (pointing a shared folder at ~/.ssh must not ingest the key), unless the
// caller allows it; a dangling link or a link loop is reported, not skipped in silence. Each real
// folder is walked once, under the first path that reaches it, so links cannot make the walk loop.
import { lstat, readdir, realpath, stat } from "node:fs/promises";
import { join, sep } from "node:path";

const SKIP_DIRS = new Set(["node_modules"]);

/** One entry of a folder walk: a file to read, or a path refused with the reason. */
export type FolderEntry = { path: string; refused?: undefined } | { path: string; refused: string };

export interface WalkOptions {
  /** Follow symbolic links whose target is outside the folder (default false). */
  followOutsideLinks?: boolean;
}

const within = (root: string, p: string): boolean => p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);

/** Why a link cannot be resolved, as a sentence fragment. */
function linkProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "dangling symbolic link (its target does not exist)";
  if (code === "ELOOP") return "symbolic link loop";
  return `cannot resolve symbolic link: ${code ?? (e as Error).message}`;
}

/** Files under `dir`, depth-first, in deterministic order, with refused links reported in place. */
export async function* walkFolder(dir: string, opts: WalkOptions = {}): AsyncGenerator<FolderEntry> {
  const root = await realpath(dir);
  yield* walk(dir, root, opts, new Set([root]));
}

async function* walk(dir: string, root: string, opts: WalkOptions, seen: Set<string>): AsyncGenerator<FolderEntry> {
  let entries: string[];
  try {
    entries = (await readdir(dir)).filter((n) => !n.startsWith(".") && !SKIP_DIRS.has(n));
  } catch (e) {
    yield { path: dir, refused: `cannot read folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
    return;
  }
  entries.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of entries) {
    const path = join(dir, name);
    let info: Awaited<ReturnType<typeof lstat>>;
    try {
      info = await lstat(path);
    } catch {
      continue; // vanished between readdir and lstat
    }
    if (info.isSymbolicLink()) {
      let target: string;
      try {
        target = await realpath(path);
        info = await stat(target);
      } catch (e) {
        yield { path, refused: linkProblem(e) };
        continue;
      }
      const inside = within(root, target);
      if (!inside && !opts.followOutsideLinks) {
        yield { path, refused: `symbolic link to ${target}, outside the folder (pass --follow-links to allow)` };
        continue;
      }
    }
    if (info.isDirectory()) {
      const real = await realpath(path).catch(() => path);
      if (seen.has(real)) continue;
      seen.add(real);
      yield* walk(path, root, opts, seen);
      continue;
    }
    if (info.isFile()) yield { path };
    else yield { path, refused: "not a regular file (a device, socket or pipe)" };
  }
}
