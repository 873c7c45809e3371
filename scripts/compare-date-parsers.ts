// Scores the date patterns of src/extract/i18n (data/lexicons/i18n) and chrono-node's locales on the gold set of
// test/extract/i18n/date-gold.ts: per language, how many sentences get the right first day (a sentence naming
// no day is right when nothing is found). Prints a Markdown table (docs/languages.md keeps the result).
//   npx tsx scripts/compare-date-parsers.ts
import * as chrono from "chrono-node";
import { datesInText } from "../src/extract/i18n/dates.js";
import { lexiconFor } from "../src/extract/i18n/lexicon.js";
import { DATE_GOLD } from "../test/extract/i18n/date-gold.js";

type Parser = (text: string, reference: string) => string | undefined;

const CHRONO: Record<string, chrono.Chrono> = {
  fr: chrono.fr.casual,
  es: chrono.es.casual,
  pt: chrono.pt.casual,
  de: chrono.de.casual,
  ru: chrono.ru.casual,
  ar: chrono.ar.casual,
  it: chrono.it.casual,
};

function chronoParser(c: chrono.Chrono): Parser {
  return (text, reference) => {
    const ref = { instant: new Date(`${reference}T12:00:00Z`), timezone: 0 };
    for (const r of c.parse(text, ref)) {
      const s = r.start;
      // a day only: a month or a year alone names no day
      if (!s.isCertain("day") && !s.isCertain("weekday") && !/^\p{L}/u.test(r.text)) continue;
      if (!s.isCertain("day") && !s.isCertain("weekday") && s.isCertain("month")) continue;
      return s.date().toISOString().slice(0, 10);
    }
    return undefined;
  };
}

function patternParser(language: string): Parser {
  const lex = lexiconFor(language)!;
  return (text, reference) => datesInText(text, lex, reference)[0]?.value.start;
}

const languages = [...new Set(DATE_GOLD.map((g) => g.language))];
const rows: string[] = ["| language | n | patterns | chrono-node |", "|---|---|---|---|"];
let total = 0;
let right = 0;
for (const lang of languages) {
  const items = DATE_GOLD.filter((g) => g.language === lang);
  const score = (p: Parser): { ok: number; misses: string[] } => {
    const misses: string[] = [];
    let ok = 0;
    for (const g of items) {
      let got: string | undefined;
      try {
        got = p(g.text, g.reference);
      } catch {
        got = "error";
      }
      if ((got ?? null) === g.expect) ok++;
      else misses.push(`${g.text} → ${got ?? "none"} (gold ${g.expect ?? "none"})`);
    }
    return { ok, misses };
  };
  const pat = score(patternParser(lang));
  const chr = CHRONO[lang] ? score(chronoParser(CHRONO[lang]!)) : undefined;
  total += items.length;
  right += pat.ok;
  rows.push(
    `| ${lang} | ${items.length} | ${pat.ok}/${items.length} | ${chr ? `${chr.ok}/${items.length}` : "no locale"} |`,
  );
  if (process.argv.includes("--misses")) {
    for (const m of pat.misses) console.error(`  [${lang} patterns] ${m}`);
    for (const m of chr?.misses ?? []) console.error(`  [${lang} chrono] ${m}`);
  }
}
rows.push(`| all | ${total} | ${right}/${total} | |`);
console.log(rows.join("\n"));
