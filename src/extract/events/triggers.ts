// Finds event triggers in a sentence: at each word, try the patterns whose first slot contains the
// word and keep the longest match; overlapping matches resolve to the longer, then the stronger.
import { type Word, words } from "../counts/words.js";
import { eventLexicon, type TriggerPattern } from "./lexicon.js";

export interface TriggerMatch {
  pattern: TriggerPattern;
  start: number; // document offsets when `base` is given
  end: number;
  text: string;
  wordIndex: number;
  wordEnd: number; // exclusive
}

const MAX_GAP = 3;
/** Words between a yielding match and the match it yields to. */
const YIELD_WINDOW = 8;

function matchFrom(ws: Word[], i: number, p: TriggerPattern): number {
  let k = i;
  for (let s = 0; s < p.slots.length; s++) {
    const slot = p.slots[s]!;
    if (slot === "*") {
      const next = p.slots[s + 1];
      if (next === undefined || next === "*") return -1;
      let found = -1;
      for (let g = 0; g <= MAX_GAP && k + g < ws.length; g++) {
        if (/[.;:!?]/.test(ws[k + g]!.text)) break;
        if (next.has(ws[k + g]!.lower)) {
          found = k + g;
          break;
        }
      }
      if (found < 0) return -1;
      k = found + 1;
      s++;
      continue;
    }
    const w = ws[k];
    if (!w || !slot.has(w.lower)) return -1;
    k++;
  }
  return k;
}

export function findTriggers(text: string, base = 0): TriggerMatch[] {
  const { byFirst } = eventLexicon();
  const ws = words(text, base);
  const raw: TriggerMatch[] = [];
  for (let i = 0; i < ws.length; i++) {
    const cands = byFirst.get(ws[i]!.lower);
    if (!cands) continue;
    let best: TriggerMatch | undefined;
    for (const p of cands) {
      const end = matchFrom(ws, i, p);
      if (end < 0) continue;
      // more lemma slots wins ("suicide bombing" over "bombing"); on a tie the tighter span wins,
      // so "claimed credit" beats the gapped "claimed … attack"
      const slots = p.slots.filter((x) => x !== "*").length;
      const bestSlots = best ? best.pattern.slots.filter((x) => x !== "*").length : 0;
      const len = end - i;
      const bestLen = best ? best.wordEnd - best.wordIndex : 0;
      const better =
        !best ||
        slots > bestSlots ||
        (slots === bestSlots && len < bestLen) ||
        (slots === bestSlots && len === bestLen && p.entry.confidence > best.pattern.entry.confidence);
      if (better) {
        const s = ws[i]!.start;
        const e = ws[end - 1]!.end;
        best = { pattern: p, start: s, end: e, text: text.slice(s - base, e - base), wordIndex: i, wordEnd: end };
      }
    }
    if (best) raw.push(best);
  }
  // a loose pattern gives way to a stronger type a few words away: "fired at least two rockets" and
  // "rockets were fired at the town" are rocket strikes, not shootings
  const kept = raw.filter(
    (m) =>
      !m.pattern.entry.yieldTo?.length ||
      !raw.some(
        (o) =>
          o !== m &&
          m.pattern.entry.yieldTo!.includes(o.pattern.type) &&
          Math.abs(o.wordIndex - m.wordIndex) <= YIELD_WINDOW,
      ),
  );
  // drop matches covered by a longer one of the same type ("suicide bombing" hides "bombing");
  // a different type survives ("claimed an attack" is a claim and an attack)
  return kept.filter(
    (m) =>
      !kept.some(
        (o) =>
          o !== m &&
          o.pattern.type === m.pattern.type &&
          o.wordIndex <= m.wordIndex &&
          o.wordEnd >= m.wordEnd &&
          o.wordEnd - o.wordIndex > m.wordEnd - m.wordIndex,
      ),
  );
}
