// Accident explanations of a blast or fire ("gas canisters had exploded", "a gas leak caused the
// fire", "an electrical short circuit"): early reports often offer one before an attack is
// established, so an event carries it as `attributes.cause` and fusion can set attack against
// accident. A cause that the sentence rejects ("rejected rumours that a gas leak …") is marked so.

export interface AccidentCause {
  /** Normalised cause, e.g. "gas explosion". */
  cause: string;
  /** Offsets of the cue inside the sentence text. */
  start: number;
  end: number;
  /** The sentence dismisses the explanation ("rejected", "ruled out", "denied"). */
  rejected: boolean;
}

const CAUSES: { cause: string; re: RegExp }[] = [
  {
    cause: "gas explosion",
    re: /\bgas\s+(?:canisters?|cylinders?|tanks?|leaks?|pipes?|pipelines?|explosions?|blasts?|bottles?)\b|\bgas\s+(?:had\s+)?(?:exploded|leaked|ignited)\b/i,
  },
  { cause: "electrical fault", re: /\b(?:short[\s-]circuit|electrical\s+(?:fault|fire|failure))\b/i },
  { cause: "industrial accident", re: /\b(?:industrial|workplace)\s+accident\b|\bboiler\s+(?:explosion|exploded)\b/i },
];

const REJECT =
  /\b(?:rejected|dismissed|ruled\s+out|denied|refuted|discounted|not\s+(?:caused\s+by|due\s+to)|rather\s+than)\b/i;

/** The accident explanation a sentence offers, if any. */
export function accidentCause(sentence: string): AccidentCause | undefined {
  for (const { cause, re } of CAUSES) {
    const m = re.exec(sentence);
    if (!m) continue;
    // the rejection must govern the cause: it comes before it in the sentence
    const rejected = REJECT.test(sentence.slice(0, m.index));
    return { cause, start: m.index, end: m.index + m[0].length, rejected };
  }
  return undefined;
}
