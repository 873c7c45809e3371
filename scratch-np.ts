import { nounPhrases } from "./src/extract/events/noun-phrases.js";
import { makeDocument } from "./src/model/document.js";
import { analyze } from "./src/nlp/index.js";
const doc = makeDocument({ origin: "test", text: process.argv[2]!, format: "text" });
const a = analyze(doc);
console.log(a.tokens.map((t) => `${t.text}/${t.pos}`).join(" "));
console.log(nounPhrases(a.tokens, 0, a.tokens.length, doc.text).map((n) => n.text));
