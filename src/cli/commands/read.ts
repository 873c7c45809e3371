// `tessera list | show | search`: reading the store from the terminal.
import type { Command } from "commander";
import { UserError } from "../../model/result.js";
import type { DocumentSummary } from "../../store/types.js";
import { intOption, open, printJson, withDb } from "../options.js";

function row(d: DocumentSummary): string {
  const date = (d.published ?? "").padEnd(10).slice(0, 10);
  return `${d.id.slice(0, 12)}  ${date}  ${(d.outlet ?? "-").slice(0, 24).padEnd(24)}  ${d.title ?? d.origin}`;
}

export function registerRead(program: Command): void {
  withDb(program.command("list"))
    .description("list stored documents, oldest publication first")
    .option("--limit <n>", "page size", (v) => intOption(v, "--limit"), 50)
    .option("--offset <n>", "rows to skip", (v) => intOption(v, "--offset"), 0)
    .option("--outlet <name>", "only this outlet")
    .option("--json", "print JSON")
    .action(async (o) => {
      const store = open(o.db);
      try {
        const page = await store.listDocuments({ limit: o.limit, offset: o.offset, outlet: o.outlet });
        if (o.json) return printJson(page);
        for (const d of page.items) console.log(row(d));
        console.log(`${page.items.length} of ${page.total} documents`);
      } finally {
        await store.close();
      }
    });

  withDb(program.command("show"))
    .description("show one document (id or unique id prefix) with its metadata and text")
    .argument("<id>", "document id or prefix (6+ characters)")
    .option("--facts", "include extracted facts")
    .option("--json", "print JSON")
    .action(async (id: string, o) => {
      const store = open(o.db);
      try {
        const key = id.trim();
        if (!/^[0-9a-fA-F]+$/.test(key)) throw new UserError(`${id} is not a document id (ids are hexadecimal)`);
        if (key.length < 6)
          throw new UserError(`an id prefix needs at least 6 characters (got ${key.length}: ${key}); see tessera list`);
        const doc = await store.getDocument(key);
        if (!doc) throw new UserError(`no document, or more than one, has an id starting ${key}; see tessera list`);
        const facts = o.facts ? await store.getFacts(doc.id) : undefined;
        if (o.json) return printJson(facts ? { document: doc, facts } : doc);
        const meta: Array<[string, string | undefined]> = [
          ["id", doc.id],
          ["title", doc.title],
          ["outlet", doc.outlet],
          ["author", doc.author],
          ["published", doc.publishedAt ? `${doc.publishedAt.iso} (${doc.publishedAt.precision})` : undefined],
          ["url", doc.url],
          ["origin", doc.origin],
          ["format", doc.format],
          ["language", doc.language],
          ["fetched", doc.fetchedAt],
        ];
        for (const [k, v] of meta) if (v) console.log(`${k.padEnd(10)} ${v}`);
        console.log(`\n${doc.text}\n`);
        if (facts) {
          console.log(
            `facts: ${facts.entities.length} entities, ${facts.events.length} events, ${facts.claims.length} claims, ${facts.judgments.length} judgments`,
          );
          for (const ev of facts.events) {
            const counts = ev.counts.map((c) => `${c.kind}=${c.max === c.min ? c.min : `${c.min}..${c.max ?? ""}`}`);
            console.log(
              `  event ${ev.type} "${ev.trigger.text}" ${ev.date?.iso ?? ""} ${counts.join(" ")} [${ev.rule}]`,
            );
          }
        }
      } finally {
        await store.close();
      }
    });

  withDb(program.command("search"))
    .description("full-text search over titles and texts")
    .argument("<query...>", "words to find (all must match; OR between words; word* for prefixes)")
    .option("--limit <n>", "page size", (v) => intOption(v, "--limit"), 20)
    .option("--offset <n>", "rows to skip", (v) => intOption(v, "--offset"), 0)
    .option("--json", "print JSON")
    .action(async (words: string[], o) => {
      const store = open(o.db);
      try {
        const page = await store.search(words.join(" "), { limit: o.limit, offset: o.offset });
        if (o.json) return printJson(page);
        for (const h of page.items) console.log(`${row(h)}\n    ${h.snippet.replace(/\s+/g, " ")}`);
        console.log(`${page.items.length} of ${page.total} matches`);
      } finally {
        await store.close();
      }
    });
}
