// Counts that are not the total of their kind. A report gives the toll and, beside it, parts of it
// or other groups: the attackers killed, the people executed over an attack, "including 23
// children", "13 US soldiers and 60 Afghans", "40 of them critically". Each is kept with its class in
// `CountValue.subset`, so no such figure is taken for the incident's toll.
// Lexicon: data/lexicons/tolls.json (attacker heads, subset cues, severity words).
import { loadData } from "../data.js";
import type { CountHit } from "./link.js";
import { words } from "./words.js";

interface ClassLexicon {
  subsetBefore: string[];
  attackerHeads: string[];
  severityWords: string[];
}

interface Compiled {
  subsetBefore: RegExp;
  attackers: Set<string>;
  severity: RegExp;
}

let compiled: Compiled | undefined;
function lexicon(): Compiled {
  if (compiled) return compiled;
  const raw = loadData<ClassLexicon>("lexicons/tolls.json");
  const alt = (xs: string[]) =>
    [...xs]
      .sort((a, b) => b.length - a.length)
      .map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"))
      .join("|");
  compiled = {
    subsetBefore: new RegExp(
      `\\b(?:${alt(raw.subsetBefore)})\\s*[,:]?\\s*(?:(?:at\\s+least|about|some|nearly)\\s+)?$`,
      "i",
    ),
    attackers: new Set(raw.attackerHeads),
    severity: new RegExp(
      `^\\s*(?:of\\s+them\\s+|of\\s+whom\\s+|(?:were|are|remain|remained)\\s+)?(?:${alt(raw.severityWords)})\\b`,
      "i",
    ),
  };
  return compiled;
}

/** Words that may stand between a number and the noun it counts ("three more", "two of the"). */
const BETWEEN =
  /^(?:of|the|more|other|others|also|further|suspected|alleged|armed|heavily|masked|unidentified|unknown|foreign|local|all)$/i;

/** Lower-case words right after a count (at most four). */
function wordsAfter(sentence: string, at: number): string[] {
  return words(sentence.slice(at, at + 60))
    .slice(0, 4)
    .map((w) => w.lower);
}

/** The head noun a count is about when it is an attacker word ("three gunmen", "two of the attackers"). */
function attackerHead(sentence: string, at: number): string | undefined {
  const lex = lexicon();
  for (const w of wordsAfter(sentence, at)) {
    if (lex.attackers.has(w)) return w;
    if (!BETWEEN.test(w)) return undefined;
  }
  return undefined;
}

const INCREMENT_AFTER = /^\s+(?:more|additional|further|new)\b/i;
const INCREMENT_BEFORE = /\b(?:a\s+further|an\s+additional)\s+$/i;

/** Whether a count of another kind comes before `h` in its sentence. */
function otherKindBefore(hits: CountHit[], h: CountHit): boolean {
  return hits.some((o) => o.count.kind !== h.count.kind && o.count.span.end <= h.count.span.start);
}

/** "executed two men", "hanged three": people put to death over an attack, not its victims. */
const EXECUTED_BEFORE = /\b(?:executed|hanged|hanging|executing|execution\s+of|put\s+to\s+death)\s+(?:\w+\s+){0,1}$/i;
/**
 * "Two men executed over the attack", "two hanged": a headline's count of the people put to death. (With an
 * auxiliary, "261 people were executed in 2022", the count is left to the execution rules as before.)
 */
const EXECUTED_AFTER = /^\s+(?:(?:men|women|people|militants|convicts|prisoners|suspects)\s+)?(?:executed|hanged)\b/i;

/** A capitalised modifier after the number ("13 US soldiers", "two Afghan nationals"): a named group. */
const NAMED_GROUP =
  /^\s+((?:\p{Lu}[\p{L}.]*\s+){1,2}[\p{Ll}-]+(?:\s+(?!(?:and|or|in|at|on|of|to|were|was|are|is|who|had|have|by|with)\b)[\p{Ll}-]+)?|\p{Lu}\p{Ll}+s)\b/u;

