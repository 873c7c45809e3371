import { PgStore } from "./postgres/store.js";
import { SqliteStore } from "./sqlite/store.js";
import type { Store } from "./types.js";

export type * from "./types.js";
export { PgStore, SqliteStore };

/** Whether a store location names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Opens the store named by a location: a postgres:// or postgresql:// URL, otherwise a SQLite file path. */
export function openStore(location: string): Store {
  return isPostgresUrl(location) ? new PgStore(location) : new SqliteStore(location);
}
