// Failed sign-ins, counted per account name and per client address, in this server process's memory (a
// restart forgets them; several server processes each count their own). Past the limit every further try
// waits, longer after each failure, so a password cannot be guessed at speed against one account, nor
// sprayed over many accounts from one address. A blocked try is refused before the password is hashed (no
// scrypt work for it) and does not count. Unknown names are counted like real ones, so the answer never
// tells which names exist. A successful sign-in clears both counters.

export interface LoginLimitOptions {
  /** Failures of one account name before its next try must wait (default 5). */
  perAccount?: number;
  /** Failures from one client address, over any names, before its next try must wait (default 20). */
  perAddress?: number;
  /** The wait after reaching a limit (default 30 s); it doubles with each failure past the limit. */
  firstWaitMs?: number;
  /** The longest wait (default 15 minutes). */
  maxWaitMs?: number;
  /** Failures are forgotten this long after the last one (default 1 hour). */
  forgetMs?: number;
  /** Counters kept at most; the oldest go first, so a flood of made-up names cannot fill memory (10,000). */
  maxTracked?: number;
  /** The clock, in milliseconds (tests pass their own). */
  now?: () => number;
}

interface Failures {
  count: number;
  last: number;
}

export class LoginLimiter {
  private readonly seen = new Map<string, Failures>();
  private readonly o: Required<LoginLimitOptions>;

  constructor(opts: LoginLimitOptions = {}) {
    this.o = {
      perAccount: 5,
      perAddress: 20,
      firstWaitMs: 30_000,
      maxWaitMs: 15 * 60_000,
      forgetMs: 60 * 60_000,
      maxTracked: 10_000,
      now: Date.now,
      ...opts,
    };
  }

  /** Milliseconds until a sign-in as `account` from `address` may be checked; 0 when it may be now. */
  wait(account: string, address: string): number {
    return Math.max(
      this.waitFor(accountKey(account), this.o.perAccount),
      this.waitFor(addressKey(address), this.o.perAddress),
    );
  }

  fail(account: string, address: string): void {
    for (const key of [accountKey(account), addressKey(address)]) {
      const f = this.current(key);
      this.seen.delete(key); // re-inserted last: the Map's order is the order of last failure
      this.seen.set(key, { count: (f?.count ?? 0) + 1, last: this.o.now() });
    }
    while (this.seen.size > this.o.maxTracked) {
      const oldest = this.seen.keys().next().value;
      if (oldest === undefined) break;
      this.seen.delete(oldest);
    }
  }

  succeed(account: string, address: string): void {
    this.seen.delete(accountKey(account));
    this.seen.delete(addressKey(address));
  }

  /** The failures of a key that are not yet forgotten. */
  private current(key: string): Failures | undefined {
    const f = this.seen.get(key);
    if (f && this.o.now() - f.last > this.o.forgetMs) {
      this.seen.delete(key);
      return undefined;
    }
    return f;
  }

  private waitFor(key: string, limit: number): number {
    const f = this.current(key);
    if (!f || f.count < limit) return 0;
    const wait = Math.min(this.o.firstWaitMs * 2 ** (f.count - limit), this.o.maxWaitMs);
    return Math.max(0, f.last + wait - this.o.now());
  }
}

// user names are compared as typed elsewhere; counting them case-folded only makes the limit stricter
const accountKey = (name: string): string => `name:${name.toLowerCase()}`;
const addressKey = (address: string): string => `addr:${address}`;
