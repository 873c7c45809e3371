// Tolls in other languages: a number (digits in any script, or number words) with a killed / injured /
// arrested / missing word next to it in the same sentence — after it ("12 morts", "۳ کشته") or before it
// ("مقتل 5", "погибли 5 человек"); the nearer word decides, so "tuant 3 personnes et blessant 5" reads right.
// Numbers that are ages, times or distances (a unit word follows), years, or parts of dates are not counts.
import type { Qualifier } from "../../model/records.js";
import type { Lexicon, TollKind } from "./lexicon.js";
import type { Token } from "./tokens.js";

export interface FoundCount {
  kind: TollKind;
  value: number;
  qualifier: Qualifier;
  /** Token index range [from, to) of the number. */
  from: number;
  to: number;
  /** Token range of the toll word. */
  cue: [number, number];
  /** Country of a nationality the figure's people are named by ("doce militares estadounidenses", "zwölf US-Soldaten"). */
  nationality?: string;
}

/** Words after a figure in which the nationality of its people is looked for when the toll word comes first. */
const NATIONALITY_AFTER = 2;

/** The country of a nationality adjective among the figure's own words (up to its toll word when that follows). */
function nationalityOf(tokens: Token[], n: { to: number }, cue: [number, number], lex: Lexicon): string | undefined {
  const end = cue[0] >= n.to ? cue[0] : n.to + NATIONALITY_AFTER;
  for (let j = n.to; j < end && j < tokens.length; j++) {
    if (tokens[j]!.sentence !== tokens[n.to - 1]!.sentence) break;
    const m = lex.demonyms.at(tokens, j);
    if (m) return m.value;
  }
  return undefined;
}

const AFTER = 3;
/** Before the number (qualifiers not counted): "مقتل 5", "погибли 5", "tuant au moins 14". */
const BEFORE = 2;
/** An article-number ("un", "eine") counts only with its toll word this close after it. */
const ARTICLE_AFTER = 2;

interface FoundNumber {
  value: number;
  from: number;
  to: number;
  approx: boolean;
  vague?: boolean;
  article?: boolean;
}

/** The number starting at token i: digits ("1.200" and "1 200" read as thousands) or number words summed. */
function numberAt(tokens: Token[], i: number, lex: Lexicon, text: string): FoundNumber | undefined {
  const t = tokens[i]!;
  const k = t.keys.find((x) => /^\d+$/.test(x)) ?? t.keys[0]!;
  // Tamil and Bengali write case endings onto digits too ("50க்கும்"): the digits are the number
  const attached = lex.inflectedNames ? /^(\d+)[\p{L}\p{M}]/u.exec(k)?.[1] : undefined;
  if (attached) return { value: Number(attached), from: i, to: i + 1, approx: false };
  if (/^\d+$/.test(k)) {
    let value = Number(k);
    let to = i + 1;
    while (
      to < tokens.length &&
      /^\d{3}$/.test(tokens[to]!.keys[0]!) &&
      /^[., \u00a0\u066c]$/.test(text.slice(tokens[to - 1]!.end, tokens[to]!.start))
    ) {
      value = value * 1000 + Number(tokens[to]!.keys[0]);
      to++;
    }
    // a decimal or a time ("11.40", "3,5") is no count
    if (to === i + 1 && /^[.,:]\d/.test(text.slice(t.end, t.end + 2))) return undefined;
    if (i > 0 && /\d[.,:]$/.test(text.slice(Math.max(0, t.start - 2), t.start))) return undefined;
    return { value, from: i, to, approx: false };
  }
  const w = lex.numbers.at(tokens, i);
  if (!w) return undefined;
  let value = w.value.value;
  let to = w.to;
  // "vingt et un", "yirmi beş", "بیست و پنج", "cent cinquante"
  for (;;) {
    const j = lex.joiners.at(tokens, to);
    const next = lex.numbers.at(tokens, j ? j.to : to);
    if (!next || next.value.approx) break;
    const v = next.value.value;
    if (v === 100 || v === 1000) value *= v;
    else if (value % 10 === 0 && v < value && (value >= 100 || v < 10)) value += v;
    else break;
    to = next.to;
  }
  const out: FoundNumber = { value, from: i, to, approx: w.value.approx };
  if (w.value.vague) out.vague = true;
  if (w.value.article && to === w.to) out.article = true;
  return out;
}

function qualifierNear(tokens: Token[], n: FoundNumber, lex: Lexicon): Qualifier {
  if (n.vague) return "vague";
  if (n.approx) return "about";
  for (let len = 1; len <= 4; len++) {
    const m = lex.qualifiers.at(tokens, n.from - len);
    if (m && m.to === n.from && tokens[n.from - len]!.sentence === tokens[n.from]!.sentence) return m.value;
  }
  for (let j = n.to; j < n.to + AFTER + 2 && j < tokens.length; j++) {
    const m = lex.qualifiers.at(tokens, j);
    if (m && (m.value === "at_least" || m.value === "more_than")) return m.value;
  }
  return "exact";
}

