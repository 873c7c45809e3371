// A minimal front-matter block ("---" lines around "key: value" pairs) at the top of .txt files,
// so a hand-built corpus can carry title/outlet/author/date/url/language without a sidecar file.
// Deliberately not YAML: only flat string keys, so nothing in a file can trigger YAML features.

export interface FrontMatter {
  title?: string;
  outlet?: string;
  author?: string;
  published?: string;
  url?: string;
  language?: string;
}

const KEYS = new Set(["title", "outlet", "author", "published", "url", "language"]);

/** Splits off a leading front-matter block; returns the fields and the remaining text. */
export function splitFrontMatter(text: string): { meta: FrontMatter; body: string } {
  const src = text.replace(/^\uFEFF/, "");
  const lines = src.split(/\r?\n/);
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === "") i++;
  if (lines[i]?.trim() !== "---") return { meta: {}, body: text };
  const meta: FrontMatter = {};
  for (let j = i + 1; j < lines.length && j < i + 60; j++) {
    const line = lines[j]!.trim();
    if (line === "---") return { meta, body: lines.slice(j + 1).join("\n") };
    if (!line || line.startsWith("#")) continue;
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!m) return { meta: {}, body: text }; // not a header block after all
    const key = m[1]!.toLowerCase();
    const value = m[2]!
      .trim()
      .replace(/^(["'])(.*)\1$/, "$2")
      .trim();
    if (KEYS.has(key) && value) meta[key as keyof FrontMatter] = value;
  }
  return { meta: {}, body: text };
}
