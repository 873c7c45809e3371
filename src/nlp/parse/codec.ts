// Model file: gzip of "TSPARSE1", a JSON header (tag and label names, the tag dictionary, table
// shapes) and the 16-bit weight tables stored byte-plane by byte-plane (all low bytes, then all high
// bytes), which gzip packs far better than interleaved little-endian words. Same model → same bytes.
import { gunzipSync, gzipSync } from "node:zlib";
import { err, ok, type Result } from "../../model/result.js";
import type { ParserModel } from "./parser.js";
import { LABEL_FEATURES, MOVE_FEATURES } from "./parser-features.js";
import type { WeightTable } from "./perceptron.js";
import { TAGGER_FEATURES, type TaggerModel } from "./tagger.js";

export interface SyntaxModel {
  tagger: TaggerModel;
  parser: ParserModel;
}

const MAGIC = "TSPARSE1";

/** Changes whenever a feature template set changes, so an old file is refused rather than misread. */
export const FEATURE_LAYOUT = `tagger${TAGGER_FEATURES}-moves${MOVE_FEATURES}-labels${LABEL_FEATURES}-v1`;

interface Header {
  layout: string;
  tags: string[];
  labels: string[];
  /** Absent in files written before beam decoding: greedy. */
  beam?: number;
  dict: [string, number][];
  classes: [string, number][];
  tables: { rowBits: number; classes: number }[];
}

export function encodeModel(m: SyntaxModel): Buffer {
  const tables = [m.tagger.table, m.parser.moves, m.parser.arcs].map(toInt16);
  const header: Header = {
    layout: FEATURE_LAYOUT,
    tags: m.tagger.tags,
    labels: m.parser.labels,
    // written only for beam models, so a greedy model's bytes are as before
    ...(m.parser.beam > 1 ? { beam: m.parser.beam } : {}),
    dict: [...m.tagger.dict.entries()],
    classes: [...m.tagger.classes.entries()],
    tables: tables.map((t) => ({ rowBits: t.rowBits, classes: t.classes })),
  };
  const head = Buffer.from(JSON.stringify(header), "utf8");
  const parts: Buffer[] = [Buffer.from(MAGIC, "ascii"), u32(head.length), head];
  for (const t of tables) {
    const w = t.weights as Int16Array;
    const lo = Buffer.alloc(w.length);
    const hi = Buffer.alloc(w.length);
    for (let i = 0; i < w.length; i++) {
      lo[i] = w[i]! & 0xff;
      hi[i] = (w[i]! >> 8) & 0xff;
    }
    parts.push(lo, hi);
  }
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

export function decodeModel(file: Buffer): Result<SyntaxModel> {
  let raw: Buffer;
  try {
    raw = gunzipSync(file);
  } catch (e) {
    return err(`The parser model is not a gzip file (${(e as Error).message}).`);
  }
  if (raw.subarray(0, 8).toString("ascii") !== MAGIC) return err("The parser model has the wrong format marker.");
  const len = raw.readUInt32LE(8);
  let header: Header;
  try {
    header = JSON.parse(raw.subarray(12, 12 + len).toString("utf8")) as Header;
  } catch {
    return err("The parser model header is not valid JSON.");
  }
  if (header.layout !== FEATURE_LAYOUT)
    return err(
      `The parser model was trained for features ${header.layout}, this code reads ${FEATURE_LAYOUT}; run \`npm run train\`.`,
    );
  let pos = 12 + len;
  const tables: WeightTable[] = [];
  for (const shape of header.tables) {
    const size = (1 << shape.rowBits) * shape.classes;
    if (pos + 2 * size > raw.length) return err("The parser model is truncated.");
    const w = new Int16Array(size);
    for (let i = 0; i < size; i++) w[i] = ((raw[pos + i]! | (raw[pos + size + i]! << 8)) << 16) >> 16;
    pos += 2 * size;
    tables.push({ rowBits: shape.rowBits, classes: shape.classes, weights: w });
  }
  if (tables.length !== 3 || pos !== raw.length) return err("The parser model has an unexpected layout.");
  return ok({
    tagger: { tags: header.tags, dict: new Map(header.dict), classes: new Map(header.classes), table: tables[0]! },
    parser: { labels: header.labels, beam: header.beam ?? 1, moves: tables[1]!, arcs: tables[2]! },
  });
}

function toInt16(t: WeightTable): WeightTable {
  if (t.weights instanceof Int16Array) return t;
  throw new Error("encodeModel expects quantised (Int16) weight tables");
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}
