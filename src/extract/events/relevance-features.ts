// Features of the learned relevance score (relevance.ts): the event's type, trigger and modality, its rule class
// and salience, how far its date lies from the report's, what kind of actor carries it out (a state's forces or an
// armed group), where in the report it is told, and cue words of its sentence.
import type { Event } from "../../model/records.js";
import type { ExtractContext } from "../context.js";
import type { RelevanceClass } from "./relevance-rules.js";

const DAY_MS = 86_400_000;

/** Days the event's date lies before the report's reference date, in coarse bands. */
function dateBand(ctx: ExtractContext, e: Event): string {
  if (!e.date) return "none";
  const ref = ctx.reference;
  if (!ref) return "no-reference";
  const days = (Date.parse(`${ref.start}T00:00:00Z`) - Date.parse(`${e.date.end}T00:00:00Z`)) / DAY_MS;
  if (Number.isNaN(days)) return "unknown";
  if (days < -1) return "after";
  if (days <= 2) return "0-2";
  if (days <= 14) return "3-14";
  if (days <= 60) return "15-60";
  if (days <= 365) return "61-365";
  return "365+";
}

/** Words of a sentence that tell what kind of happening it is; the rest are not looked at. */
const CUES = new Set(
  (
    "army armed military troops soldiers forces police guerrillas guerrilla rebels rebel terrorists terrorist " +
    "insurgents clash clashed clashes combat fighting battle skirmish offensive operation operations " +
    "threat threatened threats warned plan planned plot intends ready would could will may might " +
    "anniversary commemorate ago last year years history trial sentenced court accused charged arrested " +
    "captured killed murdered assassinated kidnapped bomb dynamite exploded explosion attack attacked " +
    "drug traffickers cartel war peace talks negotiations dialogue election campaign government president " +
    "denounced condemned repudiated claimed responsibility communique report human rights violations"
  ).split(" "),
);

const STATE_WORDS =
  /\b(?:army|troops?|soldiers?|military|armed forces|police|patrols?|battalions?|brigades?|marines|navy)\b/i;
const GROUP_WORDS =
  /\b(?:guerrillas?|rebels?|terrorists?|insurgents?|gunmen|commandos?|urban cells?|militants?|extremists?)\b/i;

function actorKinds(ctx: ExtractContext, e: Event): string[] {
  const out: string[] = [];
  for (const p of e.participants) {
    if (p.role !== "attacker" && p.role !== "participant") continue;
    const ent = p.entity ? ctx.entities.find((x) => x.id === p.entity) : undefined;
    if (ent) out.push(`${p.role}:${ent.type}`);
    if (STATE_WORDS.test(p.text)) out.push(`${p.role}:state-forces`);
    else if (GROUP_WORDS.test(p.text)) out.push(`${p.role}:armed-group`);
  }
  if (!out.length) out.push("attacker:none");
  return out;
}

function sentenceBand(ctx: ExtractContext, e: Event): string {
  const i = ctx.sentences.findIndex((s) => s.start <= e.trigger.start && e.trigger.start < s.end);
  if (i < 0) return "?";
  return i === 0 ? "0" : i <= 2 ? "1-2" : i <= 5 ? "3-5" : i <= 10 ? "6-10" : "11+";
}

const wordsOf = (text: string): Set<string> => new Set(text.toLowerCase().match(/[a-z]+/g) ?? []);

export function relevanceFeatures(ctx: ExtractContext, e: Event, rule: RelevanceClass): string[] {
  const words = wordsOf(e.sentence?.text ?? "");
  // the report's lead tells what it is about (an attack, a speech, an army operation), whichever event is scored
  const lead = wordsOf(
    ctx.sentences
      .slice(0, 2)
      .map((s) => s.text)
      .join(" "),
  );
  const f = [
    `type:${e.type}`,
    `subtype:${e.subtype ?? "-"}`,
    `trigger:${e.trigger.text.toLowerCase()}`,
    `modality:${e.modality}`,
    `rule:${rule}`,
    `salience:${String(e.attributes.salience ?? "-")}`,
    `date:${dateBand(ctx, e)}`,
    `sentence:${sentenceBand(ctx, e)}`,
    `place:${e.place ? "yes" : "no"}`,
    `counts:${e.counts.length ? "yes" : "no"}`,
    ...actorKinds(ctx, e),
    ...e.participants.map((p) => `role:${p.role}`),
  ];
  for (const w of words) if (w.length > 2) f.push(`word:${w}`);
  for (const w of lead) if (CUES.has(w)) f.push(`lead:${w}`);
  return f;
}
