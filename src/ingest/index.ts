// Public entry point of the ingest layer: expands inputs (files, folders, http(s) URLs, feeds)
// into DocumentDrafts, one item per document or per failure, never throwing for bad input.
import { open, stat } from "node:fs/promises";
import type { DocumentDraft } from "../model/document.js";
import { err, ok, type Result } from "../model/result.js";
import { walkFolder } from "./folder.js";
import { readPayload } from "./read.js";
import { describeBytes, type IngestItem, type IngestOptions, maxBytesOf } from "./types.js";
import { fetchUrl, isHttpUrl } from "./url.js";

export { stripBoilerplate } from "./boilerplate.js";
export { blockedReason } from "./netguard.js";
export { type PayloadMeta, readBuffer, readPayload } from "./read.js";
export { DEFAULT_MAX_BYTES, type IngestItem, type IngestOptions } from "./types.js";
export { fetchUrl } from "./url.js";

/** Reads a file without ever loading more than the cap (plus one byte to detect overflow). */
async function readFileCapped(path: string, cap: number): Promise<Result<Uint8Array>> {
  const handle = await open(path, "r");
  try {
    const size = (await handle.stat()).size;
    if (size > cap) return err(`file is larger than the size cap of ${describeBytes(cap)}`);
    const buf = new Uint8Array(Math.min(size, cap) + 1);
    let total = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, total, buf.length - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > cap) return err(`file is larger than the size cap of ${describeBytes(cap)}`);
    }
    return ok(buf.subarray(0, total));
  } finally {
    await handle.close();
  }
}

async function* itemsOf(input: string, results: Result<Result<DocumentDraft>[]>): AsyncGenerator<IngestItem> {
  if (!results.ok) {
    yield { input, result: results };
    return;
  }
  // Feed entries are told apart as input#n, matching the origin the feed reader gives each entry.
  const many = results.value.length > 1;
  for (const [i, r] of results.value.entries()) yield { input: many ? `${input}#${i + 1}` : input, result: r };
}

async function* fromFile(path: string, opts: IngestOptions): AsyncGenerator<IngestItem> {
  opts.onInput?.(path);
  let bytes: Result<Uint8Array>;
  try {
    bytes = await readFileCapped(path, maxBytesOf(opts));
  } catch (e) {
    bytes = err(`could not read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (!bytes.ok) {
    yield { input: path, result: bytes };
    return;
  }
  let results: Result<Result<DocumentDraft>[]>;
  try {
    results = await readPayload(bytes.value, { origin: path }, opts);
  } catch (e) {
    // A reader bug on one file must not stop the rest of a folder.
    results = err(`unexpected error reading ${path}: ${(e as Error).message}`);
  }
  yield* itemsOf(path, results);
}

async function* fromUrl(url: string, opts: IngestOptions): AsyncGenerator<IngestItem> {
  opts.onInput?.(url);
  const fetched = await fetchUrl(url, opts);
  if (!fetched.ok) {
    yield { input: url, result: fetched };
    return;
  }
  const { bytes, contentType, url: finalUrl } = fetched.value;
  const meta = { origin: url, url: finalUrl, ...(contentType ? { contentType } : {}) };
  yield* itemsOf(url, await readPayload(bytes, meta, opts));
}

/** An input unit that fails before any reading; it still counts as one unit for progress. */
function refused(input: string, reason: string, opts: IngestOptions): IngestItem {
  opts.onInput?.(input);
  return { input, result: err(reason) };
}

/** One input unit: a URL to fetch, a regular file to read, or why it is refused; `input` is what it is reported as. */
type Expanded = { input: string; url: string } | { input: string; path: string } | { input: string; refused: string };

/**
 * The expansion every consumer of inputs shares: http(s) URLs as they are, other schemes refused, folders walked
 * in order (links judged, see folder.ts) into their files and refused entries, missing paths, FIFOs and devices
 * refused. A folder whose walk fails is refused as itself, after the entries it yielded. Reads nothing.
 */
async function* expandInputs(inputs: string[], opts: IngestOptions): AsyncGenerator<Expanded> {
  for (const input of inputs) {
    if (isHttpUrl(input)) {
      yield { input, url: input };
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
      yield { input, refused: `unsupported URL scheme in ${input} (only http and https)` };
      continue;
    }
    const info = await stat(input).catch((e: NodeJS.ErrnoException) => e);
    if (info instanceof Error) {
      const code = (info as NodeJS.ErrnoException).code;
      yield {
        input,
        refused: code === "ENOENT" ? `no such file or folder: ${input}` : `cannot read ${input}: ${code}`,
      };
    } else if (info.isDirectory()) {
      try {
        for await (const entry of walkFolder(input, opts.followOutsideLinks ? { followOutsideLinks: true } : {})) {
          yield entry.refused === undefined
            ? { input: entry.path, path: entry.path }
            : { input: entry.path, refused: entry.refused };
        }
      } catch (e) {
        yield { input, refused: `cannot read folder ${input}: ${(e as Error).message}` };
      }
    } else if (info.isFile()) {
      yield { input, path: input };
    } else {
      // FIFOs and devices could block or never end.
      yield { input, refused: `not a regular file or folder: ${input}` };
    }
  }
}

/**
 * How many input units ingestInputs will start (files and refused entries under folders, one per other
 * input), without reading any file; a progress display's total. A feed still counts once.
 */
export async function countInputs(inputs: string[], opts: IngestOptions = {}): Promise<number> {
  let n = 0;
  for await (const _ of expandInputs(inputs, opts)) n++;
  return n;
}

/**
 * Expands inputs (files, folders recursively, http(s) URLs, feed files/URLs) and yields one item
 * per document or per failure; never throws for bad input. A feed yields one item per entry.
 */
export async function* ingestInputs(inputs: string[], opts: IngestOptions = {}): AsyncGenerator<IngestItem> {
  for await (const unit of expandInputs(inputs, opts)) {
    try {
      if ("refused" in unit) yield refused(unit.input, unit.refused, opts);
      else if ("url" in unit) yield* fromUrl(unit.url, opts);
      else yield* fromFile(unit.path, opts);
    } catch (e) {
      // A reader bug must not stop the batch; report it against the unit.
      yield { input: unit.input, result: err(`unexpected error reading ${unit.input}: ${(e as Error).message}`) };
    }
  }
}

/** One input unit as the ingest queue carries it: a file's bytes, a URL to fetch, or why it was refused. */
export type InputUnit =
  | { input: string; bytes: Uint8Array }
  | { input: string; url: string }
  | { input: string; refused: string };

/**
 * The same expansion as ingestInputs (expandInputs), stopping before any parsing: `tessera ingest` against
 * PostgreSQL enqueues these units and the workers read them.
 */
export async function* inputUnits(inputs: string[], opts: IngestOptions = {}): AsyncGenerator<InputUnit> {
  for await (const unit of expandInputs(inputs, opts)) {
    if (!("path" in unit)) {
      yield unit;
      continue;
    }
    const { path } = unit;
    try {
      const bytes = await readFileCapped(path, maxBytesOf(opts));
      yield bytes.ok ? { input: path, bytes: bytes.value } : { input: path, refused: bytes.error };
    } catch (e) {
      yield {
        input: path,
        refused: `could not read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      };
    }
  }
}
