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

/**
 * How many input units ingestInputs will start (files and refused entries under folders, one per other
 * input), without reading any file; a progress display's total. A feed still counts once.
 */
export async function countInputs(inputs: string[], opts: IngestOptions = {}): Promise<number> {
  let n = 0;
  for (const input of inputs) {
    const info = isHttpUrl(input) ? undefined : await stat(input).catch(() => undefined);
    if (!info?.isDirectory()) {
      n++;
      continue;
    }
    try {
      for await (const _ of walkFolder(input, opts.followOutsideLinks ? { followOutsideLinks: true } : {})) n++;
    } catch {
      n++;
    }
  }
  return n;
}

/**
 * Expands inputs (files, folders recursively, http(s) URLs, feed files/URLs) and yields one item
 * per document or per failure; never throws for bad input. A feed yields one item per entry.
 */
export async function* ingestInputs(inputs: string[], opts: IngestOptions = {}): AsyncGenerator<IngestItem> {
  for (const input of inputs) {
    try {
      if (isHttpUrl(input)) {
        yield* fromUrl(input, opts);
        continue;
      }
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
        yield refused(input, `unsupported URL scheme in ${input} (only http and https)`, opts);
        continue;
      }
      let isDir: boolean;
      try {
        const info = await stat(input);
        isDir = info.isDirectory();
        if (!isDir && !info.isFile()) {
          // FIFOs and devices could block or never end.
          yield refused(input, `not a regular file or folder: ${input}`, opts);
          continue;
        }
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        yield refused(
          input,
          code === "ENOENT" ? `no such file or folder: ${input}` : `cannot read ${input}: ${code}`,
          opts,
        );
        continue;
      }
      if (isDir) {
        const walk = walkFolder(input, opts.followOutsideLinks ? { followOutsideLinks: true } : {});
        for await (const entry of walk) {
          if (entry.refused === undefined) yield* fromFile(entry.path, opts);
          else yield refused(entry.path, entry.refused, opts);
        }
      } else {
        yield* fromFile(input, opts);
      }
    } catch (e) {
      // A reader bug must not stop the batch; report it against the input.
      yield { input, result: err(`unexpected error reading ${input}: ${(e as Error).message}`) };
    }
  }
}

/** One input unit as the ingest queue carries it: a file's bytes, a URL to fetch, or why it was refused. */
export type InputUnit =
  | { input: string; bytes: Uint8Array }
  | { input: string; url: string }
  | { input: string; refused: string };

/**
 * The same expansion as ingestInputs (folders walked in order, links judged, size cap, schemes checked), stopping
 * before any parsing: `tessera ingest` against PostgreSQL enqueues these units and the workers read them.
 */
export async function* inputUnits(inputs: string[], opts: IngestOptions = {}): AsyncGenerator<InputUnit> {
  const file = async (path: string): Promise<InputUnit> => {
    try {
      const bytes = await readFileCapped(path, maxBytesOf(opts));
      return bytes.ok ? { input: path, bytes: bytes.value } : { input: path, refused: bytes.error };
    } catch (e) {
      return {
        input: path,
        refused: `could not read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      };
    }
  };
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
          yield entry.refused === undefined ? await file(entry.path) : { input: entry.path, refused: entry.refused };
        }
      } catch (e) {
        yield { input, refused: `cannot read folder ${input}: ${(e as Error).message}` };
      }
    } else if (info.isFile()) {
      yield await file(input);
    } else {
      yield { input, refused: `not a regular file or folder: ${input}` };
    }
  }
}
