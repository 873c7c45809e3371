// Per-document limits on the NLP pass, so one hostile or broken file cannot stall a batch.
//
// Why each limit exists:
// - Long tokens. wink-eng-lite-web-model tests every new token with /[a-z].*\.$/i (its isAbbrev
//   feature), which backtracks quadratically on a long run without spaces: 100 KB of one token took
//   9.8 s, 5 MB ran for more than ten minutes. Runs longer than MAX_TOKEN_CHARS are therefore cut
//   into pieces before wink reads them. Only the copy wink reads is cut; tokens are aligned back to
//   the original text, so every offset stays exact. No real word comes near the limit; a long URL or
//   pasted blob becomes several tokens, which nothing downstream reads as a fact anyway.
// - Size. Extraction runs at roughly 0.1–0.6 MB/s (docs/performance.md); a text over maxChars would
//   take minutes, so it is refused up front, before any work, with a sentence that names the limit.
// - Time. A deadline checked between slices of paragraphs; it cannot interrupt one wink call, but
//   slices are small (SLICE_CHARS) and, with long tokens cut, wink's cost per slice is bounded.
//
// A document that exceeds a budget throws BudgetExceeded; the ingest pipeline keeps the text and
// reports the reason, and the batch goes on.

/** Longest run of non-space characters wink is given as one piece. */
export const MAX_TOKEN_CHARS = 100;

/** Paragraphs are read by wink in slices of about this many characters, with a deadline check between. */
export const SLICE_CHARS = 64 * 1024;

export interface Budget {
  /** Longest document text analysed, in UTF-16 code units. */
  maxChars: number;
  /** Wall-clock time allowed for the NLP pass of one document. */
  maxMs: number;
}

export const DEFAULT_BUDGET: Budget = { maxChars: 1_000_000, maxMs: 20_000 };

/** Thrown when a document is over its size or time budget; the message is one sentence for the user. */
export class BudgetExceeded extends Error {
  override name = "BudgetExceeded";
}

function describeChars(n: number): string {
  return n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} million characters` : `${n.toLocaleString("en")} characters`;
}

/** Tracks one document against its budget. `now` is injectable so tests need not wait. */
export class BudgetClock {
  private readonly started: number;

  constructor(
    readonly budget: Budget = DEFAULT_BUDGET,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  /** Refuses a text over the size budget before any work is done on it. */
  checkSize(chars: number): void {
    if (chars > this.budget.maxChars) {
      throw new BudgetExceeded(
        `text is ${describeChars(chars)}, over the analysis limit of ${describeChars(this.budget.maxChars)}`,
      );
    }
  }

  /** Throws once the time budget is spent; `stage` says how far the analysis got. */
  checkTime(stage: string): void {
    const spent = this.now() - this.started;
    if (spent > this.budget.maxMs) {
      throw new BudgetExceeded(
        `analysis stopped ${stage} after ${(spent / 1000).toFixed(1)} s, over the limit of ${(this.budget.maxMs / 1000).toFixed(0)} s`,
      );
    }
  }
}

const isSpace = (c: number): boolean =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

/**
 * The text with a space inserted inside every run of more than `max` non-space characters, never
 * between the two halves of a surrogate pair. Returns the input itself when nothing is cut.
 */
export function cutLongRuns(text: string, max = MAX_TOKEN_CHARS): string {
  let out: string[] | undefined;
  let copied = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      run = 0;
      continue;
    }
    if (run >= max && !(c >= 0xdc00 && c <= 0xdfff)) {
      out ??= [];
      out.push(text.slice(copied, i), " ");
      copied = i;
      run = 0;
    }
    run++;
  }
  if (!out) return text;
  out.push(text.slice(copied));
  return out.join("");
}
