// Runs the CLI's main() in this process with stdout/stderr captured: fast enough to check many
// error paths (a child process per call costs seconds of TypeScript loading on this machine).
import { main } from "../../src/cli/main.js";

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCli(...args: string[]): Promise<CliRun> {
  let out = "";
  let err = "";
  const saved = {
    out: process.stdout.write.bind(process.stdout),
    err: process.stderr.write.bind(process.stderr),
    log: console.log,
    error: console.error,
  };
  process.stdout.write = ((s: string | Uint8Array) => {
    out += typeof s === "string" ? s : Buffer.from(s).toString("utf8");
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((s: string | Uint8Array) => {
    err += typeof s === "string" ? s : Buffer.from(s).toString("utf8");
    return true;
  }) as typeof process.stderr.write;
  console.log = (...xs: unknown[]) => {
    out += `${xs.join(" ")}\n`;
  };
  console.error = (...xs: unknown[]) => {
    err += `${xs.join(" ")}\n`;
  };
  process.exitCode = undefined;
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    console.log = saved.log;
    console.error = saved.error;
    process.exitCode = undefined;
  }
}
