// Turns raw bytes into a JS string. Reports arrive in many legacy encodings (windows-1252 from
// Western outlets, windows-1251 from Russian-language ones, UTF-16 exports from Word), and a wrong
// guess produces U+FFFD soup that poisons every later stage, so decoding is done deliberately:
// BOM first, then strict UTF-8, then chardet's guess, then windows-1252 as a lossless fallback.
import chardet from "chardet";
import iconv from "iconv-lite";

export interface Decoded {
  text: string;
  encoding: string;
}

/** Normalises a charset label to one iconv-lite knows; undefined when it knows none. */
function iconvName(label: string): string | undefined {
  let name = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, "");
  // ISO-8859-1 labels are, in practice, windows-1252 (browsers treat them so); 1252 is a superset.
  if (name === "iso-8859-1" || name === "latin1" || name === "latin-1" || name === "us-ascii" || name === "ascii") {
    name = "windows-1252";
  }
  return iconv.encodingExists(name) ? name : undefined;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", skip: 2 };
  return undefined;
}

export function hasUtf16Bom(bytes: Uint8Array): boolean {
  const bom = bomEncoding(bytes);
  return bom !== undefined && bom.encoding !== "utf-8";
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decodes bytes to text. `declared` is a charset from a Content-Type header or a <meta charset>;
 * a BOM beats it, and a declaration of UTF-8 that the bytes contradict is ignored.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string): Decoded {
  const bom = bomEncoding(bytes);
  if (bom) {
    const body = bytes.subarray(bom.skip);
    return { text: iconv.decode(Buffer.from(body), bom.encoding), encoding: bom.encoding };
  }
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: "utf-8" };

  const declaredName = declared ? iconvName(declared) : undefined;
  if (declaredName && declaredName !== "utf-8" && declaredName !== "utf8") {
    return { text: iconv.decode(Buffer.from(bytes), declaredName), encoding: declaredName };
  }
  // chardet ranks candidates; the first iconv knows (and that is not UTF-8, already ruled out) wins.
  for (const guess of chardet.analyse(bytes)) {
    const name = iconvName(guess.name);
    if (!name || name === "utf-8" || name === "utf8") continue;
    if (guess.confidence < 10) break;
    return { text: iconv.decode(Buffer.from(bytes), name), encoding: name };
  }
  return { text: iconv.decode(Buffer.from(bytes), "windows-1252"), encoding: "windows-1252" };
}

/** The charset parameter of a Content-Type value, if any. */
export function charsetOf(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const m = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType);
  return m?.[1];
}
