// Prints each event's participants and the sentence's dependency parse for sentences given on the command
// line: a debugging aid for the role rules. `npx tsx scripts/probe-roles.ts "sentence" …`
import { extractFacts } from "../src/extract/index.js";
import { makeDocument } from "../src/model/document.js";
import { analyze } from "../src/nlp/index.js";
import { parseSentence } from "../src/nlp/parse/model.js";

for (const text of process.argv.slice(2)) {
  const doc = makeDocument({ origin: "probe", text, format: "text" });
  const facts = extractFacts(doc);
  console.log("##", text);
  const a = analyze(doc);
  const words = a.tokens.map((t) => t.text);
  const p = parseSentence(words);
  console.log("   ", words.map((w, i) => `${i + 1}:${w}/${a.tokens[i]!.pos}<-${p.heads[i]}:${p.deprels[i]}`).join(" "));
  for (const e of facts.events)
    console.log("  ", e.type, `[${e.trigger.text}]`, e.participants.map((x) => `${x.role}=${x.text}`).join("; "));
}
