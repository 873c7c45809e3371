// The ingest progress display: on a terminal a bar with phase, done/total, rate and ETA, errors printed
// above it; elsewhere plain lines, including one when fusion starts. And the pipeline reports its phases.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ingestAll, type Phase } from "../../src/app/pipeline.js";
import { BatchProgress, formatDuration } from "../../src/app/progress.js";
import { countInputs } from "../../src/ingest/index.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { tempDir } from "../helpers.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { out: { isTTY, columns: 120, write: (s: string) => chunks.push(s) > 0 }, chunks };
}

describe("BatchProgress", () => {
  it("draws phase, done/total, percentage, rate and ETA on a terminal, with errors above the bar", () => {
    let t = 0;
    const { out, chunks } = sink(true);
    const p = new BatchProgress({ out, total: 4, now: () => t, redrawMs: 0 });
    p.onPhase("reading", "reports/a.txt");
    t = 1000;
    p.onPhase("extracting", "reports/a.txt");
    t = 2000;
    p.onPhase("reading", "reports/b.txt"); // a is done: 1 in 2 s
    expect(p.line()).toBe("reading     [#####---------------]  1/4  25%  0.5/s  ETA 6s  reports/b.txt");
    p.message("error      reports/b.txt: empty file");
    const tail = chunks.slice(-3).join("");
    // the bar is wiped, the message printed on its own line, and the bar drawn again below it
    expect(tail).toMatch(/^\r\x1b\[Kerror {6}reports\/b\.txt: empty file\n\rreading .*1\/4.*\x1b\[K$/);
    t = 4000;
    p.onPhase("reading", "reports/c.txt");
    p.onPhase("reading", "reports/d.txt");
    p.onPhase("fusing");
    expect(p.line()).toMatch(/^fusing {6}\[#{20}\] {2}4\/4 {2}100% {2}fusing for 0s$/);
    p.end();
    expect(chunks.at(-1)).toBe("\r\x1b[K");
  });

  it("keeps the end of a long path when the line is too wide", () => {
    const { out } = sink(true);
    const p = new BatchProgress({ out, total: 2, now: () => 0 });
    p.onPhase("reading", `/very/long/${"folder/".repeat(20)}final-report.txt`);
    const line = p.line(80);
    expect(line.length).toBeLessThanOrEqual(80);
    expect(line).toMatch(/….*final-report\.txt$/);
  });

  it("writes plain lines when not on a terminal: a tenth of the batch at a time, and fusion", () => {
    let t = 0;
    const { out, chunks } = sink(false);
    const p = new BatchProgress({ out, total: 200, now: () => t });
    for (let i = 0; i < 200; i++) {
      t += 50;
      p.onPhase("reading", `f${i}.txt`);
    }
    p.onPhase("fusing");
    t += 3000;
    p.end();
    const text = chunks.join("");
    expect(text).not.toMatch(/[\r\x1b]/);
    expect(text).toContain("progress 20/200 (10%), 19.0/s, ETA 9s\n");
    expect(text.match(/^progress /gm)).toHaveLength(9);
    expect(text).toContain("fusing 200 input(s) into incidents…\nfused in 3s\n");
  });

  it("follows a batch that runs elsewhere from its settled counts, on a terminal and in plain lines", () => {
    let t = 0;
    const { out, chunks } = sink(true);
    const p = new BatchProgress({ out, now: () => t, redrawMs: 0 });
    t = 2000;
    p.settle(3, 12, "extracting", "2 running");
    expect(p.line()).toBe("extracting  [#####---------------]  3/12  25%  1.5/s  ETA 6s  2 running");
    p.message("error      missing.txt: no such file or folder");
    expect(chunks.slice(-3).join("")).toMatch(/^\r\x1b\[Kerror .*\n\rextracting .*3\/12.*\x1b\[K$/);
    t = 5000;
    p.settle(12, 12, "fusing");
    t = 7000;
    p.settle(12, 12, "fusing");
    expect(p.line()).toMatch(/^fusing {6}\[#{20}\] {2}12\/12 {2}100% {2}fusing for 2s$/);

    const plain = sink(false);
    const q = new BatchProgress({ out: plain.out, now: () => t });
    for (let done = 0; done <= 100; done += 25) {
      t += 1000;
      q.settle(done, 100, "extracting", "1 running");
      q.settle(done, 100, "extracting", "1 running"); // a look at the queue with nothing new prints nothing
    }
    q.settle(100, 100, "fusing");
    q.settle(100, 100, "fusing");
    t += 4000;
    q.end();
    const text = plain.chunks.join("");
    expect(text.match(/^progress /gm)).toHaveLength(4);
    expect(text).toContain("progress 25/100 (25%)");
    expect(text.match(/^fusing /gm)).toHaveLength(1);
    expect(text).toContain("fusing 100 input(s) into incidents…\nfused in 4s\n");
  });

  it("formats durations", () => {
    expect(formatDuration(4_000)).toBe("4s");
    expect(formatDuration(245_000)).toBe("4m05s");
    expect(formatDuration(3_720_000)).toBe("1h02m");
  });
});

describe("pipeline phases", () => {
  it("reports reading, extracting and storing per input, then fusing once, and counts inputs up front", async () => {
    const dir = join(tmp.dir, "in");
    mkdirSync(dir);
    writeFileSync(join(dir, "a.txt"), "A roadside bomb wounded three soldiers near the border post on Monday.\n");
    writeFileSync(join(dir, "b.txt"), "");
    const store = new SqliteStore(join(tmp.dir, "phases.db"));
    const seen: string[] = [];
    const onPhase = (phase: Phase, input?: string): void => {
      seen.push(`${phase} ${input?.slice(dir.length + 1) ?? ""}`.trim());
    };
    try {
      expect(await countInputs([dir])).toBe(2);
      await ingestAll(store, [dir], { onPhase });
    } finally {
      await store.close();
    }
    expect(seen).toEqual(["reading a.txt", "extracting a.txt", "storing a.txt", "reading b.txt", "fusing"]);
  });
});
