// "Both were rushed to a hospital", "both men are in fair condition": local news often gives
// the number of wounded only through "both" in a sentence about their treatment, after telling
// each victim separately. Such a sentence is a count of 2 injured, unless it goes on to a death
// ("… where one of them died"), which the killing rules count instead.
import type { CountHit } from "./link.js";
import { exactCount } from "./singular.js";

/** "Both" (+ "of them" / a person noun) + a treatment or condition phrase, within one clause. */
const BOTH_TREATED =
  /\bboth(?:\s+of\s+them|\s+(?:victims|men|women|boys|girls|teens|teenagers|people|males|females))?\s+(?:were|are|have\s+been|had\s+been|remain|remained)\s+(?:(?:later\s+|then\s+|also\s+)?(?:taken|rushed|transported|flown|brought)\s+(?:by\s+[\w-]+\s+)?to\s+(?:[\w'’.-]+\s+){0,5}?(?:hospitals?|medical\s+center|trauma\s+center)|(?:listed\s+)?in\s+(?:critical|serious|stable|fair|good)(?:\s+but\s+stable)?\s+condition|hospitali[sz]ed|treated\s+for\b)/i;

/** A death told later in the same sentence: the pair is not two injured. */
const DEATH_AFTER = /\b(?:died|dies|dead|succumbed|killed|fatal)/i;

/** Counts of 2 injured from "both … taken to the hospital" sentences; `base` is the sentence offset. */
export function bothTreated(text: string, base: number, doc: string): CountHit[] {
  const m = BOTH_TREATED.exec(text);
  if (!m) return [];
  const start = m.index;
  const end = start + m[0].length;
  if (DEATH_AFTER.test(text.slice(end))) return [];
  return [
    {
      count: exactCount("injured", 2, { doc, start: base + start, end: base + end, text: m[0] }),
      rule: "count:both-treated",
      confidence: 0.6,
    },
  ];
}
