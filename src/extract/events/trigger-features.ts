// The features the trigger filter (trigger-filter.ts) scores a lexicon match by: what matched (entry,
// phrase, words), how the words are used (POS of the head, the words and tags around it, a determiner
// or preposition before a noun), and what the sentence says around it (a toll of a kind the type
// counts, other triggers, a verbal trigger elsewhere). Only tokens and earlier layers' output are read,
// not the dependency parse, so scoring every match costs no parsing. The same function builds the
// training examples (scripts/train-triggers.ts), so training and the product see identical features.
import type { Token } from "../../nlp/types.js";
import type { ExtractContext, SentenceCtx } from "../context.js";
import { COUNT_KINDS } from "./arguments.js";
import { modalityOf } from "./modality.js";
import { tokenRange } from "./noun-phrases.js";
import type { TriggerMatch } from "./triggers.js";

const lower = (t: Token | undefined): string => (t ? t.text.toLowerCase() : "<s>");
const tag = (t: Token | undefined): string => (t ? t.pos : "<s>");

/** Feature strings of one match; `all` is every match of its sentence (the match included). */
export function triggerFeatures(
  ctx: ExtractContext,
  s: SentenceCtx,
  m: TriggerMatch,
  all: readonly TriggerMatch[],
): string[] {
  const type = m.pattern.type;
  const f: string[] = ["bias", `type=${type}`, `entry=${m.pattern.entry.id}`, `phrase=${m.pattern.phrase}`];
  const tokens = ctx.tokens ?? [];
  const [sa, sb] = tokenRange(tokens, s.start, s.end);
  const [ta, tb] = tokenRange(tokens, m.start, m.end);
  if (ta < tb) {
    // the last word heads an English nominal ("car bomb"); a verb group's verb is its first verb
    const verb = tokens.slice(ta, tb).find((t) => t.pos === "VERB");
    const head = verb ?? tokens[tb - 1]!;
    const hl = head.lemma || head.text.toLowerCase();
    f.push(`lemma=${hl}`, `pos=${head.pos}`, `lemma|pos=${hl}|${head.pos}`, `type|pos=${type}|${head.pos}`);
    f.push(`form=${head.text.toLowerCase()}`);
    if (head.pos === "NOUN" && /s$/i.test(head.text) && !/ss$/i.test(head.text)) f.push(`plural|type=${type}`);
    if (/^[A-Z]/.test(head.text) && ta > sa) f.push("capitalised");
    const prev = ta > sa ? tokens[ta - 1] : undefined;
    const prev2 = ta - 1 > sa ? tokens[ta - 2] : undefined;
    const next = tb < sb ? tokens[tb] : undefined;
    const next2 = tb + 1 < sb ? tokens[tb + 1] : undefined;
    f.push(`w-1=${lower(prev)}`, `t-1=${tag(prev)}`, `w-2=${lower(prev2)}`, `t-2|t-1=${tag(prev2)}|${tag(prev)}`);
    f.push(`w+1=${lower(next)}`, `t+1=${tag(next)}`, `w+2=${lower(next2)}`, `t+1|t+2=${tag(next)}|${tag(next2)}`);
    f.push(`lemma|w-1=${hl}|${lower(prev)}`, `lemma|w+1=${hl}|${lower(next)}`);
    f.push(`lemma|t-1=${hl}|${tag(prev)}`, `lemma|t+1=${hl}|${tag(next)}`);
    // the nearest verb before a nominal trigger: "defused a bomb", "planted bombs", "carried out an attack"
    if (!verb) {
      for (let k = ta - 1; k >= sa && ta - k <= 4; k--) {
        const t = tokens[k]!;
        if (t.pos === "VERB" || t.pos === "AUX") {
          f.push(`verb-before=${t.lemma || t.text.toLowerCase()}`, `verb-before|lemma=${t.lemma}|${hl}`);
          break;
        }
        if (t.pos === "PUNCT" || t.pos === "CCONJ") break;
      }
      // the verb after a nominal: "the bomb exploded", "the attack killed"
      for (let k = tb; k < sb && k - tb <= 3; k++) {
        const t = tokens[k]!;
        if (t.pos === "VERB") {
          f.push(`verb-after=${t.lemma || t.text.toLowerCase()}`);
          break;
        }
        if (t.pos === "PUNCT" || t.pos === "CCONJ" || t.pos === "ADP") break;
      }
    }
    f.push(`position=${ta - sa === 0 ? "first" : ta - sa < 4 ? "early" : "later"}`);
  }
  // a toll the type counts in the sentence ("killed 12 people"), and whether it sits next to the trigger
  const kinds = COUNT_KINDS[type] ?? [];
  const counts = ctx.counts.filter((c) => c.sentence === s.index && kinds.includes(c.count.kind));
  if (counts.length) {
    f.push("count");
    const near = counts.some(
      (c) => Math.abs(c.count.span.start - m.end) < 40 || Math.abs(m.start - c.count.span.end) < 40,
    );
    if (near) f.push(`count-near|type=${type}`);
  }
  const others = all.filter((o) => o !== m);
  f.push(`others=${Math.min(others.length, 3)}`);
  for (const o of others) {
    const rel = o.wordIndex < m.wordIndex ? "before" : "after";
    f.push(`other=${o.pattern.type}`, `other|type=${o.pattern.type}|${type}|${rel}`);
  }
  const mod = modalityOf(s.text, s.start, m.start, []);
  f.push(`modality=${mod.modality}`);
  if (s.index === 0) f.push("first-sentence");
  if (ctx.quotes.some((q) => q.start <= m.start && m.end <= q.end)) f.push("quoted");
  return f;
}
