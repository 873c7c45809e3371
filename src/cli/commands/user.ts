// `tessera user add|list|remove|token`: accounts for a served store (see docs/deploy.md). The command
// line acts as its operating-system user, recorded as "cli:NAME" in the audit trail.
import { createInterface } from "node:readline";
import type { Command } from "commander";
import { cliActor } from "../../app/audit.js";
import { addUser, issueToken, listUsers, removeUser } from "../../app/users.js";
import { Role } from "../../model/accounts.js";
import { UserError } from "../../model/result.js";
import { open, printJson, withDb } from "../options.js";

/** The password: the first line of stdin with --password-stdin, TESSERA_PASSWORD, or a hidden prompt. */
async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) {
    let data = "";
    for await (const chunk of process.stdin) data += chunk;
    return data.split(/\r?\n/)[0] ?? "";
  }
  const env = process.env.TESSERA_PASSWORD;
  if (env) return env;
  if (!process.stdin.isTTY) throw new UserError("give the password with --password-stdin or TESSERA_PASSWORD");
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const muted = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stdout.write("Password: ");
  muted._writeToOutput = () => {}; // do not echo what is typed
  const answer = await new Promise<string>((resolve) => rl.question("", resolve));
  rl.close();
  process.stdout.write("\n");
  return answer;
}

export function registerUser(program: Command): void {
  const user = program.command("user").description("manage the accounts that sign in to `tessera serve`");
  withDb(user.command("add"))
    .description("add an account (viewer reads; analyst also reviews, edits and ingests; admin also manages)")
    .argument("<name>", "user name")
    .option("--role <role>", "viewer, analyst or admin", "analyst")
    .option("--password-stdin", "read the password from the first line of standard input")
    .action(async (name: string, o) => {
      const role = Role.safeParse(o.role);
      if (!role.success) throw new UserError(`--role must be viewer, analyst or admin (got ${o.role})`);
      const password = await readPassword(Boolean(o.passwordStdin));
      const store = open(o.db, { create: true });
      try {
        const u = await addUser(store, cliActor(), name, role.data, password);
        console.log(`added ${u.name} (${u.role})`);
      } finally {
        await store.close();
      }
    });
  withDb(user.command("list"))
    .description("list accounts and their roles")
    .option("--json", "print JSON")
    .action(async (o) => {
      const store = open(o.db);
      try {
        const users = await listUsers(store);
        if (o.json) return printJson(users);
        if (!users.length) console.log("no accounts (the server runs as one local user on 127.0.0.1)");
        for (const u of users) console.log(`${u.role.padEnd(8)} ${u.name}  (since ${u.createdAt.slice(0, 10)})`);
      } finally {
        await store.close();
      }
    });
  withDb(user.command("remove"))
    .description("remove an account with its tokens and sessions")
    .argument("<name>", "user name")
    .action(async (name: string, o) => {
      const store = open(o.db);
      try {
        await removeUser(store, cliActor(), name);
        console.log(`removed ${name}`);
      } finally {
        await store.close();
      }
    });
  withDb(user.command("token"))
    .description("issue an API token (shown once; send it as Authorization: Bearer TOKEN)")
    .argument("<name>", "user name")
    .option("--label <text>", "what the token is for")
    .action(async (name: string, o) => {
      const store = open(o.db);
      try {
        console.log(await issueToken(store, cliActor(), name, o.label));
      } finally {
        await store.close();
      }
    });
}
