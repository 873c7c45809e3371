// `tessera incidents [ID]` lists the fused incidents from the store's incident rows (or shows one, by its id
// or a retired id merged into it); `tessera refuse` rebuilds fusion from the stored facts, keeping incident ids.
import type { Command } from "commander";
import { refuse } from "../../app/fusion.js";
import { withFusionLock } from "../../app/fusion-lock.js";
import type { Incident } from "../../model/records.js";
import { UserError } from "../../model/result.js";
import { intOption, open, printJson, withDb } from "../options.js";

function row(i: Incident): string {
  const date = (i.date?.iso ?? "").padEnd(10).slice(0, 10);
  return `${i.id.padEnd(20)}  ${date}  ${String(i.documents.length).padStart(4)} docs  ${i.title}`;
}

const day = (flag: string) => (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UserError(`${flag} takes a day as YYYY-MM-DD (got ${v})`);
  return v;
};

export function registerIncidents(program: Command): void {
  withDb(program.command("incidents"))
    .description("list fused incidents, earliest first, or show one (an id merged into another finds the survivor)")
    .argument("[id]", "one incident id")
    .option("--limit <n>", "page size", (v) => intOption(v, "--limit"), 50)
    .option("--offset <n>", "rows to skip", (v) => intOption(v, "--offset"), 0)
    .option("--from <day>", "only incidents dated on or after this day", day("--from"))
    .option("--to <day>", "only incidents dated on or before this day", day("--to"))
    .option("--json", "print JSON")
    .action(async (id: string | undefined, o) => {
      const store = open(o.db);
      try {
        if (id) {
          const incident = await store.getIncident(id);
          if (!incident) throw new UserError(`no incident has the id ${id}; see tessera incidents`);
          const contradictions = await store.incidentContradictions(incident.id);
          if (o.json) return printJson({ incident, contradictions });
          if (incident.id !== id) console.log(`${id} was merged into ${incident.id}`);
          console.log(row(incident));
          for (const c of contradictions) console.log(`  ${c.kind} ${c.attribute}: ${c.explanation}`);
          return;
        }
        const window = { ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: o.to } : {}) };
        const page = await store.listIncidents({ ...window, limit: o.limit, offset: o.offset });
        if (o.json) return printJson(page);
        for (const i of page.items) console.log(row(i));
        console.log(`${page.items.length} of ${page.total} incidents`);
      } finally {
        await store.close();
      }
    });

  withDb(program.command("refuse"))
    .description("rebuild every incident from the stored facts and overrides; incidents keep their ids")
    .action(async (o) => {
      const store = open(o.db);
      try {
        const t0 = Date.now();
        const snapshot = await withFusionLock(store, () => refuse(store));
        console.log(
          `${snapshot.incidents.length} incidents from ${await store.countDocuments()} documents in ${Date.now() - t0} ms`,
        );
      } finally {
        await store.close();
      }
    });
}
