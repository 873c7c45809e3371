// The fusion engine's state as rows the store keeps, so a command or a server start continues from it instead of
// replaying every document. The codec is generic: any field of the engine's parts that holds primitives, arrays,
// plain objects, Maps, Sets or Uint32Arrays is saved, so a field someone adds to a cluster object survives without
// touching this file. Each Map field is one row per entry (written only when the entry may have changed); any
// other field is one row. A Map records the keys set, deleted or read (an object read may be mutated in place);
// maps whose values are only mutated where the engine knows it ("explicit") record sets and deletes only, and the
// engine marks the rest.

import { deflateRawSync, inflateRawSync } from "node:zlib";

export interface StateRow {
  /** "<part>.<field>" */
  part: string;
  /** JSON of the encoded Map key; "" for a field stored whole. */
  key: string;
  /** The packed value (packValue); null deletes the row. */
  value: string | null;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/**
 * An object met again inside the same value is saved as `{ $r: n }`, n counting the objects of the value in the
 * order they are first met, so a value holding one object in two places (a resolver cluster's members and its
 * representatives) stores it once and loads it back as one object.
 */
export function encode(v: unknown, seen: Map<object, number> = new Map()): Json {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v !== "object") throw new Error(`fusion state: cannot save a value of type ${typeof v}`);
  const at = seen.get(v);
  if (at !== undefined) return { $r: at };
  seen.set(v, seen.size);
  if (Array.isArray(v)) return v.map((x) => encode(x, seen));
  if (v instanceof Map) return { $m: [...v].map(([k, x]) => [encode(k, seen), encode(x, seen)]) };
  if (v instanceof Set) return { $s: [...v].map((x) => encode(x, seen)) };
  if (v instanceof Uint32Array) return { $u32: [...v] };
  if (Object.getPrototypeOf(v) === Object.prototype) {
    const out: { [k: string]: Json } = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = encode(x, seen);
    // a plain object whose own keys look like a tag is wrapped so it cannot be read back as a Map or Set
    return Object.keys(out).some((k) => k.startsWith("$")) ? { $o: out } : out;
  }
  throw new Error(`fusion state: cannot save a value of type ${Object.prototype.toString.call(v)}`);
}

/** The inverse of `encode`: objects are numbered in the same order, each before its contents. */
export function decode(j: Json, objs: unknown[] = []): unknown {
  if (j === null || typeof j !== "object") return j;
  if (Array.isArray(j)) {
    const out: unknown[] = [];
    objs.push(out);
    for (const x of j) out.push(decode(x, objs));
    return out;
  }
  if ("$r" in j) return objs[j.$r as number];
  if ("$m" in j) {
    const out = new Map();
    objs.push(out);
    for (const [k, x] of j.$m as Json[][]) out.set(decode(k ?? null, objs), decode(x ?? null, objs));
    return out;
  }
  if ("$s" in j) {
    const out = new Set();
    objs.push(out);
    for (const x of j.$s as Json[]) out.add(decode(x, objs));
    return out;
  }
  if ("$u32" in j) {
    const out = Uint32Array.from(j.$u32 as number[]);
    objs.push(out);
    return out;
  }
  const src = "$o" in j ? (j.$o as { [k: string]: Json }) : j;
  const out: Record<string, unknown> = {};
  objs.push(out);
  for (const [k, x] of Object.entries(src)) out[k] = decode(x, objs);
  return out;
}

/** Values longer than this are deflated (JSON of a cluster or a document compresses 5-10×). */
const DEFLATE_FROM = 256;
/** Marks a deflated value: no JSON text starts with it. */
const DEFLATED = "~";

/** The stored text of a value: its JSON, deflated (base64, so any store's text column holds it) when long. */
export function packValue(v: unknown): string {
  const json = JSON.stringify(encode(v));
  if (json.length < DEFLATE_FROM) return json;
  return DEFLATED + deflateRawSync(json, { level: 1, windowBits: 12 }).toString("base64");
}

export function unpackValue(text: string): unknown {
  const json = text.startsWith(DEFLATED)
    ? inflateRawSync(Buffer.from(text.slice(DEFLATED.length), "base64")).toString("utf8")
    : text;
  return decode(JSON.parse(json) as Json);
}

/**
 * A Map that remembers which keys may have changed since the last `takeDirty`. It starts untracked (every entry
 * counts as changed, nothing is recorded: a rebuild's engine would record every key for nothing) and tracks from
 * its first `takeDirty`, i.e. once its rows were all written or loaded.
 */
