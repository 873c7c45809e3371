// `npm run train:roles [-- --out FILE]` (the third step of `npm run train`, after the parser and the trigger
// filter, whose output the examples are read from, and before the relevance score, which reads the checked
// roles): trains the learned role check (src/extract/events/role-model.ts) on MUC-4 *train*
// (../shared/research-data/muc4/processed/train.json, 1,300 messages; dev and test are never read) and writes
// data/models/muc4-roles.json. Each message goes through the product's extraction with the check switched off;
// every attacker, target and weapon phrase the rules found without an entity is an example, labelled with the
// template role whose filler it matches (same words, or the same head word: the keys write a filler shortest),
// else "none". Deterministic: fixed epochs, a seeded shuffle, sorted feature keys, rounded weights.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { headWord, normalizeFiller } from "../eval/common/strings.js";
import { readProcessed } from "../eval/muc4/processed.js";
import { readDatelines } from "../eval/muc4/raw-keys.js";
import { CHECKED_ROLES, ROLE_CLASSES, roleFeatures } from "../src/extract/events/role-features.js";
import { ROLE_MODEL_PATH, type RoleModel, scoreRoles, setRoleModel } from "../src/extract/events/role-model.js";
import { extractFacts } from "../src/extract/index.js";
import { makeDocument } from "../src/model/document.js";
import { seededRandom } from "../src/nlp/parse/hash.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const MUC = join(ROOT, "..", "shared", "research-data", "muc4");
const EPOCHS = 10;
const MIN_COUNT = 2;
/** Margins tried for dropping a phrase: "none" must beat the rule's role by at least this much. */
const MARGINS = [0, 0.5, 1, 2, 4, 8, 16];
const FOLDS = 4;
const VIOLENT = new Set(["attack", "missile_strike", "air_strike", "death", "injury", "execution"]);
/** Template roles whose fillers label each checked participant role. */
const GOLD_OF: Record<(typeof CHECKED_ROLES)[number], readonly ("PerpInd" | "PerpOrg" | "Target" | "Weapon")[]> = {
  attacker: ["PerpInd", "PerpOrg"],
  target: ["Target"],
  weapon: ["Weapon"],
};

interface Example {
  feats: string[];
  label: number;
  /** The rule's role (a ROLE_CLASSES index) and the message's position, for the cross-validation. */
  role: number;
  doc: number;
}

const log = (msg: string): void => {
  process.stderr.write(`[train-roles ${(performance.now() / 1000).toFixed(0)}s] ${msg}\n`);
};

function examples(): { data: Example[]; gold: number[][] } {
  setRoleModel(null);
  const docs = readProcessed(join(MUC, "processed", "train.json"));
  const dates = readDatelines(join(MUC, "raw"));
  const out: Example[] = [];
  // gold fillers per fold and checked role (entities of the templates): the recall base of the cross-validation
  const goldCount = Array.from({ length: FOLDS }, () => ROLE_CLASSES.map(() => 0));
  docs.forEach((d, di) => {
    // a message without a template teaches MUC's scope (which incidents count), not what a phrase's role is
    if (!d.templates.length) return;
    for (const [i, r] of CHECKED_ROLES.entries())
      goldCount[di % FOLDS]![i + 1]! += new Set(
        d.templates.flatMap((t) => GOLD_OF[r].flatMap((g) => t.roles[g].map((e) => e[0]))),
      ).size;
    const doc = makeDocument(
      { origin: `muc4:${d.id}`, format: "text", text: d.text, language: "en", publishedAt: dates.get(d.id) },
      new Date("2000-01-01T00:00:00Z"),
    );
    const facts = extractFacts(doc);
    const gold = (roles: readonly string[]) => {
      const ms = d.templates.flatMap((t) => roles.flatMap((r) => t.roles[r as "Target"].flat()));
      return { exact: new Set(ms.map(normalizeFiller)), heads: new Set(ms.map(headWord)) };
    };
    const keys = Object.fromEntries(CHECKED_ROLES.map((r) => [r, gold(GOLD_OF[r])])) as Record<
      string,
      ReturnType<typeof gold>
    >;
    for (const ev of facts.events) {
      if (!VIOLENT.has(ev.type)) continue;
      for (const p of ev.participants) {
        if (!(CHECKED_ROLES as readonly string[]).includes(p.role) || p.entity) continue;
        const texts = [p.text, p.description ?? p.text];
        const fills = (r: string) =>
          texts.some((t) => keys[r]!.exact.has(normalizeFiller(t)) || keys[r]!.heads.has(headWord(t)));
        const role = fills(p.role) ? p.role : CHECKED_ROLES.find(fills);
        out.push({
          feats: roleFeatures(doc.text, ev, p),
          label: (ROLE_CLASSES as readonly string[]).indexOf(role ?? "none"),
          role: (ROLE_CLASSES as readonly string[]).indexOf(p.role),
          doc: di,
        });
      }
    }
  });
  return { data: out, gold: goldCount };
}

