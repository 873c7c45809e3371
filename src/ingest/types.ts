// Options and result shapes shared by every ingest reader, kept apart from the readers so the
// CLI and the HTTP API can import them without pulling in the parsers.
import type { DocumentDraft } from "../model/document.js";
import type { Result } from "../model/result.js";

export interface IngestOptions {
  /** Overrides the outlet detected from metadata. */
  outlet?: string;
  /** Allow loopback/private/link-local URLs (default false). */
  allowPrivate?: boolean;
  /** In a folder, follow symbolic links whose target lies outside it (default false: refused). */
  followOutsideLinks?: boolean;
  /** Size cap per file or response in bytes; default 20 MiB. */
  maxBytes?: number;
  /** URL fetch timeout in milliseconds; default 15000. */
  timeoutMs?: number;
  /** Redirect hops followed per URL; default 5. */
  maxRedirects?: number;
  /** Called as each input unit (a file, a URL, a refused entry) begins, before it is read; for progress. */
  onInput?: (input: string) => void;
  /** Injectable fetch, for tests. */
  fetchImpl?: typeof fetch;
  /** Injectable host-name resolver (all addresses), for tests; default node:dns lookup. */
  lookupImpl?: (hostname: string) => Promise<string[]>;
}

export interface IngestItem {
  input: string;
  result: Result<DocumentDraft>;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_REDIRECTS = 5;

export function maxBytesOf(opts?: IngestOptions): number {
  return opts?.maxBytes ?? DEFAULT_MAX_BYTES;
}

/** "20 MiB" style wording for error messages that name the cap. */
export function describeBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}
