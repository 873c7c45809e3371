import { SqliteStore } from "./sqlite/store.js";
import type { Store } from "./types.js";

export type * from "./types.js";
export { SqliteStore };

/** Opens the store named by a path (SQLite file) — a postgres:// URL will select PostgreSQL later. */
export function openStore(location: string): SqliteStore & Store {
  if (/^postgres(ql)?:\/\//.test(location)) {
    throw new Error("PostgreSQL storage is not available in this build yet; use a SQLite file path");
  }
  return new SqliteStore(location);
}
