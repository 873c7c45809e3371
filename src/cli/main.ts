// Entry point of the `tessera` command. Every failure becomes one clear sentence on stderr;
// a stack trace is printed only with --debug.
import { Command, CommanderError } from "commander";
import { UserError } from "../model/result.js";
import { registerBrief } from "./commands/brief.js";
import { registerDemo } from "./commands/demo.js";
import { registerExport } from "./commands/export.js";
import { registerImport } from "./commands/import.js";
import { registerIncidents } from "./commands/incidents.js";
import { registerIngest } from "./commands/ingest.js";
import { registerRead } from "./commands/read.js";
import { registerServe } from "./commands/serve.js";
import { registerSources } from "./commands/sources.js";
import { registerUser } from "./commands/user.js";
import { registerWorker } from "./commands/worker.js";

export function buildProgram(): Command {
  const program = new Command("tessera")
    .description("Offline incident-intelligence workbench: ingest reports, extract grounded facts, fuse incidents.")
    .option("--debug", "print stack traces on errors")
    .showHelpAfterError("(add --help for usage)")
    .exitOverride();
  registerIngest(program);
  registerRead(program);
  registerExport(program);
  registerImport(program);
  registerBrief(program);
  registerIncidents(program);
  registerSources(program);
  registerServe(program);
  registerUser(program);
  registerWorker(program);
  registerDemo(program);
  return program;
}

function oneSentence(message: string): string {
  const first = message.split("\n")[0]!.trim();
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  const debug = argv.includes("--debug");
  try {
    await program.parseAsync(argv, { from: "user" });
    return (process.exitCode as number | undefined) ?? 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // commander already printed help or its own message
      return e.exitCode;
    }
    const err = e as Error;
    if (debug) console.error(err.stack ?? err);
    else console.error(`tessera: ${oneSentence(err instanceof UserError ? err.message : err.message || String(err))}`);
    return 1;
  }
}
