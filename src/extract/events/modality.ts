// Decides whether an event is asserted, reported, claimed, denied, hypothetical or negated from
// cue words before its trigger (data/lexicons/modality.json). Order of precedence: negated,
// denied, hypothetical, claimed, reported, asserted — the strongest doubt wins.
import type { Modality } from "../../model/records.js";
import { type Word, words } from "../counts/words.js";
import { loadData } from "../data.js";

interface CueSet {
  window: number;
  cues: string[];
}
type ModalityLexicon = Record<"negated" | "denied" | "hypothetical" | "claimed" | "reported", CueSet>;

export interface ModalityResult {
  modality: Modality;
  cue?: { start: number; end: number; text: string };
}

const ORDER = ["negated", "denied", "hypothetical", "claimed", "reported"] as const;

let lex: { name: (typeof ORDER)[number]; window: number; byFirst: Map<string, string[][]> }[] | undefined;
function lexicon() {
  if (lex) return lex;
  const raw = loadData<ModalityLexicon>("lexicons/modality.json");
  lex = ORDER.map((name) => {
    // cues indexed by their first word, so each position costs one map lookup
    const byFirst = new Map<string, string[][]>();
    for (const c of raw[name].cues) {
      const parts = c.toLowerCase().split(/\s+/);
      const list = byFirst.get(parts[0]!) ?? [];
      list.push(parts);
      byFirst.set(parts[0]!, list);
    }
    return { name, window: raw[name].window, byFirst };
  });
  return lex;
}

function cueAt(ws: Word[], i: number, cue: string[]): boolean {
  for (let k = 0; k < cue.length; k++) if (ws[i + k]?.lower !== cue[k]) return false;
  return true;
}

/**
 * "had no role in the attack", "played no part in the explosions": what is denied is someone's
 * involvement, not that the event happened.
 */
const INVOLVEMENT = new Set(["role", "part", "involvement", "hand", "link", "links", "connection", "responsibility"]);

/** "no fewer than", "not only", "no longer" and "no role in" are not negations of the event. */
function falseNegation(ws: Word[], i: number, cue: string[]): boolean {
  if (cue.length !== 1 || (cue[0] !== "no" && cue[0] !== "not")) return false;
  const next = ws[i + 1]?.lower ?? "";
  if (INVOLVEMENT.has(next) || (next === "involved" && cue[0] === "not")) return true;
  return ["fewer", "less", "more", "only", "longer", "doubt"].includes(next);
}

/**
 * Modality of the event whose trigger starts at `triggerStart` (document offset) inside the
 * sentence `text` starting at `base`. `skip` lists modalities that do not apply to the event type
 * (a claim of responsibility is not itself "claimed").
 */
export function modalityOf(
  text: string,
  base: number,
  triggerStart: number,
  skip: readonly Modality[] = [],
): ModalityResult {
  const ws = words(text, base);
  const t = ws.findIndex((w) => w.start >= triggerStart);
  const trig = t < 0 ? ws.length : t;
  for (const set of lexicon()) {
    if (skip.includes(set.name)) continue;
    // reported speech can also follow the trigger: "…, officials said."
    const from = Math.max(0, trig - set.window);
    const to = set.name === "reported" ? ws.length : trig;
    for (let i = to - 1; i >= from; i--) {
      for (const cue of set.byFirst.get(ws[i]!.lower) ?? []) {
        if (i + cue.length > to && set.name !== "reported") continue;
        if (cueAt(ws, i, cue) && !falseNegation(ws, i, cue)) {
          const a = ws[i]!;
          const b = ws[i + cue.length - 1]!;
          return {
            modality: set.name,
            cue: { start: a.start, end: b.end, text: text.slice(a.start - base, b.end - base) },
          };
        }
      }
    }
  }
  return { modality: "asserted" };
}
