import { extractFacts } from "/work/wt/args/src/extract/index.js";
import { makeDocument } from "/work/wt/args/src/model/document.js";
const sents = process.argv.slice(2);
for (const text of sents) {
  const f = extractFacts(makeDocument({ origin: "test", text, format: "text" }));
  console.log("##", text);
  for (const e of f.events) console.log("  ", e.type, e.subtype ?? "", JSON.stringify(e.participants.map((p) => `${p.role}:${p.text}`)));
}
