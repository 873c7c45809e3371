// A judicial follow-up — the attackers tried, sentenced or put to death, often months later — is a follow-up of the
// attack it names, never an attack of its own. Its report leads with the execution ("two men were hanged on Monday
// for the market bombing that killed 20 in March"), so extraction's main event is the execution or the toll told in
// its sentence, dated by the hanging. Fusion reads such a report by the attack it retells: that
// attack is the report's main event, and it may join the attack's incident across the follow-up window when it
// retells it (the clusterer's `followUp` rule: same place, and figures or names in common).
import type { EventFeatures } from "./clusterer.js";
import { sentenceAt } from "./response.js";

/** Event types of the justice that follows an attack (the event ontology has executions; trials are not events). */
const JUDICIAL = new Set(["execution"]);

export const isJudicial = (e: EventFeatures): boolean => JUDICIAL.has(e.type);

/**
 * The attack a judicial follow-up report retells, to stand as its main event; undefined when the report is not one.
 * A report is one when its main event is a judicial event, or a toll told in the sentence of a judicial event of
 * the report. The attack is its first attack-like, non-judicial event not told as background.
 */
export function retoldAttack(text: string, main: EventFeatures, feats: EventFeatures[]): EventFeatures | undefined {
  const judicial = feats.filter(isJudicial);
  if (!judicial.length) return undefined;
  const sentence = (e: EventFeatures) => (e.offset === undefined ? undefined : sentenceAt(text, e.offset));
  const led =
    isJudicial(main) ||
    (main.family === "related" &&
      sentence(main) !== undefined &&
      judicial.some((j) => j.offset !== undefined && sentence(j) === sentence(main)));
  if (!led) return undefined;
  return feats.find((f) => f.family === "attack" && !isJudicial(f) && f.salience !== "background");
}
