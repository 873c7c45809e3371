// The bundled demo corpus: which files of data/demo are reports (the README, the grades file and the
// PDF's text source are not).
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { dataDir } from "./paths.js";

/** The demo reports: top-level .txt/.html files and the PDFs that `npm run build` renders. */
export function demoFiles(): string[] {
  const dir = dataDir("demo");
  const pick = (d: string, ext: RegExp): string[] =>
    existsSync(d)
      ? readdirSync(d)
          .filter((f) => ext.test(f) && f !== "README.md")
          .sort()
          .map((f) => join(d, f))
      : [];
  const pdfs = pick(join(dir, "generated"), /\.pdf$/);
  if (!pdfs.length) console.error("note: the demo PDF is missing; run `npm run build` to render it");
  return [...pick(dir, /\.(txt|html?)$/), ...pdfs];
}
