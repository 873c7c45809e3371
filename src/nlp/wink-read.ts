// Runs wink over the paragraphs of one document and returns, per paragraph, exactly what a
// separate readDoc() of that paragraph gives: token surfaces, POS, normal forms, lemmas, sentence
// and entity token spans (paragraph-local indexes).
//
// Why: wink's per-call overhead made one readDoc() per paragraph ~28 % slower than one call on the
// whole document (measured 838 → 606 ms over 158 documents, 2,626 paragraphs). Paragraphs are
// joined with a blank line, which wink keeps as a SPACE token; SBD, POS and NER automata do not
// read across it (checked token by token on 1,214 documents / 19,830 paragraphs — the demo corpus,
// the seeds, generated reports, hard-wrapped all-caps MUC-4 wires, GVDB and ECB+ articles — and on
// hand-written edge pairs: "on 3 January" / "2024 was…", "U.S." / "A…", an open quote, a trailing
// hyphen; test/nlp/wink-read.test.ts keeps the demo and edge-pair checks). The result is still validated structurally for every document — one
// separator per boundary, no sentence or entity crossing one, no zero-width characters whose
// token boundaries could move — and any doubt falls back to the per-paragraph reads, so the
// output is the same either way.
//
// Extraction throughput, `npx tsx bench/run.ts extract --mb 2` (2-core machine shared with other
// engineers; "before" = this tree with the speed changes of 23 Nov reverted, run alternately):
//   before: 0.12–0.15 MB/s wall, ratio to tokenize-only 0.046–0.058, CPU-time ratio 0.045–0.047,
//           peak RSS 335–377 MB, load average 6.5–8.7
//   after:  0.12–0.20 MB/s wall, ratio 0.071–0.088, CPU-time ratio 0.070–0.072,
//           peak RSS 367–442 MB (heap after GC 109.6 → 112.9 MB; the rest is GC timing), load 8.1–8.9
//   same process, documents alternating between the two trees: 1.54× faster (median of 5 rounds).
// Where the time went: one readDoc per paragraph (this file), wink's unused negation/sentiment
// passes (wink.ts), chrono on plain dates (extract/dates/simple.ts), phrase look-ups building
// joined strings (extract/counts/words.ts), repeated word splits of each sentence (same file),
// the alias matcher's per-word folding (extract/entities/alias-matcher.ts).
// The goal of ≥ 0.55 × tokenize-only is out of reach while POS tagging is needed: wink's
// readDoc with sentence, POS and entity passes alone costs 2.5–4× its tokenize-only pass.
import type { ItemEntity, ItemSentence, ItsFunction, WinkMethods } from "wink-nlp";

export interface WinkParagraph {
  surf: string[];
  pos: string[];
  norm: string[];
  lemma: string[];
  /** [first, last] token indexes (inclusive, paragraph-local), as wink's its.span. */
  sentences: [number, number][];
  entities: { type: string; first: number; last: number }[];
}

const SEPARATOR = "\n\n";
/** Characters wink may fold into a neighbouring whitespace token at a paragraph edge. */
const INVISIBLE = /[\u200b-\u200d\u2060]/;

function lemmaOf(nlp: WinkMethods): ItsFunction<string> {
  return nlp.its.lemma as unknown as ItsFunction<string>;
}

/** One readDoc per paragraph: the reference behaviour. */
export function readParagraph(nlp: WinkMethods, pt: string): WinkParagraph {
  const its = nlp.its;
  const wd = nlp.readDoc(pt);
  const sentences: [number, number][] = [];
  wd.sentences().each((s: ItemSentence) => {
    const sp = s.out(its.span) as unknown as number[];
    sentences.push([sp[0] ?? 0, sp[1] ?? 0]);
  });
  const entities: WinkParagraph["entities"] = [];
  wd.entities().each((e: ItemEntity) => {
    const detail = e.out(its.detail) as unknown as { type: string };
    const sp = e.out(its.span) as unknown as number[];
    entities.push({ type: detail.type, first: sp[0] ?? 0, last: sp[1] ?? 0 });
  });
  return {
    surf: wd.tokens().out() as string[],
    pos: wd.tokens().out(its.pos) as string[],
    norm: wd.tokens().out(its.normal) as string[],
    lemma: wd.tokens().out(lemmaOf(nlp)) as string[],
    sentences,
    entities,
  };
}

