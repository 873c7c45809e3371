// The stores the contract suite runs against: SQLite in a temp folder and PostgreSQL on a real server
// (pg-server.ts). Each hands out fresh, empty store locations for openStore; PostgreSQL is left out,
// with the reason printed, when this machine has no server and CI does not require one.
import { join } from "node:path";
import { tempDir } from "../helpers.js";
import { type PgServer, pgUnavailable, startPg } from "./pg-server.js";

export interface Backend {
  name: "sqlite" | "postgres";
  setup(): Promise<void>;
  teardown(): Promise<void>;
  /** The location of a new, empty store (a file path or a postgres:// URL). */
  fresh(): Promise<string>;
}

function sqlite(): Backend {
  let tmp: ReturnType<typeof tempDir> | undefined;
  let n = 0;
  return {
    name: "sqlite",
    async setup() {
      tmp = tempDir();
    },
    async teardown() {
      tmp?.cleanup();
    },
    async fresh() {
      if (!tmp) throw new Error("sqlite backend used before setup");
      return join(tmp.dir, `store-${++n}.db`);
    },
  };
}

function postgres(): Backend {
  let server: PgServer | undefined;
  return {
    name: "postgres",
    async setup() {
      server = await startPg();
    },
    async teardown() {
      await server?.stop();
    },
    async fresh() {
      if (!server) throw new Error("postgres backend used before setup");
      return server.createDatabase();
    },
  };
}

if (pgUnavailable) console.warn(`PostgreSQL store tests SKIPPED: ${pgUnavailable}`);

/** The backends to run; PostgreSQL joins unless it is unavailable here (under CI it never is skipped). */
export function backends(): Backend[] {
  return pgUnavailable ? [sqlite()] : [sqlite(), postgres()];
}

export { pgUnavailable };