/** Averaged perceptron over string features; returns the averaged weights of features seen MIN_COUNT+ times. */
function train(data: Example[], quiet = false): RoleModel {
  const k = ROLE_CLASSES.length;
  const w = new Map<string, Float64Array>();
  const sums = new Map<string, Float64Array>();
  const seen = new Map<string, number>();
  for (const e of data) for (const f of e.feats) seen.set(f, (seen.get(f) ?? 0) + 1);
  const row = (m: Map<string, Float64Array>, f: string) => {
    let r = m.get(f);
    if (!r) {
      r = new Float64Array(k);
      m.set(f, r);
    }
    return r;
  };
  const rand = seededRandom(41);
  const order = data.map((_, i) => i);
  let clock = 1;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let right = 0;
    for (const i of order) {
      const e = data[i]!;
      const s = new Float64Array(k);
      for (const f of e.feats) {
        const r = w.get(f);
        if (r) for (let c = 0; c < k; c++) s[c]! += r[c]!;
      }
      let guess = 0;
      for (let c = 1; c < k; c++) if (s[c]! > s[guess]!) guess = c;
      if (guess === e.label) right++;
      else {
        for (const f of e.feats) {
          row(w, f)[e.label]! += 1;
          row(sums, f)[e.label]! += clock;
          row(w, f)[guess]! -= 1;
          row(sums, f)[guess]! -= clock;
        }
      }
      clock++;
    }
    if (!quiet) log(`epoch ${epoch + 1}: train accuracy ${((100 * right) / data.length).toFixed(1)}%`);
  }
  const weights: Record<string, number[]> = {};
  for (const f of [...w.keys()].sort()) {
    if ((seen.get(f) ?? 0) < MIN_COUNT) continue;
    const r = w.get(f)!;
    const u = sums.get(f)!;
    const avg = [...r].map((x, c) => Math.round((x - u[c]! / clock) * 1000) / 1000);
    if (avg.some((x) => x !== 0)) weights[f] = avg;
  }
  return {
    about: `MUC-4 train (processed/train.json, ${data.length} rule participants), averaged perceptron, ${EPOCHS} epochs, seed 41, features seen ${MIN_COUNT}+ times; scripts/train-roles.ts`,
    classes: [...ROLE_CLASSES],
    margins: {},
    weights,
  };
}

/**
 * Per checked role, the margin (or none: the check stays off for that role) chosen on held-out folds of train:
 * each fold's examples are scored by a model trained on the other folds. F1 counts the rule phrases of the role
 * as predictions and the templates' fillers as the gold. A margin qualifies only when it raises the role's F1 on
 * every fold, not just on the pooled folds: a pooled gain of a few tenths can come from one fold while the
 * others lose fillers, and a check that drops real fillers on some data is worse than no check. Among the
 * qualifying margins the best pooled F1 wins; with none qualifying the role is not checked.
 */
function chooseMargins(data: Example[], gold: number[][]): Record<string, number> {
  const held = data.map(() => 0);
  for (let f = 0; f < FOLDS; f++) {
    const m = train(
      data.filter((e) => e.doc % FOLDS !== f),
      true,
    );
    data.forEach((e, i) => {
      if (e.doc % FOLDS !== f) return;
      const s = scoreRoles(m, e.feats);
      held[i] = s[0]! - s[e.role]!;
    });
  }
  const out: Record<string, number> = {};
  const folds = Array.from({ length: FOLDS }, (_, f) => f);
  const pct = (x: number) => (100 * x).toFixed(1);
  for (const [i, r] of CHECKED_ROLES.entries()) {
    const c = i + 1;
    const idx = data.map((e, k) => (e.role === c ? k : -1)).filter((k) => k >= 0);
    // F1 over the given folds with the phrases `keep` lets through
    const f1 = (keep: (k: number) => boolean, over: readonly number[]) => {
      const kept = idx.filter((k) => over.includes(data[k]!.doc % FOLDS) && keep(k));
      const right = kept.filter((k) => data[k]!.label === c).length;
      const g = over.reduce((a, f) => a + gold[f]![c]!, 0);
      return (2 * right) / (kept.length + g || 1);
    };
    const all = () => true;
    const off = f1(all, folds);
    const offFold = folds.map((f) => f1(all, [f]));
    let best = off;
    for (const m of MARGINS) {
      const keep = (k: number) => held[k]! <= m;
      const perFold = folds.map((f) => f1(keep, [f]));
      const everywhere = perFold.every((v, f) => v > offFold[f]! + 1e-9);
      const v = f1(keep, folds);
      log(
        `${r} margin ${m}: held-out F1 ${pct(v)} (folds ${perFold.map(pct).join(" / ")})${everywhere ? "" : " — not a gain on every fold"}`,
      );
      if (everywhere && v > best + 1e-9) {
        best = v;
        out[r] = m;
      }
    }
    log(
      `${r}: held-out F1 ${pct(off)} without the check (folds ${offFold.map(pct).join(" / ")}), ${pct(best)} with margin ${out[r] ?? "off"}`,
    );
  }
  return out;
}

/** Trains the role check from MUC-4 train and writes its model file to `out`. */
export function trainRoleModel(out: string = ROLE_MODEL_PATH): void {
  const { data, gold } = examples();
  const counts = ROLE_CLASSES.map((c, i) => `${c} ${data.filter((e) => e.label === i).length}`);
  log(`${data.length} examples: ${counts.join(", ")}`);
  const margins = chooseMargins(data, gold);
  const model = train(data);
  model.margins = margins;
  let kept = 0;
  for (const e of data) {
    const s = scoreRoles(model, e.feats);
    if (e.label !== 0 && s[e.label]! >= s[0]!) kept++;
  }
  const fillers = data.filter((e) => e.label !== 0).length;
  log(`fillers kept by the averaged model on train: ${kept} of ${fillers}`);
  writeFileSync(out, `${JSON.stringify(model)}\n`);
  log(`wrote ${out} (${Object.keys(model.weights).length} features)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf("--out");
  trainRoleModel(at >= 0 ? process.argv[at + 1] : ROLE_MODEL_PATH);
}
