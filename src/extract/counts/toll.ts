// A toll told through its noun and a verb of change or state, however far apart in the clause: "the
// death toll from Sunday's bombing at the rally rose to 54", "the number of injured stands at 120",
// "the toll was revised down to 20 from 25", "rose from 90 to 170". The noun names the count's kind;
// a figure after "from" is the earlier one, the figure after "to" / "at" the current one.
// Lexicon: data/lexicons/tolls.json.
import type { CountKind } from "../../model/records.js";
import { loadData } from "../data.js";

interface TollLexicon {
  subjects: Record<string, string[]>;
  changeVerbs: string[];
  carryVerbs: string[];
  changeAdverbs: string[];
}

interface Pattern {
  re: RegExp;
  earlier: boolean;
}

interface Compiled {
  kindOf: Map<string, CountKind>;
  subjects: RegExp; // global: every toll noun of a clause
  group: RegExp; // "the number of soldiers killed … stood at"
  patterns: Pattern[];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
const alternation = (xs: string[]) =>
  [...xs]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join("|");

const DAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|overnight)";

/** The participle that closes "number of <group> …" and the kind it counts. */
const GROUP_KIND: Record<string, CountKind> = {
  killed: "killed",
  dead: "killed",
  injured: "injured",
  wounded: "injured",
};

/** Words of a "number of … killed" group that name all the victims, not a part of them. */
const EVERYONE = /^(?:(?:the|those|people|persons|civilians|victims)\s+)+$/i;

let compiled: Compiled | undefined;

function lexicon(): Compiled {
  if (compiled) return compiled;
  const raw = loadData<TollLexicon>("lexicons/tolls.json");
  const kindOf = new Map<string, CountKind>();
  for (const [kind, nouns] of Object.entries(raw.subjects))
    for (const n of nouns) kindOf.set(n.replace(/\s+/g, " "), kind as CountKind);
  const subj = `\\b(${alternation([...kindOf.keys()])})\\b`;
  const verb = `\\b(?:${alternation(raw.changeVerbs)})\\b`;
  // adverbs, and a day the change is dated by ("rose sharply on Friday to …")
  const adv = `(?:\\s+(?:${alternation(raw.changeAdverbs)}|(?:on\\s+|late\\s+|early\\s+)?${DAY}))*`;
  // the clause between the noun and its verb: no sentence or clause break
  const gap = "[^.;!?]{0,160}?";
  const figure = "[^.;!?]{1,40}?";
  const reaching = "\\b(?:reached|reaches|crossed|passed|topped|hit|exceeded|surpassed)\\b";
  const being = "\\b(?:is|was|stands|stood|remains|remained)\\b";
  const carry = `\\b(?:${alternation(raw.carryVerbs)})\\b`;
  // "the number of US troops killed", "the number of foreign nationals wounded": a toll of one group of the victims
  const group = `\\bnumber\\s+of\\s+((?:[\\p{L}.'’-]+\\s+){1,3}?)(${alternation(Object.keys(GROUP_KIND))})\\b`;
  compiled = {
    kindOf,
    group: new RegExp(`${group}${gap}(?:${verb}${adv}\\s+(?:to|at)|${reaching}${adv}|${being}${adv})\\s*$`, "iu"),
    subjects: new RegExp(subj, "gi"),
    patterns: [
      // "… rose to", "… stands at", "… rose from 90 to"
      { re: new RegExp(`${subj}${gap}${verb}${adv}(?:\\s+from\\s+${figure})?\\s+(?:to|at)\\s*$`, "i"), earlier: false },
      // "… rose from", "… revised down to 20 from"
      { re: new RegExp(`${subj}${gap}${verb}${adv}(?:\\s+(?:to|at)\\s+${figure})?\\s+from\\s*$`, "i"), earlier: true },
      // "… reached", "… crossed"
      { re: new RegExp(`${subj}${gap}${reaching}${adv}\\s*$`, "i"), earlier: false },
      // "taking the death toll to", "put the toll at", "bringing the number of dead to"
      {
        re: new RegExp(
          `${carry}\\s+(?:the\\s+|its\\s+|their\\s+)?(?:overall\\s+|total\\s+|official\\s+|final\\s+)?${subj}${gap}\\s(?:to|at)\\s*$`,
          "i",
        ),
        earlier: false,
      },
      // "revised the toll from", "revised the toll down to 30 from"
      {
        re: new RegExp(
          `${carry}\\s+(?:the\\s+|its\\s+|their\\s+)?(?:overall\\s+|total\\s+|official\\s+|final\\s+)?${subj}${gap}\\s(?:(?:to|at)\\s+${figure}\\s+)?from\\s*$`,
          "i",
        ),
        earlier: true,
      },
      // "the toll is now", "the number of dead was"
      { re: new RegExp(`${subj}\\s+(?:[\\w’'-]+\\s+){0,4}?${being}${adv}\\s*$`, "i"), earlier: false },
    ],
  };
  return compiled;
}

export interface TollCue {
  kind: CountKind;
  /** The figure is one the toll moved from ("rose from 90 to 170": 90). */
  earlier: boolean;
  /** The toll of one group of the victims ("the number of US troops killed stood at 13": "US troops"). */
  subset?: string;
}

/** The toll a number at `start` of `text` is the figure of, from the clause before it. */
export function tollBefore(text: string, start: number): TollCue | undefined {
  const lex = lexicon();
  const before = text.slice(Math.max(0, start - 220), start).replace(/\s+up\s*$/i, " ");
  for (const p of lex.patterns) {
    // the last toll noun before the verb names the kind ("the death toll … and the number of injured to")
    const m = p.re.exec(before);
    if (!m) continue;
    const nouns = [...before.slice(m.index).matchAll(lex.subjects)];
    const noun = (nouns[nouns.length - 1]?.[1] ?? m[1]!).toLowerCase().replace(/\s+/g, " ");
    const kind = lex.kindOf.get(noun);
    if (kind) return { kind, earlier: p.earlier };
  }
  const g = lex.group.exec(before);
  const kind = g ? GROUP_KIND[g[2]!.toLowerCase()] : undefined;
  if (g && kind) {
    const who = g[1]!;
    return EVERYONE.test(who) ? { kind, earlier: false } : { kind, earlier: false, subset: who.trim() };
  }
  return undefined;
}
