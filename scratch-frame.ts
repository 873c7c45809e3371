import { triggerFrame } from "./src/extract/events/frame.js";
import { extractFacts } from "./src/extract/index.js";
import { makeDocument } from "./src/model/document.js";
import { analyze } from "./src/nlp/index.js";
const doc = makeDocument({ origin: "test", text: process.argv[2]!, format: "text" });
const a = analyze(doc);
const f = extractFacts(doc);
for (const e of f.events) {
  const s = a.sentences.find((x) => x.start <= e.trigger!.start && e.trigger!.end <= x.end)!;
  const fr = triggerFrame(a.tokens, doc.text, s, e.trigger!);
  console.log(e.type, JSON.stringify(e.trigger!.text), "subj", fr.subject?.text, "obj", fr.objects.map((o) => o.text), "pps", fr.pps.map((p) => `${p.prep}:${p.np.text}`), "passive", fr.passive, fr.verbal);
}