/** One readDoc for all paragraphs, split back per paragraph; undefined when not provably the same. */
export function readJoined(nlp: WinkMethods, parts: string[]): WinkParagraph[] | undefined {
  const its = nlp.its;
  const wd = nlp.readDoc(parts.join(SEPARATOR));
  const surf = wd.tokens().out() as string[];
  const pos = wd.tokens().out(its.pos) as string[];
  const norm = wd.tokens().out(its.normal) as string[];
  const lemma = wd.tokens().out(lemmaOf(nlp)) as string[];

  // Segment boundaries: [start, end) token ranges per paragraph, separators excluded.
  const segStart: number[] = [0];
  const segOf = new Int32Array(surf.length);
  for (let i = 0; i < surf.length; i++) {
    const t = surf[i]!;
    if (t.includes("\n")) {
      if (t !== SEPARATOR || i === segStart[segStart.length - 1]) return undefined; // empty paragraph
      segOf[i] = -1;
      segStart.push(i + 1);
    } else segOf[i] = segStart.length - 1;
  }
  if (segStart.length !== parts.length || segStart[segStart.length - 1]! >= surf.length) return undefined;

  const out: WinkParagraph[] = parts.map((_, k) => {
    const a = segStart[k]!;
    const b = k + 1 < segStart.length ? segStart[k + 1]! - 1 : surf.length;
    return {
      surf: surf.slice(a, b),
      pos: pos.slice(a, b),
      norm: norm.slice(a, b),
      lemma: lemma.slice(a, b),
      sentences: [],
      entities: [],
    };
  });

  // A range may end on (or start with) the separator wink keeps; anything wider is a doubt.
  const place = (first: number, last: number): [number, number, number] | undefined => {
    while (first <= last && segOf[first] === -1) first++;
    while (last >= first && segOf[last] === -1) last--;
    if (first > last) return undefined;
    const seg = segOf[first]!;
    if (segOf[last] !== seg) return undefined;
    return [seg, first - segStart[seg]!, last - segStart[seg]!];
  };

  let ok = true;
  wd.sentences().each((s: ItemSentence) => {
    const sp = s.out(its.span) as unknown as number[];
    const p = place(sp[0] ?? 0, sp[1] ?? 0);
    if (!p) {
      // a sentence made of the separator alone is layout; one spanning paragraphs is a doubt
      const onlySeparator = (sp[0] ?? 0) === (sp[1] ?? 0) && segOf[sp[0] ?? 0] === -1;
      if (!onlySeparator) ok = false;
      return;
    }
    out[p[0]]!.sentences.push([p[1], p[2]]);
  });
  wd.entities().each((e: ItemEntity) => {
    const detail = e.out(its.detail) as unknown as { type: string };
    const sp = e.out(its.span) as unknown as number[];
    const p = place(sp[0] ?? 0, sp[1] ?? 0);
    // an entity touching a separator did not exist in the per-paragraph reading
    if (!p || segOf[sp[0] ?? 0] === -1 || segOf[sp[1] ?? 0] === -1) {
      ok = false;
      return;
    }
    out[p[0]]!.entities.push({ type: detail.type, first: p[1], last: p[2] });
  });
  // every paragraph had at least one sentence when read alone
  if (!ok || out.some((p) => p.sentences.length === 0)) return undefined;
  return out;
}

/** wink's reading of each paragraph (`parts` are the paragraph texts, trimmed, without "\n"). */
export function readParagraphs(nlp: WinkMethods, parts: string[]): WinkParagraph[] {
  const joinable = parts.length > 1 && !parts.some((p) => INVISIBLE.test(p) || p.includes("\n"));
  const joined = joinable ? readJoined(nlp, parts) : undefined;
  return joined ?? parts.map((p) => readParagraph(nlp, p));
}
