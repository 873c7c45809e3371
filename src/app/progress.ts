// Progress of an ingest batch. On a terminal: one bar redrawn in place — phase (reading /
// extracting / storing / fusing), done/total, percentage, rate, ETA and the current input — with
// messages (errors) printed above it. Elsewhere (a pipe, a log file, CI): plain lines only, so logs
// stay greppable; a line every tenth of a long batch carries the rate and ETA, and one says when
// fusion starts, which can take a while and used to show nothing.
//
// Written here rather than taken from a progress-bar package: the display needs the pipeline's own
// phases and "messages above the bar", and the whole thing is one small class with an injectable
// clock, which keeps it testable without a terminal.
import type { Phase } from "./pipeline.js";

export interface ProgressOptions {
  /** Units expected (files and URLs); undefined when unknown. */
  total?: number;
  /** Where the display goes; a TTY gets the bar, anything else plain lines. */
  out?: Pick<NodeJS.WriteStream, "write"> & { isTTY?: boolean; columns?: number };
  /** Force the mode instead of reading out.isTTY. */
  tty?: boolean;
  now?: () => number;
  /** Least time between two redraws of the bar, in ms. */
  redrawMs?: number;
}

const PHASE_WIDTH = 10;

/** "1h02m", "4m05s", "12s". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s >= 3600) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${s}s`;
}

export class BatchProgress {
  readonly tty: boolean;
  private readonly out: NonNullable<ProgressOptions["out"]>;
  private readonly now: () => number;
  private readonly redrawMs: number;
  private readonly started: number;
  private total: number | undefined;
  /** Units begun; all but the current one are done. */
  private begun = 0;
  private phase: Phase = "reading";
  private current = "";
  private drawnAt = Number.NEGATIVE_INFINITY;
  private drawn = false;
  private nextPlainTenth = 1;
  private fusingSince: number | undefined;
  /** Units settled, when a batch is followed from outside (settle) rather than run here. */
  private settled: number | undefined;

  constructor(opts: ProgressOptions = {}) {
    this.out = opts.out ?? process.stdout;
    this.tty = opts.tty ?? Boolean(this.out.isTTY);
    this.now = opts.now ?? (() => performance.now());
    this.redrawMs = opts.redrawMs ?? 100;
    this.started = this.now();
    this.total = opts.total;
  }

  /** Units finished so far. */
  get done(): number {
    if (this.settled !== undefined) return this.settled;
    return this.phase === "fusing" ? this.begun : Math.max(0, this.begun - 1);
  }

  /** The pipeline's onPhase callback. */
  onPhase = (phase: Phase, input?: string): void => {
    if (phase === "reading") {
      this.begun++;
      if (this.total !== undefined && this.begun > this.total) this.total = this.begun;
    }
    const changed = phase !== this.phase;
    this.phase = phase;
    if (input !== undefined) this.current = input;
    if (phase === "fusing") this.startFusing(this.begun);
    if (this.tty) this.draw(changed || phase === "fusing");
    else if (phase === "reading") this.plainTenth();
  };

  /**
   * For a batch that runs elsewhere (the ingest queue's workers) and is looked at now and then: `done` of `total`
   * settled, in `phase`, `current` saying what is going on. Drawn and logged as onPhase does.
   */
  settle(done: number, total: number, phase: Phase, current = ""): void {
    const changed = phase !== this.phase;
    const more = done !== this.settled;
    this.settled = done;
    this.total = total;
    this.phase = phase;
    this.current = current;
    if (phase === "fusing" && changed) this.startFusing(done);
    if (this.tty) this.draw(changed);
    else if (more) this.plainTenth();
  }

  private startFusing(inputs: number): void {
    this.fusingSince = this.now();
    this.current = "";
    if (!this.tty) this.out.write(`fusing ${inputs} input(s) into incidents…\n`);
  }

  /** A line that must stay visible (an error, a result line): above the bar on a TTY. */
  message(line: string): void {
    if (this.tty && this.drawn) this.out.write("\r\x1b[K");
    this.out.write(`${line}\n`);
    if (this.tty && this.drawn) this.draw(true);
  }

  /** Clears the bar; in plain mode says how long fusion took. */
  end(): void {
    if (this.tty && this.drawn) this.out.write("\r\x1b[K");
    this.drawn = false;
    if (!this.tty && this.fusingSince !== undefined)
      this.out.write(`fused in ${formatDuration(this.now() - this.fusingSince)}\n`);
    this.fusingSince = undefined;
  }

  /** Rate in units per second and the time left, when they can be told. */
  private pace(): { rate: number; eta?: number } {
    const elapsed = (this.now() - this.started) / 1000;
    const rate = elapsed > 0 ? this.done / elapsed : 0;
    if (this.total === undefined || rate <= 0) return { rate };
    return { rate, eta: ((this.total - this.done) / rate) * 1000 };
  }

  /** The bar's text, without control characters, at most `width` characters. */
  line(width = Number.POSITIVE_INFINITY): string {
    const done = this.done;
    const { rate, eta } = this.pace();
    const parts = [this.phase.padEnd(PHASE_WIDTH)];
    if (this.total) {
      const width = 20;
      const filled = Math.round((Math.min(done, this.total) / this.total) * width);
      parts.push(`[${"#".repeat(filled)}${"-".repeat(width - filled)}]`);
      parts.push(`${done}/${this.total}`, `${Math.floor((100 * Math.min(done, this.total)) / this.total)}%`);
    } else parts.push(`${done} done`);
    if (this.phase === "fusing" && this.fusingSince !== undefined) {
      parts.push(`fusing for ${formatDuration(this.now() - this.fusingSince)}`);
    } else {
      parts.push(`${rate.toFixed(1)}/s`);
      if (eta !== undefined) parts.push(`ETA ${formatDuration(eta)}`);
    }
    const head = parts.join("  ");
    if (!this.current) return head.slice(0, width);
    // a long path keeps its end, which names the file
    const room = width - head.length - 2;
    if (room >= this.current.length) return `${head}  ${this.current}`;
    return room > 1 ? `${head}  …${this.current.slice(-(room - 1))}` : head.slice(0, width);
  }

  private draw(force: boolean): void {
    const t = this.now();
    if (!force && t - this.drawnAt < this.redrawMs) return;
    this.drawnAt = t;
    this.out.write(`\r${this.line((this.out.columns || 100) - 1)}\x1b[K`);
    this.drawn = true;
  }

  /** In plain mode, one line per tenth of a batch of at least 100 units. */
  private plainTenth(): void {
    if (!this.total || this.total < 100) return;
    const done = this.done;
    if (done < (this.nextPlainTenth * this.total) / 10) return;
    while (done >= (this.nextPlainTenth * this.total) / 10) this.nextPlainTenth++;
    const { rate, eta } = this.pace();
    const etaText = eta === undefined ? "" : `, ETA ${formatDuration(eta)}`;
    this.out.write(
      `progress ${done}/${this.total} (${Math.floor((100 * done) / this.total)}%), ${rate.toFixed(1)}/s${etaText}\n`,
    );
  }
}
