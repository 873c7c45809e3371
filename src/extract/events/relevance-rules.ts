// The rule half of the relevance judgement: what kind of happening the text tells an event as, from cues the
// product already has (modality, salience, the other events of its sentence) and cue words
// (data/lexicons/relevance.json). An attack that happened is "actual"; a threat, a plan, an exercise, history
// (an anniversary, an earlier attack) and a clash between armed forces are not.
import type { Event } from "../../model/records.js";
import type { ExtractContext } from "../context.js";
import { loadData } from "../data.js";

export const RELEVANCE_CLASSES = [
  "actual",
  "threat",
  "plan",
  "exercise",
  "historical",
  "military clash",
  "other",
] as const;
export type RelevanceClass = (typeof RELEVANCE_CLASSES)[number];

interface CueSet {
  before: string[];
  sentence: string[];
}
interface RelevanceLexicon {
  threat: CueSet;
  plan: CueSet;
  exercise: CueSet;
  historical: CueSet;
  clash: CueSet & { forces: string };
}

interface Compiled {
  sets: { cls: RelevanceClass; before: RegExp[]; sentence: RegExp[] }[];
  clash: RegExp[];
  forces: RegExp;
}

let compiled: Compiled | undefined;
function lexicon(): Compiled {
  if (compiled) return compiled;
  const l = loadData<RelevanceLexicon>("lexicons/relevance.json");
  const re = (ps: string[]) => ps.map((p) => new RegExp(p, "i"));
  const set = (cls: RelevanceClass, c: CueSet) => ({ cls, before: re(c.before), sentence: re(c.sentence) });
  compiled = {
    sets: [set("threat", l.threat), set("plan", l.plan), set("exercise", l.exercise), set("historical", l.historical)],
    clash: re(l.clash.sentence),
    forces: new RegExp(l.clash.forces, "i"),
  };
  return compiled;
}

export interface RuleJudgement {
  cls: RelevanceClass;
  /** Why: the cue that decided it (absent for a plain actual event). */
  cue?: string;
}

/** Event types that are themselves no attack that happened, whatever their wording. */
const TYPE_CLASS: Record<string, RelevanceClass> = {
  threat: "threat",
  military_exercise: "exercise",
  armed_clash: "military clash",
};

/** An attack-like event told in a sentence about fighting between armed forces ("the army clashed with …"). */
function clashCue(text: string, lex: Compiled, sentenceTypes: ReadonlySet<string>): string | undefined {
  if (!lex.forces.test(text)) return undefined;
  if (sentenceTypes.has("armed_clash")) return "a clash in its sentence";
  const m = lex.clash.map((r) => r.exec(text)).find((x) => x);
  return m ? `told with "${m[0].toLowerCase()}"` : undefined;
}

/** The rule class of one event; `siblings` are the events of the same document. */
export function ruleRelevance(ctx: ExtractContext, e: Event, siblings: readonly Event[]): RuleJudgement {
  const byType = TYPE_CLASS[e.type];
  if (byType) return { cls: byType, cue: `a ${e.type.replace(/_/g, " ")} event` };
  if (e.modality === "negated" || e.modality === "denied") return { cls: "other", cue: `told as ${e.modality}` };
  const lex = lexicon();
  const s = e.sentence;
  const text = s?.text ?? "";
  const before = ctx.doc.text.slice(Math.max(s?.start ?? 0, e.trigger.start - 80), e.trigger.start);
  for (const set of lex.sets) {
    const m =
      set.before.map((r) => r.exec(before)).find((x) => x) ?? set.sentence.map((r) => r.exec(text)).find((x) => x);
    if (m) return { cls: set.cls, cue: `told with "${m[0].trim().toLowerCase()}"` };
  }
  if (e.attributes.salience === "background") return { cls: "historical", cue: String(e.attributes.salienceReason) };
  // a hypothetical event with no threat or plan cue is still not one that happened
  if (e.modality === "hypothetical") return { cls: "other", cue: "told as hypothetical" };
  const types = new Set(siblings.filter((o) => o.sentence?.start === s?.start).map((o) => o.type));
  const clash = clashCue(text, lex, types);
  if (clash) return { cls: "military clash", cue: clash };
  return { cls: "actual" };
}