/** Where a qualifier written before the number starts (the number's own start when there is none). */
function qualifierStart(tokens: Token[], n: FoundNumber, lex: Lexicon): number {
  for (let len = 4; len >= 1; len--) {
    const m = lex.qualifiers.at(tokens, n.from - len);
    if (m && m.to === n.from && tokens[n.from - len]!.sentence === tokens[n.from]!.sentence) return n.from - len;
  }
  return n.from;
}

/** A clause break (comma, semicolon, colon, bracket) between two neighbouring tokens. */
function separated(tokens: Token[], a: number, b: number, text: string): boolean {
  const x = tokens[a];
  const y = tokens[b];
  return !!x && !!y && /[,;:،؛()]/.test(text.slice(x.end, y.start));
}

/** "s'élève à 12", "به ۱۵ نفر رسید", "sayısı 5'e yükseldi": the number is what a toll reached. */
function reached(tokens: Token[], n: FoundNumber, lex: Lexicon): boolean {
  for (let len = 1; len <= 3; len++) {
    const m = lex.reachedBefore.at(tokens, n.from - len);
    if (m && m.to === n.from) return true;
  }
  for (let gap = 0; gap <= 1; gap++) if (lex.reachedAfter.at(tokens, n.to + gap)) return true;
  return false;
}

/** The nearest toll word earlier in the sentence, at any distance. */
function tollWordBefore(
  tokens: Token[],
  n: FoundNumber,
  lex: Lexicon,
  sentence: number,
): { kind: TollKind; dist: number; cue: [number, number] } | undefined {
  for (let j = n.from - 1; j >= 0 && tokens[j]!.sentence === sentence; j--) {
    const m = lex.counts.at(tokens, j);
    if (m && m.to <= n.from) return { kind: m.value, dist: n.from - j, cue: [m.from, m.to] };
  }
  return undefined;
}

/** Counts in the tokens; `blocked` token indexes belong to dates. */
export function findCounts(tokens: Token[], lex: Lexicon, text: string, blocked: Set<number>): FoundCount[] {
  const out: FoundCount[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (blocked.has(i)) continue;
    const n = numberAt(tokens, i, lex, text);
    if (!n) continue;
    i = n.to - 1;
    const s = tokens[n.from]!.sentence;
    const isYear =
      n.to - n.from === 1 && /^\d{4}(?!\d)/.test(tokens[n.from]!.keys[0]!) && n.value >= 1300 && n.value <= 2100;
    if (isYear || n.value === 0) continue;
    if (lex.units.at(tokens, n.to)) continue;
    let best: { kind: TollKind; dist: number; cue: [number, number] } | undefined;
    // a qualifier written after the number ("70 से अधिक लोग मारे गए", "৫০ জনের বেশি") is not one of the words between
    const post = lex.qualifiers.at(tokens, n.to);
    const from = post && (post.value === "more_than" || post.value === "at_least") ? post.to : n.to;
    for (let d = 0; d < (n.article ? ARTICLE_AFTER : AFTER); d++) {
      const j = from + d;
      const tok = tokens[j];
      if (!tok || tok.sentence !== s || blocked.has(j) || separated(tokens, j - 1, j, text)) break;
      if (d > 0 && numberAt(tokens, j, lex, text)) break;
      const m = lex.counts.at(tokens, j);
      if (m) {
        best = { kind: m.value, dist: d + 1, cue: [m.from, m.to] };
        break;
      }
    }
    // the window before starts before a qualifier ("tuant au moins 14") and stops at a conjunction
    // ("۱۳ نفر شهید و ۳۰ نفر زخمی": the toll word before "و" is the first figure's); the qualifier is part of the
    // figure and adds no distance ("tué au moins 14 personnes et blessé": the killed word is the nearer)
    const q = qualifierStart(tokens, n, lex);
    for (let d = 1; d <= BEFORE && !n.article; d++) {
      const j = q - d;
      const tok = tokens[j];
      if (!tok || tok.sentence !== s || blocked.has(j) || separated(tokens, j, j + 1, text)) break;
      if (numberAt(tokens, j, lex, text) || lex.conjunctions.at(tokens, j)) break;
      const m = lex.counts.at(tokens, j);
      if (m && m.to <= n.from) {
        if (!best || d < best.dist) best = { kind: m.value, dist: d, cue: [m.from, m.to] };
        break;
      }
    }
    if (!best && reached(tokens, n, lex)) best = tollWordBefore(tokens, n, lex, s);
    if (!best) continue;
    const found: FoundCount = {
      kind: best.kind,
      value: n.value,
      qualifier: qualifierNear(tokens, n, lex),
      from: n.from,
      to: n.to,
      cue: best.cue,
    };
    const nationality = nationalityOf(tokens, n, best.cue, lex);
    if (nationality) found.nationality = nationality;
    out.push(found);
  }
  return out;
}
