// `tessera sources`: outlets and their Admiralty reliability grades (A–F, default F).
import type { Command } from "commander";
import { appendAudit, cliActor } from "../../app/audit.js";
import { outletScales, SCALES, scaleLabel, setOutletScale } from "../../app/outlet-scale.js";
import { Reliability } from "../../model/records.js";
import { UserError } from "../../model/result.js";
import type { Store } from "../../store/types.js";
import { open, printJson, withDb } from "../options.js";

async function known(store: Store, outlet: string, create: boolean): Promise<void> {
  const list = await store.listSources();
  if (create || list.some((s) => s.name === outlet)) return;
  // a typo must not create a second, empty outlet that no document belongs to
  const near = list.find((s) => s.name.toLowerCase() === outlet.trim().toLowerCase());
  const hint = near ? `did you mean "${near.name}"?` : "tessera sources list shows the stored names";
  throw new UserError(`no outlet is named "${outlet}"; ${hint} (pass --create to add it)`);
}

export function registerSources(program: Command): void {
  const src = program.command("sources").description("list outlets or set their reliability grade");
  withDb(src.command("list"))
    .description("list outlets with their Admiralty reliability grade")
    .option("--json", "print JSON")
    .action(async (o) => {
      const store = open(o.db);
      try {
        const list = await store.listSources();
        const scales = await outletScales(store);
        if (o.json) return printJson(list.map((s) => (scales[s.name] ? { ...s, scale: scales[s.name] } : s)));
        for (const s of list) {
          const scale = scales[s.name] ? ` [${scales[s.name]}]` : "";
          console.log(`${s.reliability}  ${s.name}${scale}${s.notes ? ` — ${s.notes}` : ""}`);
        }
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
        await known(store, outlet, Boolean(o.create));
        const [{ fuseChange }, { withFusionLock }] = await Promise.all([
          import("../../app/fusion.js"),
          import("../../app/fusion-lock.js"),
        ]);
        // graded and re-fused under the fusion lock: nothing is stored if a worker's fusion outlasts the wait
        const s = await withFusionLock(store, async () => {
          const before = (await store.listSources()).find((x) => x.name === outlet);
          // the outlet's documents' incidents are re-graded from the saved engine (a rebuild when it does not fit)
          const { value: s } = await fuseChange(store, () => store.upsertSource(outlet, parsed.data, o.notes));
          const by = cliActor();
          await appendAudit(store, {
            actor: by,
            action: "source.grade",
            subject: { kind: "source", id: s.id },
            summary: `${by.name} graded ${s.name} ${s.reliability}${before ? ` (was ${before.reliability})` : " (new outlet)"}`,
            refs: [s.id],
            ...(before ? { before: { reliability: before.reliability, notes: before.notes } } : {}),
            after: { reliability: s.reliability, notes: s.notes },
          });
          return s;
        });
        console.log(`${s.name} graded ${s.reliability}`);
      } finally {
        await store.close();
      }
    });
  withDb(src.command("scale"))
    .description(`set an outlet's reach, as ACLED's source_scale codes it (${SCALES.join(", ")})`)
    .argument("<outlet>", "outlet name as stored")
    .argument("<scale>", SCALES.join(", "))
    .option("--create", "add the outlet if no document names it yet")
    .action(async (outlet: string, scale: string, o) => {
      const label = scaleLabel(scale);
      const store = open(o.db);
      try {
        await known(store, outlet, Boolean(o.create));
        if (o.create && !(await store.listSources()).some((s) => s.name === outlet)) await store.upsertSource(outlet);
        console.log(`${outlet}: scale ${await setOutletScale(store, cliActor(), outlet, label)}`);
      } finally {
        await store.close();
      }
    });
}