export class TrackedMap<K, V> extends Map<K, V> {
  private dirty: Set<K> | undefined;
  constructor(
    entries?: Iterable<readonly [K, V]>,
    private readonly trackReads = true,
  ) {
    super();
    if (entries) for (const [k, v] of entries) super.set(k, v);
  }
  override set(k: K, v: V): this {
    this.dirty?.add(k);
    return super.set(k, v);
  }
  override delete(k: K): boolean {
    this.dirty?.add(k);
    return super.delete(k);
  }
  override get(k: K): V | undefined {
    const v = super.get(k);
    if (this.dirty && this.trackReads && v !== null && typeof v === "object") this.dirty.add(k);
    return v;
  }
  override clear(): void {
    if (this.dirty) for (const k of super.keys()) this.dirty.add(k);
    super.clear();
  }
  /** Marks a key whose value the caller mutated in place. */
  touch(k: K): void {
    if (this.dirty && super.has(k)) this.dirty.add(k);
  }
  /** The keys changed since the last call, or undefined (all of them) before the first; tracks from now on. */
  takeDirty(): K[] | undefined {
    const out = this.dirty && [...this.dirty];
    this.dirty = new Set();
    return out;
  }
  /** Values without marking them read (saving). */
  peek(k: K): V | undefined {
    return super.get(k);
  }
}

/** The objects whose fields make up the state, by part name; `skip` names fields rebuilt on load. */
export interface StatePart {
  name: string;
  obj: object;
  skip?: ReadonlySet<string>;
  /** Map fields whose values change in place only where the owner marks them. */
  explicit?: ReadonlySet<string>;
}

const fieldsOf = (p: StatePart): [string, unknown][] =>
  Object.entries(p.obj).filter(([k, v]) => !p.skip?.has(k) && typeof v !== "function");

/** Replaces every Map field of the parts by a TrackedMap holding the same entries (once, before any work). */
export function trackMaps(parts: StatePart[]): void {
  for (const p of parts) {
    for (const [k, v] of fieldsOf(p)) {
      if (v instanceof Map && !(v instanceof TrackedMap)) {
        (p.obj as Record<string, unknown>)[k] = new TrackedMap(v, !p.explicit?.has(k));
      }
    }
  }
}

/** Rows for every entry (`all`) or only for what may have changed since the last call. */
export function stateRows(parts: StatePart[], all: boolean): StateRow[] {
  const rows: StateRow[] = [];
  for (const p of parts) {
    for (const [k, v] of fieldsOf(p)) {
      const part = `${p.name}.${k}`;
      if (v instanceof TrackedMap) {
        const dirty = v.takeDirty();
        // an untracked map's deletions are unknown: only a full write (after clearing the rows) is right
        if (!all && !dirty) throw new Error(`fusion state: ${part} was never saved or loaded, write every row`);
        if (all || !dirty) {
          for (const [key, x] of v) rows.push({ part, key: JSON.stringify(encode(key)), value: packValue(x) });
          continue;
        }
        for (const key of dirty)
          rows.push({ part, key: JSON.stringify(encode(key)), value: v.has(key) ? packValue(v.peek(key)) : null });
      } else {
        rows.push({ part, key: "", value: packValue(v) });
      }
    }
  }
  return rows;
}

/** Loads rows into freshly constructed parts (Map fields must already be TrackedMaps, see trackMaps). */
export function loadRows(parts: StatePart[], rows: Iterable<Pick<StateRow, "part" | "key" | "value">>): void {
  const byName = new Map(parts.map((p) => [p.name, p]));
  for (const r of rows) {
    if (r.value === null) continue;
    const dot = r.part.lastIndexOf(".");
    const p = byName.get(r.part.slice(0, dot));
    const field = r.part.slice(dot + 1);
    if (!p || p.skip?.has(field)) continue;
    const target = p.obj as Record<string, unknown>;
    const value = unpackValue(r.value);
    const cur = target[field];
    if (r.key === "") target[field] = value;
    else if (cur instanceof Map) Map.prototype.set.call(cur, decode(JSON.parse(r.key) as Json), value);
  }
  // nothing loaded is dirty
  for (const p of parts) for (const [, v] of fieldsOf(p)) if (v instanceof TrackedMap) v.takeDirty();
}
