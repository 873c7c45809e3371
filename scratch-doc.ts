import { loadMuc, mucDraft } from "/work/wt/args/eval/muc4/index.js";
import { extractFacts } from "/work/wt/args/src/extract/index.js";
import { makeDocument } from "/work/wt/args/src/model/document.js";
import { predictMessage } from "/work/wt/args/eval/muc4/predict.js";
import { runProduct } from "/work/wt/args/eval/common/product.js";
const data = loadMuc({ data: "/work/wt/shared/research-data/muc4", split: "dev" });
const want = process.argv[2]!;
const grep = process.argv[3] ? new RegExp(process.argv[3], "i") : undefined;
const d = data.docs.find((x) => x.id === want)!;
const run = await runProduct([mucDraft(d, data.datelines.get(d.id))]);
const f = run.input.facts[0]!;
const text = run.docs[0]!.text;
for (const e of f.events) {
  const ev = e as any;
  const s = text.slice(ev.span?.start ?? ev.trigger?.start ?? 0, (ev.span?.end ?? 0));
  console.log(e.type, e.subtype ?? "", JSON.stringify(e.trigger?.text ?? ev.span?.text), JSON.stringify(e.participants.map((p: any) => `${p.role}:${p.text}${p.entity ? "#" : ""}`)));
}
console.log(JSON.stringify(predictMessage(run).templates.map(t=>({pi:t.perpInd,v:t.victim,tg:t.target})), null, 0));
if (grep) for (const s of text.split(/(?<=[.!?])\s+/)) if (grep.test(s)) console.log(">>", s);
