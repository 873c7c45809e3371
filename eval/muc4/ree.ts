// MUC-4 role-filler entity extraction (REE) scoring as in GRIT (Du et al., EACL 2021) and TempGen:
// per document and role, gold = the entities of all templates (merged when they share a mention),
// a predicted string matches a gold entity if it matches any of its mentions; each gold entity and
// each prediction is used at most once; micro P/R/F1 per role and over all roles.
import { maxMatching } from "../common/matching.js";
import { addPrf, emptyPrf, type Prf, prfRow } from "../common/metrics.js";
import { headWord, normalizeFiller } from "../common/strings.js";
import type { EvalTable } from "../types.js";
import { MUC_ROLES, type MucDoc, type MucEntity, type MucRole } from "./processed.js";

export type MatchMode = "exact" | "head";

/** Predicted role fillers for one document: strings per role. */
export type RolePrediction = Record<MucRole, string[]>;

const keyOf = (s: string, mode: MatchMode): string => (mode === "exact" ? normalizeFiller(s) : headWord(s));

/** The document-level gold entities of one role: union over templates, merging shared mentions. */
export function goldEntities(doc: MucDoc, role: MucRole): MucEntity[] {
  const merged: Set<string>[] = [];
  const surface: string[][] = [];
  for (const t of doc.templates) {
    for (const ent of t.roles[role]) {
      const keys = new Set(ent.map(normalizeFiller));
      const hit = merged.findIndex((m) => [...keys].some((k) => m.has(k)));
      if (hit === -1) {
        merged.push(keys);
        surface.push([...ent]);
      } else {
        keys.forEach((k) => {
          merged[hit]!.add(k);
        });
        surface[hit]!.push(...ent);
      }
    }
  }
  return surface;
}

/** Match counts for one document and role. Predictions are deduplicated by their match key. */
export function scoreRole(pred: string[], gold: MucEntity[], mode: MatchMode): Prf {
  const predKeys = [...new Set(pred.map((p) => keyOf(p, mode)).filter(Boolean))];
  const goldKeys = gold.map((e) => new Set(e.map((m) => keyOf(m, mode))));
  const credit = maxMatching(predKeys.length, goldKeys.length, (p, g) => goldKeys[g]!.has(predKeys[p]!));
  return { credit, predicted: predKeys.length, gold: gold.length };
}

/** Gold fillers as a prediction (first mention of each entity): the gold-vs-gold check. */
export function goldAsPrediction(doc: MucDoc): RolePrediction {
  return Object.fromEntries(MUC_ROLES.map((r) => [r, goldEntities(doc, r).map((e) => e[0]!)])) as RolePrediction;
}

export function scoreRee(docs: MucDoc[], preds: Map<string, RolePrediction>, mode: MatchMode): EvalTable {
  const perRole = new Map<MucRole, Prf>(MUC_ROLES.map((r) => [r, emptyPrf()]));
  const all = emptyPrf();
  for (const doc of docs) {
    const pred = preds.get(doc.id);
    for (const role of MUC_ROLES) {
      const c = scoreRole(pred?.[role] ?? [], goldEntities(doc, role), mode);
      addPrf(perRole.get(role)!, c);
      addPrf(all, c);
    }
  }
  return {
    title: `MUC-4 role-filler entities (${mode === "exact" ? "exact string" : "head noun"} match)`,
    rows: [...MUC_ROLES.map((r) => prfRow(r, perRole.get(r)!)), prfRow("all roles (micro)", all)],
  };
}
