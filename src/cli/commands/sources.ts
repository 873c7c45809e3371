// `tessera sources`: outlets and their Admiralty reliability grades (A–F, default F).
import type { Command } from "commander";
import { Reliability } from "../../model/records.js";
import { UserError } from "../../model/result.js";
import { open, printJson, withDb } from "../options.js";

export function registerSources(program: Command): void {
  const src = program.command("sources").description("list outlets or set their reliability grade");
  withDb(src.command("list"))
    .description("list outlets with their Admiralty reliability grade")
    .option("--json", "print JSON")
    .action(async (o) => {
      const store = open(o.db);
      try {
        const list = await store.listSources();
        if (o.json) return printJson(list);
        for (const s of list) console.log(`${s.reliability}  ${s.name}${s.notes ? ` — ${s.notes}` : ""}`);
      } finally {
        await store.close();
      }
    });
  withDb(src.command("grade"))
    .description("set an outlet's reliability (A completely reliable … E unreliable, F cannot be judged)")
    .argument("<outlet>", "outlet name as stored")
    .argument("<grade>", "A, B, C, D, E or F")
    .option("--notes <text>", "why this grade")
    .option("--create", "add the outlet if no document names it yet")
    .action(async (outlet: string, grade: string, o) => {
      const parsed = Reliability.safeParse(grade.toUpperCase());
      if (!parsed.success) throw new UserError(`grade must be one of A, B, C, D, E, F (got ${grade})`);
      const store = open(o.db);
      try {
        const known = await store.listSources();
        if (!o.create && !known.some((s) => s.name === outlet)) {
          // a typo must not create a second, empty outlet that no document belongs to
          const near = known.find((s) => s.name.toLowerCase() === outlet.trim().toLowerCase());
          const hint = near ? `did you mean "${near.name}"?` : "tessera sources list shows the stored names";
          throw new UserError(`no outlet is named "${outlet}"; ${hint} (pass --create to add it)`);
        }
        const s = await store.upsertSource(outlet, parsed.data, o.notes);
        const { refuse } = await import("../../app/fusion.js");
        await refuse(store);
        console.log(`${s.name} graded ${s.reliability}`);
      } finally {
        await store.close();
      }
    });
}
