// The two seed reports in ../shared/seeds carry real page furniture; the text reader must drop
// it and keep the article. Assertions are about structure (navigation lines, trailing link block,
// bio/follow lines), checked against the file itself rather than hard-coded article sentences.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readBuffer } from "../../src/ingest/index.js";
import type { DocumentDraft } from "../../src/model/document.js";
import { SHARED } from "../helpers.js";

const dir = join(SHARED, "seeds");
if (!existsSync(dir)) console.log(`[ingest] ${dir} is absent: skipping the seed-file tests`);

const NAV = /^(breadcrumb|previous|next)$/i;

async function readSeed(name: string): Promise<{ raw: string; doc: DocumentDraft }> {
  const bytes = readFileSync(join(dir, name));
  const r = await readBuffer(new Uint8Array(bytes), { origin: join(dir, name) });
  if (!r.ok) throw new Error(r.error);
  return { raw: bytes.toString("utf8"), doc: r.value[0]! };
}

const lines = (s: string): string[] =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

describe.skipIf(!existsSync(dir))("seed reports through the text reader", () => {
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".txt"))
        .sort()
    : [];

  it.each(files)("%s: navigation lines are gone, long body paragraphs all stay", async (name) => {
    const { raw, doc } = await readSeed(name);
    const out = lines(doc.text);
    expect(out.some((l) => NAV.test(l))).toBe(false);
    expect(out.some((l) => /^follow\b.*\bon twitter/i.test(l))).toBe(false);
    // Every long prose line of the input (a body paragraph) survives verbatim.
    const body = lines(raw).filter((l) => l.split(/\s+/).length >= 40);
    expect(body.length).toBeGreaterThan(3);
    for (const p of body) expect(doc.text).toContain(p);
    expect(doc.language).toBe("en");
  });

  it.each(files)("%s: the link titles after a Previous/Next block are gone", async (name) => {
    const { raw, doc } = await readSeed(name);
    const input = lines(raw);
    const firstNav = input.findIndex((l) => /^(previous|next)$/i.test(l));
    if (firstNav < 0) return; // this file has no such block
    const trailing = input.slice(firstNav).filter((l) => !NAV.test(l));
    expect(trailing.length).toBeGreaterThan(0);
    for (const t of trailing) expect(doc.text).not.toContain(t);
  });

  it("a trailing bio line gives the author and is removed", async () => {
    for (const name of files) {
      const { raw, doc } = await readSeed(name);
      const bio = lines(raw).find((l) =>
        /^(\p{Lu}\p{L}+ ){1,3}is a (tutor|lecturer|fellow|researcher|analyst)\b/u.test(l),
      );
      if (!bio) continue;
      expect(doc.author && bio.startsWith(doc.author)).toBe(true);
      expect(doc.text).not.toContain(bio);
    }
  });

  it("a headline-like first line becomes the title", async () => {
    for (const name of files) {
      const { raw, doc } = await readSeed(name);
      const first = lines(raw)[0]!;
      if (NAV.test(first) || /[.]$/.test(first)) continue;
      expect(doc.title).toBe(first);
    }
  });
});
