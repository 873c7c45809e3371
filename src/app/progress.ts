// A one-line progress indicator on stderr, drawn only when stderr is a terminal (so logs and --json
// output stay clean). With a known total it draws a bar, otherwise a running count. Small enough
// that a dependency would add nothing.
export class Progress {
  private done = 0;
  private readonly tty: boolean;

  constructor(
    private readonly label = "ingest",
    private readonly total?: number,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = Boolean(out.isTTY);
  }

  tick(note = ""): void {
    this.done++;
    if (!this.tty) return;
    let line = `${this.label} ${this.done}`;
    if (this.total) {
      const width = 24;
      const filled = Math.round((Math.min(this.done, this.total) / this.total) * width);
      line = `${this.label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${this.done}/${this.total}`;
    }
    this.out.write(`\r${`${line} ${note}`.slice(0, (this.out.columns ?? 100) - 1)}\x1b[K`);
  }

  end(): void {
    if (this.tty && this.done) this.out.write("\r\x1b[K");
  }
}
