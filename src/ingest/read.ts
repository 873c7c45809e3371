// Dispatches one in-memory payload to the right reader (sniffed kind), after the size and
// emptiness checks every source shares. Feeds yield one result per entry, so the internal form
// is a list of per-document results; readBuffer flattens it for callers that want drafts only.
import type { DocumentDraft } from "../model/document.js";
import { err, ok, type Result } from "../model/result.js";
import { charsetOf, decodeBytes } from "./encoding.js";
import { readFeed } from "./feed.js";
import { readHtml } from "./html.js";
import { readPdf } from "./pdf.js";
import { completePublication } from "./published.js";
import { sniffKind } from "./sniff.js";
import { readPlainText } from "./text.js";
import { describeBytes, type IngestOptions, maxBytesOf } from "./types.js";

export interface PayloadMeta {
  origin: string;
  contentType?: string;
  url?: string;
}

/** <meta charset> / http-equiv charset in the first bytes of an HTML page. */
function htmlDeclaredCharset(bytes: Uint8Array): string | undefined {
  let head = "";
  for (const b of bytes.subarray(0, 2048)) head += String.fromCharCode(b);
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
}

/** Control characters other than tab/newline/CR/form-feed are never text; they become spaces. */
const stripControls = (s: string): string => s.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, " ");

function hostOutlet(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, "") || undefined;
  } catch {
    return undefined;
  }
}

/** Reads one payload into per-document results (one for most formats, one per entry for feeds). */
export async function readPayload(
  bytes: Uint8Array,
  meta: PayloadMeta,
  opts: IngestOptions = {},
): Promise<Result<Result<DocumentDraft>[]>> {
  const cap = maxBytesOf(opts);
  if (bytes.length > cap) return err(`file is larger than the size cap of ${describeBytes(cap)}`);
  const kind = sniffKind(bytes, meta);
  if (kind === "empty") return err("empty file");
  if (kind === "binary") return err("binary file of unknown type");
  if (kind === "xml") return err("XML file that is not an RSS or Atom feed");
  if (kind === "unsupported") return err("unsupported file type (data or code, not a report)");

  let results: Result<DocumentDraft>[];
  if (kind === "pdf") {
    results = [await readPdf(bytes, meta.origin)];
  } else {
    const declared = charsetOf(meta.contentType) ?? (kind === "html" ? htmlDeclaredCharset(bytes) : undefined);
    const text = stripControls(decodeBytes(bytes, declared).text);
    if (!text.trim()) return err("empty file");
    if (kind === "feed") {
      const feed = readFeed(text, { origin: meta.origin, ...(opts.outlet ? { outlet: opts.outlet } : {}) });
      if (!feed.ok) return feed;
      if (!feed.value.length) return err("feed has no entries");
      results = feed.value;
    } else if (kind === "html") {
      results = [readHtml(text, meta.origin, meta.url)];
    } else {
      const draft = readPlainText(text, meta.origin);
      results = [draft.text ? ok(draft) : err("no text left after removing navigation and boilerplate")];
    }
  }

  for (const r of results) {
    if (!r.ok) continue;
    const d = r.value;
    if (meta.url && kind !== "feed") d.url = meta.url;
    if (opts.outlet) d.outlet = opts.outlet;
    else if (!d.outlet && kind !== "feed") {
      const host = hostOutlet(meta.url);
      if (host) d.outlet = host;
    }
    completePublication(d);
  }
  return ok(results);
}

/** Read one in-memory payload (used by tests, the HTTP API upload, and ingestInputs). */
export async function readBuffer(
  bytes: Uint8Array,
  meta: PayloadMeta,
  opts: IngestOptions = {},
): Promise<Result<DocumentDraft[]>> {
  const r = await readPayload(bytes, meta, opts);
  if (!r.ok) return r;
  const drafts = r.value.flatMap((x) => (x.ok ? [x.value] : []));
  if (drafts.length) return ok(drafts);
  const first = r.value.find((x) => !x.ok);
  return err(first && !first.ok ? first.error : "no documents found");
}
