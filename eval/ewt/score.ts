// Attachment scores for parsed treebank sentences: UPOS accuracy, UAS (head right) and LAS (head and
// relation right, comparing the universal part before ":" as well as the full subtyped relation).
import type { TreebankSentence } from "../../src/nlp/parse/conllu.js";
import type { ParsedSentence } from "../../src/nlp/parse/model.js";

export interface AttachmentScores {
  words: number;
  upos: number;
  uas: number;
  las: number;
  /** LAS on the universal relation only (nsubj:pass counts as nsubj). */
  lasUniversal: number;
  wordsNoPunct: number;
  uasNoPunct: number;
  lasNoPunct: number;
}

export function scoreParses(gold: readonly TreebankSentence[], pred: readonly ParsedSentence[]): AttachmentScores {
  const c = { words: 0, upos: 0, uas: 0, las: 0, lasU: 0, np: 0, uasNp: 0, lasNp: 0 };
  gold.forEach((g, si) => {
    const p = pred[si]!;
    g.forms.forEach((_, i) => {
      const headOk = p.heads[i] === g.heads[i];
      const relOk = headOk && p.deprels[i] === g.deprels[i];
      c.words++;
      if (p.upos[i] === g.upos[i]) c.upos++;
      if (headOk) c.uas++;
      if (relOk) c.las++;
      if (headOk && p.deprels[i]!.split(":")[0] === g.deprels[i]!.split(":")[0]) c.lasU++;
      if (g.upos[i] !== "PUNCT") {
        c.np++;
        if (headOk) c.uasNp++;
        if (relOk) c.lasNp++;
      }
    });
  });
  const pct = (a: number, b: number): number => (b ? (100 * a) / b : 0);
  return {
    words: c.words,
    upos: pct(c.upos, c.words),
    uas: pct(c.uas, c.words),
    las: pct(c.las, c.words),
    lasUniversal: pct(c.lasU, c.words),
    wordsNoPunct: c.np,
    uasNoPunct: pct(c.uasNp, c.np),
    lasNoPunct: pct(c.lasNp, c.np),
  };
}
