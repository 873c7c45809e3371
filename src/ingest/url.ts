// Fetches one http(s) URL behind the private-address guard: redirects are followed by hand so
// each hop is checked, the whole fetch has one deadline, and the body is streamed so an endless
// or oversized response stops at the size cap instead of filling memory.
import { err, ok, type Result } from "../model/result.js";
import { checkHost, dnsLookup } from "./netguard.js";
import { DEFAULT_MAX_REDIRECTS, DEFAULT_TIMEOUT_MS, describeBytes, type IngestOptions, maxBytesOf } from "./types.js";

export interface Fetched {
  bytes: Uint8Array;
  contentType?: string;
  /** The final URL after redirects. */
  url: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function isHttpUrl(input: string): boolean {
  return /^https?:\/\//i.test(input.trim());
}

async function readCapped(res: Response, cap: number): Promise<Result<Uint8Array>> {
  const declared = Number(res.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > cap) {
    await res.body?.cancel().catch(() => undefined);
    return err(`response is larger than the size cap of ${describeBytes(cap)}`);
  }
  if (!res.body) return ok(new Uint8Array(0));
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      return err(`response is larger than the size cap of ${describeBytes(cap)}`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return ok(out);
}

/** Fetches a URL's bytes; never throws. */
export async function fetchUrl(input: string, opts: IngestOptions = {}): Promise<Result<Fetched>> {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return err(`not a valid URL: ${input}`);
  }
  const doFetch = opts.fetchImpl ?? fetch;
  const resolve = opts.lookupImpl ?? dnsLookup;
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      if (url.protocol !== "http:" && url.protocol !== "https:") {
        return err(`unsupported URL scheme ${url.protocol} (only http and https)`);
      }
      if (!opts.allowPrivate) {
        const refused = await checkHost(url, resolve);
        if (refused) return err(hop ? `redirect ${hop} refused: ${refused}` : refused);
      }
      const res = await doFetch(url.href, {
        redirect: "manual",
        signal: controller.signal,
        headers: {
          accept:
            "text/html,application/xhtml+xml,application/pdf,application/rss+xml,application/atom+xml,text/plain;q=0.9,*/*;q=0.5",
          "user-agent": "Tessera/0.1 (offline incident workbench)",
        },
      });
      if (REDIRECTS.has(res.status)) {
        await res.body?.cancel().catch(() => undefined);
        const location = res.headers.get("location");
        if (!location) return err(`HTTP ${res.status} redirect without a Location header from ${url.href}`);
        if (hop >= maxRedirects) return err(`too many redirects (more than ${maxRedirects}) from ${input}`);
        url = new URL(location, url);
        continue;
      }
      if (res.status < 200 || res.status > 299) {
        await res.body?.cancel().catch(() => undefined);
        return err(`HTTP ${res.status} from ${url.href}`);
      }
      const body = await readCapped(res, maxBytesOf(opts));
      if (!body.ok) return body;
      const fetched: Fetched = { bytes: body.value, url: url.href };
      const ct = res.headers.get("content-type");
      if (ct) fetched.contentType = ct;
      return ok(fetched);
    }
  } catch (e) {
    if (controller.signal.aborted) return err(`timed out after ${timeoutMs} ms fetching ${input}`);
    return err(`could not fetch ${input}: ${(e as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}
