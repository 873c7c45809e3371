// Folder expansion through ingestInputs: recursion, order, skipped entries, bad files among good.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestInputs } from "../../src/ingest/index.js";
import type { IngestItem, IngestOptions } from "../../src/ingest/types.js";

const PROSE = "Police said the suspects were arrested after a search of several houses in the old quarter.";
let root: string;

async function collect(inputs: string[], opts?: IngestOptions): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of ingestInputs(inputs, opts)) out.push(item);
  return out;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "tessera-ingest-"));
  mkdirSync(join(root, "b-sub", "deeper"), { recursive: true });
  mkdirSync(join(root, "node_modules"));
  mkdirSync(join(root, ".hidden"));
  writeFileSync(join(root, "a.txt"), `First report.\n\n${PROSE}`);
  writeFileSync(
    join(root, "b-sub", "c.html"),
    `<html><body><article><p>${PROSE} Second report.</p></article></body></html>`,
  );
  writeFileSync(join(root, "b-sub", "deeper", "d.md"), `Third report. ${PROSE}`);
  writeFileSync(join(root, "b-sub", "empty.txt"), "");
  writeFileSync(join(root, "b-sub", "junk.bin"), Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 53) % 256)));
  writeFileSync(join(root, "big.txt"), `${PROSE}\n`.repeat(100));
  writeFileSync(join(root, "z.txt"), `Last report. ${PROSE}`);
  writeFileSync(join(root, ".secret.txt"), PROSE);
  writeFileSync(join(root, ".hidden", "x.txt"), PROSE);
  writeFileSync(join(root, "node_modules", "y.txt"), PROSE);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("folder ingest", () => {
  it("recurses in a stable order, skips dotfiles and node_modules, and keeps good files past bad ones", async () => {
    const items = await collect([root], { maxBytes: 4096 });
    const names = items.map((i) => i.input.slice(root.length + 1));
    expect(names).toEqual([
      "a.txt",
      join("b-sub", "c.html"),
      join("b-sub", "deeper", "d.md"),
      join("b-sub", "empty.txt"),
      join("b-sub", "junk.bin"),
      "big.txt",
      "z.txt",
    ]);
    const byName = new Map(items.map((i) => [i.input.slice(root.length + 1), i.result]));
    expect(byName.get(join("b-sub", "empty.txt"))).toEqual({ ok: false, error: "empty file" });
    expect(byName.get(join("b-sub", "junk.bin"))).toEqual({ ok: false, error: "binary file of unknown type" });
    const big = byName.get("big.txt");
    expect(big?.ok === false && big.error).toMatch(/size cap of 4 KiB/);
    const good = items.filter((i) => i.result.ok);
    expect(good).toHaveLength(4);
    const formats = good.map((i) => (i.result.ok ? i.result.value.format : ""));
    expect(formats).toEqual(["text", "html", "text", "text"]);
    for (const g of good) if (g.result.ok) expect(g.result.value.origin).toBe(g.input);
  });

  it("reports a missing path and an unsupported scheme without throwing", async () => {
    const items = await collect([join(root, "nope.txt"), "ftp://example.org/file.txt", join(root, "a.txt")]);
    expect(items.map((i) => i.result.ok)).toEqual([false, false, true]);
    expect(items[0]!.result.ok === false && items[0]!.result.error).toMatch(/no such file/);
    expect(items[1]!.result.ok === false && items[1]!.result.error).toMatch(/only http and https/);
  });
});

describe("feed files in ingestInputs", () => {
  it("yields one item per entry, including an error item for an entry without text", async () => {
    const feedPath = join(root, "wire.rss");
    writeFileSync(
      feedPath,
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
      <item><title>One</title><description>The first dispatch reports a blast at the market.</description></item>
      <item><title>Two</title></item>
      <item><title>Three</title><description>The third dispatch reports arrests in the capital.</description></item>
      </channel></rss>`,
    );
    const items = await collect([feedPath]);
    expect(items.map((i) => i.result.ok)).toEqual([true, false, true]);
    expect(items.map((i) => i.input)).toEqual([`${feedPath}#1`, `${feedPath}#2`, `${feedPath}#3`]);
    expect(items[1]!.result.ok === false && items[1]!.result.error).toMatch(/entry 2 \("Two"\) has no text/);
  });
});

describe("symbolic links in a folder", () => {
  const outside = (): string => mkdtempSync(join(tmpdir(), "tessera-outside-"));

  it("refuses links that leave the folder, reports dangling ones, and follows links inside it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tessera-links-"));
    const away = outside();
    try {
      writeFileSync(join(away, "private.txt"), `Outside the folder. ${PROSE}`);
      mkdirSync(join(away, "more"));
      writeFileSync(join(away, "more", "other.txt"), `Also outside. ${PROSE}`);
      mkdirSync(join(dir, "real"));
      writeFileSync(join(dir, "real", "inside.txt"), `Inside the folder. ${PROSE}`);
      symlinkSync(join(away, "private.txt"), join(dir, "a-out-file.txt"));
      symlinkSync(join(away, "more"), join(dir, "b-out-dir"));
      symlinkSync(join(dir, "gone.txt"), join(dir, "c-dangling.txt"));
      symlinkSync(join(dir, "real", "inside.txt"), join(dir, "d-in-file.txt"));
      symlinkSync(dir, join(dir, "real", "loop")); // a link back up must not loop
      const items = await collect([dir]);
      const by = new Map(items.map((i) => [i.input.slice(dir.length + 1), i.result]));
      const why = (k: string): string => {
        const r = by.get(k);
        return r && !r.ok ? r.error : "";
      };
      expect(why("a-out-file.txt")).toMatch(/outside the folder \(pass --follow-links to allow\)/);
      expect(why("b-out-dir")).toMatch(/outside the folder/);
      expect(why("c-dangling.txt")).toMatch(/dangling symbolic link/);
      expect(by.get("d-in-file.txt")?.ok).toBe(true);
      expect(by.get(join("real", "inside.txt"))?.ok).toBe(true);
      expect(items.some((i) => i.result.ok && i.result.value.text.includes("outside"))).toBe(false);
      expect(items).toHaveLength(5);

      const allowed = await collect([dir], { followOutsideLinks: true });
      const texts = allowed.flatMap((i) => (i.result.ok ? [i.result.value.text] : []));
      expect(texts.some((t) => t.startsWith("Outside the folder."))).toBe(true);
      expect(texts.some((t) => t.startsWith("Also outside."))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(away, { recursive: true, force: true });
    }
  });
});
