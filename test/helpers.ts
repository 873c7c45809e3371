// Shared test helpers: temporary folders and in-memory documents.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseIsoDate } from "../src/model/dates.js";
import { makeDocument } from "../src/model/document.js";
import type { Document } from "../src/model/records.js";

export function tempDir(prefix = "tessera-test-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function doc(text: string, extra: { outlet?: string; title?: string; published?: string } = {}): Document {
  const published = extra.published ? parseIsoDate(extra.published) : undefined;
  return makeDocument({
    origin: "test",
    text,
    format: "text",
    language: "en",
    ...(extra.outlet ? { outlet: extra.outlet } : {}),
    ...(extra.title ? { title: extra.title } : {}),
    ...(published ? { publishedAt: published } : {}),
  });
}

export const SHARED = join(import.meta.dirname, "..", "..", "shared");
