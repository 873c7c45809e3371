// One fusion writer at a time on a shared PostgreSQL store: uploads, `tessera refuse`, grade changes and
// analyst overrides wait for the advisory lock the workers' fusion holds (worker.ts), so a worker fusing and an
// analyst editing at the same moment never both write fusion. On SQLite the file's own write lock and the
// one server process already serialise writers, so the function just runs.
import { UserError } from "../model/result.js";
import { PgStore } from "../store/postgres/store.js";
import type { Store } from "../store/types.js";

/** Any constant of our own (the migration lock is another): held by the one process applying fusion. */
export const FUSION_LOCK = 7_311_843;

/** How long a writer waits for another's fusion (default 2 minutes; TESSERA_FUSION_WAIT_S sets it). */
export function fusionWaitMs(): number {
  const s = Number(process.env.TESSERA_FUSION_WAIT_S);
  return Number.isFinite(s) && s > 0 ? s * 1000 : 120_000;
}

/** Another process kept fusing for longer than a writer would wait. */
export class FusionBusyError extends UserError {
  override name = "FusionBusyError";
  constructor(readonly waitedMs: number) {
    super(
      `another process (an ingest worker or another analyst's change) has been fusing for over ${Math.round(waitedMs / 1000)} s; ` +
        "try again when it is done",
    );
  }
}

/** Writers of this process waiting for the lock, in turn (each PgStore's tail of the line). */
const line = new WeakMap<PgStore, Promise<void>>();

/**
 * Runs `fn` holding the fusion lock, waiting at most `timeoutMs` for it (FusionBusyError then, before `fn`
 * ran). Not for the worker's own fusion, which takes the lock without waiting and leaves it to the holder.
 */
export async function withFusionLock<T>(store: Store, fn: () => Promise<T>, timeoutMs = fusionWaitMs()): Promise<T> {
  if (!(store instanceof PgStore)) return fn();
  const deadline = Date.now() + timeoutMs;
  // writers of one process queue here first, so that only one of them holds a pooled connection while it
  // waits: the pool is small, and the holder's fusion needs connections of its own
  const before = line.get(store) ?? Promise.resolve();
  let done!: () => void;
  const mine = new Promise<void>((resolve) => {
    done = resolve;
  });
  line.set(
    store,
    before.then(() => mine),
  );
  try {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), timeoutMs);
    });
    const turn = await Promise.race([before.then(() => "turn" as const), late]);
    clearTimeout(timer);
    if (turn === "late") throw new FusionBusyError(timeoutMs);
    return await holding(store, fn, Math.max(1, deadline - Date.now()), timeoutMs);
  } finally {
    done();
  }
}

/** Takes the advisory lock on a connection of its own (waiting at most `waitMs`), runs `fn`, lets go. */
async function holding<T>(store: PgStore, fn: () => Promise<T>, waitMs: number, timeoutMs: number): Promise<T> {
  const client = await store.pool.connect();
  let locked = false;
  let broken = false;
  try {
    // lock_timeout bounds the wait of pg_advisory_lock (a heavyweight lock), on this connection only
    await client.query(`SET lock_timeout = ${Math.round(waitMs)}`);
    try {
      await client.query("SELECT pg_advisory_lock($1)", [FUSION_LOCK]);
    } catch (e) {
      if ((e as { code?: string }).code === "55P03") throw new FusionBusyError(timeoutMs);
      throw e;
    }
    locked = true;
    await client.query("RESET lock_timeout");
    return await fn();
  } finally {
    // the connection goes back to the pool unlocked and without the timeout, or is closed (which unlocks)
    await client.query(locked ? `SELECT pg_advisory_unlock(${FUSION_LOCK})` : "RESET lock_timeout").catch(() => {
      broken = true;
    });
    client.release(broken);
  }
}
