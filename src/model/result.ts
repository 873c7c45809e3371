// Readers and parsers return values instead of throwing, so one bad input never stops a batch.
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T = never>(error: string): Result<T> => ({ ok: false, error });

/** A user-facing failure: its message is one clear sentence shown without a stack trace. */
export class UserError extends Error {
  override name = "UserError";
}
