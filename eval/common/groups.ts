// Optional bridge to the armed-group gazetteer (data/groups/armed-groups.json, owned by the
// entities engineer): a group's every name plus its GTD `gname`, so a predicted group can be
// compared with dataset names. Absent file → names are compared as extracted.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

interface GroupRecord {
  id?: string;
  name?: string;
  aliases?: string[];
  gtdName?: string;
}

let index: Map<string, string[]> | undefined;

const key = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

function load(): Map<string, string[]> {
  if (index) return index;
  index = new Map();
  const p = fileURLToPath(new URL("../../data/groups/armed-groups.json", import.meta.url));
  if (!existsSync(p)) return index;
  try {
    const raw = JSON.parse(readFileSync(p, "utf8")) as unknown;
    const list = (Array.isArray(raw) ? raw : ((raw as { groups?: unknown[] }).groups ?? [])) as GroupRecord[];
    for (const g of list) {
      const names = [g.name, ...(g.aliases ?? []), g.gtdName].filter((n): n is string => !!n);
      for (const n of names) if (!index.has(key(n))) index.set(key(n), names);
    }
  } catch {
    // A malformed gazetteer only costs the alias expansion.
  }
  return index;
}

/** All names of the group called `name` in the gazetteer (including its GTD name), else [name]. */
export function groupNames(name: string): string[] {
  return load().get(key(name)) ?? [name];
}
