// Compact fusion_state rows (migration 9). Measured at 1,000 bench documents the state was 11× the stored text, of
// which: deflated values kept as base64 text (a third larger than their bytes), each row's part name repeated in the
// row and again in the (part, key) unique index beside it. Here a part is a small integer (fusion_state_parts), a
// deflated value is stored as its raw bytes (a BLOB; restored to the engine's '~' + base64 text on reading), and the
// look-up index holds a 32-bit hash of the key instead of the key (a look-up compares the key itself, so two keys
// that share a hash stay apart). The rowid keeps the engine's insertion order as before.
import type Database from "better-sqlite3";

/** The engine marks a deflated value with this prefix (fuse/state.ts). */
const DEFLATED = "~";

/** FNV-1a over the key's UTF-16 code units, as a signed 32-bit integer (SQLite stores it in 4 bytes or fewer). */
export function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** The stored form of an engine value: raw bytes for a deflated one, the JSON text otherwise. */
export function packStateValue(value: string): string | Buffer {
  return value.startsWith(DEFLATED) ? Buffer.from(value.slice(DEFLATED.length), "base64") : value;
}

export function unpackStateValue(stored: string | Buffer): string {
  return typeof stored === "string" ? stored : DEFLATED + stored.toString("base64");
}

/** Makes the row codec callable from SQL, for the migration that rewrites existing rows. */
export function registerStateFunctions(db: Database.Database): void {
  db.function("state_key_hash", { deterministic: true }, (k: unknown) => keyHash(String(k)));
  db.function("state_pack", { deterministic: true }, (v: unknown) => packStateValue(String(v)));
}

/** Part name ↔ id, read in the current transaction; `add` gives a new part its id. */
export class StateParts {
  private byName = new Map<string, number>();
  private byId = new Map<number, string>();

  constructor(private readonly db: Database.Database) {
    for (const r of db.prepare("SELECT id, name FROM fusion_state_parts").all() as { id: number; name: string }[]) {
      this.byName.set(r.name, r.id);
      this.byId.set(r.id, r.name);
    }
  }

  id(name: string): number | undefined {
    return this.byName.get(name);
  }

  add(name: string): number {
    const known = this.byName.get(name);
    if (known !== undefined) return known;
    const id = Number(this.db.prepare("INSERT INTO fusion_state_parts (name) VALUES (?)").run(name).lastInsertRowid);
    this.byName.set(name, id);
    this.byId.set(id, name);
    return id;
  }

  name(id: number): string {
    const n = this.byId.get(id);
    if (n === undefined) throw new Error(`fusion_state row of unknown part ${id}`);
    return n;
  }
}
