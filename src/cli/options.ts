// Options shared by several commands, and opening the store they name.
import { existsSync } from "node:fs";
import type { Command } from "commander";
import { UserError } from "../model/result.js";
import { isPostgresUrl, openStore } from "../store/index.js";

export const DEFAULT_DB = "tessera.db";

/** TESSERA_DB names the store for every command (a team's postgres:// URL) unless --db is given. */
export function withDb(cmd: Command): Command {
  return cmd.option(
    "--db <file|url>",
    "SQLite database file or postgres:// URL ($TESSERA_DB when set)",
    process.env.TESSERA_DB || DEFAULT_DB,
  );
}

/** Opens the database; read-only commands refuse to create an empty one by accident. */
export function open(db: string, { create = false } = {}): ReturnType<typeof openStore> {
  if (!create && !isPostgresUrl(db) && !existsSync(db)) {
    throw new UserError(`no database at ${db}; ingest something first or pass --db`);
  }
  try {
    return openStore(db);
  } catch (e) {
    throw new UserError(`cannot open database ${db}: ${(e as Error).message}`);
  }
}

export function intOption(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UserError(`${name} must be a non-negative whole number`);
  return n;
}

/** A TCP port: 1–65535, or 0 for any free port. */
export function portOption(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n > 65535) {
    throw new UserError(`--port must be a whole number from 1 to 65535, or 0 for any free port (got ${value})`);
  }
  return n;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
