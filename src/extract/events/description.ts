// What a target or weapon phrase names, without how many or whose: "nine vehicles" → "vehicles", "the judge's
// car" → "car", "a result of a bomb" → "bomb". Event templates keep the quantity in a number slot of its own
// (MUC's PHYS TGT: NUMBER) and the owner in the phrase's span, so the description is the thing itself.
import type { Token } from "../../nlp/types.js";
import type { NounPhrase } from "./noun-phrases.js";

/** Words that count or pick out, never describe: they lead a phrase before its description. */
const QUANTIFIERS = new Set([
  "a",
  "an",
  "the",
  "some",
  "several",
  "various",
  "many",
  "numerous",
  "few",
  "both",
  "all",
  "each",
  "every",
  "another",
  "his",
  "her",
  "their",
  "its",
  "our",
  "my",
  "your",
  "dozens",
  "hundreds",
  "scores",
]);

const POSSESSIVE_MARK = /^['’]s?$/;

/**
 * The first token of the description: after the last possessive 's before the head ("the judge's car"), then
 * past leading determiners, possessive pronouns, quantifiers and numbers ("seven private bank branches").
 */
function descriptionStart(tokens: Token[], np: NounPhrase): number {
  let first = np.first;
  for (let k = np.head - 1; k > np.first; k--) {
    if (tokens[k]?.pos === "PART" && POSSESSIVE_MARK.test(tokens[k]!.text)) {
      first = k + 1;
      break;
    }
  }
  while (first < np.head) {
    const t = tokens[first]!;
    const w = t.text.toLowerCase();
    if (t.pos === "NUM" || t.pos === "DET" || QUANTIFIERS.has(w)) first++;
    else if (w === "of" && first > np.first)
      first++; // "dozens of"
    else break;
  }
  return first;
}

/**
 * The description of a target or weapon phrase, or undefined when it is the whole phrase. A weapon named only in
 * an "of" complement ("the wave of dynamite") is that complement, unless the head measures it ("500 kg of
 * dynamite", "two bursts of machinegun fire": the amount is part of what was used).
 */
export function describedAs(tokens: Token[], text: string, np: NounPhrase, complementOnly = false): string | undefined {
  let base = np;
  if (complementOnly) {
    const measured = np.head > np.first && tokens[np.head - 1]?.pos === "NUM";
    if (measured || !np.lastComplement) return undefined;
    base = np.lastComplement;
  }
  const first = descriptionStart(tokens, base);
  if (first === np.first && base === np) return undefined;
  const out = text.slice(tokens[first]!.start, base.end);
  return out && out !== np.text ? out : undefined;
}
