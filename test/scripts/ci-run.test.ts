// .ci/run installs with `npm ci` and fails when the install rewrote package-lock.json, then lints, type-checks,
// tests and runs the accuracy ratchet. The script is
// run for real in a scratch copy, with a stand-in `npm` on PATH that records its calls (and, in one
// case, edits the lock file the way an out-of-sync install does).
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const script = join(import.meta.dirname, "..", "..", ".ci", "run");

function scratch(name: string, npmEditsLock: boolean): { code: number; err: string; calls: string[] } {
  const repo = join(tmp.dir, name);
  const bin = join(repo, "fake-bin");
  mkdirSync(join(repo, ".ci"), { recursive: true });
  mkdirSync(bin, { recursive: true });
  copyFileSync(script, join(repo, ".ci", "run"));
  writeFileSync(join(repo, "package-lock.json"), '{"lockfileVersion": 3}\n');
  const log = join(repo, "npm-calls.log");
  const edit = npmEditsLock ? `[ "$1" = ci ] && echo '{"changed": true}' > package-lock.json` : "true";
  writeFileSync(join(bin, "npm"), `#!/bin/sh\necho "$*" >> "${log}"\n${edit}\nexit 0\n`);
  writeFileSync(join(bin, "chromium"), "#!/bin/sh\nexit 0\n");
  chmodSync(join(bin, "npm"), 0o755);
  chmodSync(join(bin, "chromium"), 0o755);
  const r = spawnSync("bash", [join(repo, ".ci", "run")], {
    encoding: "utf8",
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
  });
  let calls: string[] = [];
  try {
    calls = readFileSync(log, "utf8").trim().split("\n");
  } catch {}
  return { code: r.status ?? -1, err: r.stderr, calls };
}

describe(".ci/run", () => {
  it("installs with npm ci, then lints, type-checks and tests", () => {
    const r = scratch("clean", false);
    expect(r.code).toBe(0);
    expect(r.calls[1]).toMatch(/^ci\b/); // after `npm --version`
    expect(r.calls).not.toContainEqual(expect.stringMatching(/^install\b/));
    expect(r.calls.slice(2)).toEqual(["run lint", "run typecheck", "test", "run eval:check"]);
  });

  it("fails, before running anything else, when the install modified package-lock.json", () => {
    const r = scratch("drift", true);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/npm ci modified package-lock\.json/);
    expect(r.calls).not.toContain("test");
  });
});
