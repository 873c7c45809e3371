// scratch: per-doc MUC-4 REE gold vs predicted for chosen roles
import { loadMuc, mucDraft } from "/work/wt/args/eval/muc4/index.js";
import { predictMessage, predictRoles } from "/work/wt/args/eval/muc4/predict.js";
import { goldEntities } from "/work/wt/args/eval/muc4/ree.js";
import { normalizeFiller } from "/work/wt/args/eval/common/strings.js";
import { runProduct } from "/work/wt/args/eval/common/product.js";
const roles = (process.env.ROLES ?? "PerpInd,Victim").split(",") as any[];
const data = loadMuc({ data: "/work/wt/shared/research-data/muc4", split: "dev" });
for (const d of data.docs) {
  const run = await runProduct([mucDraft(d, data.datelines.get(d.id))]);
  const p = predictRoles(predictMessage(run));
  for (const r of roles) {
    const gold = goldEntities(d, r);
    const pred = (p as any)[r] as string[];
    const gk = gold.map((e) => new Set(e.map(normalizeFiller)));
    const miss = gold.filter((e, i) => !pred.some((x) => gk[i]!.has(normalizeFiller(x)))).map((e) => e.join(" | "));
    const spur = pred.filter((x) => !gk.some((g) => g.has(normalizeFiller(x))));
    const ok = pred.filter((x) => gk.some((g) => g.has(normalizeFiller(x))));
    if (miss.length || spur.length) console.log(d.id, r, "OK", JSON.stringify(ok), "MISS", JSON.stringify(miss), "SPUR", JSON.stringify(spur));
  }
}