/**
 * A count placed at one hospital or morgue ("were brought to the hospital", "died at the City Hospital"): a facility
 * in the singular, reached by a verb of carrying, treating or dying within the count's clause.
 */
const ONE_HOSPITAL =
  /^[^,;]{0,50}?\b(?:brought|taken|rushed|shifted|moved|transferred|admitted|received|treated|died|succumbed)\b[^,;]{0,25}?\b(?:at|to|in|into)\s+(?:the\s+|a\s+)?(?:[\p{L}-]+\s+){0,4}?(?:hospital|infirmary|clinic|morgue|mortuary)\b(?!s)/iu;

/** The text after a count up to the end of its clause. */
function clauseAfter(sentence: string, at: number): string {
  const rest = sentence.slice(at, at + 120);
  const stop = rest.search(/[;.!?]|,\s*(?:and|while|but)\b/);
  return stop < 0 ? rest : rest.slice(0, stop);
}

/**
 * Marks, in place, the counts of one sentence that are parts or other groups. `sentence` is its text
 * and `base` its document offset (count spans point into the document).
 */
export function classifyCounts(hits: CountHit[], sentence: string, base: number): CountHit[] {
  const lex = lexicon();
  const rel = (h: CountHit) => ({ start: h.count.span.start - base, end: h.count.span.end - base });
  for (const h of hits) {
    const { start, end } = rel(h);
    const before = sentence.slice(Math.max(0, start - 40), start);
    if (h.count.kind === "killed" || h.count.kind === "injured") {
      const attacker = attackerHead(sentence, end);
      if (attacker) {
        h.count.subset = "attackers";
        continue;
      }
    }
    // "seven more people died", "a further 12 were hurt": an increment, not a total. "N more" after
    // another kind's figure ("killed 30 and wounded 143 more") counts the others, the kind's total
    const more = INCREMENT_AFTER.test(sentence.slice(end, end + 15)) && !otherKindBefore(hits, h);
    if (more || INCREMENT_BEFORE.test(before)) {
      h.count.subset = "additional";
      continue;
    }
    if (
      h.count.kind === "killed" &&
      (EXECUTED_BEFORE.test(before) || EXECUTED_AFTER.test(sentence.slice(end, end + 40)))
    ) {
      h.count.subset = "executed";
      continue;
    }
    if (lex.subsetBefore.test(before)) {
      const head = wordsAfter(sentence, end).find((w) => !BETWEEN.test(w));
      h.count.subset = head ?? "part";
      continue;
    }
    // "43 bodies were brought to the district hospital, and in all 63 died": one hospital's count beside the total
    if (
      (h.count.kind === "killed" || h.count.kind === "injured") &&
      ONE_HOSPITAL.test(clauseAfter(sentence, end)) &&
      hits.some((o) => o !== h && o.count.kind === h.count.kind)
    ) {
      h.count.subset = "one hospital";
      continue;
    }
    if (h.count.kind === "injured" && lex.severity.test(sentence.slice(end, end + 40))) {
      // "150 wounded, 40 critically": a part only beside another figure of the kind
      if (hits.some((o) => o !== h && o.count.kind === "injured" && o.count.min > h.count.min)) {
        h.count.subset = "critically injured";
      }
    }
  }
  // named groups of one kind: parts when told beside another figure of the kind ("13 US soldiers and 60
  // Afghans", "13 of them Americans among the 170 dead"), the total when alone
  const groups = new Map<CountHit, string>();
  for (const h of hits) {
    if (h.count.subset) continue;
    const g = NAMED_GROUP.exec(sentence.slice(rel(h).end, rel(h).end + 50));
    if (g) groups.set(h, g[1]!.trim());
  }
  const parts = [...groups].filter(([h]) =>
    hits.some((o) => o !== h && o.count.kind === h.count.kind && !o.count.subset),
  );
  for (const [h, group] of parts) h.count.subset = group;
  return hits;
}
