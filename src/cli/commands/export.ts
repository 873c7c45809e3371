// `tessera export json|stix|gtd|acled`: the whole store (or one incident) as one JSON object
// (docs/export-format.md), a STIX 2.1 bundle (docs/stix.md), or GTD/ACLED codebook CSV. Output goes
// to stdout or --out FILE.
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { UserError } from "../../model/result.js";
import { narrowBundle } from "../json-scope.js";
import { open, withDb } from "../options.js";

/** Writes to a file when --out is given, else to stdout. */
export function emit(data: string | Uint8Array, out?: string): void {
  if (out) writeFileSync(out, data);
  else process.stdout.write(data);
}

export function registerExport(program: Command): void {
  const exp = program.command("export").description("export the store");
  withDb(exp.command("json"))
    .description(
      "everything as one JSON object on stdout (documents, entities, events, claims, judgments, incidents, contradictions)",
    )
    .option("--incident <id>", "only this incident and the records it rests on")
    .option("--out <file>", "write to a file instead of stdout")
    .option("--compact", "no indentation")
    .action(async (o) => {
      const store = open(o.db);
      try {
        const all = await store.exportAll();
        const incident = o.incident ? ((await store.resolveIncidentId(o.incident)) ?? o.incident) : undefined;
        const bundle = incident ? narrowBundle(all, incident) : all;
        if (!bundle) throw new UserError(`no incident has the id ${o.incident}`);
        emit(`${JSON.stringify(bundle, null, o.compact ? 0 : 2)}\n`, o.out);
      } finally {
        await store.close();
      }
    });
  withDb(exp.command("stix"))
    .description(
      "a STIX 2.1 bundle (reports, incidents, actors, identities, locations, relationships, notes, opinions)",
    )
    .option("--incident <id>", "only this incident and the records it rests on")
    .option("--profile <name>", "bundle shape: tessera (default), opencti, or misp (one MISP event)", "tessera")
    .option(
      "--tlp <level>",
      "TLP 2.0 marking on every object: clear (default), green, amber, amber+strict, red",
      "clear",
    )
    .option("--out <file>", "write to a file instead of stdout")
    .option("--compact", "no indentation")
    .action(async (o) => {
      const { isStixProfile, isTlpLevel, STIX_PROFILES, TLP_LEVELS } = await import("../../export/stix/index.js");
      if (!isStixProfile(o.profile))
        throw new UserError(`unknown STIX profile "${o.profile}": use ${STIX_PROFILES.join(", ")}`);
      const tlp = String(o.tlp).toLowerCase();
      if (!isTlpLevel(tlp)) throw new UserError(`unknown TLP level "${o.tlp}": use ${TLP_LEVELS.join(", ")}`);
      const store = open(o.db);
      try {
        const { exportStix } = await import("../../export/run.js");
        const bundle = await exportStix(store, o.incident, { profile: o.profile, tlp });
        emit(`${JSON.stringify(bundle, null, o.compact ? 0 : 2)}\n`, o.out);
      } finally {
        await store.close();
      }
    });
  for (const format of ["gtd", "acled"] as const) {
    withDb(exp.command(format))
      .description(
        `one CSV row per incident in ${format === "gtd" ? "Global Terrorism Database" : "ACLED"} codebook columns`,
      )
      .option("--incident <id>", "only this incident")
      .option("--out <file>", "write to a file instead of stdout")
      .action(async (o) => {
        const store = open(o.db);
        try {
          const { exportCsv } = await import("../../export/run.js");
          emit(await exportCsv(store, format, o.incident), o.out);
        } finally {
          await store.close();
        }
      });
  }
  // An unknown format reaches this action (options and all) so it can be named, rather than
  // commander complaining about the first option it does not know.
  exp
    .argument("[format]")
    .allowUnknownOption()
    .allowExcessArguments()
    .action((format?: string) => {
      if (format && !format.startsWith("-"))
        throw new UserError(`unknown export format "${format}"; use json, stix, gtd or acled`);
      throw new UserError("name an export format: tessera export json|stix|gtd|acled");
    });
}
