// The learned role check: a multi-class averaged perceptron (role-features.ts) trained on MUC-4 train
// templates (scripts/train-roles.ts, data/models/README.md). It reads each attacker, target and weapon phrase
// the rules found that names no entity and drops it when the model scores "none" above the rule's own role by
// the role's margin (a phrase no template of a violent incident would hold: "the troops" of a clash).
// Named entities are left to the rules (perpetrator groups and people carry their own evidence).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Event } from "../../model/records.js";
import { CHECKED_ROLES, ROLE_CLASSES, roleFeatures } from "./role-features.js";

export interface RoleModel {
  /** What the weights were trained from and how (written by the training script). */
  about: string;
  classes: string[];
  /**
   * Per role, how far "none" must score above the role for a phrase to be dropped; a role without a margin is
   * not checked (training picks them on held-out folds of train: a role the check does not help stays off).
   */
  margins: Record<string, number>;
  /** Feature → one weight per class (averaged perceptron weights, rounded). */
  weights: Record<string, number[]>;
}

export const ROLE_MODEL_PATH = fileURLToPath(new URL("../../../data/models/muc4-roles.json", import.meta.url));

let model: RoleModel | null | undefined;

function loaded(): RoleModel | null {
  if (model !== undefined) return model;
  model = null;
  if (!existsSync(ROLE_MODEL_PATH)) return model;
  const m = JSON.parse(readFileSync(ROLE_MODEL_PATH, "utf8")) as RoleModel;
  if (m.classes.join(",") !== ROLE_CLASSES.join(",")) {
    process.emitWarning(`role model ${ROLE_MODEL_PATH} has other classes than ${ROLE_CLASSES.join(",")}; not used`);
    return model;
  }
  model = m;
  return model;
}

/**
 * Sets the model extraction uses; null switches the check off, undefined goes back to the shipped file. Training
 * calls it with null so that the examples are the rules' own output, not output the model already filtered.
 */
export function setRoleModel(m: RoleModel | null | undefined): void {
  model = m;
}

/** Class scores of one feature list. */
export function scoreRoles(m: RoleModel, feats: string[]): number[] {
  const out = new Array<number>(m.classes.length).fill(0);
  for (const f of feats) {
    const w = m.weights[f];
    if (w) for (let c = 0; c < out.length; c++) out[c]! += w[c]!;
  }
  return out;
}

const CHECKED: ReadonlySet<string> = new Set(CHECKED_ROLES);
const VIOLENT = new Set(["attack", "missile_strike", "air_strike", "death", "injury", "execution"]);

/** The events with the phrases the model rejects taken out (in place; the same array is returned). */
export function checkRoles(text: string, events: Event[]): Event[] {
  const m = loaded();
  if (!m) return events;
  const none = m.classes.indexOf("none");
  for (const ev of events) {
    if (!VIOLENT.has(ev.type)) continue;
    ev.participants = ev.participants.filter((p) => {
      const margin = m.margins[p.role];
      if (!CHECKED.has(p.role) || p.entity || margin === undefined) return true;
      const s = scoreRoles(m, roleFeatures(text, ev, p));
      return s[none]! - s[m.classes.indexOf(p.role)]! <= margin;
    });
  }
  return events;
}
