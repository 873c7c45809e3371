// "Nobody was hurt", "there were no other injuries", "no casualties were reported": a statement that a class of
// victims is empty is a count of 0 — the coded toll of an attack that wounded nobody is 0, not blank. Told with
// "else" / "other" it says nobody beyond the victims already told: a 0 injured beside one person killed, but
// nothing about the dead (the caller drops it when the report gives a figure of that kind).
import type { CountKind } from "../../model/records.js";
import type { CountHit } from "./link.js";
import { exactCount } from "./singular.js";

const KIND_WORDS: [RegExp, CountKind[]][] = [
  [/^(?:hurt|injur|wound|harm)/i, ["injured"]],
  [/^(?:kill|dead|death|fatalit|die)/i, ["killed"]],
  [/^casualt/i, ["killed", "injured"]],
];

/** "nobody (else) was hurt", "no one had been killed", "none of the worshippers were injured". */
const NOBODY =
  /\b(?:no\s?-?one|nobody|none(?:\s+of\s+(?:them|the\s+[\p{L}-]+))?)\s+(else\s+)?(?:was|were|is|are|got|has\s+been|have\s+been|had\s+been)\s+(?:reported\s+|seriously\s+|badly\s+)?(hurt|injured|wounded|harmed|killed)\b/iu;

/** "no (other) injuries", "no reports of casualties", "no deaths or injuries were reported". */
const NO_NOUN =
  /\bno\s+(other\s+|further\s+|additional\s+|immediate\s+)?(?:reports?\s+of\s+(?:any\s+)?)?(injuries|casualties|deaths|fatalities)\b/iu;

export interface ZeroHit extends CountHit {
  /** Told with "else" / "other": nobody beyond the victims the report already named. */
  beyond: boolean;
}

/** Zero counts stated in one sentence; `base` is the sentence's offset in the document. */
export function zeroCounts(text: string, base: number, doc: string): ZeroHit[] {
  const out: ZeroHit[] = [];
  for (const re of [NOBODY, NO_NOUN]) {
    const m = re.exec(text);
    if (!m) continue;
    const beyond = !!m[1];
    const word = m[2] ?? "";
    const kinds = KIND_WORDS.find(([w]) => w.test(word))?.[1] ?? [];
    const span = { doc, start: base + m.index, end: base + m.index + m[0].length, text: m[0] };
    for (const kind of kinds) {
      // "no one else was killed" says someone was: no figure for the dead
      if (beyond && kind === "killed") continue;
      if (out.some((h) => h.count.kind === kind)) continue;
      out.push({ count: exactCount(kind, 0, span), rule: "count:zero-statement", confidence: 0.6, beyond });
    }
  }
  return out;
}
