// `tessera import stix FILE`: read a STIX 2.1 bundle into the store (creating it if needed). Bundles
// Tessera exported come back exactly; other tools' bundles best-effort, with the losses listed.
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { UserError } from "../../model/result.js";
import { open, withDb } from "../options.js";

export function registerImport(program: Command): void {
  const imp = program.command("import").description("import records from another format");
  withDb(imp.command("stix"))
    .description("import a STIX 2.1 bundle (documents, facts, incidents, entities, contradictions)")
    .argument("<file>", "bundle JSON file")
    .action(async (file: string, o) => {
      const { importIntoStore, readStixBundle } = await import("../../export/stix/import.js");
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(file, "utf8"));
      } catch (e) {
        throw new UserError(`cannot read ${file} as JSON: ${(e as Error).message}`);
      }
      let parsed: ReturnType<typeof readStixBundle>;
      try {
        parsed = readStixBundle(json);
      } catch (e) {
        throw new UserError(`${file}: ${(e as Error).message}`);
      }
      const store = open(o.db, { create: true });
      try {
        const r = await importIntoStore(store, parsed.input);
        const { fusion } = parsed.input;
        console.log(
          `Imported ${r.documents} document(s) (${r.duplicates} already present), ${fusion.incidents.length} incident(s), ` +
            `${fusion.entities.length} entities, ${fusion.contradictions.length} contradiction(s).`,
        );
        if (parsed.foreign)
          console.log(`${parsed.foreign} object(s) had no Tessera extension and were read best-effort:`);
        for (const l of parsed.lost) console.log(`  lost — ${l}`);
      } finally {
        await store.close();
      }
    });
  imp
    .argument("[format]")
    .allowUnknownOption()
    .allowExcessArguments()
    .action((format?: string) => {
      if (format && !format.startsWith("-"))
        throw new UserError(`unknown import format "${format}"; only stix is supported (tessera import stix FILE)`);
      throw new UserError("name an import format: tessera import stix FILE");
    });
}
