// The fusion engine's state as rows the store keeps, so a command or a server start continues from it instead of
// replaying every document. The codec is generic: any field of the engine's parts that holds primitives, arrays,
// plain objects, Maps, Sets or Uint32Arrays is saved, so a field someone adds to a cluster object survives without
// touching this file. Each Map field is one row per entry (written only when the entry may have changed); any
// other field is one row. A Map records the keys set, deleted or read (an object read may be mutated in place);
// maps whose values are only mutated where the engine knows it ("explicit") record sets and deletes only, and the
// engine marks the rest.

export interface StateRow {
  /** "<part>.<field>" */
  part: string;
  /** JSON of the encoded Map key; "" for a field stored whole. */
  key: string;
  /** JSON of the encoded value; null deletes the row. */
  value: string | null;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function encode(v: unknown): Json {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (Array.isArray(v)) return v.map(encode);
  if (v instanceof Map) return { $m: [...v].map(([k, x]) => [encode(k), encode(x)]) };
  if (v instanceof Set) return { $s: [...v].map(encode) };
  if (v instanceof Uint32Array) return { $u32: [...v] };
  if (typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
    const out: { [k: string]: Json } = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = encode(x);
    // a plain object whose own keys look like a tag is wrapped so it cannot be read back as a Map or Set
    return Object.keys(out).some((k) => k.startsWith("$")) ? { $o: out } : out;
  }
  throw new Error(`fusion state: cannot save a value of type ${Object.prototype.toString.call(v)}`);
}

export function decode(j: Json): unknown {
  if (j === null || typeof j !== "object") return j;
  if (Array.isArray(j)) return j.map(decode);
  if ("$m" in j) return new Map((j.$m as Json[][]).map(([k, x]) => [decode(k ?? null), decode(x ?? null)]));
  if ("$s" in j) return new Set((j.$s as Json[]).map(decode));
  if ("$u32" in j) return Uint32Array.from(j.$u32 as number[]);
  const src = "$o" in j ? (j.$o as { [k: string]: Json }) : j;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(src)) out[k] = decode(x);
  return out;
}

/** A Map that remembers which keys may have changed since the last `takeDirty`. */
export class TrackedMap<K, V> extends Map<K, V> {
  private dirty = new Set<K>();
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
    this.dirty.add(k);
    return super.delete(k);
  }
  override get(k: K): V | undefined {
    const v = super.get(k);
    if (this.trackReads && v !== null && typeof v === "object") this.dirty.add(k);
    return v;
  }
  override clear(): void {
    for (const k of super.keys()) this.dirty.add(k);
    super.clear();
  }
  /** Marks a key whose value the caller mutated in place. */
  touch(k: K): void {
    if (super.has(k)) this.dirty.add(k);
  }
  takeDirty(): K[] {
    const out = [...this.dirty];
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
        const keys = all ? [...v.keys()] : dirty;
        for (const key of keys) {
          const has = v.has(key);
          rows.push({
            part,
            key: JSON.stringify(encode(key)),
            value: has ? JSON.stringify(encode(v.peek(key))) : null,
          });
        }
      } else {
        rows.push({ part, key: "", value: JSON.stringify(encode(v)) });
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
    const value = decode(JSON.parse(r.value) as Json);
    const cur = target[field];
    if (r.key === "") target[field] = value;
    else if (cur instanceof Map) Map.prototype.set.call(cur, decode(JSON.parse(r.key) as Json), value);
  }
  // nothing loaded is dirty
  for (const p of parts) for (const [, v] of fieldsOf(p)) if (v instanceof TrackedMap) v.takeDirty();
}
