// A real PostgreSQL for the store tests: TESSERA_TEST_PG names a server (its user must be allowed to
// create databases), otherwise one is started from the local binaries (initdb + pg_ctl on PATH, or a
// Debian install under /usr/lib/postgresql/<version>/bin) in a temporary folder: loopback only, a
// free port, trust authentication, stopped and removed afterwards. initdb refuses to run as root, so
// as root the server runs as the `postgres` account (or `nobody`) through runuser.
// Without a server and binaries the PostgreSQL tests skip; with TESSERA_REQUIRE_PG=1 (CI) they fail.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface PgServer {
  /** A fresh, empty database on the server; dropped by stop(). */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

export type Plan = { url: string } | { bin: string } | { missing: string };

function findBin(): string | undefined {
  const onPath = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout.trim();
  if (onPath && existsSync(join(onPath, "..", "pg_ctl"))) return join(onPath, "..");
  const debian = "/usr/lib/postgresql";
  if (!existsSync(debian)) return undefined;
  const versions = readdirSync(debian)
    .filter((v) => existsSync(join(debian, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(debian, versions[0]!, "bin") : undefined;
}

/** Where the PostgreSQL tests get a server: a given URL, local binaries, or nothing (and why). */
export function pgPlan(env: NodeJS.ProcessEnv = process.env, locate: () => string | undefined = findBin): Plan {
  if (env.TESSERA_TEST_PG) return { url: env.TESSERA_TEST_PG };
  const bin = locate();
  if (bin) return { bin };
  return { missing: "no TESSERA_TEST_PG URL and no initdb/pg_ctl (install the Debian postgresql package)" };
}

/** Why the tests skip (undefined when they run, or when TESSERA_REQUIRE_PG=1 makes a missing server fail). */
export function skipReason(plan: Plan, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return "missing" in plan && env.TESSERA_REQUIRE_PG !== "1" ? plan.missing : undefined;
}

const PLAN = pgPlan();

/** Why the PostgreSQL tests cannot run here (undefined when they can); CI turns this into a failure. */
export const pgUnavailable: string | undefined = skipReason(PLAN);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** The account the server runs as: ourselves, or as root one that initdb accepts. */
function runAs(): { user?: string; uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  for (const user of ["postgres", "nobody"]) {
    const id = spawnSync("id", ["-u", user], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", user], { encoding: "utf8" });
    if (id.status === 0) return { user, uid: Number(id.stdout), gid: Number(gid.stdout) };
  }
  throw new Error("running as root and no postgres or nobody account to run PostgreSQL as");
}

function run(bin: string, tool: string, args: string[], user?: string): void {
  const [cmd, argv] = user ? ["runuser", ["-u", user, "--", join(bin, tool), ...args]] : [join(bin, tool), args];
  execFileSync(cmd, argv, { stdio: ["ignore", "pipe", "pipe"], cwd: tmpdir() });
}

async function launch(bin: string): Promise<{ url: string; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), "tessera-pg-"));
  const { user, uid, gid } = runAs();
  if (uid !== undefined && gid !== undefined) chownSync(dir, uid, gid);
  const data = join(dir, "data");
  const log = join(dir, "server.log");
  const port = await freePort();
  try {
    run(bin, "initdb", ["-D", data, "-U", "tessera", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], user);
    const opts = `-h 127.0.0.1 -p ${port} -k ${dir} -F -c fsync=off -c max_connections=40`;
    run(bin, "pg_ctl", ["-D", data, "-l", log, "-o", opts, "-w", "-t", "60", "start"], user);
  } catch (e) {
    const out = (e as { stderr?: Buffer }).stderr?.toString() ?? "";
    const logText = existsSync(log) ? readFileSync(log, "utf8") : "";
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start PostgreSQL from ${bin}: ${(e as Error).message}\n${out}\n${logText}`);
  }
  let running = true;
  const stop = (): void => {
    if (!running) return;
    running = false;
    process.off("exit", stop);
    try {
      run(bin, "pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"], user);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.once("exit", stop); // a test run that dies early leaves no server behind
  return { url: `postgres://tessera@127.0.0.1:${port}/postgres`, stop };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Starts (or connects to) the test server; throws with the reason when there is none and CI requires one. */
export async function startPg(plan: Plan = PLAN): Promise<PgServer> {
  if ("missing" in plan) throw new Error(`PostgreSQL is required (TESSERA_REQUIRE_PG=1) but ${plan.missing}`);
  const server = "url" in plan ? { url: plan.url, stop: () => {} } : await launch(plan.bin);
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  const made: string[] = [];
  return {
    async createDatabase() {
      const name = `tessera_test_${process.pid}_${made.length + 1}_${Date.now() % 100_000}`;
      await admin.query(`CREATE DATABASE ${name}`);
      made.push(name);
      return withDatabase(server.url, name);
    },
    async stop() {
      try {
        for (const name of made) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await admin.end();
        server.stop();
      }
    },
  };
}
